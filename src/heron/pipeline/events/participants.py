"""Who did what to whom: the actor and recipient phrases of a trigger, from the dependency parse.

Source actor from the subject, the passive "by" phrase or the nominal's possessor / "of" phrase;
recipient from direct objects and prepositional objects ("talks with", "sanctions on").
Conjoined phrases ("Russia and Belarus") become one phrase per conjunct. Phrases are then
coded into Participants through the actor stage's interface, with the pipeline's knowledge
(so an entry of the user's --actors file codes a participant as it codes an actor).
"""
from __future__ import annotations

from heron.pipeline.actors.references import (fighters_reference, group_reference, organisation_reference,
                                              pronoun_reference)
from heron.pipeline.actors.span_coder import named_codes
from heron.pipeline.actors.stage import actors_in_span, code_span
from heron.pipeline.events.protest import named_crowd
from heron.pipeline.events.triggers import Trigger
from heron.pipeline.knowledge import Knowledge
from heron.pipeline.text.language import lemma
from heron.types import Article, Participant

SUBJECT_DEPS = ("nsubj", "csubj", "expl")
CUT_DEPS = {"relcl", "acl", "advcl", "punct", "cc", "conj", "parataxis"}
NOT_PARTICIPANT_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
ARRIVAL_PREPS = frozenset({"in", "at"})  # where a nominal event arrived ("aid arrived in Gaza")
# The English word lists (prepositions, pronouns, participles) are in the language's words.yaml.



