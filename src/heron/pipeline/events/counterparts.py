"""Counterparts from context: whom an event is aimed at when its clause names no one.

"The ministry rejected the charges" answers whoever made the charges; "Kyiv condemned the strike"
is aimed at whoever struck. For an event of a type that is aimed at someone (``counterpart_types``
in story.yaml) and whose clause names no coded recipient, the story is read in this order:

1. ``counterpart:reacted-to`` -- the event's own object names an act ("the accusations", "the
   delay", "the resolution"): its author, named inside the phrase ("the allegations made by
   Pakistan") or the actor of that act told earlier in the story;
2. ``counterpart:clause`` -- for an act (not a statement), a coded actor its own clause names
   outside the actor phrase ("negotiating to import eggs from Brazil"), never a place where it
   happened nor one named in a clause of circumstance or description; this rule is also tried
   for the other types before ``counterpart:domestic`` when the clause names no coded recipient;
3. ``counterpart:previous-sentence`` -- the other party of the sentence before;
4. ``counterpart:main-dyad`` -- the story's other main party: of the pair of codes most often
   found on the two sides of its events, the one the event's actor is not (none when the story's
   events are mostly within one country).

A clause that names its recipient by a phrase no dictionary codes ("ordered all public schools",
"urged owners of food stalls", "jailed him") in a story about one country, whose actor is of
that country, gets the country's code on that phrase (``counterpart:domestic``): a domestic
event is aimed at the country's own people and bodies (eval/CODING.md). So does, as a last
resort, when the story has no two-country main dyad, any event of that country's actor whose
clause names no coded recipient ("the general signed a power-sharing agreement", "opposition
parties rejected the budget"; not a pronoun nor an act someone else did, "rejected the claims"):
the country itself is added as the recipient, with the same rule.

A possessive pronoun that stands for the actor itself or for no one known ("France recalled its
ambassador") owns what is acted upon and is no recipient: it is left out (``+recipient=own-possessive``
in the event's rule) and the recipient is looked for as above.

Each inferred participant carries the rule in ``inferred`` and the event's rule gains
``+recipient=<rule>``, so a user can tell them apart or leave them out (``Settings(infer_counterparts=False)``,
``heron code --no-inferred``). An event's actor never becomes its own recipient.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from heron.pipeline.budget import check
from heron.pipeline.events.coreference import noun_types, mention_of, named_recipients
from heron.pipeline.events.participants import participants
from heron.pipeline.index import mentions
from heron.pipeline.knowledge import Knowledge
from heron.types import NON_STATE_CODES, Article, Event, Participant

# bounds that keep the stage linear in the number of events: the act an event reacts to is
# looked for among the story's first events (its headline and lead) and the latest ones before it
HEADLINE_EVENTS = 5
LOOKBACK = 100
REACTED, PREVIOUS, DYAD = "counterpart:reacted-to", "counterpart:previous-sentence", "counterpart:main-dyad"
DOMESTIC, CLAUSE = "counterpart:domestic", "counterpart:clause"
AUTHOR_PREPS = ("by", "from")


def infer_counterparts(article: Article, events: list[Event], knowledge: Knowledge,
                       index: dict[int, int]) -> list[Event]:
    words = knowledge.story
    sents = list(article.doc.sents)
    dyad, home = main_dyad(events, knowledge, article), home_country(article, knowledge)
    one_country = home if not dyad else None  # a story about one country, with no two-country main pair
    told_in: dict[int, list[Event]] = {}
    for other in events:
        for where in {index.get(m.start, -1) for m in (other.mentions or [mention_of(other)])}:
            told_in.setdefault(where, []).append(other)
    out = []
    for k, event in enumerate(events):
        check()
        event = _without_own_possessive(article, event)
        if event.event.lower() not in words["counterpart_types"] or _coded(named_recipients(event)) \
                or (_coded(event.recipient) and event.event.lower() not in words["statement_types"]):
            # a place's state stays the target of an act (PLOVER), not of a statement
            clause = [] if _coded(event.recipient) else _clause_party(article, event, knowledge)
            out.append(_with_recipient(event, clause, CLAUSE) if clause
                       else _domestic_target(article, event, one_country, knowledge) or event)
            continue
        earlier = events[:HEADLINE_EVENTS] + events[HEADLINE_EVENTS:k + 1][-LOOKBACK:]
        found, rule = _reacted_to(article, event, earlier, knowledge, index), REACTED
        if not found:
            found, rule = _clause_party(article, event, knowledge), CLAUSE
        story_wide = any(p.code for p in event.actor) and not _names_someone(article, event, knowledge)
        if not found and not story_wide and home is not None:
            domestic = _domestic(article, event, home, knowledge)
            if domestic is not None:
                out.append(domestic)
                continue
        if not found and story_wide:
            found, rule = _previous_party(article, event, told_in, sents, index, knowledge), PREVIOUS
        if not found and story_wide:
            found, rule = _other_side(event, dyad), DYAD
        found = [p for p in found if not _same_actor(p, event.actor, loose=rule != REACTED)]
        if not found:
            out.append(_domestic_target(article, event, one_country, knowledge) or event)
            continue
        out.append(_with_recipient(event, found, rule))
    return out


def _with_recipient(event: Event, found: list[Participant], rule: str) -> Event:
    """The event with ``found`` as its inferred recipients, each and the event's rule naming ``rule``."""
    kept = [p for p in event.recipient if p in named_recipients(event) or not (p.code or p.actor)]
    return replace(event, recipient=kept + [replace(p, inferred=rule) for p in found],
                   rule=f"{event.rule}+recipient={rule}", confidence=round(max(0.1, event.confidence - 0.1), 2))


