"""Stage `events`: PLOVER events from the parse, the event lexicon, actors and quotes.

Per sentence: find triggers (event_rules), fold complements into the verbs that govern them
("invited Putin to support" is one REQUEST), read modality and attribution (modality), find
actor and recipient phrases (event_roles), then fill dates, places and scores from their stages'
interfaces. One event per trigger; duplicates within a sentence are merged. Main clauses code;
subordinate clauses code the material acts they tell as fact (modality.told_as_fact).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from heron.config import Settings
from heron.pipeline.budget import check
from heron.pipeline.component import Stage
from heron.pipeline.events.dates import UNRESOLVED_DATES
from heron.pipeline.events.eventness import (event_status, foreign_date, frame_status, headline_end, negated_noun,
                                            not_an_event, reference_status)
from heron.pipeline.events.fields import date_for, location_for, scores
from heron.pipeline.events.harm import (non_agent, out_of_scope, policing_crime, policing_motive, shared_agents,
                                        violence_cue)
from heron.pipeline.events.lexicon import Lexicon, LexiconEntry
from heron.pipeline.events.modality import (CONFLICTUAL, clause_role, frame_of, quote_speaker, reshape, speaker_of,
                                            told_as_fact)
from heron.pipeline.events.narrative import Told, carry_paragraph_dates, is_past
from heron.pipeline.events.participants import (choose_recipients, clause_targets, coded, complement_objects,
                                               is_participant, participants, phrase_span, prep_objects, role_heads,
                                               subject_of)
from heron.pipeline.events.protest import REPRESSION_WHY, concurrent_protests, crowd_reading, implied_protests, is_crowd
from heron.pipeline.events.triggers import Trigger, between, reduced_passive, sentence_triggers, unopposed
from heron.pipeline.index import tokens as read_tokens
from heron.pipeline.knowledge import Knowledge
from heron.pipeline.text.language import lemma
from heron.types import NON_STATE_CODES, Article, Claim, Event, Participant, Problem

MAX_SENTENCE_TOKENS = 120
DOMESTIC_DEFAULT = {"PROTEST"}
# material acts: the types a subordinate clause tells as news; a relative clause's statements
# and meetings describe who someone is ("the minister, who met Putin last year")
TOLD_ACTS = ("ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "SANCTION")
FROM = frozenset({"from"})  # "took the town from the rebels without a fight": the side that yielded it
# CAMEO code and PLOVER mode of a reading that changes an entry's type
RESHAPED = {**REPRESSION_WHY, "unopposed": (None, "withdraw")}
OBLIGATION = LexiconEntry(event="REQUEST", id="obligation_aux", file="modality.yaml", cameo="10")


@dataclass
class EventDraft:
    """An event before ids and scores: what one trigger yields in one sentence."""

    trig: Trigger
    event: str
    actor: list[Participant]
    recipient: list[Participant]
    negated: bool = False
    asserted_by: Claim | None = None
    context: list[str] = field(default_factory=list)
    text_tokens: list = field(default_factory=list)
    why: str | None = None
    cameo: str | None = None
    default: str | None = None  # how a missing recipient was filled: location | domestic
    targets: list = field(default_factory=list)  # head tokens of the recipient phrases


@dataclass
class Scope:
    """What coding one sentence needs besides the trigger: the sentence, its triggers' head
    tokens (found before any event is drafted) and the pipeline's knowledge."""

    article: Article
    sent: object
    knowledge: Knowledge
    notes: set[str]
    trigger_heads: frozenset[int]
    headline: int = 0  # where the article's first paragraph ends
    _locations: dict = field(default_factory=dict)  # memo: trigger offset -> Location | None

    @property
    def lexicon(self):
        return self.knowledge.lexicon

    @property
    def in_headline(self) -> bool:
        """The sentence lies in the first paragraph: the title, told in the present tense."""
        return self.sent.start_char < self.headline

    def location_at(self, anchor: int):
        """The place of the event triggered at ``anchor``: only places on its own clause count."""
        if anchor not in self._locations:
            span = (self.sent.start_char, self.sent.end_char)
            self._locations[anchor] = location_for(self.article, span, anchor, self.knowledge.places, self.notes)
        return self._locations[anchor]


