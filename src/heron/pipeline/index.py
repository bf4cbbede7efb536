"""Indexes over one article for the questions stages ask per sentence, event or quote.

"Which actor is mentioned here?", "which quote holds this offset?", "which sentence holds this
token?", "where does this line start?": answered by scanning the whole article (or paragraph), each question
costs time in proportion to the article's length, and one long article took quadratic time.
An index answers with a binary search. Each is built once and kept in ``doc.user_data``
(spaCy's place for data that lives and dies with a Doc); one built from ``article.actors`` or
``article.quotes`` is rebuilt when that list is replaced or grows (each is written once, by
its stage). Without a Doc (hand-built articles in tests) an index is built for each question.
Every answer is the one the scan gave, in the same order.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate
from typing import Any, TypeVar

from heron.types import Article

T = TypeVar("T")
_NEWLINE = re.compile("\n")


def cached(article: Article, key: str, build: Callable[[Article], T], *depends: list) -> T:
    """``build(article)``, kept on the article's Doc while each list in ``depends`` is the
    same object with the same length."""
    doc = article.doc
    store = getattr(doc, "user_data", None)
    if store is None:
        return build(article)
    stamp = tuple((id(d), len(d)) for d in depends)
    held = store.get(("heron", key))
    if held is not None and held[0] == stamp and all(a is b for a, b in zip(held[1], depends)):
        return held[2]
    value = build(article)
    store[("heron", key)] = (stamp, depends, value)  # the lists are held, so their ids stay theirs
    return value


# -- lines ---------------------------------------------------------------------------------
@dataclass
class Lines:
    """Where a text's lines (paragraphs, in heron's cleaned text) start and end."""

    length: int
    breaks: list[int]  # offsets of the line breaks

    @classmethod
    def of(cls, text: str) -> Lines:
        return cls(len(text), [m.start() for m in _NEWLINE.finditer(text)])

    def start(self, at: int) -> int:
        """``text.rfind("\\n", 0, at) + 1``: where the line holding ``at`` starts."""
        k = bisect_left(self.breaks, at) - 1
        return self.breaks[k] + 1 if k >= 0 else 0

    def end(self, at: int) -> int:
        """``text.find("\\n", at)``: the line break ending the line holding ``at``, or -1."""
        k = bisect_left(self.breaks, max(at, 0))
        return self.breaks[k] if k < len(self.breaks) else -1


def lines(doc) -> Lines:
    """The lines of the Doc's text."""
    return _doc_cached(doc, "lines", lambda d: Lines.of(text_of(d)))


# -- sentences and entities of a Doc -------------------------------------------------------
@dataclass
class Sentences:
    bounds: list[tuple[int, int]]  # (start, end) token indices of the Doc's sentences, in order
    starts: list[int]

    def number_of(self, token_i: int) -> int:
        """Which sentence holds the token (as ``next(i for i, s in enumerate(sents) if s.start <= i < s.end)``)."""
        return bisect_right(self.starts, token_i) - 1

    def span(self, doc, k: int):
        start, end = self.bounds[k]
        return doc[start:end]


def sentences(doc) -> Sentences:
    """The Doc's sentences (no Span objects are kept: they would tie the Doc in a cycle)."""
    def build(_):
        bounds = [(s.start, s.end) for s in doc.sents]
        return Sentences(bounds, [b[0] for b in bounds])

    return _doc_cached(doc, "sentences", build)


@dataclass
class Entities:
    items: list[tuple[int, int, str, int, int]]  # (start_char, end_char, label, start, end) in Doc order
    starts: list[int]

    def starting_in(self, start: int, end: int) -> list[tuple[int, int, str, int, int]]:
        """Entities whose first character lies in [start, end)."""
        return self.items[bisect_left(self.starts, start):bisect_left(self.starts, end)]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, str, int, int]]:
        """Entities sharing a character with [start, end) (entities never overlap each other)."""
        k = bisect_left(self.starts, start)
        if k and self.items[k - 1][1] > start:
            k -= 1
        return self.items[k:bisect_left(self.starts, end)]


def entities(doc) -> Entities:
    def build(_):
        items = [(e.start_char, e.end_char, e.label_, e.start, e.end) for e in doc.ents]
        return Entities(items, [e[0] for e in items])

    return _doc_cached(doc, "entities", build)


def _doc_cached(doc, key: str, build: Callable[[Any], T]) -> T:
    store = doc.user_data
    if ("heron", key) not in store:
        store[("heron", key)] = build(doc)
    return store[("heron", key)]


