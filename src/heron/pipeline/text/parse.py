"""The spaCy parse: loads the language's model once and parses articles in batches.

Each paragraph is parsed on its own and the pieces joined back into one Doc over the whole
text, so a sentence, and every dependency arc, ends where the paragraph ends: a title without
a final period never runs into the lede.

The parser never sees a text longer than ``PIECE_CHARS``: a paragraph longer than that (a dump
without blank lines, a crawl that lost its markup) is cut into pieces at a line break, else at
a sentence end, else at a space, else anywhere, each cut in the second half of the window so
that the cutting stays linear. spaCy refuses texts over ``nlp.max_length`` (E088) and its time
and memory per character grow with the length of one text, so pieces keep parsing linear. No
news paragraph comes near the limit: for real articles nothing changes. Pieces join back into
one Doc whose text is exactly ``Article.text``, so every offset stays valid.

Articles over ``LONG_TEXT_CHARS`` are parsed on their own, piece after piece with the time
budget checked in between (pipeline.budget); shorter ones share ``nlp.pipe`` batches.

Selective parse (``Settings(full_parse=False)``, ``--selective-parse``; the full parse is the
default, as the selective one skips too little of a news text to save time): every piece is
first tokenised and tagged (the components before the parser);
the parser then runs only over the pieces that hold a cue (pipeline/text/cues.py), the sentence
recogniser marks the sentences of the others, and the components after the parser (attribute
ruler, lemmatiser, entities: all read the parse's sentences or arcs) run over every piece. A piece
is a text of its own to spaCy, and the parser reads the token vectors the first pass left on
each Doc, so every parsed piece is exactly what the full pipeline gives (`scripts/
selective_parse.py` compares whole records on the development sets).
"""
from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from itertools import islice

from heron.config import Settings
from heron.pipeline.budget import charge, check
from heron.pipeline.component import Stage, run_guarded
from heron.pipeline.knowledge import Knowledge
from heron.pipeline.text.cues import Cues
from heron.pipeline.text.identify import CODED
from heron.types import Article

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
PIECE_CHARS = 20_000  # longest text handed to the parser at once (news paragraphs stay under 8,000)
LONG_TEXT_CHARS = 200_000  # articles longer than this are parsed alone, piece by piece
ALONE_CHARS = 100_000  # such an article is parsed in groups of pieces this long, the time budget checked between
# Where a long paragraph may be cut, best first: after a line break, after a sentence end
# (final punctuation, closing quotes or brackets, then space before a word that is not lower
# case), after a space. Each pattern matches the cut point's left side.
CUTS = (re.compile(r"\n"), re.compile(r"[.!?…]+[\"'”’»)\]]*\s+(?=[^\sa-z])"), re.compile(r"\s+"))


def paragraphs(text: str) -> list[str]:
    """The text cut after each blank-line run; the pieces join back to exactly ``text``."""
    cuts = [m.end() for m in PARAGRAPH_BREAK.finditer(text) if m.end() < len(text)]
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:]) if b > a] or [text]


def pieces(text: str, limit: int = PIECE_CHARS) -> list[str]:
    """Paragraphs, the long ones cut into pieces of at most ``limit`` characters; they join
    back to exactly ``text``."""
    return [piece for paragraph in paragraphs(text) for piece in cut_long(paragraph, limit)]