class EventStage(Stage):
    name = "events"
    requires = ("doc", "actors", "quotes")
    provides = ("events",)

    def __init__(self, settings: Settings, knowledge: Knowledge) -> None:
        self.settings = settings
        self.knowledge = knowledge

    def __call__(self, article: Article) -> None:
        told: list[Told] = []
        notes: set[str] = set()
        headline = headline_end(article.text)
        tags = read_tokens(article.doc).pos
        for index, sent in enumerate(article.doc.sents):
            check()
            verbless = not any(tag in ("VERB", "AUX") for tag in tags[sent.start:sent.end])
            if len(sent) > MAX_SENTENCE_TOKENS or verbless and not _title_line(sent, index):
                continue  # a verbless line codes only as the title ("Heavy clashes in border town")
            groups = sentence_triggers(sent, self.knowledge.lexicon, self.knowledge.verbs)
            scope = Scope(article, sent, self.knowledge, notes, frozenset(group[0].head.i for group in groups),
                          headline)
            for k, draft in enumerate(merge(code_sentence(scope, groups))):
                told.append(Told(finish(scope, index, k, draft), is_past(draft.trig.head)))
        carry_paragraph_dates(article, told, self.knowledge.dates)
        article.events = [item.event for item in told]
        if article.published is None and any(e.date is None and e.date_text for e in article.events):
            article.problems.append(Problem("dates", UNRESOLVED_DATES))
        article.problems += [Problem("events", note) for note in sorted(notes)]


def _title_line(sent, index: int) -> bool:
    """The text's first sentence, unpunctuated as titles are: a verbless caption or fragment
    inside the text ("Photo: ...", "Syria war: talks in Geneva.") is no headline."""
    return index == 0 and sent[-1].pos_ != "PUNCT"


def code_sentence(scope: Scope, groups: list[list[Trigger]]) -> list[EventDraft]:
    heads = {group[0].head.i: group[0] for group in groups}
    complements: dict[int, list[Trigger]] = {}
    for group in groups:
        parent = _absorber(group[0], heads)
        if parent is not None:
            complements.setdefault(parent.head.i, []).append(group[0])
    absorbed = {t.head.i for kids in complements.values() for t in kids}
    drafts = []
    for group in groups:
        if group[0].head.i in absorbed:
            continue
        kids = complements.get(group[0].head.i, [])
        draft = next((d for trig in group if (d := draft_for(scope, trig, kids))), None)
        if draft is not None:
            drafts.append(draft)
    drafts += obligations(scope, absorbed)
    kept = _main_clauses(drafts, scope)
    kept += concurrent_protests(drafts, kept)
    hits = implied_protests(kept, drafts, scope.lexicon)
    return kept + [d for hit in hits if (d := protest_draft(scope, *hit))]


def _main_clauses(drafts: list[EventDraft], scope: Scope) -> list[EventDraft]:
    """Main clauses first; adverbial clauses ("..., saying it would ...", "to press demands") only
    when the main clause codes nothing, background clauses ("the town, where 20 were killed")
    only for an attack. Besides them, material acts that a subordinate clause tells as facts
    ("in Portland, where thousands marched", "after gunmen stormed the hotel") are events too.
    A participle of result (", killing three") goes on telling the main clause's act: it codes
    only as an adverbial clause does, when the main clause codes nothing. A clause dated before
    the news window ("the activist, who was jailed in 2019") tells the background of the news."""
    lexicon, reporting = scope.lexicon, scope.knowledge.speech.reporting_verbs
    # "a rally held by students was dispersed": the rally's clause, not the participle's, ranks it
    roles = [clause_role(d.trig.noun if _done_to(d.trig) else d.trig.head, lexicon) for d in drafts]
    kept: list[EventDraft] = []
    for wanted in ("main", "side", "background"):  # a headline-like fragment may hold only a participle
        chosen = [d for d, r in zip(drafts, roles) if r == wanted]
        if chosen:
            kept = chosen if wanted != "background" else [d for d in chosen if d.event == "ASSAULT"]
            break
    for draft in drafts:
        if draft in kept or draft.event not in TOLD_ACTS or _by_thing(draft) or not _known_side(draft):
            continue  # "threatened him with a grenade which exploded": no one acts in the clause
        pred = draft.trig.noun if _done_to(draft.trig) else draft.trig.head
        fact = told_as_fact(pred, lexicon, reporting)
        if fact == "relative" and _about_event(pred, lexicon):
            continue  # "a general strike that shut down the capital": what the named event did
        if fact in ("relative", "adverbial") and dated_status(scope, draft)[0] != "background":
            kept.append(draft)
    return kept