# -- actor mentions ------------------------------------------------------------------------
@dataclass
class Mentions:
    """Every mention of every actor, by start: (start, end, actor position, mention position)."""

    items: list[tuple[int, int, int, int]]
    starts: list[int]
    longest: int
    first: list[int | None]  # per actor: where its first mention starts

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, int, int]]:
        """Mentions sharing a character with [start, end), in (actor, mention) order."""
        low = bisect_left(self.starts, start - self.longest + 1)
        found = [m for m in self.items[low:bisect_left(self.starts, end)] if m[1] > start]
        return sorted(found, key=lambda m: (m[2], m[3]))

    def starting_in(self, start: int, end: int) -> list[tuple[int, int, int, int]]:
        """Mentions whose start lies in [start, end), in (actor, mention) order."""
        return sorted(self.items[bisect_left(self.starts, start):bisect_left(self.starts, end)],
                      key=lambda m: (m[2], m[3]))


def mentions(article: Article) -> Mentions:
    def build(article: Article) -> Mentions:
        items = sorted((s, e, a, m) for a, actor in enumerate(article.actors) for m, (s, e) in enumerate(actor.mentions))
        first = [min((s for s, _ in actor.mentions), default=None) for actor in article.actors]
        return Mentions(items, [m[0] for m in items], max((e - s for s, e, _, _ in items), default=0), first)

    return cached(article, "mentions", build, article.actors)


# -- intervals and quotes --------------------------------------------------------------------
class Intervals:
    """Half-open intervals [start, end) with optional items, by start (stable), and the running
    maximum of their ends: "does any interval hold x / cover [a, b) / overlap [a, b)" take a
    binary search, "which ones hold x" one more and a walk over the answers."""

    def __init__(self, pairs: list[tuple[int, int]], items: list | None = None) -> None:
        order = sorted(range(len(pairs)), key=lambda k: pairs[k][0])
        self.pairs = [pairs[k] for k in order]
        self.items = [items[k] for k in order] if items is not None else self.pairs
        self.starts = [p[0] for p in self.pairs]
        self.reach = list(accumulate((p[1] for p in self.pairs), max))  # reach[k]: max end of pairs[:k + 1]

    def holds(self, x: int) -> bool:
        """Some interval has start <= x < end."""
        k = bisect_right(self.starts, x)
        return k > 0 and self.reach[k - 1] > x

    def covers(self, start: int, end: int) -> bool:
        """Some interval has its start <= start and its end >= end."""
        k = bisect_right(self.starts, start)
        return k > 0 and self.reach[k - 1] >= end

    def overlaps(self, start: int, end: int) -> bool:
        """Some interval shares a point with [start, end)."""
        k = bisect_left(self.starts, end)
        return k > 0 and self.reach[k - 1] > start

    def overlapping(self, start: int, end: int) -> list:
        """The items of the intervals sharing a point with [start, end), by start."""
        first = bisect_right(self.reach, start)  # intervals before it all end by ``start``
        stop = bisect_left(self.starts, end)
        return [self.items[k] for k in range(first, stop) if self.pairs[k][1] > start]

    def at(self, x: int) -> list:
        """The items of the intervals holding ``x``, by start."""
        return self.overlapping(x, x + 1)


def quotes(article: Article, key: str, keep: Callable[[Any], bool]) -> Intervals:
    """The article's quotes that pass ``keep`` (``key`` names that test), by their spans.
    ``article.quotes`` is in text order, so "first by start" is "first in the list"."""
    def build(article: Article) -> Intervals:
        kept = [q for q in article.quotes if keep(q)]
        return Intervals([(q.start, q.end) for q in kept], kept)

    return cached(article, f"quotes:{key}", build, article.quotes)


def text_of(doc) -> str:
    """``doc.text``, which spaCy rebuilds from the tokens at every access, built once."""
    def build(_) -> str:
        read = tokens(doc)
        return "".join(text + " " if space else text for text, space in zip(read.text, read.space))

    return _doc_cached(doc, "text", build)


# -- the tokens' strings -----------------------------------------------------------------------
@dataclass
class Tokens:
    """The Doc's token attributes as plain lists, by token index: each read through a spaCy
    Token makes a Python object, and the stages read every token many times over."""

    text: list[str]
    lower: list[str]
    space: list[bool]  # a space follows (``whitespace_``)
    lemma: list[str]  # as the model gives it, not lowercased
    pos: list[str]
    dep: list[str]
    alpha: list[bool]


def tokens(doc) -> Tokens:
    """The Doc's tokens, read once from its arrays (spaCy's string store gives each string)."""
    def build(_) -> Tokens:
        from spacy.attrs import DEP, IS_ALPHA, LEMMA, LOWER, ORTH, POS, SPACY

        columns = [ORTH, LOWER, LEMMA, POS, DEP, SPACY, IS_ALPHA]
        rows = doc.to_array(columns).tolist() if len(doc) else []
        strings = doc.vocab.strings
        names: dict[int, str] = {}

        def column(k: int) -> list[str]:
            return [names[h] if h in names else names.setdefault(h, strings[h]) for h in (r[k] for r in rows)]

        return Tokens(column(0), column(1), [bool(r[5]) for r in rows], column(2), column(3), column(4),
                      [bool(r[6]) for r in rows])

    return _doc_cached(doc, "tokens", build)
