"""Who did what to whom: the actor and recipient phrases of a trigger, from the dependency parse.

Source actor from the subject, the passive "by" phrase or the nominal's possessor / "of" phrase;
recipient from direct objects and prepositional objects ("talks with", "sanctions on").
Conjoined phrases ("Russia and Belarus") become one phrase per conjunct. Phrases are then
coded into Participants through the actor stage's interface.
"""
from __future__ import annotations

from heron.pipeline.event_rules import Trigger
from heron.types import Article, Participant

RECIPIENT_PREPS = ("against", "on", "with", "to", "at", "toward", "towards", "upon", "into", "over", "for", "from")
NOUN_ACTOR_PREPS = ("of", "by", "from")
SUBJECT_DEPS = ("nsubj", "csubj", "expl")
RELATIVE = {"who", "which", "that", "whom", "whose"}
CUT_DEPS = {"relcl", "acl", "advcl", "punct", "cc", "conj", "parataxis"}
NOT_PARTICIPANT_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
NOT_PARTICIPANT_LEMMAS = {"time", "day", "week", "month", "year", "moment", "occasion", "way", "part", "basis"}
STRONG_PREPS = ("against", "with", "to", "toward", "towards", "upon")  # "invited Putin to support": the object of the matrix verb is the subject


def _lemma(token) -> str:
    return token.lemma_.lower()


def subject_of(verb, depth: int = 0):
    """The subject of a verb, inherited through xcomp / conj / participles / relative clauses."""
    if depth > 6:
        return None
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and child.dep_ != "expl":
            if child.lower_ in RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return child
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ in ("xcomp", "ccomp") and head.pos_ in ("VERB", "AUX", "ADJ"):
        obj = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
        if verb.dep_ == "xcomp" and obj is not None:  # "invited Putin to support": Putin supports
            return obj
        return subject_of(head, depth + 1)
    if verb.dep_ in ("conj", "advcl", "acomp") and head.pos_ in ("VERB", "AUX", "ADJ"):
        return subject_of(head, depth + 1)
    if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN") and verb.tag_ == "VBN":
        return None  # "the town captured by rebels": the noun is the object; the agent comes from "by"
    return None


def passive_parts(verb) -> tuple[object, object] | None:
    """(agent, patient) of a passive verb; either may be None."""
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if patient is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
        patient = verb.head
    agent_prep = next((c for c in verb.children if c.dep_ == "agent"), None)
    agent = next((c for c in agent_prep.children if c.dep_ == "pobj"), None) if agent_prep is not None else None
    if patient is None and agent is None:
        return None
    if patient is not None and patient.lower_ in RELATIVE and verb.dep_ == "relcl":
        patient = verb.head
    return agent, patient


def _prep_objects(token, preps=RECIPIENT_PREPS) -> list:
    out = []
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            out += [c for c in prep.children if c.dep_ == "pobj"]
    return out