def _met_necessity(frame) -> bool:
    """"Police had to open fire": a necessity told in the past, with no one asking, was met."""
    return lemma(frame.obligation) == "have" and frame.obligation.tag_ == "VBD"


def _yielded(trig: Trigger, actor_heads: list, recipient_heads: list) -> tuple[str, str, list, list]:
    """"The rebels entered the town without a fight": its holder (named by "from") yielded it to
    them; (event, why, actor heads, recipient heads) of that reading."""
    return trig.entry.when_unopposed, "unopposed", prep_objects(trig.head, FROM), actor_heads + recipient_heads


def _between_sides(scope: Scope, trig: Trigger, recipient: list, event: str) -> tuple[list, list, str]:
    """"Clashes between herders and farmers": with no actor, one side of "between" acts on the
    other; "a truce between X and Y" is an accord of both (``when_between``), not one side's act."""
    sides = participants(scope.article, [h for h in between(trig) if is_participant(h, scope.knowledge)],
                         scope.knowledge)
    if trig.entry.when_between and len(sides) > 1:
        event = trig.entry.when_between
    return sides[:1], sides[1:] + [p for p in recipient if p not in sides], event


def consequences(trig: Trigger, lexicon: Lexicon) -> list:
    """"The arrest sparked protests": what the event brought about is no target of it, but a crowd
    or protest it names took place (protest.implied_protests reads it)."""
    if trig.light != "intransitive" or lemma(trig.head) not in lexicon.light["resulting"]:
        return []
    return [c for c in trig.head.children if c.dep_ == "dobj"]


def _known_side(draft: EventDraft) -> bool:
    """A subordinate clause adds an event of a known political actor, or a crowd's protest."""
    return coded(draft.actor) or draft.event == "PROTEST"


def _about_event(pred, lexicon) -> bool:
    """A relative clause on an event noun ("the strike that shut down the city", "an attack which
    killed five") tells what that event did, not another act."""
    head = pred.head if pred.dep_ == "relcl" else None
    return head is not None and (head.lemma_.lower() in lexicon.nouns or head.lower_ in lexicon.nouns)


def _by_thing(draft: EventDraft) -> bool:
    """The clause's act is told of a weapon ("a grenade which exploded", "after vehicles were hit
    by gunfire") or of a property with no one acting ("shops that were burned")."""
    entry = draft.trig.entry
    return draft.trig.kind == "verb" and (bool(entry.subjects) or bool(entry.objects) and not draft.actor)


def _absorber(trig: Trigger, heads: dict[int, Trigger]) -> Trigger | None:
    """The trigger whose complement clause this trigger's clause is ("urged X to withdraw")."""
    cur = trig.head
    for _ in range(3):
        if cur.dep_ not in ("xcomp", "ccomp", "acomp") or cur.head.i == cur.i:
            return None
        parent = heads.get(cur.head.i)
        if parent is not None and parent.entry.complement in ("absorb", "judge"):
            return parent
        if parent is not None:
            return None
        cur = cur.head
    return None


