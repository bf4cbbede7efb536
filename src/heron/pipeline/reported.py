"""Reported (indirect) speech from the dependency parse.

"Putin noted that Russia is ready ..."   reporting verb + ccomp; speaker = nsubj
"Russia is ready ..., Putin noted."       the same with the clause before the cue
"According to Putin, together ..."        speaker = object of "according to"; content = the rest
"This was stated by Putin ..."            passive with a demonstrative subject; speaker = agent,
                                          content = the sentence before
Each finding names its rule; offsets index the article text.
"""
from __future__ import annotations

from dataclasses import dataclass

from heron.pipeline.speech import clause_verbs, intent_verbs, is_hedge, prepositional_cues, reporting_verbs

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
DEMONSTRATIVES = {"this", "that", "these", "those", "it"}
EDGE_PUNCT = " \t\n,;:—–-\"“”«»„'"
MIN_CONTENT_WORDS = 3


@dataclass
class Reported:
    """A stretch of speech found in the text, before its speaker is resolved."""

    start: int
    end: int
    direct: bool
    rule: str
    cue: str | None = None
    cue_at: int | None = None  # offset of the cue word
    speaker: tuple[int, int] | None = None  # bounds of the speaker's head token
    speaker_token: object = None  # the spaCy Token heading the speaker phrase
    follows: bool = False  # same speaker as the quote before it


def speaker_token(verb, depth: int = 0):
    """The token naming who speaks for a reporting verb: subject, or agent of a passive;
    for "He paused and said ...", "X urged ..., saying ..." the subject of the verb before."""
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            return child
    head = verb.head
    if depth < 3 and verb.dep_ in ("conj", "xcomp", "advcl", "acomp") and head.i < verb.i:
        return speaker_token(head, depth + 1)
    return None


def cue_text(verb) -> str:
    particles = [c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1]
    return verb.text + (" " + particles[0].text if particles else "")


def _bounds(doc, first: int, last: int, text: str, anchor: int | None = None) -> tuple[int, int] | None:
    """Character bounds of tokens first..last, trimmed of edge punctuation and "that", and
    kept inside the paragraph of ``anchor`` (the cue): a parse may run across a line break."""
    while first <= last and (doc[first].is_punct or doc[first].lower_ in ("that", "whether") or doc[first].is_space):
        first += 1
    while last >= first and (doc[last].is_punct and doc[last].text not in "”»\"" or doc[last].is_space):
        last -= 1  # the sentence's full stop is not part of what was said
    if first > last:
        return None
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    if anchor is not None:
        start = max(start, text.rfind("\n", 0, anchor) + 1)
        stop = text.find("\n", anchor)
        end = min(end, stop) if stop >= 0 else end
        while start < end and text[start] in EDGE_PUNCT:
            start += 1
    while end > start and text[end - 1] in EDGE_PUNCT:
        end -= 1
    return _balanced(text, start, end) if end > start else None


def _balanced(text: str, start: int, end: int) -> tuple[int, int]:
    """Keep quotation marks paired: take back an opening or closing mark the trim cut off."""
    body = text[start:end]
    opens, closes = sum(body.count(c) for c in "“«„"), sum(body.count(c) for c in "”»")
    if body.count('"') % 2:  # an odd straight mark: opening if it starts a word, else closing
        at = body.index('"')
        opening = at + 1 < len(body) and not body[at + 1].isspace()
        opens, closes = opens + opening, closes + (not opening)
    if closes > opens and start > 0 and text[start - 1] in "“«„\"":
        start -= 1
    elif opens > closes:
        tail = text[end:end + 2]
        for k, ch in enumerate(tail):
            if ch in "”»\"":
                end += k + 1
                break
    return start, end


def _inside(start: int, spans: list[tuple[int, int]]) -> bool:
    return any(s - 1 <= start < e for s, e in spans)


def find_reported(doc, text: str, quoted: list[tuple[int, int]]) -> list[Reported]:
    """Indirect speech in ``doc``; ``quoted`` are the direct quote spans (skipped as content)."""
    verbs = reporting_verbs() | clause_verbs() | intent_verbs()
    found: list[Reported] = []
    sents = list(doc.sents)
    for n, sent in enumerate(sents):
        for token in sent:
            if _inside(token.idx, quoted):
                continue  # speech inside quoted words belongs to the quote
            item = None
            if token.lemma_.lower() in prepositional_cues():
                item = _according(token, sent, text)
            elif token.lemma_.lower() in verbs and token.pos_ in ("VERB", "AUX"):
                item = _clause(token, text) or _parenthetical(token, text) or _infinitive(token, text)
                if item is None and n > 0:
                    item = _passive_previous(token, sents[n - 1], text)
            if item is not None and _long_enough(text, item):
                found.append(item)
    return found