OWN = "+recipient=own-possessive"


def _without_own_possessive(article: Article, event: Event) -> Event:
    """"France recalled its ambassador", "withdrew their troops": a possessive pronoun that stands
    for the actor itself, or for no one known, owns what is acted upon and is no recipient; it is
    left out (the rule says so) and the recipient is looked for like any missing one."""
    own = {p.code for p in event.actor if p.code}
    dropped = [p for p in event.recipient if p.inferred is None and (p.code is None or p.code in own)
               and _possessive_pronoun(article, p)]
    if not dropped:
        return event
    return replace(event, recipient=[p for p in event.recipient if p not in dropped], rule=event.rule + OWN)


def _possessive_pronoun(article: Article, part: Participant) -> bool:
    if part.start is None or part.end is None:
        return False
    span = article.doc.char_span(part.start, part.end, alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].tag_ == "PRP$"


def _coded(parts: list[Participant]) -> bool:
    return any(p.code or p.actor for p in parts)


def _same_actor(part: Participant, actor: list[Participant], loose: bool) -> bool:
    """Is ``part`` one of the event's own actors? By actor id; by code and sector when either
    has no id; by code alone for the story-wide rules (``loose``), which cannot tell two bodies of
    one state apart."""
    for own in actor:
        if part.actor and part.actor == own.actor:
            return True
        if part.code and part.code == own.code and (loose or part.sector == own.sector):
            return True
    return False


def _names_someone(article: Article, event: Event, knowledge: Knowledge) -> bool:
    """Does the clause name a recipient the actor dictionary does not know ("urged nations",
    "ordered the school", "Mbewe")? Then the story is not asked for another one; a phrase that
    names an act ("rejected the claims") or a thing ("rejected the budget") does not count, except
    as the object of a demand, which is always its addressee."""
    for noun in _uncoded_heads(article, event, lambda part: part.inferred):
        if noun.pos_ in ("PROPN", "PRON") or noun.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return True
        if event.event == "REQUEST" and not _reacted_types(noun, knowledge):
            return True
    return False


def _uncoded_heads(article: Article, event: Event, skip) -> Iterator:
    """The head word of each recipient phrase that has no code (and for which ``skip`` is false)."""
    for part in event.recipient:
        if part.code or skip(part) or part.start is None or part.end is None:
            continue
        span = article.doc.char_span(part.start, part.end, alignment_mode="expand")
        if span is not None and len(span):
            yield span.root


# --- 1. the act reacted to ---------------------------------------------------------------

def _reacted_to(article: Article, event: Event, events: list[Event], knowledge: Knowledge,
                index: dict[int, int]) -> list[Participant]:
    for noun in _uncoded_heads(article, event, lambda part: part.actor):
        types = _reacted_types(noun, knowledge)
        if not types:
            continue
        author = _author_in_phrase(article, noun, types, knowledge)
        if not _coded(author):
            author = _author_in_story(event, events, types, index, knowledge.story["reacted_window"])
        if _coded(author):
            return [p for p in author if p.code or p.actor]
    return []


def _reacted_types(noun, knowledge: Knowledge) -> set[str]:
    listed = knowledge.story["reacted_nouns"]
    types = set(listed.get(noun.lemma_.lower()) or listed.get(noun.lower_) or ())
    return types | noun_types(noun, knowledge)