def draft_for(scope: Scope, trig: Trigger, kids: list[Trigger]) -> EventDraft | None:
    article, lexicon, pred = scope.article, scope.lexicon, trig.head
    frame = frame_of(pred, lexicon)
    if frame.obligation is not None and not frame.negated:
        request = obligation_draft(scope, pred, frame)
        if request is not None or not _met_necessity(frame):
            return request  # "the government must release them": asked for by a speaker, or no act at all
    words = scope.knowledge.eventness
    if not_an_event(trig, scope.sent, words, scope.in_headline, scope.trigger_heads):
        return None  # a figure of speech, a condition, a habit, a class of people, an aim
    kids = [k for k in kids if not not_an_event(k, scope.sent, words, scope.in_headline)]  # "vowed to fight corruption"
    if frame.hedge or (trig.entry.needs_complement == "event" and not kids):
        return None
    event, why = trig.entry.event, None
    if trig.entry.complement == "judge" and any(k.entry.event in CONFLICTUAL for k in kids):
        event, why = "THREATEN", "intent"
    event, negated, reason = reshape(event, frame)
    negated = negated or negated_noun(trig)  # "a drug war, not a trade war"; "no attacks"
    actor_heads, recipient_heads = role_heads(trig, scope.knowledge)
    if trig.entry.when_unopposed and unopposed(trig.head, trig.entry, lexicon):
        event, why, actor_heads, recipient_heads = _yielded(trig, actor_heads, recipient_heads)
    recipient_heads = [h for h in recipient_heads if h not in actor_heads]  # "aid from Turkey arrived": no self-target
    if event in CONFLICTUAL and (non_agent(actor_heads or shared_agents(trig.head), lexicon)
                                 or trig.entry.objects and not actor_heads and non_agent(causes(pred, trig), lexicon)):
        return None  # "floods killed 20"; "houses were destroyed in the floods"
    speaker, _ = speaker_of(pred, scope.knowledge, scope.trigger_heads)
    actor = _actor(article, actor_heads, speaker, scope.knowledge)
    # "promised to allocate $1.5 billion to X": the complement may name the recipient
    kid_heads = [h for kid in kids for h in role_heads(kid, scope.knowledge)[1]] + clause_targets(trig, scope.knowledge)
    if not kids:
        kid_heads += complement_objects(trig, scope.knowledge)
    recipient = choose_recipients(article, recipient_heads, kid_heads, scope.knowledge)
    if trig.entry.go_between and len({t.i for s in between(trig) for t in (s, *s.conjuncts)}) > 1:
        actor = []  # "Qatar brokered a truce between Israel and Hamas": the sides agree, not the broker
    if not actor and trig.kind in ("noun", "phrase"):
        actor, recipient, event = _between_sides(scope, trig, recipient, event)
    if trig.entry.mutual and not recipient and len(actor) > 1:
        actor, recipient = actor[:1], actor[1:]
    elif trig.entry.mutual and not recipient and collective(actor_heads, actor):
        recipient = list(actor)  # "EU foreign ministers met in Brussels": they meet one another
    if trig.entry.needs_recipient and not recipient:
        return None
    default = None
    if not coded(recipient):  # no target named, or none that is a known actor: the place's state
        fallback, default = default_recipient(scope, event, actor, trig.head.idx)
        recipient = recipient + fallback if not recipient or fallback else recipient
    if trig.entry.needs_dyad and not _dyad(actor, recipient, trig.entry.needs_dyad == "named" and default):
        return None  # imported entries code, as PETRARCH does, with a known source and target only
    # an event needs a named side; a place alone, or nothing, will do only for a reported attack or clash
    if not actor and (not recipient and not _told_as_news(trig, event, lexicon)
                      or default and not _happening(trig, event, lexicon)):
        return None
    if trig.kind == "noun" and lemma(trig.noun) in lexicon.light["not_news_alone"] and not coded(actor + recipient):
        return None  # "civilians died in the war": a situation or a crime with no side and no place known
    if not coded(actor) and not (coded(recipient) and not default) and not _happening(trig, event, lexicon) \
            and event not in CONFLICTUAL:
        return None  # "pressure is pushing for this": no actor anywhere in the clause
    if trig.light == "circumstance" and not coded(actor + (recipient if not default else [])) and event != "PROTEST":
        return None  # "fled amid a shooting in X": an incident of no known side is the time of the news, not news
    if not actor and trig.entry.id == "kill" and not violence_cue(scope.sent, lexicon) \
            and not any(is_crowd(h, lexicon) for h in recipient_heads):
        return None  # "six were killed when a tank exploded": harm without an attacker or a weapon
    if event in CONFLICTUAL_ACTS and (policing_crime(actor, recipient, scope.knowledge.words)
                                      or policing_motive(actor, recipient, scope.sent, scope.knowledge.words, lexicon,
                                                         by_police=not actor and trig.entry.mode == "arrest")):
        return None  # police and criminals alone: ordinary crime, outside PLOVER's scope
    if event == "ASSAULT" and out_of_scope(trig, scope.sent, coded(actor), lexicon):
        return None  # an accident, or violence in the course of a robbery: outside PLOVER's scope
    crowd = crowd_reading(event, actor_heads + between(trig), recipient_heads, lexicon, trig.pattern) \
        if not negated else None
    if crowd is not None:  # "protesters clashed with police": a riot; "police beat protesters": repression
        event, why = ("COERCE" if crowd == "repression" else "PROTEST"), crowd
    if why is None and trig.light == "circumstance":
        why = "during"  # the incident is the time of another event, as for implied protests
    draft = EventDraft(trig, event, actor, recipient, negated=negated, why=reason or why, default=default,
                  context=_context(trig, kids, scope.lexicon.contexts) if why not in REPRESSION_WHY else [],
                  text_tokens=_trigger_tokens(trig, kids, frame), targets=recipient_heads + consequences(trig, lexicon))
    draft.asserted_by = claim_for(scope, pred, speaker)
    return draft


