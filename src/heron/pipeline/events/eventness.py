"""Eventness: does a triggered clause report an event, and has that event happened?

heron codes what happened, is happening, or was decided, promised or threatened by someone.
Two questions, asked of every trigger:

- ``not_an_event``: figures of speech ("fight corruption", "a trade war", "was met with
  brutality"), conditional and hypothetical clauses ("if the U.S. imposes a tariff"), questions,
  habits and generic statements ("the group frequently conducts bombings"), relative clauses
  about a class of people ("those who abuse ..."), purpose clauses of material acts ("sent
  troops to combat ...", "an offensive to retake the city"), opinions told with a verb of appeal ("insists it is committed to
  peace"), acts someone hopes others will do and acts a law permits ("authorizes firing on
  vessels") name no event; the stage codes nothing for them.
- ``event_status``: an event that is coded is ``happened`` (the default), ``planned`` (scheduled
  by the actors, promised or announced: "will visit", "talks are scheduled for next week"),
  ``expected`` (others' expectation: "is expected to meet") or ``background`` (its own date lies
  before the story's news window: "since the 2014 annexation"). A planned or expected event is
  never dated as having happened: a future date moves to ``due``.

The word lists are data: ``data/lang/<code>/eventness.yaml`` (sources named there).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from heron.errors import DataFileError
from heron.pipeline.events.lexicon import Inflections
from heron.pipeline.text.language import Language, lemma

EVENTNESS_FILE = "eventness.yaml"
LISTS = ("figurative_types", "abstract_objects", "figurative_modifiers", "figurative_of", "reception_verbs",
         "conditional_marks", "state_nouns", "state_verbs", "habitual_adverbs", "habitual_modifiers",
         "material_types", "generic_class_heads", "purpose_heads", "expectation_words", "schedule_words",
         "appeal_types", "statement_modals", "possibility_modals", "directive_modals", "wish_verbs", "permission_verbs",
         "preparation_verbs", "question_verbs", "question_marks", "stance_verbs",
         "saying_verbs", "tale_nouns", "contest_words", "sport_words", "sport_verbs", "game_breakers", "display_objects", "ceremony_nouns", "verbal_targets", "verbal_agents", "market_words", "attempt_nouns",
         "disrupting_verbs")
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
QUESTION_END = re.compile(r"\?[\"'”’)\]]*\s*$")
MAX_CLIMB = 10  # clause depth walked up from a trigger; parses are shallow, this bounds odd ones


@dataclass(frozen=True)
class EventnessWords:
    """The lists of eventness.yaml, lower-cased, and the lexicon's de-inflections for its verb lists."""

    lists: dict
    news_window_days: int
    inflections: Inflections = field(default_factory=Inflections)

    def __getitem__(self, name: str) -> frozenset[str]:
        return self.lists[name]


def load_eventness(language: Language, inflections: Inflections) -> EventnessWords:
    data = language.read_yaml(EVENTNESS_FILE) or {}
    missing = [k for k in LISTS if not isinstance(data.get(k), list)]
    if missing or not isinstance(data.get("news_window_days"), int):
        raise DataFileError(language.where(EVENTNESS_FILE), f"needs {', '.join(missing or ['news_window_days'])}")
    lists = {k: frozenset(str(w).lower() for w in data[k]) for k in LISTS}
    return EventnessWords(lists, int(data["news_window_days"]), inflections)


# -- not an event ---------------------------------------------------------------------------------

def headline_end(text: str) -> int:
    """Where the first paragraph (a story's title) ends."""
    found = PARAGRAPH_BREAK.search(text)
    return found.start() if found else len(text)


NO_ONE = ("nobody", "nothing", "none", "noone")


def _no(token) -> bool:
    """"no country", "nobody": a phrase that denies what it takes part in."""
    return token.lower_ in NO_ONE or any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)