def subject_of(verb, knowledge: Knowledge, depth: int = 0):
    """The subject of a verb, inherited through xcomp / conj / participles / relative clauses."""
    if depth > 6:
        return None
    words = knowledge.words
    for child in verb.children:
        stative = child.dep_ == "nsubjpass" and verb.lower_ in words["stative_participles"]
        if (child.dep_ in SUBJECT_DEPS and child.dep_ != "expl") or stative:
            if child.lower_ in words["relative_pronouns"] and verb.dep_ == "relcl":
                return verb.head
            return child
    active = verb.tag_ != "VBN" or verb.lower_ in words["stative_participles"]  # a true passive's subject is its patient
    for aux in (c for c in verb.children if c.dep_ in ("aux", "auxpass") and active):  # a subject misparsed onto "is"
        subject = next((c for c in aux.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ in ("xcomp", "ccomp") and head.pos_ in ("VERB", "AUX", "ADJ"):
        obj = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
        if verb.dep_ == "xcomp" and obj is not None:  # "invited Putin to support": Putin supports
            return obj
        raised = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        if verb.dep_ == "xcomp" and raised is not None and raised.lower_ not in words["relative_pronouns"] \
                and head.lemma_.lower() not in knowledge.speech.reporting_verbs:
            return raised  # "X is expected to meet", "X was asked to leave": X acts ("is said to": hearsay)
        return subject_of(head, knowledge, depth + 1)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.lower_ in words["control_preps"] \
            and head.head.pos_ in ("VERB", "AUX"):
        return subject_of(head.head, knowledge, depth + 1)  # "In announcing the sanctions, X said": X announced
    if verb.dep_ in ("conj", "advcl", "acomp") and head.pos_ in ("VERB", "AUX", "ADJ"):
        return subject_of(head, knowledge, depth + 1)
    if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN") and verb.tag_ == "VBN":
        return None  # "the town captured by rebels": the noun is the object; the agent comes from "by"
    return None


def passive_parts(verb, knowledge: Knowledge) -> tuple[object, object] | None:
    """(agent, patient) of a passive verb; either may be None."""
    words = knowledge.words
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if verb.lower_ in words["stative_participles"] and not any(c.dep_ == "agent" for c in verb.children):
        return None
    if patient is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
        patient = verb.head
    agent_prep = next((c for c in verb.children if c.dep_ == "agent"), None)
    agent = next((c for c in agent_prep.children if c.dep_ == "pobj"), None) if agent_prep is not None else None
    if patient is None and agent is None:
        return None
    if patient is not None and patient.lower_ in words["relative_pronouns"] and verb.dep_ == "relcl":
        patient = verb.head
    return agent, patient


def prep_objects(token, preps: frozenset[str]) -> list:
    out = []
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            out += [c for c in prep.children if c.dep_ == "pobj"]
    return out


def _noun_actor(noun, knowledge: Knowledge, own: frozenset[int] = frozenset()):
    """The actor inside a nominal: possessor, "of/by/from" phrase, or a national modifier; never
    a word of the nominal itself (``own``: "fire" in "an exchange of fire")."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    objs = [o for o in prep_objects(noun, knowledge.words["noun_actor_preps"]) if o.i not in own]
    if objs:
        return objs[0]
    modifiers = [t for c in noun.lefts if c.dep_ in ("amod", "compound") for t in c.subtree]  # "the US ceasefire proposal"
    return next((t for t in modifiers if t.dep_ in ("amod", "compound") and t.ent_type_ in ("NORP", "GPE", "ORG")), None)


def role_heads(trig: Trigger, knowledge: Knowledge) -> tuple[list, list]:
    """Head tokens of the actor phrases and of the candidate recipient phrases (best first); an
    entry's target prepositions ("complain ... over X") put their objects first."""
    actors, recipients = _role_heads(trig, knowledge)
    claimed_by = claimant(trig.head, knowledge)
    if claimed_by is not None:
        actors = [claimed_by]
    if trig.entry.target_preps:
        owners = [trig.head] + ([trig.noun] if trig.noun is not None else [])
        owners += [c for c in trig.head.children if c.dep_ == "dobj"]  # "withdrew its troops from Moldova"
        targets = [o for owner in owners for o in prep_objects(owner, trig.entry.target_preps)]
        recipients = targets + [r for r in recipients if r not in targets]
    if trig.entry.actor_preps:  # "Kabul fell to the Taliban": the taker acts on the place it takes
        takers = prep_objects(trig.head, frozenset(trig.entry.actor_preps))
        actors, recipients = takers, [a for a in actors if a not in takers] + [r for r in recipients if r not in takers]
    return actors, recipients


def claimant(token, knowledge: Knowledge):
    """The subject of "X claimed responsibility for ..." when ``token`` lies inside what is
    claimed: whoever claims an attack is its actor, not the bomb or the city it hit."""
    cur = token
    for _ in range(8):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.lower_ in knowledge.words["claim_nouns"] and cur.dep_ == "dobj" \
                and lemma(cur.head) in knowledge.words["claim_verbs"]:
            return next((c for c in cur.head.children if c.dep_ == "nsubj"), None)
    return None


def _role_heads(trig: Trigger, knowledge: Knowledge) -> tuple[list, list]:
    verb, recipient_preps = trig.head, knowledge.words["recipient_preps"]
    exclude = {t.i for t in trig.words}
    if trig.kind == "noun" and trig.light == "circumstance":  # "amid a raid by police on the camp"
        actor = _noun_actor(trig.noun, knowledge)
        if actor is None and trig.entry.event == "PROTEST":  # "protesters died during a demonstration"
            subject = subject_of(trig.noun.head.head, knowledge)
            actor = subject if subject is not None and named_crowd(subject, knowledge.lexicon) else None
        recipients = prep_objects(trig.noun, recipient_preps)
        return ([actor] if actor is not None else []), [r for r in recipients if r.i not in exclude]
    if trig.kind == "noun" and trig.light in ("undergoing", "intransitive"):
        # "the shelling of Aleppo killed ten": the "of" phrase of a harmful act is what it was done to
        patients = prep_objects(trig.noun, frozenset({"of"})) \
            if trig.entry.event in knowledge.lexicon.light["patient_of_types"] else []
        actor = _noun_actor(trig.noun, knowledge, frozenset(exclude | {p.i for p in patients}))
        subject = subject_of(verb, knowledge)
        passive = passive_parts(verb, knowledge) if trig.light == "undergoing" else None
        if passive is not None:  # "detainees were subjected to torture by the guards"
            actor = actor if actor is not None else passive[0]
            subject = subject if subject is not None else passive[1]
        recipients = [subject] if trig.light == "undergoing" and subject is not None else []
        recipients += patients + prep_objects(trig.noun, recipient_preps) + prep_objects(verb, recipient_preps)
        if trig.light == "intransitive" and lemma(verb) not in knowledge.lexicon.light["resulting"]:
            recipients += [c for c in verb.children if c.dep_ == "dobj"]  # "an air strike hit Gaza", not "sparked protests"
        if trig.light == "intransitive" and lemma(verb) in knowledge.lexicon.light["arriving"]:
            recipients += prep_objects(verb, ARRIVAL_PREPS)  # "aid arrived in Gaza"
        return ([actor] if actor is not None else []), [r for r in recipients if r.i not in exclude]
    passive = passive_parts(verb, knowledge)
    if passive is not None and trig.kind != "noun":
        agent, patient = passive
        recipients = [patient] if patient is not None else []
        recipients += [o for o in prep_objects(verb, recipient_preps) if agent is None or o.i != agent.i]
        return ([agent] if agent is not None else []), [r for r in recipients if r.i not in exclude]
    undergone = []  # "X was placed under house arrest": the subject of the passive undergoes the noun's act
    if passive is not None:  # "sanctions were imposed on X by Y"
        agent, patient = passive
        actors = [agent] if agent is not None else []
        if patient is not None and trig.noun is not None and trig.noun.dep_ == "pobj" and patient.i != trig.noun.i:
            undergone = [patient]
    else:
        subject = subject_of(verb, knowledge)
        actors = [subject] if subject is not None else []
    if trig.kind == "noun" and not actors:
        inner = _noun_actor(trig.noun, knowledge, frozenset(exclude))
        actors = [inner] if inner is not None else []
    recipients = [c for c in verb.children if (c.dep_ in ("dobj", "dative") or c.dep_ == "oprd" and c.pos_ in (
        "NOUN", "PROPN")) and c.i not in exclude] + undergone
    if trig.kind == "noun":
        recipients += prep_objects(trig.noun, recipient_preps | {"of"})
    if trig.kind == "phrase":  # "broke off relations with X", "tightened the blockade of X": the object's own
        recipients += prep_objects(trig.words[-1], recipient_preps | {"of"})
        owner = _noun_actor(trig.words[-1], knowledge)  # "accepted the US proposal", "rejected Kenya's request"
        if owner is not None and owner.i not in exclude:
            recipients.append(owner)
    recipients += prep_objects(verb, recipient_preps)
    return actors, [r for r in recipients if r.i not in exclude]


def complement_objects(trig: Trigger, knowledge: Knowledge) -> list:
    """"refused to attend the ICJ hearing": the object of a complement that is no event itself
    may name whom the act is aimed at: the object when it is a name, else its own modifiers
    ("ICJ"), not a phrase nested deeper ("agreed to keep the price of Russian gas") unless the
    act is a refusal, which is aimed at whoever owns what is refused ("a hearing by the court")."""
    out = []
    for clause in (c for c in trig.head.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")):
        for obj in [c for c in clause.children if c.dep_ in ("dobj", "dative")] + prep_objects(clause, knowledge.words["strong_preps"]):
            if obj.pos_ == "PROPN":
                out.append(obj)
                continue
            out += [c for c in obj.lefts if c.dep_ in ("compound", "poss", "amod", "nmod")]
            owner = _noun_actor(obj, knowledge) if trig.entry.event == "REJECT" else None
            out += [owner] if owner is not None else []
    return out


def clause_targets(trig: Trigger, knowledge: Knowledge) -> list:
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
            if any(m.dep_ == "mark" and m.lower_ in knowledge.words["condition_marks"] for m in clause.children):
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
    while tokens and (tokens[0].dep_ in ("punct", "cc", "det") or tokens[0].is_space) and tokens[0].i != head.i:
        tokens.pop(0)
    while tokens and (tokens[-1].dep_ in ("punct", "cc") or tokens[-1].is_space) and tokens[-1].i != head.i:
        tokens.pop()
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def with_conjuncts(head) -> list:
    return [head] + [c for c in head.conjuncts if c.i > head.i and c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ")]


def participants(article: Article, heads: list, knowledge: Knowledge) -> list[Participant]:
    """Participants for phrase heads (conjuncts split): one per resolved actor, else the phrase coded."""
    out: list[Participant] = []
    for head in heads:
        for conj in with_conjuncts(head):
            # "the two leaders", "he", "they": the actors named before, when the text singles them out
            referred = (pronoun_reference(article, conj, knowledge) if conj.pos_ == "PRON"
                        else group_reference(article, conj, knowledge) or organisation_reference(article, conj, knowledge)
                        or fighters_reference(article, conj, knowledge))
            if referred:
                out += referred
                continue
            start, end = phrase_span(conj)
            found = _named_head(article, conj, actors_in_span(article, start, end))
            owners = _owners_before_head(article, conj, found, knowledge) if found else []
            if owners:
                out += [Participant(code, None, article.text[start:end], None, start, end) for code in owners]
                continue
            if found:
                for actor in found:
                    text = article.text[start:end] if len(found) == 1 else _mention_text(article, actor, start, end)
                    out.append(Participant(actor.code, actor.sector, text, actor.id, start, end))
                continue
            code, sector = code_span(article, start, end, knowledge)
            if code is None and conj is not head:
                code = _shared_code(article, head, conj)
            out.append(Participant(code, sector, article.text[start:end], None, start, end))
    return _dedupe(out)


SHARED_DEPS = ("poss", "amod", "compound")
MODIFIER_DEPS = ("amod", "compound", "nmod", "poss")


def _owners_before_head(article: Article, head, found: list, knowledge: Knowledge) -> list[str]:
    """"Canadian and Mexican exports to the U.S.": when the actors inside a phrase are all named
    in a prepositional phrase after its head word and the words before the head name countries,
    those countries are whose the thing is; the actor further on is somewhere else in the scene."""
    before = [t for c in head.lefts if c.dep_ in MODIFIER_DEPS for t in c.subtree]
    if not before or head.pos_ == "PROPN":
        return []
    after = [(min(t.idx for t in p.subtree), max(t.idx + len(t) for t in p.subtree))
             for p in head.rights if p.dep_ == "prep"]
    if not all(any(a <= s and e <= b for s, e in actor.mentions for a, b in after) for actor in found):
        return []  # an actor named before the head, at it or beside it ("minister, Nadiem Makarim")
    return named_codes(article, min(t.idx for t in before), head.idx, knowledge)


def _named_head(article: Article, head, found: list) -> list:
    """"NATO-member Norway", "U.S. ally Israel": when the head word is itself a named actor, the
    modifiers before it describe that actor and are no participants of their own."""
    if len(found) < 2:
        return found
    if head.pos_ != "PROPN":  # "NATO member Turkey" parsed as "member" with "Turkey" apposed
        named = next((c for c in head.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        own = [a for a in found if named is not None and any(s <= named.idx < e for s, e in a.mentions)]
        return own if len(own) == 1 and head.i < named.i else found
    own = [a for a in found if any(s <= head.idx < e for s, e in a.mentions)]
    if len(own) != 1:
        return found
    modifiers = [t for c in head.lefts if c.dep_ in ("compound", "amod", "nmod") for t in c.subtree]
    described = {id(a) for a in found if a is not own[0]
                 and all(any(s <= t.idx < e for t in modifiers) for s, e in a.mentions if s < head.idx)}
    return [a for a in found if id(a) not in described]


def _shared_code(article: Article, head, conj) -> str | None:
    """"Cameroon's farmers and sellers", "Russian troops and tanks": a bare conjunct shares the
    country named before the first one."""
    if any(c.dep_ in SHARED_DEPS + ("det", "nummod") for c in conj.children):
        return None
    for mod in (c for c in head.lefts if c.dep_ in SHARED_DEPS):
        tokens = list(mod.subtree)
        found = actors_in_span(article, tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
        codes = {a.code for a in found if a.code}
        if len(codes) == 1:
            return codes.pop()
    return None


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


def is_participant(head, knowledge: Knowledge) -> bool:
    """Dates, amounts and times are circumstances, not participants."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return True  # "thousands of Kurds", "the presidents of Russia and Belarus"
    return head.ent_type_ not in NOT_PARTICIPANT_ENTS and head.lemma_.lower() not in knowledge.words["not_participant_lemmas"] \
        and head.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM", "X")


def _unresolved_thing(head, knowledge: Knowledge) -> bool:
    """"He approved them", "stormed it": a pronoun no actor stands for is no recipient to show."""
    return head.pos_ == "PRON" and head.lower_ in knowledge.words["non_person_pronouns"]


def _strong(head, knowledge: Knowledge) -> bool:
    return head.dep_ in ("dobj", "dative", "nsubjpass", "nsubj", "oprd") or head.head.lower_ in knowledge.words["strong_preps"]


def choose_recipients(article: Article, heads: list, weak_heads: list, knowledge: Knowledge) -> list[Participant]:
    """The first recipient phrase that names a known actor, else the first direct one at all."""
    first: list[Participant] = []
    for head in [h for h in heads if is_participant(h, knowledge)]:
        parts = participants(article, [head], knowledge)
        if coded(parts):
            return parts
        if not first and _strong(head, knowledge) and not _unresolved_thing(head, knowledge):
            first = parts
    for head in [h for h in weak_heads if is_participant(h, knowledge)]:
        parts = participants(article, [head], knowledge)
        if coded(parts):
            return parts
    return first