CONFLICTUAL_ACTS = ("COERCE", "ASSAULT")  # material conflict: the types ordinary crime is mistaken for


def _dyad(actor: list[Participant], recipient: list[Participant], defaulted) -> bool:
    return any(p.code for p in actor) and any(p.code for p in recipient) and not defaulted


def collective(heads: list, actor: list) -> bool:
    """One coded plural body ("ECOWAS security chiefs", "EU ministers") acting among itself."""
    return len(actor) == 1 and bool(actor[0].code) and len(heads) == 1 and heads[0].tag_ in ("NNS", "NNPS") \
        and not heads[0].conjuncts


def protest_draft(scope: Scope, token, entry: LexiconEntry, word: str, how: str) -> EventDraft | None:
    """The demonstration an event presupposes ("police dispersed the protesters"): PROTEST by the crowd."""
    if is_crowd(token, scope.lexicon):
        heads = [token]
    else:  # "a march by students", "a crowd of demonstrators"
        heads = [p for prep in token.children if prep.lower_ in scope.lexicon.words("crowd_preps") for p in prep.children
                 if p.dep_ == "pobj" and is_participant(p, scope.knowledge)]
    actor = participants(scope.article, heads, scope.knowledge)
    recipient, default = default_recipient(scope, "PROTEST", actor, token.idx)
    trig = Trigger(token, entry, word, "implied", words=[token])
    return EventDraft(trig, "PROTEST", actor, recipient, why=how, default=default, text_tokens=[token])


def causes(verb, trig: Trigger | None = None) -> list:
    """The nouns of a verb's "by" and prepositional phrases: where a disaster would be named (not
    the trigger's own words: the fire of "were set on fire")."""
    own = {t.i for t in trig.words} if trig is not None else set()
    return [o for p in verb.children if p.dep_ in ("agent", "prep") for o in p.children
            if o.dep_ == "pobj" and o.i not in own]


def _done_to(trig: Trigger) -> bool:
    """The light verb is a participle on the nominal event itself ("a rally held in the capital")."""
    return trig.noun is not None and reduced_passive(trig.head) and trig.head.head.i == trig.noun.i


def _happening(trig: Trigger, event: str, lexicon: Lexicon) -> bool:
    """A nominal event that simply took place ("clashes broke out", "gun attacks left 7 dead",
    "demonstrations were held in ten cities"), or a thing the entry names undergoing it ("shops were
    burned", "an explosive device detonated" parsed as a participle)."""
    if event not in CONFLICTUAL:
        return False
    if event == "PROTEST" and trig.kind in ("verb", "noun") and \
            any(c.dep_ == "nsubj" and c.ent_type_ == "CARDINAL" for c in trig.head.children):
        return True  # "thousands marched", "thousands joined a rally": a crowd counted, not named
    if trig.kind == "verb" and (trig.entry.objects or trig.entry.subjects):  # the weapon or the property is named
        return any(c.dep_ == "nsubjpass" for c in trig.head.children) or reduced_passive(trig.head)
    if trig.kind == "verb" and any(c.dep_ == "nsubjpass" and _counted(c, lexicon) for c in trig.head.children):
        return True  # "dozens were arrested", "30 schoolchildren were abducted": people counted, not named
    if trig.kind == "verb" and trig.entry.mode in lexicon.words("victim_modes"):
        return any(c.dep_ == "nsubjpass" for c in trig.head.children)  # "a schoolgirl was sexually assaulted"
    if trig.kind != "noun":
        return False
    if trig.light == "agentive":  # "an attack was carried out", "a rally held in the capital": done, no doer named
        return trig.noun.dep_ == "nsubjpass" and trig.noun.head.i == trig.head.i or _done_to(trig)
    return trig.light in ("intransitive", "circumstance")  # "clashes broke out", "fled amid clashes"


def _counted(token, lexicon: Lexicon) -> bool:
    return token.ent_type_ == "CARDINAL" or token.lower_ in lexicon.words("count_words") \
        or any(c.dep_ == "nummod" for c in token.children)


