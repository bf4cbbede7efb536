"""Who acts for a political actor: analysts' opinions and acts with no political actor are no events.

An event data set codes what political actors did, said or decided. Analysts, experts,
academics and commentators speak for no one but themselves: "Beverly Ochieng, a senior analyst
at Control Risks, warns that Guinea could become a target" and "Japan will likely increase
cooperation, said a professor in Tokyo" are their readings of a situation, not acts (CAMEO codes
academics as EDU, an agent of no state; the PLOVER and CAMEO codebooks code acts of political
actors). The story stage gives an event status ``commentary`` (``+commentary=analyst`` in
``rule``) when its speaker (``asserted_by``) or its actor is described as a commentator -- the
noun of the phrase that names them, of their name's apposition ("X, a professor at ...") or of
any other mention of the same actor -- unless the side carries the code of an organisation (NGO,
IGO) or a political sector (a government's analyst speaks for it).

A statement or an exchange (``political_actor_types``: appeals, accusations, promises, meetings,
cooperation, aid, releases) whose actor side names no country or organisation and no political
office ("critics say", "she asked", "foreigners visit hospitals", "I had met Dr. Lai") gets status
``unattributed`` (``+unattributed`` in ``rule``): no political actor is known to have made it.
"The foreign ministers" (an office, no country) stays. One by a company with no state,
organisation or party on the other side gets it too (``+unattributed=business``): business news.
Conflict acts are left alone: an attack or a protest by "gunmen" or "protesters" is an event
whoever they are.

Both stay in the record with their reason in ``rule``; evaluations, exports and counts leave them
out like expected events (``heron.types.COUNTED_STATUSES``). The word lists are data
(``commentator_nouns``, ``political_actor_types`` in data/lang/<code>/story.yaml).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from heron.pipeline.budget import check
from heron.pipeline.events.coreference import named_recipients
from heron.pipeline.knowledge import Knowledge
from heron.pipeline.text.language import lemma
from heron.types import Article, Event, Participant

COMMENTARY, UNATTRIBUTED = "commentary", "unattributed"  # statuses (heron.types.EVENT_STATUSES)
ANALYST = "commentary=analyst"  # the reason, added to the rule
ORGANISATION_CODES = frozenset({"NGO", "IGO"})  # a researcher of a rights group speaks for it
DESCRIBING_DEPS = ("compound", "appos", "amod")  # "security analyst X", "X, a professor"
BUSINESS = "unattributed=business"


def business_only(event: Event, words) -> bool:
    """"The company has invested heavily in renewables", "the firm pledged to cut emissions": a
    company acting with no state, organisation or party on the other side is business news
    (eval/CODING.md), not an act of a political actor."""
    sectors = words["business_sectors"]  # lower-cased, as every list of story.yaml
    if not event.actor or not all((p.sector or "").lower() in sectors for p in event.actor):
        return False
    # the place's state filled in as recipient is no party to the deal
    return all(not p.code or (p.sector or "").lower() in sectors for p in named_recipients(event))


def mark_commentary(article: Article, events: list[Event], knowledge: Knowledge) -> list[Event]:
    """The events with analysts' statements set to ``commentary``, and statements and exchanges
    no political actor made to ``unattributed``."""
    words = knowledge.story
    nouns, political = words["commentator_nouns"], _political_sectors(words)
    out = []
    for event in events:
        check()
        status = reason = None
        commenting = [commentator(article, p, nouns, political) for p in event.actor]
        if _speaker_comments(article, event, nouns, political) \
                or (any(commenting) and all(c or not p.code for c, p in zip(commenting, event.actor))):
            status, reason = COMMENTARY, ANALYST  # "legal experts and political groups criticised": the groups act
        elif event.event.lower() in words["political_actor_types"] \
                and not any(p.code or (p.sector or "").upper() in political for p in event.actor) \
                and not _yielded_to(event, political):
            status = reason = UNATTRIBUTED
        elif event.event.lower() in words["political_actor_types"] and business_only(event, words):
            status, reason = UNATTRIBUTED, BUSINESS
        out.append(event if status is None else replace(event, status=status, rule=f"{event.rule}+{reason}"))
    return out


def _yielded_to(event: Event, political: frozenset[str]) -> bool:
    """"The army entered the town without a fight": whoever yielded the place is seldom named;
    the taker, the recipient, is the political side of this conflict act."""
    return event.mode == "withdraw" and not event.actor \
        and any(p.code or (p.sector or "").upper() in political for p in event.recipient)


def _political_sectors(words) -> frozenset[str]:
    return frozenset(s.upper() for s in words["state_sectors"] | words["armed_sectors"] | words["party_sectors"])


def _speaker_comments(article: Article, event: Event, nouns, political) -> bool:
    claim = event.asserted_by
    if claim is None:
        return False
    actor = article.actor_by_id(claim.actor)
    return _described_as_commentator(article, actor.code if actor else None, actor.sector if actor else None,
                                     claim.text, actor.mentions if actor else (), nouns, political)


def commentator(article: Article, part: Participant, nouns, political) -> bool:
    """Is the participant described as an analyst, expert, academic or commentator?"""
    actor = article.actor_by_id(part.actor)
    if actor is not None:
        spans = actor.mentions
    else:
        spans = [(part.start, part.end)] if part.start is not None and part.end is not None else []
    return _described_as_commentator(article, part.code, part.sector, part.entity_text, spans, nouns, political)


def _described_as_commentator(article: Article, code, sector, text: str, spans, nouns, political) -> bool:
    """Do the words of a side's phrase, or the nouns describing its mentions, name a commentator?
    An organisation's or a political sector's side speaks for its body, never as a commentator."""
    if code in ORGANISATION_CODES or (sector or "").upper() in political:
        return False
    words = set(_lemmas(text)) | set(_actor_words(article, spans))
    return bool(words & nouns)


def _lemmas(text: str) -> Iterator[str]:
    """Lower-case words and their singulars ("analysts" -> "analyst") of a phrase."""
    for word in text.lower().replace(",", " ").split():
        yield word
        if word.endswith("s"):
            yield word[:-1]


def _actor_words(article: Article, spans) -> Iterator[str]:
    """The nouns that describe each mention: its own words, the nouns set beside its head
    ("security analyst X", "X, a professor at ...") and the noun it stands in apposition to."""
    doc = article.doc
    if doc is None:
        return
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        yield from (lemma(t) for t in span)
        for child in root.children:
            if child.dep_ in DESCRIBING_DEPS:
                yield lemma(child)
                yield from (lemma(c) for c in child.children if c.dep_ == "compound")
        if root.dep_ == "appos":
            yield lemma(root.head)
