"""References back to actors named shortly before: "the two leaders", "both countries", pronouns.

News text names the actors once and then refers to them as a group ("Putin and Lukashenko met
... the leaders agreed") or by pronoun ("He approved", "they said", "we will" inside a quote).
These rules turn such a reference into the earlier actors only when the text leaves one reading:
a group noun needs exactly the number of distinct actors of its kind in the few sentences before
it; a pronoun takes the nearest compatible mention, and when that mention is no known actor the
reference stays uncoded rather than skipping to an older one. Word lists live in the
language's references.yaml. Person mentions (who in the text is a person, and of which gender
a title makes them) are found here too: quotes and events both resolve pronouns with them.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from heron.pipeline.actors.stage import actor_for_span
from heron.pipeline.index import Intervals, cached, entities, mentions, quotes, sentences
from heron.pipeline.knowledge import Knowledge
from heron.pipeline.words import ReferenceWords, SpeechWords
from heron.types import NON_STATE_CODES, Actor, Article, Participant

PLURAL_TAGS = ("NNS", "NNPS")
OWN_NAME_ENTS = ("NORP", "GPE", "ORG", "PERSON", "LOC", "FAC")
SUBJECT_DEPS = ("nsubj", "nsubjpass")


# -- person mentions ---------------------------------------------------------------------
@dataclass(frozen=True)
class Person:
    """A place in the text that names a person, with the actor it belongs to when known."""

    start: int
    end: int
    text: str
    actor: str | None
    gender: str | None


def person_mentions(article: Article, speech: SpeechWords) -> list[Person]:
    """Person mentions from the actors stage, plus spaCy PERSON entities it did not cover
    (built once per article, with the one pipeline's speech words: the list is shared, never
    change it)."""
    return cached(article, "person mentions", lambda a: _person_mentions(a, speech), article.actors)


def _person_mentions(article: Article, speech: SpeechWords) -> list[Person]:
    found: list[Person] = []
    for actor in article.actors:
        if actor.kind == "person":
            for start, end in actor.mentions:
                text = article.text[start:end]
                found.append(Person(start, end, text, actor.id, _gender(article, start, text, actor.name, speech)))
    doc = article.doc
    named = Intervals([(p.start, p.end) for p in found])  # entities never overlap one another
    for ent in getattr(doc, "ents", ()):
        if ent.label_ != "PERSON":
            continue
        if named.overlaps(ent.start_char, ent.end_char):
            continue
        actor = actor_for_span(article, ent.start_char, ent.end_char)
        found.append(Person(ent.start_char, ent.end_char, ent.text, actor.id if actor else None,
                            _gender(article, ent.start_char, ent.text, None, speech)))
    return sorted(found, key=lambda p: p.start)


def _gender(article: Article, start: int, text: str, name: str | None, speech: SpeechWords) -> str | None:
    """Gender told by a title inside or just before the mention ("Mrs. Clinton"), else None."""
    before = article.text[max(0, start - 12):start].split()
    words = (before[-1:] if before else []) + text.split() + (name or "").split()
    for word in words:
        gender = speech.gender_of_title(word)
        if gender:
            return gender
    return None


# -- group nouns ---------------------------------------------------------------------------
def group_reference(article: Article, head, knowledge: Knowledge) -> list[Participant] | None:
    """The actors a plural group phrase ("the two leaders") stands for, or None when it is no
    such phrase or the text before it does not single out the right number of actors."""
    words = knowledge.references
    found = _group_term(head, words)
    if found is None:
        return None
    kind, term_tokens = found
    number, definite = _determination(head, words, term_tokens)
    if number is None and not definite:
        return None  # "leaders agreed": generic, not a reference
    start, end = _phrase_bounds(head)
    chosen = _salient(article, head, kind, words)
    if number is not None and len(chosen) != number:
        return None
    if number is None and not 2 <= len(chosen) <= words.max_unnumbered:
        return None
    text = article.text[start:end]
    return [Participant(code, sector, text, actor_id, start, end) for code, sector, actor_id in chosen]


def _group_term(head, words: ReferenceWords) -> tuple[str, set[int]] | None:
    """(kind, token indices of the noun term) when the head is a plural group noun."""
    if head.tag_ not in PLURAL_TAGS or head.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = head.lemma_.lower()
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is not None:  # "heads of state" is a term; "leaders of Russia" names its own actors
        kind = words.kinds.get(f"{lemma} of {pobj.lemma_.lower()}")
        return (kind, {head.i, of.i, pobj.i}) if kind else None
    left = [c for c in head.lefts if c.dep_ in ("amod", "compound") and c.i == head.i - 1]
    if left:  # "foreign ministers", "prime ministers"
        kind = words.kinds.get(f"{left[0].lower_} {lemma}")
        if kind:
            return kind, {left[0].i, head.i}
    kind = words.kinds.get(lemma)
    return (kind, {head.i}) if kind else None


def _determination(head, words: ReferenceWords, term: set[int]) -> tuple[int | None, bool]:
    """(number of actors meant, whether the phrase is definite); (None, False) if blocked."""
    number, definite = None, False
    for child in head.children:
        if child.i in term or child.dep_ in ("punct", "prep", "relcl", "acl", "conj", "cc", "appos"):
            continue
        word = child.lower_
        if child.dep_ == "poss" or word in words.blockers or any(
                t.ent_type_ in OWN_NAME_ENTS for t in child.subtree):
            return None, False
        if word in words.determiners:
            definite = True
        if word in words.numbers:
            number = words.numbers[word]
        for grand in child.children:  # "all three" parsed under the number
            if grand.lower_ in words.determiners:
                definite = True
    return number, definite


def _phrase_bounds(head) -> tuple[int, int]:
    tokens = [t for t in head.subtree if t.i <= head.i or t.head.i == head.i and t.dep_ == "prep"]
    tokens = [t for t in tokens if t.dep_ not in ("punct",)] or [head]
    last = max(tokens, key=lambda t: t.i)
    if last.dep_ == "prep":  # "heads of state": the whole term
        last = max(last.subtree, key=lambda t: t.i)
    first = min(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last)


def _salient(article: Article, head, kind: str, words: ReferenceWords) -> list[tuple[str, str | None, str | None]]:
    """(code, sector, actor id) of the distinct actors of ``kind`` named in the window."""
    index = sentences(head.doc)
    k = index.number_of(head.i)
    window = (index.span(head.doc, max(0, k - words.window_sentences)).start_char, head.idx)
    named = mentions(article)
    latest: dict[int, int] = {}  # actor position -> its last mention inside the window
    for s, e, position, _ in named.starting_in(*window):
        if e <= window[1]:
            latest[position] = max(s, latest.get(position, s))
    recent = sorted(latest.items(), key=lambda pair: (-pair[1], pair[0]))
    first = {id(article.actors[p]): named.first[p] for p in latest}
    actors = [article.actors[p] for p, _ in recent if article.actors[p].code]
    if kind == "people":
        chosen = [a for a in actors if a.kind == "person"]
    elif kind == "states":
        chosen = _by_code(a for a in actors if a.kind == "country" and a.code not in NON_STATE_CODES)
    else:
        chosen = _by_code(actors)
    chosen.sort(key=lambda a: first[id(a)])  # in the order the text named them
    return [(a.code, a.sector, a.id) for a in chosen]


def _by_code(actors) -> list[Actor]:
    """One actor per code, the most recently mentioned first."""
    seen: dict[str, Actor] = {}
    for actor in actors:
        seen.setdefault(actor.code, actor)
    return list(seen.values())


# -- organisation nouns --------------------------------------------------------------------
ROLE_RULES = ("roles:", "countries:")  # actors the stage made from a role noun or a people's name


def organisation_reference(article: Article, head, knowledge: Knowledge) -> list[Participant] | None:
    """"the group", "the militant organization": the organisation or armed group named last
    before the phrase (an outlet or a journalist never). None when the head is no such phrase;
    an uncoded participant when the nearest earlier organisation is none the actors stage knows
    (an unknown name, "a group of farmers"), so that the phrase does not take its sentence's
    country instead."""
    words = knowledge.references
    if not _definite_organisation(head, words) or _named_mention(article, mentions(article), head):
        return None  # a mention of its own name or country; a role phrase ("the militant group") refers back
    start, end = _phrase_bounds(head)
    text = article.text[start:end]
    actor = _organisation_before(article, head, knowledge)
    if actor is None:
        return [Participant(None, None, text, None, start, end)]
    return [Participant(actor.code, actor.sector, text, actor.id, start, end)]


def fighters_reference(article: Article, head, knowledge: Knowledge) -> list[Participant] | None:
    """"the militants", "the Islamist insurgents": the armed group named last before the phrase,
    when no other organisation's name, nor an indefinite "militants", comes between; else None
    (the phrase is coded as a role)."""
    words = knowledge.references
    if head.pos_ != "NOUN" or head.tag_ not in PLURAL_TAGS or head.lemma_.lower() not in words.fighters:
        return None
    if not any(c.dep_ == "det" and c.lower_ in words.determiners for c in head.children) \
            or any(c.dep_ in ("poss", "nummod", "appos") or c.lower_ in words.blockers for c in head.children):
        return None
    if _named_mention(article, mentions(article), head):
        return None  # "the BLA militants", "the Somali rebels": their own name or country
    armed = {s.upper() for s in knowledge.story["armed_sectors"]}
    actor = _organisation_before(article, head, knowledge)
    if actor is None or (actor.sector or "").upper() not in armed:
        return None
    start, end = _phrase_bounds(head)
    return [Participant(actor.code, actor.sector, article.text[start:end], actor.id, start, end)]


def _role_only(actor: Actor) -> bool:
    """An actor the stage made from a role noun alone, its country taken from the context."""
    return all(part.startswith(("roles:", "context:")) for part in (actor.rule or "").split("+"))


def _definite_organisation(head, words: ReferenceWords) -> bool:
    """A singular organisation noun with a definite determiner and no name, owner or "of" phrase."""
    if head.pos_ != "NOUN" or head.tag_ in PLURAL_TAGS or head.lemma_.lower() not in words.organisations:
        return False
    definite = False
    for child in head.children:
        if child.dep_ in ("poss", "appos", "nummod") or child.lower_ in words.blockers \
                or child.i < head.i and any(t.ent_type_ in OWN_NAME_ENTS for t in child.subtree):
            return False  # a name before the noun ("the Taliban movement") is its own actor
        if child.dep_ == "prep" and child.lower_ == "of":
            return False  # "the group of seven", "the group of farmers"
        definite = definite or (child.dep_ == "det" and child.lower_ in words.singular_determiners)
    return definite


def _organisation_before(article: Article, head, knowledge: Knowledge) -> Actor | None:
    """The nearest earlier organisation: a named organisation or armed group, or (blocking the
    search) a name tagged as an organisation that no actor holds, a named body with no code, or an
    indefinite phrase with the same noun ("a group of farmers")."""
    reporting, armed = knowledge.story["reporting_sectors"], knowledge.story["armed_sectors"]
    fighters = head.tag_ in PLURAL_TAGS  # "the militants": only an armed group is meant
    held = mentions(article)
    candidates: list[tuple[int, Actor | None]] = []
    for s, _, position, _ in held.starting_in(0, head.idx):
        actor = article.actors[position]
        sector = (actor.sector or "").lower()
        if _named_body(actor) and sector not in reporting and (not fighters or sector in armed):
            candidates.append((s, actor if actor.code else None))
    for s, e, label, _, _ in entities(head.doc).starting_in(0, head.idx):
        if label == "ORG" and not held.overlapping(s, e):
            candidates.append((s, None))
    lemma, definite = head.lemma_.lower(), knowledge.references.singular_determiners
    candidates += [(t.idx, None) for t in head.doc[:head.i] if t.lemma_.lower() == lemma and t.pos_ == "NOUN"
                   and (t.tag_ in PLURAL_TAGS) == fighters and not _named_mention(article, held, t)
                   and not any(c.dep_ == "det" and c.lower_ in definite for c in t.children)]
    return max(candidates, key=lambda pair: pair[0])[1] if candidates else None


def _named_mention(article: Article, held, token) -> bool:
    """Is the token part of the mention of an actor known by name ("the Islamic State group")?"""
    return any(not _role_only(article.actors[m[2]]) for m in held.overlapping(token.idx, token.idx + len(token)))


def _named_body(actor: Actor) -> bool:
    """An organisation or armed group known by its name, not a role noun ("militants", "the
    authorities") nor a people ("Palestinians") that the actors stage also keeps as a group."""
    if actor.kind == "organisation":
        return True
    source = (actor.rule or "").split("+")[0]
    return actor.kind == "group" and not source.startswith(ROLE_RULES) and ".agents." not in source


# -- pronouns ------------------------------------------------------------------------------
def pronoun_reference(article: Article, pronoun, knowledge: Knowledge) -> list[Participant] | None:
    """The actor(s) a pronoun stands for: he/she the nearest compatible person, they/them the
    nearest plural phrase when it names actors, I/we inside a quote its speaker; else None."""
    kind = knowledge.references.pronouns.get(pronoun.lower_)
    start, end = pronoun.idx, pronoun.idx + len(pronoun)
    if kind in ("male", "female"):
        actor = _person_before(article, start, kind, knowledge.speech)
        return [Participant(actor.code, actor.sector, pronoun.text, actor.id, start, end)] if actor else None
    if kind == "first":
        actor = _quote_speaker(article, start)
        return [Participant(actor.code, actor.sector, pronoun.text, actor.id, start, end)] if actor else None
    if kind == "plural":
        actors = _plural_before(article, pronoun)
        return [Participant(a.code, a.sector, pronoun.text, a.id, start, end) for a in actors] or None
    return None


def _person_before(article: Article, offset: int, gender: str, speech: SpeechWords) -> Actor | None:
    """The person mentioned last before ``offset`` whose gender (when known) fits."""
    ends, found = cached(article, f"people:{gender}", lambda a: _people_by_end(a, gender, speech), article.actors)
    k = bisect_right(ends, offset)
    return found[k - 1] if k else None


def _people_by_end(article: Article, gender: str, speech: SpeechWords) -> tuple[list[int], list[Actor | None]]:
    """Where each mention of a person who may be ``gender`` ends, in order, and who it is
    (None: a name no actor holds). The nearest person decides, known or not; a name tagged
    PERSON that the actors stage made a country is no person."""
    found = [(p.end, p.actor) for p in person_mentions(article, speech) if p.gender in (None, gender)]
    # a titled role ("Peru's trade minister") is a person too
    found += [(e, a.id) for a in article.actors if a.kind == "role" for s, e in a.mentions]
    by_id = {a.id: a for a in reversed(article.actors)}  # the first actor of an id, as actor_by_id
    kept = []
    for order, (end, actor_id) in enumerate(found):
        actor = by_id.get(actor_id)
        if actor is None or actor.kind in ("person", "role"):
            kept.append((end, -order, actor))  # of mentions ending together, the first listed wins
    kept.sort(key=lambda item: item[:2])
    return [end for end, _, _ in kept], [actor for _, _, actor in kept]


def _quote_speaker(article: Article, offset: int) -> Actor | None:
    """"we will", "I urge" inside direct speech: the quote's speaker, when a coded actor."""
    spoken = quotes(article, "direct with speaker", lambda q: q.direct and q.speaker is not None).at(offset)
    if spoken:
        actor = article.actor_by_id(spoken[0].speaker.actor)
        return actor if actor is not None and actor.code else None
    return None


def _plural_before(article: Article, pronoun) -> list[Actor]:
    """Actors of the nearest plural phrase before a they/them: earlier in its sentence, then the
    one before (subjects first); a nearer plural that names no actor blocks the search."""
    index, doc = sentences(pronoun.doc), pronoun.doc
    k = index.number_of(pronoun.i)
    direct = quotes(article, "direct", lambda q: q.direct)
    holding = direct.at(pronoun.idx)
    inside = (holding[0].start, holding[0].end) if holding else None
    for sent in (index.span(doc, k), index.span(doc, k - 1) if k else None):
        if sent is None:
            continue
        # quoted words have their own context: a "they" inside a quote looks only inside it,
        # one outside skips other quotes ('"We urge X," they said' is not X)
        heads = [t for t in sent if t.i < pronoun.i and _plural_head(t)
                 and (inside[0] <= t.idx < inside[1] if inside else not direct.holds(t.idx))]
        heads.sort(key=lambda t: (t.dep_ not in SUBJECT_DEPS, -t.i))
        if heads:
            return _actors_at(article, heads[0])
    return []


def _plural_head(token) -> bool:
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ in ("compound", "amod", "poss", "npadvmod"):
        return False
    if token.dep_ == "conj":
        return False  # counted through the first conjunct
    return token.tag_ in PLURAL_TAGS or any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in token.children)


def _actors_at(article: Article, head) -> list[Actor]:
    """Coded actors whose mentions hold the head word of the phrase or of its conjuncts."""
    found: list[Actor] = []
    for token in [head, *head.conjuncts]:
        start, end = token.idx, token.idx + len(token)
        here = [article.actors[p] for p in sorted({m[2] for m in mentions(article).overlapping(start, end)})]
        if not here or not all(a.code for a in here):
            return []  # "local elders and officials": part of the group is unknown, so is the whole
        found += [a for a in here if a not in found]
    return found