def _told_as_news(trig: Trigger, event: str, lexicon) -> bool:
    """"A grenade attack was carried out on Friday", "clashes erupted": a nominal event reported
    as having happened is news without a named side or place; "this attack follows ..." points
    back to one told before, "the war forced millions to flee" names a situation, not an incident,
    and "a shooting left two dead" may be ordinary crime: with no side or place, none is news."""
    if trig.kind != "noun" or trig.light == "circumstance":  # "during the march": the time of other news
        return False
    return _happening(trig, event, lexicon) and lemma(trig.noun) not in lexicon.light["not_news_alone"] \
        and not any(c.dep_ == "det" and c.lower_ in lexicon.light["anaphoric_determiners"] for c in trig.noun.children)


def _actor(article: Article, heads: list, speaker, knowledge: Knowledge) -> list[Participant]:
    """The actor phrases coded; a pronoun in reported speech ("Syria says it will") is the speaker."""
    actor = participants(article, [h for h in heads if is_participant(h, knowledge)], knowledge)
    if speaker is not None and heads and all(h.pos_ == "PRON" and _agree(h, speaker) for h in heads) \
            and not coded(actor):
        spoken = participants(article, [speaker], knowledge)
        if coded(spoken):
            return spoken
    return actor


SINGULAR_PRONOUNS = ("it", "he", "she")
PLURAL_HEADS = ("NNS", "NNPS")


def _agree(pronoun, speaker) -> bool:
    """"They say it violates the treaty": a singular pronoun cannot stand for plural speakers."""
    plural = speaker.tag_ in PLURAL_HEADS or speaker.lower_ in ("they", "we") \
        or any(c.dep_ == "conj" for c in speaker.children)
    return not (plural and pronoun.lower_ in SINGULAR_PRONOUNS)


def default_recipient(scope: Scope, event: str, actor: list[Participant], anchor: int) -> tuple[list[Participant], str | None]:
    """With no target named, PLOVER codes the place's state; a protest targets its own state."""
    location = scope.location_at(anchor)
    if location is not None and location.country:
        return [Participant(location.country, None, location.text)], "location"
    if event in DOMESTIC_DEFAULT:
        own = [Participant(p.code, "GOV", p.entity_text) for p in actor[:1] if p.code and len(p.code) == 3
               and p.code not in NON_STATE_CODES]
        return own, "domestic" if own else None
    return [], None


def _context(trig: Trigger, kids: list[Trigger], words: dict[str, str]) -> list[str]:
    out = list(trig.entry.context)
    for kid in kids:
        out += [c for c in kid.entry.context if c not in out]
    scope = [trig.head] + [k.head for k in kids] + ([trig.noun] if trig.noun is not None else [])
    for token in scope:
        for child in token.children:
            if child.dep_ not in ("dobj", "prep", "attr", "dative", "npadvmod"):
                continue
            for t in child.subtree:
                ctx = words.get(t.lemma_.lower()) or words.get(t.lower_)
                if ctx and ctx not in out:
                    out.append(ctx)
    return out


def _trigger_tokens(trig: Trigger, kids: list[Trigger], frame) -> list:
    tokens = list(trig.words)
    if frame.intent is not None:
        tokens.append(frame.intent)
    tokens += [c for c in trig.head.children if c.dep_ == "neg"]
    for kid in kids:
        tokens += kid.words
    return tokens


def claim_for(scope: Scope, pred, speaker) -> Claim | None:
    if speaker is not None:
        parts = participants(scope.article, [speaker], scope.knowledge)
        actor_id = next((p.actor for p in parts if p.actor), None)
        return Claim(text=_phrase_text(scope.article, speaker), actor=actor_id)
    quoted = quote_speaker(scope.article, pred.idx)
    if quoted is not None:
        return Claim(text=quoted.text, actor=quoted.actor)
    return None


def _phrase_text(article: Article, head) -> str:
    start, end = phrase_span(head)
    return article.text[start:end]


def obligations(scope: Scope, absorbed: set[int]) -> list[EventDraft]:
    """"X said that Y must act" is X's REQUEST to Y, also when the act itself is no lexicon event."""
    out = []
    for pred in scope.sent:
        if pred.pos_ not in ("VERB", "AUX") or pred.i in absorbed or pred.i in scope.trigger_heads:
            continue
        frame = frame_of(pred, scope.lexicon)
        if frame.obligation is not None and not frame.negated:
            draft = obligation_draft(scope, pred, frame)
            if draft is not None:
                out.append(draft)
    return out