def cut_long(paragraph: str, limit: int) -> list[str]:
    """``paragraph`` in pieces of at most ``limit`` characters (see CUTS)."""
    out: list[str] = []
    start = 0
    while len(paragraph) - start > limit:
        end = start + limit
        cut = next((at for pattern in CUTS if (at := _last_cut(pattern, paragraph, start + limit // 2, end))), end)
        out.append(paragraph[start:cut])
        start = cut
    out.append(paragraph[start:])
    return out


def _last_cut(pattern: re.Pattern[str], text: str, lowest: int, end: int) -> int | None:
    """The end of the last match of ``pattern`` in text[lowest:end], if any."""
    found = None
    for found in pattern.finditer(text, lowest, end):
        pass
    return found.end() if found is not None and found.end() > lowest else None


class ParseStage(Stage):
    name = "parse"
    provides = ("doc",)

    def __init__(self, settings: Settings, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.nlp = knowledge.nlp
        self.language = knowledge.language
        self.batch_size = settings.batch_size
        self.limit = min(PIECE_CHARS, self.nlp.max_length)
        self.cues = None if settings.full_parse else Cues(knowledge)
        # components after the parser that may read it, run after it on every piece; None: full parse
        self.late = _late_components(self.nlp) if self.cues is not None and self.cues.usable else None
        self.parsed = self.pieces = 0  # pieces parsed and seen, for the figures of the selective parse

    def __call__(self, article: Article) -> None:
        article.doc = self._join(list(self._parse_alone(article.text)))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        stream = iter(articles)
        while batch := list(islice(stream, self.batch_size)):
            shared = [a for a in batch if _shared(a)]
            cut = [pieces(a.text, self.limit) for a in shared]
            started = time.monotonic()
            parsed = iter(self._pipe([p for ps in cut for p in ps], self.batch_size * 8))
            spent, chars = time.monotonic() - started, sum(len(a.text) for a in shared) or 1
            own = iter(cut)
            for article in batch:
                if _shared(article):
                    docs = [next(parsed) for _ in next(own)]
                    charge(article, spent * len(article.text) / chars)  # its share of the batch's parse
                    run_guarded(self, article, lambda a, d=docs: setattr(a, "doc", self._join(d)))
                else:  # parsed on its own; or, in a language heron does not code, passed by
                    run_guarded(self, article, lambda a: self(a))
                yield article

    def _parse_alone(self, text: str) -> Iterator:
        for group in _groups(pieces(text, self.limit), ALONE_CHARS):
            check()
            yield from self._pipe(group, len(group))

    def _pipe(self, texts: list[str], batch_size: int) -> list:
        """The Docs of ``texts``: all parsed, or (selective) only those that hold a cue."""
        if self.late is None:
            return list(self.nlp.pipe(texts, batch_size=batch_size))
        docs = list(self.nlp.pipe(texts, batch_size=batch_size, disable=["parser", *self.late]))
        cued = [self.cues.in_text(doc) for doc in docs]
        list(self.nlp.get_pipe("parser").pipe([d for d, c in zip(docs, cued) if c], batch_size=batch_size))
        for doc in self.nlp.get_pipe("senter").pipe([d for d, c in zip(docs, cued) if not c], batch_size=batch_size):
            if len(doc):
                doc[0].is_sent_start = True  # a piece opens a sentence, as the parser always has it
        for name in self.late:  # each reads the parse, or what a component reading it set
            docs = list(self.nlp.get_pipe(name).pipe(docs, batch_size=batch_size))
        self.parsed += sum(cued)
        self.pieces += len(docs)
        return docs

    def _join(self, docs: list):
        from spacy.tokens import Doc

        doc = docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
        if len(docs) > 1:
            _keep_unparsed_sentences(doc, docs)
        self.language.adapt(doc)
        return doc


def _keep_unparsed_sentences(doc, docs: list) -> None:
    """``Doc.from_docs`` derives the sentence starts of a parsed Doc from its heads; pieces the
    parser did not see have none, so their starts (the sentence recogniser's) are put back."""
    unparsed = [not piece.has_annotation("DEP") for piece in docs]
    if not any(unparsed) or all(unparsed):
        return
    from spacy.attrs import SENT_START

    starts = doc.to_array([SENT_START]).reshape(-1, 1).copy()
    at = 0
    for piece, bare in zip(docs, unparsed):
        if bare:
            starts[at:at + len(piece), 0] = piece.to_array([SENT_START]).ravel()
        at += len(piece)
    doc.from_array([SENT_START], starts)


def _late_components(nlp) -> list[str] | None:
    """The components after the parser, in pipeline order (en_core_web_sm: attribute_ruler and
    lemmatizer, which read the parse, and ner, which keeps entities within its sentences);
    None when the model has no parser or no sentence recogniser for the pieces left unparsed."""
    names = nlp.pipe_names
    if "parser" not in names or "senter" not in nlp.component_names:
        return None
    return names[names.index("parser") + 1:]


def _shared(article: Article) -> bool:
    """Parsed in a batch with others: English (the language coded) and not long."""
    return article.language in CODED and len(article.text) <= LONG_TEXT_CHARS


def _groups(texts: list[str], chars: int) -> Iterator[list[str]]:
    """Consecutive texts in groups of up to ``chars`` characters (a longer text on its own)."""
    group: list[str] = []
    size = 0
    for text in texts:
        if group and size + len(text) > chars:
            yield group
            group, size = [], 0
        group.append(text)
        size += len(text)
    if group:
        yield group