def _long_enough(text: str, item: Reported) -> bool:
    return len(text[item.start:item.end].split()) >= MIN_CONTENT_WORDS


def _with_speaker(verb, bounds, rule: str) -> Reported | None:
    who = speaker_token(verb)
    if bounds is None or who is None or is_hedge(verb.lemma_, who.text):
        return None
    return Reported(bounds[0], bounds[1], False, rule, cue_text(verb), verb.idx,
                    (who.idx, who.idx + len(who.text)), who)


def _clause(verb, text: str) -> Reported | None:
    """Reporting verb with a clausal complement: "X said (that) ..." or "..., X said"."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses:
        return None
    clause = clauses[0]
    bounds = _bounds(verb.doc, clause.left_edge.i, clause.right_edge.i, text, verb.idx)
    rule = "indirect.clause" if clause.i > verb.i else "indirect.clause_before"
    return _with_speaker(verb, bounds, rule)


def _parenthetical(verb, text: str) -> Reported | None:
    """'Russia is ready to ..., the president said' / 'This campaign, he says, is different':
    the cue hangs off the clause it reports, set off by commas."""
    head = verb.head
    if verb.dep_ not in ("parataxis", "ccomp") or head.pos_ not in ("VERB", "AUX") or head.i == verb.i:
        return None
    doc = verb.doc
    words = [t.i for t in verb.subtree if not t.is_punct]
    left, right = min(words), max(words)  # the cue phrase without the commas around it
    if left == 0 or doc[left - 1].text not in (",", "—", "–"):
        return None
    if head.i < verb.i:
        bounds = _bounds(doc, head.left_edge.i, left - 1, text, verb.idx)
        return _with_speaker(verb, bounds, "indirect.parenthetical")
    if right + 1 >= len(doc) or doc[right + 1].text not in (",", "—", "–"):
        return None
    before = _bounds(doc, head.left_edge.i, left - 1, text, verb.idx)
    rest = _bounds(doc, right + 2, head.right_edge.i, text, verb.idx)
    if before is None or rest is None:
        return None
    return _with_speaker(verb, (before[0], rest[1]), "indirect.parenthetical_inside")


def _infinitive(verb, text: str) -> Reported | None:
    """'Trump vowed to build a wall' / 'She urged voters to back him': the intended act."""
    if verb.lemma_.lower() not in intent_verbs():
        return None
    complements = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i
                   and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    if not complements:
        return None
    clause = complements[0]
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and verb.i < c.i < clause.i]
    first = objects[0].left_edge.i if objects else clause.left_edge.i
    bounds = _bounds(verb.doc, first, clause.right_edge.i, text, verb.idx)
    return _with_speaker(verb, bounds, "indirect.infinitive")


def _passive_previous(verb, previous, text: str) -> Reported | None:
    """"This was stated by X": the content is the sentence before."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    has_agent = any(c.dep_ == "agent" for c in verb.children)
    if not subjects or subjects[0].lower_ not in DEMONSTRATIVES or not has_agent:
        return None
    bounds = _bounds(verb.doc, previous.start, previous.end - 1, text, previous[-1].idx)
    if bounds is None or "\n" in text[bounds[1]:verb.idx]:
        return None  # the sentence before belongs to another paragraph
    return _with_speaker(verb, bounds, "indirect.passive_previous")


def _according(cue, sent, text: str) -> Reported | None:
    """"According to X, ..." / "..., according to X": the sentence without the cue phrase."""
    preposition = prepositional_cues()[cue.lemma_.lower()]
    preps = [c for c in cue.children if c.lower_ == preposition]
    objects = [c for c in preps[0].children if c.dep_ == "pobj"] if preps else []
    if not objects:
        return None
    doc = cue.doc
    phrase_first, phrase_last = cue.i, cue.right_edge.i
    if phrase_first - sent.start <= sent.end - 1 - phrase_last:
        bounds = _bounds(doc, phrase_last + 1, sent.end - 1, text, cue.idx)
    else:
        bounds = _bounds(doc, sent.start, phrase_first - 1, text, cue.idx)
    if bounds is None:
        return None
    who = objects[0]
    return Reported(bounds[0], bounds[1], False, "indirect.according_to", f"{cue.text} {preps[0].text}",
                    cue.idx, (who.idx, who.idx + len(who.text)), who)