def negated_noun(trig) -> bool:
    """An event denied in place: "not a trade war", "no attacks were reported", "no country
    offered", "offered no evidence", "dispersed without being attacked"."""
    verb = trig.head
    if verb.dep_ == "pcomp" and verb.head.lower_ == "without":
        return True  # what "without" names did not happen
    if trig.kind != "noun" and any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and _no(c) for c in verb.children):
        return True
    noun = trig.noun
    if noun is None:
        return False
    if any((c.dep_ == "neg" and c.i < noun.i) or (c.dep_ == "det" and c.lower_ == "no") for c in noun.children):
        return True
    # "an offensive, not an invasion": the parser hangs "not" on the first noun; it denies the second
    return noun.dep_ in ("appos", "conj") and any(c.dep_ == "neg" and noun.head.i < c.i < noun.i
                                                  for c in noun.head.children)


def not_an_event(trig, sent, words: EventnessWords, in_headline: bool,
                 trigger_heads: frozenset[int] = frozenset()) -> str | None:
    """Why the trigger's clause reports no event ("figurative", "conditional", ...), else None."""
    event = trig.entry.event.lower()  # the lists are lower-cased
    checks = (
        ("figurative", lambda: event in words["figurative_types"] and figurative(trig, words)),
        ("figurative", lambda: event == "protest" and market_rally(trig, words)),
        ("reception", lambda: reception_idiom(trig, words)),
        ("state", lambda: trig.noun is not None and lemma(trig.noun) in words["state_nouns"]
         and lemma(trig.head) in words["state_verbs"]),
        ("conditional", lambda: conditional(trig, words)),
        ("question", lambda: bool(QUESTION_END.search(sent.text))),
        ("habitual", lambda: habitual(trig, words)),
        ("class", lambda: class_description(trig.head, words)),
        ("generic", lambda: not in_headline and event in words["material_types"] and generic_present(trig.head)),
        ("purpose", lambda: event in words["material_types"] and purpose(trig.head, words, trigger_heads)),
        ("opinion", lambda: event in words["appeal_types"] and trig.noun is None and opinion(trig.head, words)),
        ("question", lambda: event in words["appeal_types"] and trig.noun is None and asks_a_question(trig.head, words)),
        ("stance", lambda: not in_headline and trig.noun is None and standing_stance(trig.head, words)),
        ("wish", lambda: wished(trig.head, words)),
        ("unsaid", lambda: unsaid(trig.head, words)),
        ("permission", lambda: event in words["material_types"] and permitted(trig.head, words)),
        ("tale", lambda: told_as_a_tale(trig.head, words)),
        ("sport", lambda: event == "assault" and in_a_game(trig, sent, words)),
        ("display", lambda: event == "protest" and shown_not_protested(trig, words)),
        ("disrupted", lambda: event == "assault" and disrupted_weapon(trig, words)),
    )
    return next((name for name, check in checks if check()), None)


def _phrase_words(token) -> set[str]:
    """The head's lemma and "compound head" ("climate change", "public trust")."""
    head = lemma(token)
    out = {head, token.lower_}
    out |= {f"{c.lower_} {head}" for c in token.children if c.dep_ in ("compound", "amod")}
    return out


def _with_conjuncts(tokens: list) -> list:
    return [t for token in tokens for t in (token, *token.conjuncts)]


def figurative(trig, words: EventnessWords) -> bool:
    """An abstraction as the target ("fight corruption", "war on drugs"), a non-military modifier
    on a conflict noun ("trade war", "charm offensive", "war of words"), or an attack made in
    words ("an attack on the budget", "came under attack from critics")."""
    verbal = trig.entry.event == "ASSAULT"
    targets = words["abstract_objects"] | (words["verbal_targets"] if verbal else frozenset())
    noun = trig.noun
    if noun is not None:
        if any(lemma(c) in words["figurative_modifiers"] for c in noun.children if c.dep_ in ("compound", "amod")):
            return True
        owners = [noun, trig.head] if trig.kind == "noun" else [noun]  # the phrase may hang on the light verb
        for prep in (c for owner in owners for c in owner.children if c.dep_ in ("prep", "agent")):
            objects = [o for o in prep.children if o.dep_ == "pobj"]
            if prep.lower_ == "of" and any(lemma(o) in words["figurative_of"] for o in objects):
                return True
            if prep.lower_ in ("on", "against") and objects and all(_abstract(o, targets) for o in objects):
                return True
            if verbal and prep.lower_ in ("from", "by") and objects and all(_verbal_agent(o, words) for o in objects):
                return True
        if trig.kind == "noun":  # "the opposition went on the offensive": an attack in words
            return verbal and any(_verbal_agent(c, words) for c in trig.head.children if c.dep_ == "nsubj")
    verb = trig.head
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if verbal and any(_verbal_agent(c, words) for c in subjects):
        return True  # "critics attacked the plan"
    if any(lemma(m) in words["figurative_modifiers"] for c in subjects for m in c.children
           if m.dep_ in ("compound", "amod")):
        return True  # "a shark attack killed a swimmer", "the trade war hurt farmers"
    # "fought a long battle against corruption": the cognate object's target is what is fought
    objects = _with_conjuncts([_target_of(c) for c in verb.children if c.dep_ in ("dobj", "nsubjpass")])
    objects += [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("against", "on")
                for o in _with_conjuncts([c for c in p.children if c.dep_ == "pobj"])]
    return bool(objects) and all(_abstract(o, targets) for o in objects)


