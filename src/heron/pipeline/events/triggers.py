"""Trigger rules: where in a parsed sentence the event lexicon fires.

Four kinds of trigger, tried in this order so a longer, more specific pattern wins:
verb + object phrases ("lifted the curfew"), nominal events under a light verb ("held talks",
"came under the sanctions of"), phrasal verbs ("called on") and plain verbs ("attacked").
Works on spaCy tokens; returns plain Trigger records, one per head token.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from heron.pipeline.events.lexicon import Lexicon, LexiconEntry
from heron.pipeline.events.patterns import VerbIndex, match_verb
from heron.pipeline.events.places import PLACE_LABELS
from heron.pipeline.index import tokens
from heron.pipeline.text.language import lemma

OBJECT_DEPS = ("dobj", "nsubjpass", "attr", "oprd", "dative")
GERUND_DEPS = ("nsubj", "nsubjpass", "csubj", "pcomp")
MISPARSED_SUBJECT_DEPS = ("advmod", "aux", "npadvmod")
PARTICLE_DEPS = ("prt", "prep", "advmod", "dobj", "attr", "oprd", "acomp", "npadvmod", "dative", "xcomp", "compound")
COMPLEMENT_DEPS = ("dobj", "xcomp", "ccomp", "acomp", "oprd", "attr")
PREDICATE_DEPS = ("oprd", "acomp", "ccomp", "xcomp", "attr", "dobj")
INFLECTED = ("VERB", "AUX", "ADJ")  # words whose inflected forms are tried beside the lemma (forms)
NAMED_PLACE = "@place"  # in an entry's objects: a place named by its name, "captured Kidal" (_named)
NAMED_PERSON = "@person"  # a person named by name, "police picked up Kizza Besigye" (_named)


@dataclass
class Trigger:
    head: object  # the spaCy token that carries the clause: the verb, or the light verb of a noun
    entry: LexiconEntry
    pattern: str
    kind: str  # verb | phrase | noun
    noun: object = None  # the nominal event token, for noun triggers
    light: str | None = None  # agentive | undergoing | intransitive | circumstance (noun triggers)
    words: list = field(default_factory=list)  # tokens that make up the trigger phrase



def forms(token, lexicon: Lexicon) -> tuple[str, ...]:
    """The lemma, then plain de-inflections of the word (the language's lexicon/inflections.yaml):
    the small model mislemmatises some verbs ("staged" -> "stag"), so a lexicon verb is also
    found from its inflected form."""
    return word_forms(token.lower_, lemma(token), token.pos_, lexicon)


def word_forms(word: str, lemma_lower: str, pos: str, lexicon: Lexicon) -> tuple[str, ...]:
    """``forms`` from a word's strings: lower case, lemma in lower case, part of speech."""
    out = [lemma_lower] + (lexicon.inflections.undo(word) if pos in INFLECTED else [])
    return tuple(dict.fromkeys(out))


def light_kind(token, lexicon: Lexicon) -> str | None:
    for form in forms(token, lexicon):
        for kind in ("agentive", "undergoing", "intransitive"):
            if form in lexicon.light[kind]:
                return kind
    return None


def _near(verb, words: tuple[str, ...]) -> list | None:
    """Tokens matching every word: the first among the verb's children, later ones below it."""
    pool = [c for c in verb.children if (c.dep_ in PARTICLE_DEPS or c.dep_ == "neg") and not _time_phrase(c)]
    found = []
    for word in words:
        match = next((t for t in pool if lemma(t) == word or t.lower_ == word), None)
        if match is None:
            return None
        found.append(match)
        pool = [c for c in match.children if c.dep_ in ("prep", "pobj", "prt", "dobj", "compound")] + pool
    return found


# "suspended part of a military aid program": the part stands for the whole it is taken from


def _time_phrase(prep) -> bool:
    """"agreed on Tuesday": a preposition governing a date is no particle of the verb."""
    return any(o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME") for o in prep.children)


def objects_of(verb, lexicon: Lexicon) -> list:
    """Direct objects, passive subjects and prepositional objects of a verb (with conjuncts)."""
    out = [_antecedent(c, verb) for c in verb.children if c.dep_ in OBJECT_DEPS]
    if reduced_passive(verb):
        out.append(verb.head)
    for prep in (c for c in verb.children if c.dep_ in ("prep", "agent")):
        out += [c for c in prep.children if c.dep_ == "pobj"]
    out += [c for o in list(out) for c in o.conjuncts]
    # "fired dozens of rockets": the counted noun is the object
    out += [p for o in list(out) if o.pos_ in ("NUM", "NOUN", "PRON", "DET") for prep in o.children
            if prep.lower_ == "of" for p in prep.children
            if p.dep_ == "pobj" and (o.pos_ == "NUM" or o.ent_type_ == "CARDINAL" or o.lower_ in lexicon.words("partitives"))]
    return out


def _object_words(obj) -> list:
    """The object phrase without its place/time phrases: "50 tonnes of medicine to Syria" -> tonnes, medicine."""
    out, stack = [], [obj]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack += [c for c in tok.children if c.dep_ != "prep" or c.lower_ == "of"]
    return out


def _names_one(wanted: frozenset[str], heads: list) -> bool:
    """An entry's ``objects`` on a phrase or a nominal event: its object phrase ("signed a peace
    agreement", "the handover of the base") names one of the words; no list, no condition."""
    words = [t for o in heads for t in _object_words(o)]
    return not wanted or bool(({lemma(t) for t in words} | {t.lower_ for t in words} | _named(heads)) & wanted)


def _named(heads: list) -> set[str]:
    """The markers an object phrase's names stand for: ``NAMED_PLACE`` for a place entity in it, or
    a proper noun as its head that the model calls no organisation or nationality (the small
    English model calls "Kherson" and "Goma" persons); ``NAMED_PERSON`` for a person's name as head."""
    place = any(t.ent_type_ in PLACE_LABELS for o in heads for t in _object_words(o)) or \
        any(o.pos_ == "PROPN" and o.ent_type_ not in ("ORG", "NORP", "DATE", "TIME") for o in heads)
    person = any(o.ent_type_ == "PERSON" for o in heads)
    return {marker for marker, found in ((NAMED_PLACE, place), (NAMED_PERSON, person)) if found}


def _taken_by(entry: LexiconEntry, verb) -> bool:
    """An ``actor_preps`` entry ("Kabul fell to the Taliban"): the prepositional object is the
    actor and must be one of ``subjects``; the grammatical subject is the target, one of ``objects``."""
    takers = [p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in entry.actor_preps
              for p in prep.children if p.dep_ == "pobj"]
    taken = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(takers and taken) and _names_one(entry.subjects, takers) and _names_one(entry.objects, taken)


def unopposed(verb, entry: LexiconEntry, lexicon: Lexicon) -> bool:
    """"entered the town without a fight", "took the city unopposed": one of the entry's
    ``except_without`` words after "without", or an adverb of no resistance on the verb."""
    manner = lexicon.words("unopposed_manner")
    return any(w.lower_ == "without" and {lemma(t) for t in w.subtree} & entry.except_without
               or w.dep_ in ("advmod", "advcl", "acomp", "oprd", "xcomp", "npadvmod") and w.lower_ in manner
               for w in verb.children)


def _excepted_subject(entry: LexiconEntry, verb) -> bool:
    """The subject or "by" phrase names one of the entry's ``except_subjects`` (its head word:
    "opposition fighters" are fighters)."""
    if not entry.except_subjects:
        return False
    doers = [_antecedent(c, verb) for c in verb.children if c.dep_ == "nsubj"]
    doers += [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    return bool({w for t in doers for w in (lemma(t).lower(), t.lower_)} & entry.except_subjects)


def _constraints_hold(entry: LexiconEntry, verb, lexicon: Lexicon) -> bool:
    if entry.except_without and not entry.when_unopposed and unopposed(verb, entry, lexicon):
        return False  # "entered the town without a fight": a transfer, not a battle
    if entry.actor_preps:
        return _taken_by(entry, verb)
    if entry.subjects:  # "a rocket hit the base", "the base was hit by a missile", "detonated a bomb"
        near = [_antecedent(c, verb) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        near += [verb.head] if reduced_passive(verb) else []
        near += [p for a in verb.children if a.dep_ in ("agent", "prep") and a.lower_ in lexicon.light["subject_preps"]
                 for p in a.children if p.dep_ == "pobj"]
        if not {lemma(t) for s in near for t in s.subtree} & entry.subjects:
            return False
    if _excepted_subject(entry, verb):  # "the company took control of the port", "the party captured the capital"
        return False
    if entry.objects or entry.except_objects:  # the direct object itself (not a place or time phrase)
        preps = lexicon.light["object_preps"] | set(entry.target_preps)  # "set fire to a school"
        direct = [o for o in objects_of(verb, lexicon) if o.dep_ != "pobj" or o.head.lower_ in preps
                  or o.head.dep_ == "agent"]
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            direct.append(verb.head)  # "a report released by the OECD": the noun is the object
        words = {lemma(t) for o in direct for t in _object_words(o)} | _named(direct)
        if entry.objects and not words & entry.objects or {lemma(o) for o in direct} & entry.except_objects:
            return False
    if entry.predicates:
        preds = [c for c in verb.children if c.dep_ in PREDICATE_DEPS]
        preds += [p for prep in verb.children if prep.lower_ == "as" for p in prep.children]
        words = {lemma(t) for p in preds for t in p.subtree} | {t.lower_ for p in preds for t in p.subtree}
        if not words & entry.predicates:
            return False
    if entry.intransitive and any(c.dep_ in COMPLEMENT_DEPS for c in verb.children):
        return False  # "turned out to be", "took the school to court": another verb than the protest one
    if entry.needs_complement and not any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return False  # "event" complements are checked once the complement's own trigger is known
    return True


def phrase_triggers(token, lexicon: Lexicon, token_forms: tuple[str, ...]) -> list[Trigger]:
    found = []
    key = next((f for f in token_forms if f in lexicon.phrases), None)
    for rest, entry in lexicon.phrases.get(key, ()):
        *particles, obj_word = rest
        objs = [o for o in objects_of(token, lexicon) if lemma(o) == obj_word or o.lower_ == obj_word]
        near = _near(token, tuple(particles)) if particles else []
        if objs and near is not None and _names_one(entry.objects, objs[:1]) and not _excepted_subject(entry, token):
            pattern = " ".join((key,) + rest)
            found.append(Trigger(token, entry, pattern, "phrase", words=[token, *near, objs[0]]))
    return found


def verb_triggers(token, lexicon: Lexicon, token_forms: tuple[str, ...]) -> list[Trigger]:
    if token.pos_ not in ("VERB", "ADJ") and not (token.pos_ == "AUX" and token.dep_ == "ROOT"):
        return []
    found = []
    key = next((f for f in token_forms if f in lexicon.verbs), None)
    for rest, entry in lexicon.verbs.get(key, ()):
        near = _near(token, rest) if rest else []
        if near is None or not _constraints_hold(entry, token, lexicon):
            continue
        pattern = " ".join((key,) + rest)
        found.append(Trigger(token, entry, pattern, "verb", words=[token, *near]))
    return found


def _light_role(noun, lexicon: Lexicon, own: frozenset[str] = frozenset()) -> tuple[object, str] | None:
    """The light verb governing a nominal event and how its subject relates to the event."""
    head = noun.head
    if noun.dep_ == "nsubjpass" and set(forms(head, lexicon)) & lexicon.light["observed"]:
        return head, "intransitive"  # "clashes were reported", "gunfire was heard": no doer named
    if own and noun.dep_ in ("dobj", "nsubjpass") and set(forms(head, lexicon)) & own:
        return head, "agentive"
    if own and noun.dep_ == "pobj" and head.lower_ == "with" and set(forms(head.head, lexicon)) & own:
        return head.head, "agentive"  # "retaliated with tariffs"
    if noun.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN"):
        return _light_role(head, lexicon)
    if noun.dep_ in ("pobj", "pcomp") and head.lower_ == "of" and lemma(head.head) in lexicon.light.get("quantifiers", ()):
        return _light_role(head.head, lexicon, own)  # "carried out a series of air strikes"
    if noun.dep_ == "pobj" and head.lower_ == "with" and head.head.pos_ == "VERB" \
            and set(forms(head.head, lexicon)) & lexicon.light["inflicting"]:
        verb = head.head  # "hit Russia with sanctions"; in the passive the subject undergoes it
        return verb, ("undergoing" if any(c.dep_ == "auxpass" for c in verb.children) else "agentive")
    kind = light_kind(head, lexicon) if head.pos_ in ("VERB", "AUX") else None
    if noun.dep_ in ("dobj", "nsubjpass", "attr") and kind in ("agentive", "undergoing"):
        return head, kind
    take_part = lexicon.take_part
    if noun.dep_ == "pobj" and head.lower_ == take_part.get("preposition") and _takes_part(head.head, take_part):
        return (head.head if head.head.pos_ in ("VERB", "AUX") else head.head.head), "agentive"
    if noun.dep_ == "pobj" and head.dep_ in ("prep", "prt") and head.head.pos_ in ("VERB", "AUX"):
        verb = head.head
        outer = light_kind(verb, lexicon)
        if outer == "undergoing":
            return verb, "undergoing"
        if outer == "agentive" and head.lower_ in lexicon.light["agentive_particles"]:
            return verb, "agentive"
    if (noun.dep_ == "nsubj" or misparsed_subject(noun)) and head.pos_ in ("VERB", "AUX") \
            and _occurs_with(noun, set(forms(head, lexicon)), lexicon):
        return head, "intransitive"  # "fighting continued": a verb that is also agentive ("continued the talks")
    if noun.dep_ == "ROOT" and not any(t.pos_ in ("VERB", "AUX") for t in noun.sent) \
            and lemma(noun) not in lexicon.light["not_news_alone"]:
        return noun, "intransitive"  # a headline without a verb: "Heavy clashes in border town", not "Syria war"
    told = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ in ("VBD", "VBZ", "VBN")
                 and not any(a.dep_ == "agent" for a in c.children)), None)
    if noun.dep_ == "ROOT" and told is not None and set(forms(told, lexicon)) & lexicon.light["intransitive"]:
        return told, "intransitive"  # "Violence flared in ...": a finite verb the parser hung on its subject
    if _circumstance(noun, lexicon):
        return noun, "circumstance"  # "died during a demonstration": the noun carries its own clause
    done = next((c for c in noun.children if reduced_passive(c)), None)
    if done is not None and light_kind(done, lexicon) == "agentive" and (not own or set(forms(done, lexicon)) & own):
        return done, "agentive"  # "a rally held by students", "the attack carried out on Monday"
    return None


def _occurs_with(noun, verb_forms: set[str], lexicon: Lexicon) -> bool:
    """The nominal event took place when its verb tells it did ("clashes broke out") or tells what
    it brought about ("the fighting forced thousands to flee"); a crime or a situation is not news
    by what it caused alone ("the shooting sparked a debate")."""
    return bool(verb_forms & lexicon.light["intransitive"]) or bool(verb_forms & lexicon.light["resulting"]) \
        and lemma(noun) not in lexicon.light["not_news_alone"]


def _circumstance(noun, lexicon: Lexicon) -> bool:
    """A bounded incident as the time of a clause told as fact ("four died during a
    demonstration", "fled amid clashes"): the incident took place with it. Not under a modal or
    future verb ("will close during the strike")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in lexicon.words("circumstance_preps"):
        return False
    if lemma(noun) not in lexicon.words("incident_nouns") and noun.lower_ not in lexicon.words("incident_nouns"):
        return False
    if any(c.dep_ == "det" and c.lower_ in lexicon.words("any_determiners") for c in noun.children):
        return False  # "during any raid": no incident in particular
    untold = lexicon.words("untold_aux") | lexicon.words("future_aux")
    return not any(c.dep_ in ("aux", "auxpass") and c.lower_ in untold for c in prep.head.children)


def reduced_passive(verb) -> bool:
    """A past participle modifying a noun ("rockets fired by militants"): the noun is its object."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN")


def _antecedent(token, verb):
    """A relative pronoun stands for the noun its clause modifies ("a mine which was planted")."""
    if verb.dep_ == "relcl" and token.tag_ in ("WDT", "WP") and token.head.i == verb.i:
        return verb.head
    return token


def _manner_role(noun, entry: LexiconEntry, lexicon: Lexicon) -> tuple[object, str] | None:
    """"shut their shops in protest": the bare event noun is how the verb's subject acted."""
    prep = noun.head
    if entry.event not in lexicon.light["manner_types"] or noun.dep_ != "pobj" or noun.tag_ != "NN" \
            or prep.lower_ not in lexicon.light["manner_preps"] or prep.head.pos_ not in ("VERB", "AUX") \
            or any(c.dep_ in ("det", "poss", "nummod") for c in noun.children):
        return None
    return prep.head, "agentive"


def _takes_part(token, take_part: dict) -> bool:
    """"took part in the march": the prepositional phrase hangs on "part" or on "took"."""
    noun, verbs = take_part.get("noun"), take_part.get("verbs") or ()
    if token.lower_ == noun and token.dep_ == "dobj":
        return lemma(token.head) in verbs
    return lemma(token) == verbs[0] and any(c.lower_ == noun and c.dep_ == "dobj" for c in token.children) if verbs else False


def nominal_gerund(pos: str, word: str, dep: str) -> bool:
    """A gerund the parser tags as a verb where a noun stands ("Fighting between X and Y
    continued", "a campaign of torching"): its -ing form is the event noun."""
    return pos == "VERB" and word.endswith("ing") and dep in GERUND_DEPS


def misparsed_subject(token) -> bool:
    """"Shelling continued", "Heavy shelling hit the city": the parser may take a clause-opening
    -ing noun for an adverb or auxiliary of the verb after it; with no other subject, it is one."""
    head = token.head
    return token.dep_ in MISPARSED_SUBJECT_DEPS and token.lower_.endswith("ing") and token.i < head.i \
        and head.pos_ in ("VERB", "AUX") and not any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in (
            "NOUN", "PROPN", "PRON") for c in head.children)


