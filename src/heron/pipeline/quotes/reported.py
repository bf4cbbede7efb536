"""Reported (indirect) speech from the dependency parse.

"Putin noted that Russia is ready ..."   reporting verb + ccomp; speaker = nsubj
"Russia is ready ..., Putin noted."       the same with the clause before the cue
"According to Putin, together ..."        speaker = object of "according to"; content = the rest
"This was stated by Putin ..."            passive with a demonstrative subject; speaker = agent,
                                          content = the sentence before
"Trump called for a ban on ..."           demand verb + "for"; content = what was called for
"Graham: Trump's rhetoric is ..."         a line opening with a name and a colon (headline,
                                          transcript); speaker = the name
A dateline opening the paragraph ("ORLANDO, Fla. (Reuters) - ") is neither content nor speaker.
Each finding names its rule; offsets index the article text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from heron.pipeline.budget import check
from heron.pipeline.index import Intervals, Lines, lines, text_of
from heron.pipeline.words import SpeechWords

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
EDGE_PUNCT = " \t\n,;:—–-\"“”«»„'"
MIN_CONTENT_WORDS = 3
HEADLINE_WORDS = 30  # a "Name: claim" line longer than this is body text, not a headline
# A dateline opening a paragraph: "CLEVELAND, July 19 (UPI) — ", "ORLANDO, Fla. (Reuters) - ",
# "Washington (AFP) – ", "MOSCOW, June 30. /TASS/. ": place in capitals (or any place followed by
# the agency in brackets), optional date or state, optional agency, then a dash or /AGENCY/.
DATELINE = re.compile(
    r"(?:[A-Z][A-Z'’.]{2,}(?: [A-Z][A-Z'’.]+){0,3}(?:,[^\n—–()/]{1,30}?)?\s*(?:\([A-Z][\w .'’&-]{0,29}\))?"
    r"|[A-Z][\w'’.]+(?: [A-Z][\w'’.]+){0,2}(?:,[^\n—–()/]{1,30}?)?\s*\([A-Z][\w .'’&-]{0,29}\))"
    r"\s*(?:[—–]|--?)\s+|[A-Z][A-Z'’.]{2,}(?: [A-Z][A-Z'’.]+){0,3}(?:,[^\n—–()/]{1,30}?)?\.?\s*/[A-Z-]+/\.?\s+")


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


def dateline_end(text: str, offset: int, index: Lines | None = None) -> int:
    """Where the dateline ends when the paragraph holding ``offset`` opens with one, else the
    paragraph's start (found through ``index``, the text's lines, when given: looking back
    through a long paragraph for its start is slow)."""
    start = index.start(offset) if index is not None else text.rfind("\n", 0, offset) + 1
    found = DATELINE.match(text, start)
    return found.end() if found else start


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
            return _past_dateline(child, verb)
    head = verb.head
    if depth < 3 and verb.dep_ in ("conj", "xcomp", "advcl", "acomp") and head.i < verb.i:
        return speaker_token(head, depth + 1)
    return None


def _past_dateline(who, verb):
    """'ORLANDO, Fla. (Reuters) - President X said ...' parsed with the dateline as subject:
    the speaker is the subject or apposition after the dateline."""
    doc = who.doc
    end = dateline_end(text_of(doc), who.idx, lines(doc))
    if who.idx >= end:
        return who
    after = [t for t in doc[who.i + 1:verb.i] if t.idx >= end and t.pos_ in ("PROPN", "NOUN", "PRON")
             and (t.head.i == who.i and t.dep_ == "appos" or t.head.i == verb.i and t.dep_ in SUBJECT_DEPS)]
    return after[0] if after else who


def cue_text(verb) -> str:
    particles = [c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1]
    return verb.text + (" " + particles[0].text if particles else "")


def _bounds(doc, first: int, last: int, text: str, speech: SpeechWords,
            anchor: int | None = None) -> tuple[int, int] | None:
    """Character bounds of tokens first..last, trimmed of edge punctuation and "that", and
    kept inside the paragraph of ``anchor`` (the cue): a parse may run across a line break."""
    while first <= last and (doc[first].is_punct or doc[first].lower_ in speech.complementizers or doc[first].is_space):
        first += 1
    while last >= first and (doc[last].is_punct and doc[last].text not in "”»\"" or doc[last].is_space):
        last -= 1  # the sentence's full stop is not part of what was said
    if first > last:
        return None
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    if anchor is not None:
        index = lines(doc)
        start = max(start, index.start(anchor))
        if index.start(start) == index.start(anchor):  # same paragraph
            opening = dateline_end(text, start, index)
            start = max(start, opening) if opening <= anchor else start
        stop = index.end(anchor)
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


def find_reported(doc, text: str, quoted: list[tuple[int, int]], speech: SpeechWords) -> list[Reported]:
    """Indirect speech in ``doc``; ``quoted`` are the direct quote spans (skipped as content)."""
    verbs = speech.reporting_verbs | speech.clause_verbs | speech.intent_verbs | set(speech.demand_prepositions)
    found: list[Reported] = []
    sents = list(doc.sents)
    inside = Intervals([(s - 1, e) for s, e in quoted])
    speaker_quoted = Intervals([(s + 1, e) for s, e in quoted])
    for n, sent in enumerate(sents):
        check()
        for token in sent:
            if inside.holds(token.idx):
                continue  # speech inside quoted words belongs to the quote
            item = None
            if token.lemma_.lower() in speech.prepositional:
                item = _according(token, sent, text, speech)
            elif token.lemma_.lower() in verbs and token.pos_ in ("VERB", "AUX"):
                item = (_clause(token, text, speech) or _parenthetical(token, text, speech)
                        or _infinitive(token, text, speech) or _called_for(token, text, speech))
                if item is None and n > 0:
                    item = _passive_previous(token, sents[n - 1], text, speech)
            if item is not None and _long_enough(text, item) and not _speaker_quoted(item, speaker_quoted):
                found.append(item)
    found += [item for item in _headlines(doc, text, quoted, speech) if _long_enough(text, item)]
    return sorted(found, key=lambda r: r.start)


def _speaker_quoted(item: Reported, quoted: Intervals) -> bool:
    """A "speaker" inside quoted words ('said on "Fox and Friends"' misparsed) is no speaker;
    ``quoted`` holds (start + 1, end) of each quote."""
    return item.speaker is not None and quoted.holds(item.speaker[0])


def _long_enough(text: str, item: Reported) -> bool:
    return len(text[item.start:item.end].split()) >= MIN_CONTENT_WORDS


def _with_speaker(verb, bounds, rule: str, speech: SpeechWords) -> Reported | None:
    who = speaker_token(verb)
    if bounds is None or who is None or speech.is_hedge(verb.lemma_, who.text):
        return None
    return Reported(bounds[0], bounds[1], False, rule, cue_text(verb), verb.idx,
                    (who.idx, who.idx + len(who.text)), who)


def _clause(verb, text: str, speech: SpeechWords) -> Reported | None:
    """Reporting verb with a clausal complement: "X said (that) ..." or "..., X said"."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses:
        return None
    clause = clauses[0]
    first = clause.left_edge.i
    if clause.i > verb.i:  # what follows the cue ('a step that X has said strengthens ...')
        first = max(first, verb.i + 1 + len(cue_text(verb).split()) - 1)
    bounds = _bounds(verb.doc, first, clause.right_edge.i, text, speech, verb.idx)
    rule = "indirect.clause" if clause.i > verb.i else "indirect.clause_before"
    return _with_speaker(verb, bounds, rule, speech)


