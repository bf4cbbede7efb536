"""Events told more than once in one story become one event carrying every telling.

A news story names its main event in the headline, again in the lead and again later ("Gunmen
attack hotel", "gunmen stormed a hotel", "They attacked the hotel", "the attack"). The events
stage codes each telling on its own; here tellings that can be the same occurrence are merged:
the same PLOVER type, negation and status, dates and places that do not differ, and sides whose
codes meet (an unknown side, a pronoun or a generic noun, meets anything). Two statements are one
only when the same speaker made them with one lexicon pattern, close together or in the headline;
a telling that codes no side at all joins an event told a few sentences before it, or else the
story's main occurrence of its type (told at least twice, with a known side). The merged event keeps every telling in ``mentions`` (sentence,
offsets, trigger words, rule), so its provenance stays complete.

"al-Shabab claimed responsibility for the attack" and "the attack was carried out by X" name the
author of an event told elsewhere: ``claims`` finds them and ``apply_claims`` sets that event's actor.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from heron.pipeline.budget import check
from heron.pipeline.events.participants import participants
from heron.pipeline.index import tokens
from heron.pipeline.knowledge import Knowledge
from heron.pipeline.text.language import lemma
from heron.types import Article, Event, EventMention, Participant

CLAIM_RULE = "actor=claim"  # in the event's rule
CLAIM_INFERRED = "claim:responsibility"  # on the participant it named


@dataclass
class Told:
    """One cluster of tellings: the events that are one occurrence, in text order."""

    events: list[Event]
    sentences: list[int]  # sentence index of each telling

    def last_sentence(self) -> int:
        return self.sentences[-1]  # tellings join in text order


def mention_of(event: Event) -> EventMention:
    return EventMention(event.text, event.start, event.end, event.event_text, event.rule)


def sentence_index(article: Article) -> dict[int, int]:
    """Sentence start offset -> its number in the article (events carry their sentence's start)."""
    return {sent.start_char: i for i, sent in enumerate(article.doc.sents)}


# bounds that keep the stage linear in the number of events however long the text: a telling
# is compared with the latest clusters of its type and with a few tellings of each
RECENT_CLUSTERS = 40
TELLINGS_COMPARED = 8


def merge_story(article: Article, knowledge: Knowledge) -> list[Event]:
    """The article's events with the tellings of one occurrence merged into one event each."""
    index = sentence_index(article)
    words = knowledge.story
    clusters: list[Told] = []
    by_type: dict[str, list[Told]] = {}
    for event in article.events:
        check()
        sentence = index.get(event.start, -1)
        candidates = by_type.setdefault(event.event, [])
        target = _best_cluster(event, sentence, candidates[:1] + candidates[1:][-RECENT_CLUSTERS:], words,
                               article.published)
        if target is None:
            target = Told([], [])
            clusters.append(target)
            candidates.append(target)
        target.events.append(event)
        target.sentences.append(sentence)
    return [merged(c.events) for c in clusters]


def _bare(event: Event) -> bool:
    return not _known(event.actor) and not _known(named_recipients(event))


def _best_cluster(event: Event, sentence: int, clusters: list[Told], words, published: str | None) -> Told | None:
    bare = _bare(event)
    best, best_score = None, 0
    for cluster in clusters:
        if (bare or all(_bare(e) for e in cluster.events[-TELLINGS_COMPARED:])) \
                and sentence - cluster.last_sentence() > words["uncoded_window"]:
            continue
        if event.event.lower() in words["statement_types"] and 0 not in cluster.sentences[:1] \
                and sentence - cluster.last_sentence() > words["statement_window"]:
            continue
        compared = cluster.events[:1] + cluster.events[1:][-TELLINGS_COMPARED:]
        if not all(compatible(event, other, words, published) for other in compared):
            continue
        score = 1 + len(_codes(event.actor) & _cluster_codes(compared, "actor")) \
            + len(_codes(named_recipients(event)) & _cluster_codes(compared, "recipient"))
        if score > best_score or (score == best_score and best is not None
                                  and cluster.last_sentence() > best.last_sentence()):
            best, best_score = cluster, score
    if best is None and bare and event.event.lower() not in words["statement_types"]:
        return _main_occurrence(event, clusters, words, published)
    return best


def _main_occurrence(event: Event, clusters: list[Told], words, published: str | None) -> Told | None:
    """A telling that names no side ("they shot them", "the train came under attack") far from
    any other: the story's main occurrence of its type, the one told most often with a known
    side, when the two are compatible. A story tells its main attack again and again; a second
    attack it never names a side of is far less likely than one more telling of the first."""
    told = [c for c in clusters if len(c.events) >= words["main_occurrence_tellings"]
            and any(not _bare(e) for e in c.events)]
    if not told:
        return None
    main = max(told, key=lambda c: len(c.events))
    compared = main.events[:1] + main.events[1:][-TELLINGS_COMPARED:]
    return main if all(compatible(event, other, words, published) for other in compared) else None


def _cluster_codes(events: list[Event], side: str) -> set[str]:
    out: set[str] = set()
    for event in events:
        out |= _codes(event.actor if side == "actor" else named_recipients(event))
    return out


def compatible(one: Event, two: Event, words, published: str | None = None) -> bool:
    """Can two tellings be one occurrence? Type, negation, date, place, then the sides."""
    if one.event != two.event or one.negated != two.negated or one.status != two.status:
        return False  # a forecast or a background event is not a retelling of what happened
    if not _dates_meet(one.date, two.date, published, words["news_window_days"]):
        return False
    if not _places_meet(one.location, two.location):
        return False
    if one.event.lower() in words["symmetric_types"]:
        return _sides_meet(one.actor + named_recipients(one), two.actor + named_recipients(two), words)
    if not _sides_meet(one.actor, two.actor, words) or not _sides_meet(named_recipients(one), named_recipients(two), words):
        return False
    if one.event.lower() in words["statement_types"]:
        return _same_speaker(one, two) and _same_entry(one, two)
    return True


def _same_entry(one: Event, two: Event) -> bool:
    """A statement retold uses the same lexicon entry and pattern ("urged" ... "urges");
    "announced", "offered" and "agreed" by one speaker are three statements."""
    return one.rule.split("+")[0] == two.rule.split("+")[0]


def _places_meet(one, two) -> bool:
    """Two places meet unless they lie in different countries or are two different towns."""
    if one is None or two is None:
        return True
    if one.country and two.country and one.country != two.country:
        return False
    towns = one.feature == "city" and two.feature == "city"
    return not (towns and (one.name or one.text) != (two.name or two.text))


def _dates_meet(one: str | None, two: str | None, published: str | None, window: int) -> bool:
    """"2025-03" meets "2025-03-11"; two different days never meet. An undated telling is told
    in the news window: it meets a day within ``window`` days of publication, or the month or
    year of publication, never an earlier month ("last month", "in 2024": background)."""
    if one and two:
        return one.startswith(two) or two.startswith(one)
    dated = one or two
    if not dated or not published:
        return True
    if len(dated) < 10:
        return published.startswith(dated)
    try:
        return abs((date.fromisoformat(dated) - date.fromisoformat(published[:10])).days) <= window
    except ValueError:
        return True


def _sides_meet(one: list[Participant], two: list[Participant], words) -> bool:
    """Sides meet when either is unknown (no participant with a code: "gunmen", "they") or some
    pair of participants is the same party."""
    known_one, known_two = [p for p in one if p.code], [p for p in two if p.code]
    if not known_one or not known_two:
        return True
    return any(_same_party(a, b, words) for a in known_one for b in known_two)


def _same_party(one: Participant, two: Participant, words) -> bool:
    if one.actor and one.actor == two.actor:
        return True
    if not one.code or one.code != two.code:
        return False
    if one.sector and two.sector and _sector_group(one.sector, words) != _sector_group(two.sector, words):
        return False  # the army and the rebels of one country are two parties
    return True


def _sector_group(sector: str, words) -> str:
    low = sector.lower()
    return "state" if low in words["state_sectors"] else "armed" if low in words["armed_sectors"] else "other"


def _same_speaker(one: Event, two: Event) -> bool:
    """Two statements are one when one actor made both (its id, or the same words for it), or
    when one of them names its speaker by no actor at all (a pronoun, "officials")."""
    ids_one, ids_two = {p.actor for p in one.actor if p.actor}, {p.actor for p in two.actor if p.actor}
    if ids_one and ids_two:
        return bool(ids_one & ids_two)
    texts_one = {p.entity_text.lower() for p in one.actor}
    texts_two = {p.entity_text.lower() for p in two.actor}
    return bool(texts_one & texts_two) or not _known(one.actor) or not _known(two.actor)


def named_recipients(event: Event) -> list[Participant]:
    """The recipients the text names: one filled in from the place ("+recipient=location") or
    the story does not tell two occurrences apart."""
    if "+recipient=" in event.rule:
        return [p for p in event.recipient if p.start is not None and p.inferred is None
                and not _from_place(event, p)]
    return [p for p in event.recipient if p.inferred is None]


def _from_place(event: Event, part: Participant) -> bool:
    return event.location is not None and part.entity_text == event.location.text and part.sector is None


def _known(parts: list[Participant]) -> bool:
    return any(p.code for p in parts)


def _codes(parts: list[Participant]) -> set[str]:
    return {p.code for p in parts if p.code}


def merged(events: list[Event]) -> Event:
    """One event from the tellings of one occurrence: the best-told telling leads (both sides
    coded, a date, first in the text), the sides gather every coded participant, and every
    telling is kept as a mention."""
    mentions = sorted((m for e in events for m in (e.mentions or [mention_of(e)])), key=lambda m: m.start)
    if len(events) == 1:
        return replace(events[0], mentions=mentions)
    lead = max(events, key=_how_well_told)
    actor = _gather([lead] + [e for e in events if e is not lead], "actor")
    recipient = _gather([lead] + [e for e in events if e is not lead], "recipient")
    date = max((e.date for e in events if e.date), key=len, default=None)
    dated = next((e for e in events if e.date == date), lead)
    location = lead.location or next((e.location for e in events if e.location), None)
    return replace(lead, actor=actor, recipient=recipient, date=date, date_text=dated.date_text, location=location,
                   confidence=max(e.confidence for e in events), mentions=mentions,
                   rule=f"{lead.rule}+mentions={len(mentions)}")


def _how_well_told(event: Event) -> tuple:
    return (_known(event.actor), _known(named_recipients(event)), event.date is not None, -event.start)


def _gather(events: list[Event], side: str) -> list[Participant]:
    """Every coded participant of the side across the tellings, the leading telling's first;
    uncoded phrases only when no telling codes the side."""
    out: list[Participant] = []
    seen: set[tuple] = set()
    for event in events:
        parts = event.actor if side == "actor" else event.recipient
        for part in parts:
            if not (part.code or part.actor):
                continue
            key = (part.actor,) if part.actor else (part.code, part.sector)
            if key not in seen:
                seen.add(key)
                out.append(part)
    if out:
        return out
    return list(events[0].actor if side == "actor" else events[0].recipient)


# --- who did it: claims of responsibility and identifications ----------------------------

@dataclass
class Claim:
    """"X claimed responsibility for the attack": the author of an event of ``types`` told
    before or in the sentence at ``sentence``."""

    types: frozenset[str]
    actor: list[Participant]
    sentence: int


def claims(article: Article, knowledge: Knowledge) -> list[Claim]:
    out = []
    words, story = knowledge.words, knowledge.story
    identify = [tuple(v.split()) for v in story["identify_verbs"]]
    doc, tags = article.doc, tokens(article.doc).pos
    for i, sent in enumerate(doc.sents):
        check()
        for token in (doc[k] for k in range(sent.start, sent.end) if tags[k] in ("VERB", "AUX")):  # as _claim_at asks
            found = _claim_at(token, words, identify, knowledge)
            if found is None:
                continue
            author, deed = found
            types = noun_types(deed, knowledge)
            actor = [p for p in participants(article, [author], knowledge) if p.code or p.actor]
            if types and actor:
                out.append(Claim(frozenset(types), actor, i))
    return out


def _claim_at(token, words, identify, knowledge):
    """(author head, deed head) for "X claimed responsibility for Y", "Y was carried out by X",
    "X carried out Y"; else None."""
    if token.pos_ not in ("VERB", "AUX"):
        return None
    if lemma(token) in words["claim_verbs"]:
        noun = next((c for c in token.children if c.dep_ == "dobj" and c.lower_ in words["claim_nouns"]), None)
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if noun is None or subject is None:
            return None
        deed = next((p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "for"
                     for p in prep.children if p.dep_ == "pobj"), None)
        return (subject, deed) if deed is not None else None
    particles = tuple(c.lower_ for c in token.children if c.dep_ == "prt")
    if (lemma(token),) + particles[:1] not in identify and (lemma(token),) not in identify:
        return None
    agent = next((p for prep in token.children if prep.dep_ == "agent" for p in prep.children if p.dep_ == "pobj"), None)
    patient = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if agent is not None and patient is not None:
        return agent, patient
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    if subject is not None and obj is not None and subject.pos_ != "PRON":
        return subject, obj
    return None


def noun_types(noun, knowledge: Knowledge) -> set[str]:
    """The PLOVER types an event noun names, from the event lexicon ("attack", "bombing")."""
    rows = knowledge.lexicon.nouns.get(noun.lemma_.lower(), []) + knowledge.lexicon.nouns.get(noun.lower_, [])
    return {entry.event for words, entry in rows if len(words) == 1}


def apply_claims(events: list[Event], found: list[Claim], index: dict[int, int]) -> list[Event]:
    """Each claim names the actor of the most often told event of its type told by then."""
    events = list(events)
    for claim in found:
        check()
        candidates = [k for k, e in enumerate(events) if e.event in claim.types and not e.negated
                      and min(index.get(m.start, -1) for m in (e.mentions or [mention_of(e)])) <= claim.sentence]
        if not candidates:
            continue
        k = max(candidates, key=lambda j: (len(events[j].mentions), events[j].start))
        event = events[k]
        claimed = {p.actor for p in claim.actor if p.actor}
        if claimed & {p.actor for p in event.recipient if p.actor}:
            continue  # the claimant is the event's target: no author found
        if claimed and claimed <= {p.actor for p in event.actor if p.actor}:
            continue  # the sentence named the author already
        actor = [replace(p, inferred=CLAIM_INFERRED) for p in claim.actor]
        events[k] = replace(event, actor=actor, rule=event.rule if f"+{CLAIM_RULE}" in event.rule
                            else f"{event.rule}+{CLAIM_RULE}")
    return events
