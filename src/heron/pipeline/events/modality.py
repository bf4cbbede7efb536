"""Modality and attribution of a clause: negation, promise/intent, future, obligation, hedges,
and who asserts it (reported speech, "according to", quotes).

PLOVER codes expressed intent to cooperate as AGREE and expressed intent to harm as THREATEN;
a declined cooperation is REJECT; a speaker saying another party "must" act is a REQUEST.
"""
from __future__ import annotations

from dataclasses import dataclass

from heron.pipeline.events.lexicon import Lexicon
from heron.pipeline.events.participants import subject_of
from heron.pipeline.index import quotes
from heron.pipeline.knowledge import Knowledge
from heron.pipeline.quotes.reported import according_source
from heron.pipeline.text.language import lemma
from heron.types import Article

COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
CONFLICTUAL = {"THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
CLAUSE_LINKS = ("ccomp", "xcomp", "conj", "advcl", "parataxis", "acomp")


@dataclass
class Frame:
    negated: bool = False
    intent: object = None  # the token making it a promise/plan/readiness/future ("ready", "will")
    obligation: object = None  # "must", "should"
    hedge: bool = False



def _negated(token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def frame_of(pred, lexicon: Lexicon) -> Frame:
    """Modality of the clause whose predicate is ``pred`` (a verb, or a light verb)."""
    frame = Frame(negated=_negated(pred))
    for aux in (c for c in pred.children if c.dep_ in ("aux", "auxpass")):
        contracted = aux.lower_ in lexicon.words("future_contractions")
        word = aux.lower_ if contracted else lemma(aux)
        if word in lexicon.words("future_aux") or contracted:
            frame.intent = aux
        elif word in lexicon.words("obligation_aux") and word != "have":
            frame.obligation = aux
        elif word in lexicon.words("hedge_aux"):
            frame.hedge = True
    head = pred.head
    if pred.dep_ == "conj" and head.i != pred.i and not any(c.dep_ in ("aux", "auxpass") for c in pred.children):
        upper = frame_of(head, lexicon)
        frame.hedge = frame.hedge or upper.hedge  # "may be arrested and detained"
        if pred.tag_ == "VB":  # a bare verb shares the modal before the first one: "will arrest and prosecute"
            frame.intent = frame.intent or upper.intent
            frame.obligation = frame.obligation or upper.obligation
    if pred.dep_ == "xcomp" and head.i != pred.i:
        word = lemma(head)
        if word in lexicon.words("intent_verbs") or word in lexicon.words("intent_adjectives") or \
                word in lexicon.words("future_aux"):
            frame.intent = head
            upper = frame_of(head, lexicon)
            frame.negated = frame.negated or upper.negated
            frame.hedge = frame.hedge or upper.hedge
        elif word == "have" and any(c.dep_ == "aux" for c in pred.children):
            frame.obligation = head  # "X has to withdraw"
        if head.dep_ == "acomp":  # "is not ready to", "must be ready to"
            outer = frame_of(head.head, lexicon)
            frame.negated = frame.negated or outer.negated
            frame.obligation = frame.obligation or outer.obligation
            frame.hedge = frame.hedge or outer.hedge
    return frame


def clause_role(pred, lexicon: Lexicon) -> str:
    """main | background (a relative or participial clause about a noun) | side (adverbial clause)."""
    role, cur = "main", pred
    for _ in range(12):
        if cur.dep_ in ("relcl", "acl"):
            return "background"
        if cur.dep_ in ("advcl", "pcomp") and not _contrast(cur, lexicon):  # "..., saying it would", "arrested for collaborating"
            role = "side"
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return role


def told_as_fact(pred, lexicon: Lexicon, reporting: frozenset[str]) -> str | None:
    """How a subordinate clause tells its event as a fact of the story, else None:
    "relative" ("Idlib, where forces shelled towns", "the militants, who stormed a base"),
    "adverbial" ("after gunmen stormed a hotel", "as police fired tear gas", "having seized the
    town", "after storming the building") or "result" (", killing three": a participle that goes
    on from the main clause's act). A clause of possibility, habit or description ("who might
    attack", "which fights fires"), a purpose and a main clause tell no such fact; every
    subordinate clause on the way up must be a fact for the innermost one to be, and none may lie
    in what someone says (``reporting``: the reporting verbs; "denied the attack, killing 17":
    a participle on a verb of saying belongs to what is said)."""
    kind, cur = None, pred
    for _ in range(12):
        if cur.dep_ in ("ccomp", "parataxis") or cur.dep_ == "advcl" and lemma(cur.head) in reporting:
            return None  # what someone says or denies keeps the handling of reported speech
        found = _fact_link(cur, lexicon)
        if found == "":
            return None
        kind = kind or found
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return kind


def _fact_link(clause, lexicon: Lexicon) -> str | None:
    """The kind of fact the clause's own link tells, "" for a subordinate clause that tells
    none, None for a link that is no subordinate clause (a main clause, a conjunct, a complement)."""
    dep = clause.dep_
    if dep == "relcl":
        return "relative" if _past(clause, lexicon) else ""
    if dep == "acl":
        return ""
    if dep in ("pcomp", "advcl") and any(c.dep_ == "advmod" and c.tag_ == "WRB" and c.lower_ == "where"
                                         for c in clause.children):
        return "relative" if _past(clause, lexicon) else ""  # "Somalia, from where fighters launched raids"
    if dep == "pcomp":
        prep = clause.head
        return "adverbial" if prep.dep_ == "prep" and prep.lower_ in lexicon.words("fact_preps") \
            and clause.tag_ == "VBG" else ""
    if dep != "advcl" or _contrast(clause, lexicon):
        return None
    marks = [c.lower_ for c in clause.children if c.dep_ == "mark"]
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    if marks:
        return "adverbial" if subject and marks[0] in lexicon.words("fact_marks") and _past(clause, lexicon) else ""
    if any(c.dep_ == "aux" and c.lower_ == "having" for c in clause.children):
        return "adverbial"  # "having seized the town, the militants ..."
    if clause.tag_ == "VBG" and not subject and clause.i > clause.head.i:
        return "result"
    return ""


def _past(clause, lexicon: Lexicon) -> bool:
    """A finite clause in the simple or progressive past ("stormed", "were fired on", "was
    firing"), with no modal of possibility or habit. The perfect ("has carried out attacks",
    "had attacked") tells experience or an earlier history, not the narrated event."""
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in lexicon.words("untold_aux") or lemma(a) == "have" for a in auxes):
        return False
    if clause.tag_ == "VBD" and not auxes:
        return True
    if clause.dep_ == "relcl" and clause.tag_ == "VBN" and not auxes:  # "whom police arrested": VBD mistagged
        return any(c.dep_ == "nsubj" for c in clause.children)
    return any(a.tag_ in ("VBD", "VBZ", "VBP") for a in auxes) and clause.tag_ in ("VBN", "VBG", "VBD")


def _contrast(clause, lexicon: Lexicon) -> bool:
    """"..., while Canada imposed tariffs": a contrastive clause with its own subject reports an
    event of equal rank, not a circumstance of the main one."""
    return clause.dep_ == "advcl" and clause.tag_ in ("VBD", "VBZ", "VBP") \
        and any(c.dep_ == "mark" and c.lower_ in lexicon.words("contrast_marks") for c in clause.children) \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


def reshape(event: str, frame: Frame) -> tuple[str, bool, str | None]:
    """(type, negated, why) after modality: intent to cooperate -> AGREE, to harm -> THREATEN."""
    if frame.intent is None:
        return event, frame.negated, None
    if event in COOPERATIVE:
        if frame.negated:
            return "REJECT", False, "declined"
        return "AGREE", False, "intent"
    if event in CONFLICTUAL:
        return "THREATEN", frame.negated, "intent"
    return event, frame.negated, None


def _speaker_verb(pred, verbs: frozenset[str], triggers: frozenset[int]):
    """The reporting verb whose complement contains ``pred``, if any."""
    cur = pred
    for _ in range(8):
        if cur.dep_ not in CLAUSE_LINKS or cur.head.i == cur.i:
            break
        head = cur.head
        if lemma(head) in verbs and head.i not in triggers and cur.dep_ in ("ccomp", "parataxis", "conj", "xcomp"):
            return head
        cur = head
    root = pred.sent.root
    if lemma(root) not in verbs:
        for child in root.children:
            if child.dep_ in ("parataxis", "advcl") and lemma(child) in verbs and child.i not in triggers:
                return child
    return None


def speaker_of(pred, knowledge: Knowledge, triggers: frozenset[int]):
    """(speaker token, reporting verb or cue token) for a clause in reported speech, else
    (None, None). "According to X" is found by the quote stage's rule (quotes.reported)."""
    verb = _speaker_verb(pred, knowledge.speech.reporting_verbs, triggers)
    if verb is not None:
        subject = subject_of(verb, knowledge)
        if subject is None:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if subject is not None:
            return subject, verb
    for token in pred.sent:
        source = according_source(token, knowledge.speech)
        if source is not None:
            return source[1], token
    return None, None


def quote_speaker(article: Article, offset: int):
    """The speaker of the quote whose span holds ``offset`` (a Speaker), else None."""
    spoken = quotes(article, "with speaker", lambda q: q.speaker is not None).at(offset)
    return spoken[0].speaker if spoken else None