def event_gerund(token) -> bool:
    """An -ing form standing for its event: a gerund, or one the parser took for an adverb."""
    return nominal_gerund(token.pos_, token.lower_, token.dep_) or token.pos_ in ("VERB", "AUX") \
        and misparsed_subject(token)


def compound_gerund(token, lexicon: Lexicon) -> bool:
    """"died in police firing": the parser may read a two-word event noun as a noun with a
    participle after it ("police [who are] firing"); the lexicon's pattern says it is one noun."""
    head = token.head
    return token.dep_ == "acl" and token.tag_ == "VBG" and head.i == token.i - 1 \
        and any(words == (head.lower_, token.lower_) for words, _ in lexicon.nouns.get(token.lower_, ()))


def noun_triggers(token, lexicon: Lexicon) -> list[Trigger]:
    gerund = event_gerund(token) or compound_gerund(token, lexicon)
    if token.pos_ not in ("NOUN", "PROPN") and not gerund or token.ent_type_ in ("DATE", "TIME"):
        return []  # "On March 2, Kenya held talks": the month is no march
    doc = token.doc
    found = []
    joined = hyphenated_end(token)  # "sit-in" is three tokens: the pattern's last word spans them
    last, first = (joined, token.i - 2) if joined in lexicon.nouns else (None, token.i)
    if gerund:
        last = token.lower_
    for words, entry in lexicon.nouns.get(last, ()) or lexicon.nouns.get(lemma(token), lexicon.nouns.get(token.lower_, ())):
        start = first - len(words) + 1
        if start < token.sent.start:
            continue
        before = doc[start:first]
        if last is not None:
            if [t.lower_ for t in before] + [last] != list(words):
                continue
        elif [t.lower_ for t in before] + [lemma(token)] != list(words) and \
                [lemma(t) for t in before] + [lemma(token)] != list(words):
            continue
        span = doc[start:token.i + 1]
        noun = span.root
        role = _light_role(noun, lexicon, entry.light) or _manner_role(noun, entry, lexicon)
        if role is None:
            continue
        verb, light = role
        if entry.light and not set(forms(verb, lexicon)) & entry.light:
            continue
        of_objects = [o for prep in noun.children if prep.lower_ == "of" for o in prep.children
                      if o.dep_ == "pobj" and not start <= o.i <= token.i]  # "exchange of fire" is the pattern
        if not _names_one(entry.objects, of_objects) or {lemma(o) for o in of_objects} & entry.except_objects:
            continue  # "the capture of the town", not "the capture of market share" nor "the firing of the coach"
        found.append(Trigger(verb, entry, " ".join(words), "noun", noun=noun, light=light,
                             words=[verb, *span]))
    return found