def _parenthetical(verb, text: str, speech: SpeechWords) -> Reported | None:
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
        bounds = _bounds(doc, head.left_edge.i, left - 1, text, speech, verb.idx)
        return _with_speaker(verb, bounds, "indirect.parenthetical", speech)
    if right + 1 >= len(doc) or doc[right + 1].text not in (",", "—", "–"):
        return None
    before = _bounds(doc, head.left_edge.i, left - 1, text, speech, verb.idx)
    rest = _bounds(doc, right + 2, head.right_edge.i, text, speech, verb.idx)
    if before is None or rest is None:
        return None
    return _with_speaker(verb, (before[0], rest[1]), "indirect.parenthetical_inside", speech)


def _infinitive(verb, text: str, speech: SpeechWords) -> Reported | None:
    """'Trump vowed to build a wall' / 'She urged voters to back him': the intended act."""
    if verb.lemma_.lower() not in speech.intent_verbs:
        return None
    complements = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i
                   and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    if not complements:
        return None
    clause = complements[0]
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and verb.i < c.i < clause.i]
    first = objects[0].left_edge.i if objects else clause.left_edge.i
    bounds = _bounds(verb.doc, first, clause.right_edge.i, text, speech, verb.idx)
    return _with_speaker(verb, bounds, "indirect.infinitive", speech)


def _called_for(verb, text: str, speech: SpeechWords) -> Reported | None:
    """'Trump called for a ban on ...' / 'She is calling for the US to step up ...': what
    follows the preposition is what was demanded."""
    preposition = speech.demand_prepositions.get(verb.lemma_.lower())
    if preposition is None:
        return None
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ == "prep" and child.lower_ == preposition and any(
                c.dep_ in ("pobj", "pcomp") for c in child.children):
            first, last = child.i + 1, child.right_edge.i
        elif child.dep_ in ("advcl", "xcomp") and any(
                m.dep_ == "mark" and m.lower_ == preposition and m.i == child.left_edge.i for m in child.children):
            first, last = child.left_edge.i + 1, child.right_edge.i  # "for the US to step up ..."
        else:
            continue
        return _with_speaker(verb, _bounds(verb.doc, first, last, text, speech, verb.idx), "indirect.call_for", speech)
    return None