def market_rally(trig, words: EventnessWords) -> bool:
    """"stocks rallied", "a rally in oil prices": markets, not crowds."""
    token = trig.noun if trig.noun is not None else trig.head
    related = [c for c in token.children if c.dep_ == "nsubj"] if trig.noun is None else []
    related += [o for p in token.children if p.dep_ == "prep" and p.lower_ in ("in", "of")
                for o in p.children if o.dep_ == "pobj"]
    return any(_phrase_words(o) & words["market_words"] for o in related)


def _abstract(token, targets: frozenset[str]) -> bool:
    return bool(_phrase_words(token) & targets)


def _verbal_agent(token, words: EventnessWords) -> bool:
    return all(lemma(t) in words["verbal_agents"] for t in (token, *token.conjuncts))


def _target_of(obj):
    """The object of "against"/"on" under an object ("a battle against corruption"), else the object."""
    return next((o for p in obj.children if p.dep_ == "prep" and p.lower_ in ("against", "on")
                 for o in p.children if o.dep_ == "pobj"), obj)


def reception_idiom(trig, words: EventnessWords) -> bool:
    """"was met with brutality": a passive reception verb with "with" is no meeting."""
    verb = trig.head
    return lemma(verb) in words["reception_verbs"] and any(c.dep_ == "auxpass" for c in verb.children) \
        and any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)


def shown_not_protested(trig, words: EventnessWords) -> bool:
    """"staged a demonstration of its new guns", "soldiers marched in a parade": a display or a
    ceremony, not a protest."""
    token = trig.noun if trig.noun is not None else trig.head
    for prep in (c for owner in {token, trig.head} for c in owner.children if c.dep_ == "prep"):
        objects = [o for o in prep.children if o.dep_ == "pobj"]
        if prep.lower_ == "of" and any(lemma(o) in words["display_objects"] for o in objects):
            return True
        if prep.lower_ == "in" and any(lemma(o) in words["ceremony_nouns"] for o in objects):  # taking part in it
            return True
    return False


def disrupted_weapon(trig, words: EventnessWords) -> bool:
    """"Engineers defused a bomb planted near the school", "police found a bomb under a car": a
    weapon found, defused or seized before it went off is no attack (ACLED's disrupted weapons use)."""
    noun = trig.noun if trig.noun is not None else trig.head.head if trig.head.dep_ == "acl" else None
    while noun is not None and noun.dep_ == "conj":
        noun = noun.head  # "seized rockets and a roadside bomb"
    return noun is not None and noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ == "VERB" \
        and lemma(noun.head) in words["disrupting_verbs"]


def in_a_game(trig, sent, words: EventnessWords) -> bool:
    """"Argentina beat France on penalties to win the World Cup": a contest word in a sentence
    about a game is the game's result or move, not violence."""
    word = lemma(trig.noun) if trig.noun is not None else lemma(trig.head)
    if word not in words["contest_words"] or any(lemma(t) in words["game_breakers"] or t.lower_ in words["game_breakers"]
                                                 for t in sent):
        return False
    nominal = ("dobj", "pobj", "nsubj", "nsubjpass")  # "reached the final": the tagger may call it ADJ
    return any((t.pos_ in ("NOUN", "PROPN") or t.dep_ in nominal)
               and (lemma(t) in words["sport_words"] or t.lower_ in words["sport_words"])
               or t.pos_ == "VERB" and lemma(t) in words["sport_verbs"] for t in sent)