def hyphenated_end(token) -> str | None:
    """The hyphenated word that ends at ``token`` ("sit-in", "counter-offensive"), written without
    spaces around the hyphen, or None."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != "-" or doc[token.i - 2].whitespace_ or doc[token.i - 1].whitespace_:
        return None
    return f"{doc[token.i - 2].lower_}-{token.lower_}"


def between(trig: Trigger) -> list:
    """The sides of a nominal clash, each an actor: "clashes between police and demonstrators"."""
    if trig.kind not in ("noun", "phrase"):
        return []
    # the phrase may hang on the noun or on "broke out", on a phrase's object or its verb ("an accord
    # between X and Y was signed", "a truce was agreed between X and Y")
    anchors = (trig.noun, trig.head) if trig.kind == "noun" else (trig.words[-1], trig.head)
    sides = [p for a in anchors for prep in a.children if prep.lower_ == "between" for p in prep.children
             if p.dep_ == "pobj"]
    # "between police in Bahrain and demonstrators": the parser may join the second side to the first one's place
    return sides + [t for p in sides for t in p.subtree if t.dep_ == "conj" and t.pos_ == "NOUN"
                    and t.head.i != p.i and t not in sides]


def _rank(trig: Trigger) -> tuple[int, int]:
    specific = trig.kind == "verb" and (len(trig.words) > 1 or trig.entry.objects or trig.entry.predicates)
    order = 0 if trig.kind == "phrase" else 1 if specific else 2 if trig.kind == "noun" else 3
    return order, -len(trig.words)


def imported_trigger(token, lexicon: Lexicon, verbs: VerbIndex,
                     verb_forms: tuple[str, ...] | None = None) -> Trigger | None:
    """The base layer's trigger (PETRARCH2's verb patterns, events/patterns.py) for a verb;
    ``verb_forms``: its forms when the caller has them."""
    if token.pos_ not in ("VERB", "AUX"):
        return None
    verb_forms = forms(token, lexicon) if verb_forms is None else verb_forms
    found = match_verb(token, verb_forms, verbs, any(f in lexicon.verbs for f in verb_forms))
    return Trigger(token, found.entry, found.pattern, "verb", words=found.words) if found else None


def sentence_triggers(sent, lexicon: Lexicon, verbs: VerbIndex | None = None) -> list[list[Trigger]]:
    """Candidate triggers grouped by head token, best first: phrases, constrained or phrasal
    verbs, nominal events, plain verbs, then the imported base layer (`verbs`), so a curated
    entry on the same head wins. The caller keeps the first candidate that yields an event."""
    groups: dict[int, list[Trigger]] = {}
    imported: list[tuple[object, tuple[str, ...]]] = []
    for token, token_forms, kinds in _trigger_words(sent, lexicon, verbs):
        found = phrase_triggers(token, lexicon, token_forms) if "phrase" in kinds else []
        found += noun_triggers(token, lexicon) if "noun" in kinds else []
        found += verb_triggers(token, lexicon, token_forms) if "verb" in kinds else []
        for trig in found:
            groups.setdefault(trig.head.i, []).append(trig)
        if "imported" in kinds:
            imported.append((token, token_forms))
    ranked = {i: sorted(group, key=_rank) for i, group in groups.items()}
    for token, token_forms in imported:
        trig = imported_trigger(token, lexicon, verbs, token_forms)
        if trig is not None:
            ranked.setdefault(token.i, []).append(trig)
    return [ranked[i] for i in sorted(ranked)]


def _trigger_words(sent, lexicon: Lexicon, verbs: VerbIndex | None):
    """The sentence's tokens that some trigger rule can start from, with their forms and the
    kinds of rule: a word none of the lexicon's tables holds is passed over on its strings
    alone, without a spaCy Token made for it (most words of a sentence)."""
    doc, read = sent.doc, tokens(sent.doc)
    for i in range(sent.start, sent.end):
        pos, word, lemma_lower = read.pos[i], read.lower[i], read.lemma[i].lower()
        token_forms = word_forms(word, lemma_lower, pos, lexicon) if pos in INFLECTED else (lemma_lower,)
        if pos == "VERB" and i >= 2 and read.lower[i - 1] == "-" and hyphenated_end(doc[i]) is not None:
            # "lathi-charged", "tear-gassed": the compound verb before its last part ("charged")
            token_forms = tuple(f"{read.lower[i - 2]}-{f}" for f in token_forms) + token_forms
        kinds = set()
        if any(f in lexicon.phrases for f in token_forms):
            kinds.add("phrase")
        if pos in ("NOUN", "PROPN") and (lemma_lower in lexicon.nouns or word in lexicon.nouns
                                         or i >= 2 and read.lower[i - 1] == "-" and hyphenated_end(doc[i]) in lexicon.nouns):
            kinds.add("noun")
        elif word in lexicon.nouns and (event_gerund(doc[i]) or compound_gerund(doc[i], lexicon)):
            kinds.add("noun")
        if (pos in ("VERB", "ADJ") or pos == "AUX" and read.dep[i] == "ROOT") and \
                any(f in lexicon.verbs for f in token_forms):
            kinds.add("verb")
        if verbs is not None and pos in ("VERB", "AUX") and any(f in verbs.verbs for f in token_forms):
            kinds.add("imported")
        if kinds:
            yield doc[i], token_forms, kinds
