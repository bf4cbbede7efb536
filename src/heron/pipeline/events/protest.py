"""Protest readings of conflict events: who the crowd is, and protests implied by what is done to it.

PLOVER codes violence by demonstrators as a violent protest (PROTEST, riot, CAMEO 145), and
riot-control force by the police on a crowd as repression (COERCE, CAMEO 175). A demonstration
that is dispersed, attacked or suppressed, or during which people are arrested, has taken
place: the demonstrators' PROTEST is coded too. The word lists live in modality.yaml
(protesters, crowd_like, security_forces, during_preps, ambiguous_near_violence) and in
protest.yaml (the protest nouns).
"""
from __future__ import annotations

from heron.pipeline.events.lexicon import Lexicon, LexiconEntry
from heron.pipeline.events.triggers import Trigger

PROTESTERS = LexiconEntry(event="PROTEST", id="protesters", file="modality.yaml", cameo="141", mode="demo")
# events whose target, or whose time ("during the march"), can be a demonstration
REPRESSIVE = {"COERCE", "ASSAULT", "SANCTION", "THREATEN", "MOBILIZE"}
REPRESSION_WHY = {"riot": ("145", "riot"), "demo": ("141", "demo"), "obstruct": ("144", "obstruct"),
                  "repression": ("175", None)}


def _group(heads: list) -> list:
    return [t for h in heads for t in [h, *h.conjuncts]]


def _hyphenated(token) -> str | None:
    """"sit-in", "die-in": spaCy splits them into three tokens; the word as written around the hyphen."""
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].text == "-":
        return f"{token.lower_}-{doc[token.i + 2].lower_}"
    if token.i >= 2 and doc[token.i - 1].text == "-":
        return f"{doc[token.i - 2].lower_}-{token.lower_}"
    return None


def protest_entry(token, lexicon: Lexicon) -> tuple[LexiconEntry, str] | None:
    """The PROTEST lexicon entry naming this noun ("march", "sit-in", "strike"), if any."""
    for word in (token.lemma_.lower(), token.lower_, _hyphenated(token)):
        for words, entry in lexicon.nouns.get(word, ()) if word else ():
            if entry.event == "PROTEST" and len(words) == 1:
                return entry, word
    return None


def named_crowd(token, lexicon: Lexicon) -> bool:
    """A word that names a crowd by what it does: protesters, rioters, mobs."""
    return token.lemma_.lower() in lexicon.words("protesters") or token.lower_ in lexicon.words("protesters")


def is_crowd(token, lexicon: Lexicon) -> bool:
    """Protesters, rioters, mobs; or townspeople described as a crowd in anger ("angry villagers",
    "rampaging students")."""
    if named_crowd(token, lexicon):
        return True
    marked = any(c.dep_ == "amod" and c.lower_ in lexicon.words("crowd_marks") for c in token.children)
    return marked and token.lemma_.lower() in lexicon.words("crowd_like")


def _owned_by(token, owners: frozenset[str]) -> bool:
    """"a police station", "an army post": a place named after the force it belongs to."""
    return any(c.dep_ in ("compound", "poss") and c.lemma_.lower() in owners for c in token.children)


def _mob(actors: list, act: str, lexicon: Lexicon) -> bool:
    """"villagers lynched a thief", "residents torched the house": townspeople (plural) doing what a
    mob does is mob violence, a riot in PLOVER (CAMEO 145)."""
    return act in lexicon.words("mob_acts") and any(
        t.lemma_.lower() in lexicon.words("crowd_like") and t.tag_ == "NNS" for t in actors)


def crowd_reading(event: str, actor_heads: list, recipient_heads: list, lexicon: Lexicon, act: str = "") -> str | None:
    """Why a conflict event is a protest or a repression instead: riot | demo | obstruct | repression."""
    actors, targets = _group(actor_heads), _group(recipient_heads[:3])
    if any(is_crowd(t, lexicon) for t in actors):
        # "protesters clashed with police", "demonstrators demanded ...", "protesters blocked roads"
        return {"ASSAULT": "riot", "REQUEST": "demo", "ACCUSE": "demo", "COERCE": "obstruct"}.get(event)
    security = lexicon.words("security_forces")
    by_security = any(t.lemma_.lower() in security for t in actors)
    at_security = any(t.lemma_.lower() in security or _owned_by(t, security) for t in targets)
    if event == "ASSAULT" and at_security and any(t.lemma_.lower() in lexicon.words("crowd_like") for t in actors):
        return "riot"  # "youths attacked police officers"
    if event in ("ASSAULT", "COERCE") and _mob(actors, act, lexicon):
        return "riot"
    if event == "ASSAULT" and by_security and any(t.lemma_.lower() in lexicon.words("crowd_like") for t in actors):
        return "riot"  # "youths and police fought running battles"
    at_crowd = any(is_crowd(t, lexicon) or protest_entry(t, lexicon) for t in targets)
    if event == "ASSAULT" and at_crowd and (by_security or not actors):
        return "repression"  # "riot police beat demonstrators"; "three protesters were shot dead"
    return None


def implied_protests(kept: list, drafts: list, lexicon: Lexicon) -> list[tuple[object, LexiconEntry, str, str]]:
    """Demonstrations that the sentence's events presuppose: (token, entry, word, how) per protest,
    where how is "target" (dispersed, attacked, arrested) or "during" (arrests during a march).
    Events of side clauses count too: "... were injured when a group attacked a rally"."""
    if any(d.event == "PROTEST" for d in kept):
        return []
    found: dict[int, tuple] = {}
    for draft in drafts:
        if draft.event not in REPRESSIVE or draft.negated or draft.why == "intent":
            continue
        for token in _group(draft.targets[:2]):
            hit = _protest_word(token, lexicon)
            if hit is not None:
                found.setdefault(token.i, (token, *hit, "target"))
        for token in _during(draft.trig, lexicon):
            hit = _protest_word(token, lexicon)
            if hit is not None:
                found.setdefault(token.i, (token, *hit, "during"))
    return list(found.values())[:1]


def concurrent_protests(drafts: list, kept: list) -> list:
    """A protest in a side clause of a repression ("police fired tear gas as crowds marched"):
    both happened, so the side clause's PROTEST is kept with the main clause's event."""
    if not any(d.event in REPRESSIVE and not d.negated for d in kept) or any(d.event == "PROTEST" for d in kept):
        return []
    return [d for d in drafts if d.event == "PROTEST" and not d.negated and d not in kept][:1]


def _protest_word(token, lexicon: Lexicon) -> tuple[LexiconEntry, str] | None:
    if is_crowd(token, lexicon):
        return PROTESTERS, token.lemma_.lower()
    named = protest_entry(token, lexicon) if token.tag_ not in ("NNP", "NNPS") else None  # "in March"
    if named is not None and named[1] not in lexicon.words("ambiguous_near_violence"):
        return named
    # "a crowd of demonstrators", "hundreds of protesters": the counted noun
    for prep in (c for c in token.children if c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if is_crowd(obj, lexicon):
                return PROTESTERS, obj.lemma_.lower()
    return None


def _during(trig: Trigger, lexicon: Lexicon) -> list:
    """Nouns of time-and-place phrases of the trigger: "detained during protests", "killed at a rally"."""
    anchors = [trig.head] + ([trig.noun] if trig.noun is not None else [])
    return [p for a in anchors for prep in a.children if prep.dep_ == "prep" and prep.lower_ in lexicon.words("during_preps")
            for p in prep.children if p.dep_ == "pobj" and p.tag_ not in ("NNP", "NNPS")]