def told_as_a_tale(verb, words: EventnessWords) -> bool:
    """"The legend is he set fire to ...", "legend has it that ...", "according to legend, ...": a
    story handed down, not news of an act."""
    for clause in _clause_chain(verb):
        for child in clause.children:
            if child.dep_ in ("nsubj", "nsubjpass") and lemma(child) in words["tale_nouns"] and clause.i != verb.i:
                return True
            if child.lower_ == "according":
                if any(lemma(o) in words["tale_nouns"] for p in child.children for o in p.children if o.dep_ == "pobj"):
                    return True
    return False


def _clause_chain(token):
    """The token and the heads above it, up to the sentence root."""
    cur = token
    for _ in range(MAX_CLIMB):
        yield cur
        if cur.head.i == cur.i:
            return
        cur = cur.head


def conditional(trig, words: EventnessWords) -> bool:
    """The trigger lies in an if/unless/whether clause (its own clause or one it is part of)."""
    for token in _clause_chain(trig.head):
        if any(c.dep_ == "mark" and c.lower_ in words["conditional_marks"] for c in token.children):
            return True
    return False


def habitual(trig, words: EventnessWords) -> bool:
    """A habitual adverb on the verb (or the verb it is coordinated with), or a habitual
    modifier on the nominal event ("its frequent raids")."""
    verbs = [trig.head] + ([trig.head.head] if trig.head.dep_ == "conj" else [])
    if trig.head.dep_ == "advcl":  # "people lose their cards most often when they are convicted"
        verbs.append(trig.head.head)
    if any(c.dep_ == "advmod" and c.lower_ in words["habitual_adverbs"] for v in verbs for c in v.children):
        return True
    noun = trig.noun
    return noun is not None and any(c.dep_ == "amod" and c.lower_ in words["habitual_modifiers"]
                                    for c in noun.children)


def generic_present(verb) -> bool:
    """A material act in the simple present with no auxiliary ("states provide", "the company
    invests"): outside a headline this describes a habit or a standing state."""
    if verb.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    # "as they march in Khartoum Thursday": a dated present is a caption or a live report
    return not any(t.ent_type_ in ("DATE", "TIME") for c in verb.children for t in (c, *c.children))


def class_description(verb, words: EventnessWords) -> bool:
    """A relative clause about a class of people ("those who abuse ...", "anyone who attacks")."""
    return verb.dep_ == "relcl" and verb.head.lower_ in words["generic_class_heads"]


def purpose(verb, words: EventnessWords, trigger_heads: frozenset[int]) -> bool:
    """A purpose infinitive of a coded act ("sent troops to combat the group": the sending is the
    event) or "aimed at protecting". "launched an operation to flush out X" stays: the purpose
    clause is all the sentence says the operation did."""
    if verb.dep_ == "advcl" and (verb.head.i in trigger_heads or _verb_forms(verb.head, words) & words["preparation_verbs"]) \
            and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return True  # "was making bombs to carry out attacks": preparing for an act is no act
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        return lemma(verb.head.head) in words["purpose_heads"]
    # "an offensive to retake the city", "a plan to storm the jail": an infinitive on a noun names
    # what the thing is for, not an act that took place
    return verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and lemma(verb.head) not in words["attempt_nouns"] \
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def opinion(verb, words: EventnessWords) -> bool:
    """"insists it is committed to peace", "suggest Europe can't afford it", "hinted that it could
    retaliate": a verb of appeal whose clause states what is, was or will be, with no one it is
    addressed to, reports an opinion. An appeal's clause says what should be done: subjunctive
    ("demanded that Beijing remove them") or with should/must; "urged X to", "asked X" have an
    addressee."""
    if any(c.dep_ in ("dobj", "dative", "iobj") for c in verb.children):
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    return bool(clauses) and all(_indicative(c, words) for c in clauses)