def _headlines(doc, text: str, quoted: list[tuple[int, int]], speech: SpeechWords) -> list[Reported]:
    """'Graham: Trump's rhetoric is destroying the party' / 'TAPPER: And obviously ...': a line
    opening with a name and a colon gives that name's words (headlines, transcripts)."""
    found: list[Reported] = []
    start = 0
    while start < len(text):
        stop = text.find("\n", start)
        stop = len(text) if stop < 0 else stop
        colon = text.find(":", start, min(stop, start + 60))
        item = _headline(doc, text, start, colon, stop, speech) if colon > start else None
        if item is not None and not any(s - 1 <= item.start and item.end <= e + 1 for s, e in quoted):
            found.append(item)
        start = stop + 1
    return found


def _headline(doc, text: str, start: int, colon: int, stop: int, speech: SpeechWords) -> Reported | None:
    """The line [start, stop) as "Name: words", or None."""
    label = doc.char_span(start, colon, alignment_mode="contract")
    if label is None or not 1 <= len(label) <= 6 or label[0].lower_ in speech.colon_labels:
        return None
    allowed = ("PROPN", "NOUN", "ADJ", "DET", "PART", "PUNCT")
    if not all(t.pos_ in allowed or t.lower_ in speech.label_links for t in label):
        return None  # 'Wait, it gets better:' is a sentence, not a name
    if not any(t.pos_ == "PROPN" or t.is_upper and len(t) > 1 for t in label):
        return None
    heads = [t for t in label if (t.pos_ in ("PROPN", "NOUN") or t.is_upper and len(t) > 1)
             and t.lower_ not in speech.label_links]
    cut = next((t.i for t in label if t.lower_ in speech.label_addressees), None)  # 'Clinton to Planned Parenthood:'
    head = [t for t in heads if cut is None or t.i < cut]
    bounds = _bounds(doc, doc.char_span(colon, colon + 1, alignment_mode="expand").end,
                     doc.char_span(stop - 1, stop, alignment_mode="expand").start, text, speech, colon) \
        if stop > colon + 1 and text[colon + 1:stop].strip() else None
    if not head or bounds is None:
        return None
    who = head[-1]
    transcript = all(t.is_upper or t.is_punct for t in label)  # 'TAPPER: And obviously ...'
    if not transcript and not _headline_claim(doc, bounds, who):
        return None
    return Reported(bounds[0], bounds[1], False, "indirect.headline", ":", colon,
                    (who.idx, who.idx + len(who.text)), who)


def _headline_claim(doc, bounds: tuple[int, int], who) -> bool:
    """A headline's "Name: claim" (not a section title such as 'Kasich: Now or never'): a named
    speaker and a short statement with a verb, or of five words or more."""
    if who.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE"):
        return False
    words = doc.char_span(*bounds, alignment_mode="expand")
    if words is None or len(words) > HEADLINE_WORDS:
        return False  # (title case misleads the tagger: a longer line counts without a verb)
    return len([t for t in words if t.is_alpha]) >= 5 or any(t.pos_ in ("VERB", "AUX") for t in words)


def _passive_previous(verb, previous, text: str, speech: SpeechWords) -> Reported | None:
    """"This was stated by X": the content is the sentence before."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    has_agent = any(c.dep_ == "agent" for c in verb.children)
    if not subjects or subjects[0].lower_ not in speech.passive_subjects or not has_agent:
        return None
    bounds = _bounds(verb.doc, previous.start, previous.end - 1, text, speech, previous[-1].idx)
    if bounds is None or "\n" in text[bounds[1]:verb.idx]:
        return None  # the sentence before belongs to another paragraph
    return _with_speaker(verb, bounds, "indirect.passive_previous", speech)


def according_source(cue, speech: SpeechWords):
    """(preposition, source) tokens of a prepositional attribution at ``cue`` ("according to
    X"), else None. The one rule for it: the quote stage and the event stage both use it."""
    preposition = speech.prepositional.get(cue.lemma_.lower())
    if preposition is None:
        return None
    preps = [c for c in cue.children if c.lower_ == preposition]
    objects = [c for c in preps[0].children if c.dep_ == "pobj"] if preps else []
    return (preps[0], objects[0]) if objects else None


def _according(cue, sent, text: str, speech: SpeechWords) -> Reported | None:
    """"According to X, ..." / "..., according to X": the sentence without the cue phrase."""
    found = according_source(cue, speech)
    if found is None:
        return None
    preposition, who = found
    doc = cue.doc
    phrase_first, phrase_last = cue.i, cue.right_edge.i
    if phrase_first - sent.start <= sent.end - 1 - phrase_last:
        bounds = _bounds(doc, phrase_last + 1, sent.end - 1, text, speech, cue.idx)
    else:
        bounds = _bounds(doc, sent.start, phrase_first - 1, text, speech, cue.idx)
    if bounds is None:
        return None
    return Reported(bounds[0], bounds[1], False, "indirect.according_to", f"{cue.text} {preposition.text}",
                    cue.idx, (who.idx, who.idx + len(who.text)), who)