def obligation_draft(scope: Scope, pred, frame) -> EventDraft | None:
    """The speaker's REQUEST to the clause's subject (not when the subject is the speaker: "we must")."""
    speaker, verb = speaker_of(pred, scope.knowledge, scope.trigger_heads)
    target = subject_of(pred, scope.knowledge)
    if speaker is None or target is None or verb is None or verb.lemma_.lower() in scope.knowledge.speech.prepositional:
        return None  # "according to X, Y must ...": X reports, X does not ask
    actor = participants(scope.article, [speaker], scope.knowledge)
    recipient = participants(scope.article, [target], scope.knowledge)
    if not coded(recipient) or {p.code for p in recipient} <= {p.code for p in actor}:
        return None
    trig = Trigger(pred, OBLIGATION, frame.obligation.lower_, "modal", words=[verb, frame.obligation, pred])
    return EventDraft(trig, "REQUEST", actor, recipient, why="obligation", text_tokens=[verb, frame.obligation, pred])


def merge(drafts: list[EventDraft]) -> list[EventDraft]:
    """One event per (type, actors, recipients, negation) within a sentence; the first trigger wins."""
    seen, out = set(), []
    for draft in sorted(drafts, key=lambda d: d.trig.head.i):
        key = (draft.event, draft.negated, tuple(sorted(p.code or p.entity_text for p in draft.actor)),
               tuple(sorted(p.code or p.entity_text for p in draft.recipient)))
        if key in seen:
            continue
        seen.add(key)
        out.append(draft)
    return out


def finish(scope: Scope, index: int, k: int, draft: EventDraft) -> Event:
    article, sent, entry = scope.article, scope.sent, draft.trig.entry
    own = draft.event == entry.event
    cameo, mode = (entry.cameo, entry.mode) if own else (None, None)
    if draft.why in RESHAPED:
        cameo, mode = RESHAPED[draft.why]
    score = scores(scope.knowledge.plover, draft.event, cameo, mode)
    status, date, date_text, due = dated_status(scope, draft)
    pattern = draft.trig.pattern + (f"+{draft.why}" if draft.why else "")
    pattern += f"+recipient={draft.default}" if draft.default else ""
    tokens = sorted({t.i: t for t in draft.text_tokens}.values(), key=lambda t: t.i)
    return Event(
        id=f"{article.id}:s{index}:e{k}", event=draft.event, mode=mode,
        context=draft.context, date=date, date_text=date_text, actor=draft.actor, recipient=draft.recipient,
        location=scope.location_at(draft.trig.head.idx), text=sent.text,
        start=sent.start_char, end=sent.end_char, event_text=" ".join(t.text for t in tokens),
        asserted_by=draft.asserted_by, negated=draft.negated, confidence=confidence(draft),
        rule=entry.rule(pattern), status=status, due=due, **score)


def dated_status(scope: Scope, draft: EventDraft) -> tuple[str, str | None, str | None, str | None]:
    """(status, date, date_text, due) of a draft: its frame and its own date against publication."""
    article, sent = scope.article, scope.sent
    date, date_text = date_for(article, scope.knowledge.dates, (sent.start_char, sent.end_char), draft.trig.head.idx,
                               scope.notes)
    frame = frame_of(draft.trig.head, scope.lexicon)
    status = frame_status(draft.trig, frame.intent is not None and not frame.negated, scope.knowledge.eventness)
    if date is not None and foreign_date(draft.trig, sent, date_text):
        status = reference_status(status, draft.trig.head, date, article.published, scope.knowledge.eventness)
        date, date_text = None, None
    status, date, due = event_status(status, date, article.published, scope.knowledge.eventness)
    return status, date, date_text, due


def confidence(draft: EventDraft) -> float:
    """Rule-based: full when both sides are known actors, lower for missing sides and modality."""
    value = 0.9
    if not coded(draft.actor):
        value -= 0.25
    if not coded(draft.recipient) or draft.default:
        value -= 0.1
    if draft.why:
        value -= 0.1
    if draft.trig.kind == "noun" and draft.trig.light != "agentive":
        value -= 0.05
    if draft.asserted_by is not None:
        value -= 0.05
    return round(max(0.1, value), 2)