def _indicative(clause, words: EventnessWords) -> bool:
    """A finite clause that states: a tensed verb or auxiliary, a modal of prediction ("would"),
    or one of possibility that is denied or said of the speaker's own side ("Europe can't
    afford", "it could retaliate"). "suggested the United States could close the offices" is a
    proposal to the United States, an appeal."""
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in words["directive_modals"] for a in auxes):
        return False
    if any(a.lower_ in words["possibility_modals"] for a in auxes):
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        return any(c.dep_ == "neg" for c in clause.children) or any(c.dep_ == "auxpass" for c in auxes) \
            or not subjects or any(c.pos_ == "PRON" for c in subjects) or lemma(clause) == "be"
    if any(a.lower_ in words["statement_modals"] or a.tag_ in ("VBZ", "VBD", "VBP") for a in auxes):
        return True
    return clause.tag_ in ("VBZ", "VBD", "VBP")


def asks_a_question(verb, words: EventnessWords) -> bool:
    """"asked the elder Lai if he agreed", "asked whether Russia would attack": a question put to
    someone is no appeal that they act; "asked Kyiv to withdraw" is."""
    if not _verb_forms(verb, words) & words["question_verbs"]:
        return False
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "advcl")]
    return any(any(m.dep_ == "mark" and m.lower_ in words["question_marks"] for m in c.children)
               or any(t.tag_ in ("WDT", "WP", "WRB") and t.i < c.i for t in c.children) for c in clauses)


def standing_stance(verb, words: EventnessWords) -> bool:
    """"The group also opposes Chinese investment in the province": a stance verb in the simple
    present, told as the narrator's description and not as someone's statement ("said it
    opposes"), describes a standing position, not an act of the news."""
    if not _verb_forms(verb, words) & words["stance_verbs"] or verb.dep_ in ("ccomp", "xcomp", "advcl"):
        return False
    return generic_present(verb)


def wished(verb, words: EventnessWords) -> bool:
    """"she hopes the US and Britain can coordinate their efforts": what someone hopes or wishes
    others would do has not happened (the hope may be an appeal; the wished act is no event).
    "hopes to sign a deal" is the subject's own plan (an xcomp) and stays."""
    return _told_under(verb, lambda head: bool(_verb_forms(head, words) & words["wish_verbs"]))


def unsaid(verb, words: EventnessWords) -> bool:
    """"Turkey cannot say we will renounce their support", "he did not say the army attacked":
    what someone did not or cannot say is not told as having happened."""
    return _told_under(verb, lambda head: bool(_verb_forms(head, words) & words["saying_verbs"])
                       and any(c.dep_ == "neg" for c in head.children))


def _told_under(verb, governs) -> bool:
    """Is the verb's clause, through conjuncts and complements, the complement clause of a verb
    for which ``governs`` holds ("hopes the two can coordinate", "did not say the army attacked")?"""
    for token in _clause_chain(verb):
        if token.dep_ == "ccomp" and governs(token.head):
            return True
        if token.dep_ not in ("conj", "xcomp", "ccomp"):
            return False
    return False


def permitted(verb, words: EventnessWords) -> bool:
    """"a law that authorizes firing on foreign vessels", "allowed police to use force": what is
    authorized or allowed is a permission, not an act that took place."""
    return verb.dep_ in ("xcomp", "ccomp", "dobj", "pcomp") and bool(_verb_forms(verb.head, words) & words["permission_verbs"])


def _verb_forms(token, words: EventnessWords) -> set[str]:
    """The word, its lemma and the lexicon's de-inflections: the small model lemmatises "hopes" as "hop"."""
    return {lemma(token), token.lower_, *words.inflections.undo(token.lower_)}


# -- status ---------------------------------------------------------------------------------------

def frame_status(trig, intent: bool, words: EventnessWords) -> str:
    """"expected", "planned" or "happened" from the words around the trigger."""
    tokens = [trig.head] + ([trig.noun] if trig.noun is not None else [])
    for token in tokens:
        modifiers = {lemma(c) for c in token.children if c.dep_ == "amod"} | {c.lower_ for c in token.children
                                                                            if c.dep_ == "amod"}
        if modifiers & words["expectation_words"]:
            return "expected"
        if modifiers & words["schedule_words"]:
            return "planned"
    for token in tokens:
        found = _governed_by(token, words)
        if found is not None:
            return found
    return "planned" if intent else "happened"