def _noun_actor(noun):
    """The actor inside a nominal: possessor, "of/by/from" phrase, or a national modifier."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    objs = _prep_objects(noun, NOUN_ACTOR_PREPS)
    if objs:
        return objs[0]
    return next((c for c in noun.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")),
                None)


def role_heads(trig: Trigger) -> tuple[list, list]:
    """Head tokens of the actor phrases and of the candidate recipient phrases (best first)."""
    verb = trig.head
    exclude = {t.i for t in trig.words}
    if trig.kind == "noun" and trig.light in ("undergoing", "intransitive"):
        actor = _noun_actor(trig.noun)
        subject = subject_of(verb)
        recipients = [subject] if trig.light == "undergoing" and subject is not None else []
        recipients += _prep_objects(trig.noun) + _prep_objects(verb)
        return ([actor] if actor is not None else []), [r for r in recipients if r.i not in exclude]
    passive = passive_parts(verb)
    if passive is not None and trig.kind != "noun":
        agent, patient = passive
        recipients = [patient] if patient is not None else []
        recipients += [o for o in _prep_objects(verb) if agent is None or o.i != agent.i]
        return ([agent] if agent is not None else []), [r for r in recipients if r.i not in exclude]
    if passive is not None:  # "sanctions were imposed on X by Y"
        agent, _ = passive
        actors = [agent] if agent is not None else []
    else:
        subject = subject_of(verb)
        actors = [subject] if subject is not None else []
    if trig.kind == "noun" and not actors and _noun_actor(trig.noun) is not None:
        actors = [_noun_actor(trig.noun)]
    recipients = [c for c in verb.children if (c.dep_ in ("dobj", "dative") or c.dep_ == "oprd" and c.pos_ in (
        "NOUN", "PROPN")) and c.i not in exclude]
    if trig.kind == "noun":
        recipients += _prep_objects(trig.noun, RECIPIENT_PREPS + ("of",))
    if trig.kind == "phrase":  # "broke off relations with X", "tightened the blockade of X": the object's own
        recipients += _prep_objects(trig.words[-1], RECIPIENT_PREPS + ("of",))
    recipients += _prep_objects(verb)
    return actors, [r for r in recipients if r.i not in exclude]


def clause_targets(trig: Trigger) -> list:
    """Who a demand or threat is aimed at when no object names it: the subject of the demanded
    clause ("demanded that the US cancel") or of the condition ("... unless Israel rescinds")."""
    owners = [trig.head] + ([trig.noun] if trig.noun is not None else [])
    out = []
    if trig.entry.complement in ("absorb", "judge"):
        for owner in owners:
            for clause in (c for c in owner.children if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX")):
                subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subject is not None and subject.pos_ != "PRON":
                    out.append(subject)
    if trig.entry.event == "THREATEN":
        for clause in (c for tok in [trig.head, *trig.head.children] for c in tok.children if c.dep_ == "advcl"):
            if any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children):
                out += [c for c in clause.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    return out


def phrase_span(head) -> tuple[int, int]:
    """Character span of a participant phrase: its subtree minus clauses, appositions and conjuncts."""
    tokens = [head]
    stack = [c for c in head.children if c.dep_ not in CUT_DEPS]
    while stack:
        tok = stack.pop()
        tokens.append(tok)
        stack += [c for c in tok.children if c.dep_ not in ("relcl", "acl", "advcl", "parataxis")]
    tokens.sort(key=lambda t: t.i)
    while tokens and tokens[0].dep_ in ("punct", "cc", "det") and tokens[0].i != head.i:
        tokens.pop(0)
    while tokens and tokens[-1].dep_ in ("punct", "cc") and tokens[-1].i != head.i:
        tokens.pop()
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def with_conjuncts(head) -> list:
    return [head] + [c for c in head.conjuncts if c.i > head.i and c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ")]


def participants(article: Article, heads: list) -> list[Participant]:
    """Participants for phrase heads (conjuncts split): one per resolved actor, else the phrase coded."""
    from heron.pipeline import actors as actor_module

    code_span = getattr(actor_module, "code_span", None)
    out: list[Participant] = []
    for head in heads:
        for conj in with_conjuncts(head):
            start, end = phrase_span(conj)
            found = actor_module.actors_in_span(article, start, end)
            if found:
                for actor in found:
                    text = article.text[start:end] if len(found) == 1 else _mention_text(article, actor, start, end)
                    out.append(Participant(actor.code, actor.sector, text, actor.id, start, end))
                continue
            person = _antecedent(article, conj) if conj.pos_ == "PRON" else None
            if person is not None:
                out.append(Participant(person.code, person.sector, conj.text, person.id, start, end))
                continue
            code, sector = code_span(article, start, end) if code_span else (None, None)
            out.append(Participant(code, sector, article.text[start:end], None, start, end))
    return _dedupe(out)


PERSON_PRONOUNS = {"he", "she", "him", "her"}


def _antecedent(article: Article, pronoun):
    """"He approved them": the person mentioned last before a he/she (a small, local coreference)."""
    if pronoun.lower_ not in PERSON_PRONOUNS:
        return None
    best, best_end = None, -1
    for actor in article.actors:
        if actor.kind != "person":
            continue
        for s, e in actor.mentions:
            if e <= pronoun.idx and e > best_end:
                best, best_end = actor, e
    return best


def _mention_text(article: Article, actor, start: int, end: int) -> str:
    for s, e in actor.mentions:
        if s < end and start < e:
            return article.text[s:e]
    return actor.name


def _dedupe(parts: list[Participant]) -> list[Participant]:
    seen, out = set(), []
    for p in parts:
        key = (p.actor, p.code, p.entity_text) if p.actor else (None, p.code, p.start)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def coded(parts: list[Participant]) -> bool:
    return any(p.code or p.actor or p.sector for p in parts)


def is_participant(head) -> bool:
    """Dates, amounts and times are circumstances, not participants."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return True  # "thousands of Kurds", "the presidents of Russia and Belarus"
    return head.ent_type_ not in NOT_PARTICIPANT_ENTS and head.lemma_.lower() not in NOT_PARTICIPANT_LEMMAS \
        and head.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM", "X")


def _strong(head) -> bool:
    return head.dep_ in ("dobj", "dative", "nsubjpass", "nsubj", "oprd") or head.head.lower_ in STRONG_PREPS


def choose_recipients(article: Article, heads: list, weak_heads: list = ()) -> list[Participant]:
    """The first recipient phrase that names a known actor, else the first direct one at all."""
    first: list[Participant] = []
    for head in [h for h in heads if is_participant(h)]:
        parts = participants(article, [head])
        if coded(parts):
            return parts
        if not first and _strong(head):
            first = parts
    for head in [h for h in weak_heads if is_participant(h)]:
        parts = participants(article, [head])
        if coded(parts):
            return parts
    return first