def _author_in_phrase(article: Article, noun, types: set[str], knowledge: Knowledge) -> list[Participant]:
    """"the allegations made by Pakistan", "allegations by Pakistan", "Kenya's request", "the US
    proposal": who made the act named by ``noun``. A possessor or national modifier is its author
    only for a statement ("Zamora's detention" is done to Zamora)."""
    heads = [p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in AUTHOR_PREPS
             for p in prep.children if p.dep_ == "pobj"]
    for clause in (c for c in noun.children if c.dep_ == "acl"):
        heads += [p for prep in clause.children if prep.dep_ == "agent" for p in prep.children if p.dep_ == "pobj"]
    statements = knowledge.story["statement_types"]
    if "any" in types or {t.lower() for t in types} <= statements:
        heads += [c for c in noun.children if c.dep_ == "poss"]
        heads += [c for c in noun.lefts if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")]
    return participants(article, heads, knowledge) if heads else []


def _author_in_story(event: Event, events: list[Event], types: set[str], index: dict[int, int],
                     window: int) -> list[Participant]:
    """The actor of the nearest act of those types told before the event (or in its sentence):
    one aimed at the event's actor first, else one told in the headline or lead, or at most
    ``window`` sentences before."""
    anchor, here = event.start, index.get(event.start, 0)
    best, best_key = None, None
    for other in events:
        if other is event or other.negated or not ("any" in types or other.event in types):
            continue
        told = [m.start for m in (other.mentions or [mention_of(other)]) if m.start <= anchor]
        actor = [p for p in other.actor if p.code or p.actor]
        if not told or not actor or all(_same_actor(p, event.actor, loose=False) for p in actor):
            continue
        aimed = any(_same_actor(p, event.actor, loose=False) for p in named_recipients(other))
        headline = min(index.get(start, 0) for start in told) <= 1  # the story's news: "the attack"
        if not aimed and not headline and here - index.get(max(told), 0) > window:
            continue
        key = (aimed, max(told))
        if best_key is None or key > best_key:
            best, best_key = actor, key
    return best or []


# --- 2. a party named in the clause -----------------------------------------------------------

def _clause_party(article: Article, event: Event, knowledge: Knowledge) -> list[Participant]:
    """"negotiating to import eggs from Brazil", "deported 40 people to China": a coded actor the
    clause of an act (not a statement) names outside its actor phrase, nearest the trigger first
    (not a place where it happened, "in Nairobi", nor one named in a clause of circumstance or
    description)."""
    trigger = _trigger_token(article, event)
    if trigger is None or event.event.lower() in knowledge.story["statement_types"]:
        return []  # what a statement's clause names is what it is about ("warned it could turn to Russia")
    own = [(p.start, p.end) for p in event.actor if p.start is not None and p.end is not None]
    reporting, locative = knowledge.story["reporting_sectors"], knowledge.words["locative_preps"]
    best, best_distance = None, None
    first, last = min(t.idx for t in trigger.subtree), max(t.idx + len(t) for t in trigger.subtree)
    for start, end, position, _ in mentions(article).starting_in(first, last):
        actor = article.actors[position]
        if not actor.code or (actor.sector or "").lower() in reporting or any(s < end and start < e for s, e in own):
            continue
        token = article.doc.char_span(start, end, alignment_mode="expand")
        if token is None or not _governed_by(token.root, trigger, locative):
            continue
        part = Participant(actor.code, actor.sector, article.text[start:end], actor.id, start, end)
        distance = abs(token.root.i - trigger.i)
        if not _same_actor(part, event.actor, loose=True) and (best_distance is None or distance < best_distance):
            best, best_distance = part, distance
    return [best] if best is not None else []


def _trigger_token(article: Article, event: Event):
    """The first word of the event's trigger in its sentence."""
    words = event.event_text.split()
    sentence = article.doc.char_span(event.start, event.end, alignment_mode="expand")
    if not words or sentence is None:
        return None
    return next((t for t in sentence if t.text == words[0]), None)


CIRCUMSTANCE_DEPS = ("advcl", "relcl", "acl", "parataxis", "appos", "npadvmod")


def _governed_by(token, trigger, locative) -> bool:
    """Is ``token`` inside the trigger's clause by a path of complements and objects (no place
    phrase, no clause of circumstance or description on the way)?"""
    while token.i != trigger.i:
        if token.dep_ in CIRCUMSTANCE_DEPS or token.dep_ == "prep" and token.lower_ in locative:
            return False
        if token.head.i == token.i:
            return False
        token = token.head
    return True


# --- 3. the sentence before ----------------------------------------------------------------

def _previous_party(article: Article, event: Event, told_in: dict[int, list[Event]], sents: list,
                    index: dict[int, int], knowledge: Knowledge) -> list[Participant]:
    """The other party of the sentence before: an actor of an event told there, else a
    recipient of one, else a coded actor the sentence names (never a reporter or an outlet)."""
    here = index.get(event.start)
    if not here:
        return []
    before = sents[here - 1]
    reporting = knowledge.story["reporting_sectors"]
    told = [e for e in told_in.get(here - 1, []) if e is not event]
    for side in ("actor", "recipient"):
        found = [p for e in told for p in getattr(e, side) if p.code and p.inferred is None
                 and (p.sector or "").lower() not in reporting and not _same_actor(p, event.actor, loose=True)]
        if found:
            return found[:1]
    for start, end, position, _ in mentions(article).starting_in(before.start_char, before.end_char):
        actor = article.actors[position]
        if actor.code and (actor.sector or "").lower() not in reporting:
            part = Participant(actor.code, actor.sector, actor.name, actor.id, start, end)
            if not _same_actor(part, event.actor, loose=True):
                return [part]
    return []


# --- 4. the story's main dyad --------------------------------------------------------------

def main_dyad(events: list[Event], knowledge: Knowledge, article: Article | None = None) -> list[Participant]:
    """The story's two opposing parties: the pair of codes most often on the two sides of its
    events (sides the text names; outlets and unnamed reporters left out, a journalist who is
    a party by name kept), each as its first participant. None when the most frequent pair is
    one country on both sides (a domestic story)."""
    pairs: Counter[tuple[str, str]] = Counter()
    first: dict[str, Participant] = {}
    for event in events:
        if event.negated:
            continue
        sides = [[p for p in side if p.code and p.inferred is None and not _reporting(p, article, knowledge)]
                 for side in (event.actor, named_recipients(event))]
        for pair in dict.fromkeys(tuple(sorted((one.code, two.code))) for one in sides[0] for two in sides[1]):
            pairs[pair] += 1  # once per event, in text order (a tie goes to the pair told first)
        for part in sides[0] + sides[1]:
            first.setdefault(part.code, part)
    if not pairs:
        return []
    (one, two), _ = pairs.most_common(1)[0]
    if one == two:
        return []
    return [replace(first[one], inferred=None), replace(first[two], inferred=None)]


def _reporting(part: Participant, article: Article | None, knowledge: Knowledge) -> bool:
    """Does the participant report the story (an outlet, "reporters") rather than take part in
    it? A person named as such (a jailed publisher) takes part."""
    if (part.sector or "").lower() not in knowledge.story["reporting_sectors"]:
        return False
    actor = article.actor_by_id(part.actor) if article is not None and part.actor else None
    return actor is None or actor.kind != "person"


def home_country(article: Article, knowledge: Knowledge) -> str | None:
    """The state a story is about: the code with most actor mentions, when it has more than all
    other state codes together (reporters and outlets left out)."""
    reporting = knowledge.story["reporting_sectors"]
    counts: Counter[str] = Counter()
    for actor in article.actors:
        if actor.code and len(actor.code) == 3 and actor.code not in NON_STATE_CODES \
                and (actor.sector or "").lower() not in reporting:
            counts[actor.code] += len(actor.mentions)
    if not counts:
        return None
    code, count = counts.most_common(1)[0]
    return code if count > sum(counts.values()) - count else None


def _domestic(article: Article, event: Event, home: str, knowledge: Knowledge) -> Event | None:
    """The event with the home country's code on the people or bodies its clause names."""
    if home not in {p.code for p in event.actor}:
        return None
    recipient, changed = [], False
    for part in event.recipient:
        head = _head(article, part)
        people = head is not None and (head.tag_ == "NNS" or head.lower_ in knowledge.story["person_pronouns"]) \
            and not _reacted_types(head, knowledge)
        if people and not part.code:
            part, changed = replace(part, code=home, inferred=DOMESTIC), True
        recipient.append(part)
    if not changed:
        return None
    return replace(event, recipient=recipient, rule=f"{event.rule}+recipient={DOMESTIC}",
                   confidence=round(max(0.1, event.confidence - 0.1), 2))


def _domestic_target(article: Article, event: Event, home: str | None, knowledge: Knowledge) -> Event | None:
    """An event of the home country's actor that names no coded recipient at all ("the general
    signed a power-sharing agreement", "authorities approved a law", "the group launched 504
    attacks") in a story about that country: a domestic event, aimed at the country itself."""
    if home is None or event.negated or _coded(event.recipient) or home not in {p.code for p in event.actor}:
        return None
    heads = list(_uncoded_heads(article, event, lambda part: False))
    if any(head.pos_ == "PRON" or _reacted_types(head, knowledge) for head in heads):
        return None  # "rejected the accusations", "approved them": aimed at whoever made them
    country = next((a for a in article.actors if a.code == home and a.kind == "country"), None)
    part = Participant(home, None, country.name if country is not None else home, inferred=DOMESTIC)
    return replace(event, recipient=event.recipient + [part], rule=f"{event.rule}+recipient={DOMESTIC}",
                   confidence=round(max(0.1, event.confidence - 0.1), 2))


def _head(article: Article, part: Participant):
    if part.start is None or part.end is None:
        return None
    span = article.doc.char_span(part.start, part.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _other_side(event: Event, dyad: list[Participant]) -> list[Participant]:
    codes = {p.code for p in event.actor if p.code}
    if len(dyad) != 2:
        return []
    one, two = dyad
    if one.code in codes and two.code not in codes:
        return [two]
    if two.code in codes and one.code not in codes:
        return [one]
    return []