def _governed_by(token, words: EventnessWords) -> str | None:
    """"Rubio is expected to have a meeting", "talks are scheduled for Friday", "the visit is
    likely": the clause hangs under an expectation or schedule word. Only a passive or adjective
    expectation is someone else's; "Rubio expects to meet" is his own plan."""
    cur = token
    for _ in range(4):
        if cur.dep_ not in ("xcomp", "nsubjpass", "nsubj", "acomp") or cur.head.i == cur.i:
            return None
        head = cur.head
        if cur.dep_ == "nsubj":  # "the visit is likely": the predicate adjective says it
            preds = [c for c in head.children if c.dep_ == "acomp"]
            return _judged({w for p in preds for w in (lemma(p), p.lower_)}, True, words)
        others = head.pos_ == "ADJ" or any(c.dep_ == "auxpass" for c in head.children)
        found = _judged(_verb_forms(head, words), others, words)  # "hopes": the small model says "hop"
        if found is not None:
            return found
        cur = head
    return None


def _judged(word: set[str], others: bool, words: EventnessWords) -> str | None:
    if word & words["expectation_words"]:
        return "expected" if others else "planned"
    return "planned" if word & words["schedule_words"] else None


def foreign_date(trig, sent, date_text: str | None) -> bool:
    """The clause's date belongs to another event named by a noun on the way to the trigger:
    "invaded ... in the wake of the September 11, 2001 attacks", "since the 2014 annexation",
    "the war that began in 2022 has killed thousands". Such a date is a reference point, not the
    trigger's own date."""
    if not date_text:
        return False
    found = sent.text.rfind(date_text.split(" ", 1)[-1])
    if found < 0:
        return False
    token = sent.doc.char_span(sent.start_char + found, sent.start_char + found + 1, alignment_mode="expand")
    if token is None or not len(token):
        return False
    stops = {trig.head.i} | ({trig.noun.i} if trig.noun is not None else set())
    for cur in _clause_chain(token[0].head if token[0].i not in stops else token[0]):
        if cur.i in stops or (cur.head.i in stops and cur.dep_ in ("nsubj", "nsubjpass")):
            return False  # "the 2004 bombing killed nine": the subject is the same event
        if cur.pos_ == "NOUN" and not cur.ent_type_ and cur.dep_ not in ("npadvmod", "compound"):
            return True  # an event noun ("attacks", "annexation", "war") holds the date
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            return True  # another clause's date: "the insurgency that began in 2012 has killed"
    return False


def reference_status(frame: str, verb, reference: str, published: str | None, words: EventnessWords) -> str:
    """An event told in the simple past after a reference event that lies before the news window
    ("invaded ... in the wake of the 2001 attacks") is background; one in the perfect or present
    ("has attacked ... since the 2014 annexation") goes on into the news window."""
    simple_past = verb.tag_ == "VBD" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if frame != "happened" or not simple_past:
        return frame
    status, _, _ = event_status(frame, reference, published, words)
    return "background" if status == "background" else frame


def event_status(frame: str, event_date: str | None, published: str | None,
                 words: EventnessWords) -> tuple[str, str | None, str | None]:
    """(status, date, due). A date after publication cannot be a date the event happened on: it
    becomes ``due`` and the event is at least planned. A date whose period ends before the news
    window makes a happened event background."""
    pub = _parse(published)
    if event_date is None:
        return frame, None, None
    if pub is None:  # no way to tell a due date from a past one: a plan keeps its date as due
        return (frame, None, event_date) if frame in ("planned", "expected") else (frame, event_date, None)
    first, last = _period(event_date)
    if first > pub:
        return (frame if frame != "happened" else "planned"), None, event_date
    if frame == "happened" and last < pub - timedelta(days=words.news_window_days):
        return "background", event_date, None
    return frame, event_date, None


def _parse(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _period(value: str) -> tuple[date, date]:
    """First and last day of YYYY, YYYY-MM or YYYY-MM-DD."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
    day = date(*parts)
    return day, day
