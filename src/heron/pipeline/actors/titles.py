"""Titles and role nouns in a parsed sentence: which sector a phrase names, and whose country.

"Russian Defense Minister Sergei Shoigu", "the presidents of Russia and Belarus", "police in
Kashmir", "Haitian government officials": the role table (the language folder's
``actors/roles.csv``) gives the sector and office; demonyms, possessives and "of/in/from"
phrases give the country.
"""
from __future__ import annotations

from dataclasses import dataclass

from heron.pipeline.actors.dictionary import ActorDictionary, ActorEntry, CountryForm, Role
from heron.pipeline.actors.matcher import Hit
from heron.pipeline.index import tokens
from heron.pipeline.words import WordLists
from heron.types import NON_STATE_CODES

MAX_TERM = 4  # longest role term in tokens ("secretary - general", "secretary of state")
NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr", "compound"}
# qualifiers that decide the sector over the head noun ("rebel leader", "opposition parties")
ALLEGIANCE = {"REB", "OPP"}


@dataclass(frozen=True)
class RoleHit:
    start: int
    end: int
    role: Role


def find_roles(doc, dictionary: ActorDictionary, start: int = 0, end: int | None = None) -> dict[int, RoleHit]:
    """Role terms in doc[start:end], longest first; token index -> the RoleHit covering it."""
    covered: dict[int, RoleHit] = {}
    end = len(doc) if end is None else end
    candidates = role_candidates(doc, dictionary)
    for i in range(start, end):
        if i in covered:
            continue
        for n, role in candidates[i]:
            if n <= end - i:
                hit = RoleHit(i, i + n, role)
                covered.update({j: hit for j in range(i, i + n)})
                break
    return covered


def role_candidates(doc, dictionary: ActorDictionary) -> list[list[tuple[int, Role]]]:
    """Per token, the role terms starting there that end on a nominal word, longest first.

    Worked out once per Doc (the actor stage and every coded span ask again) and kept in its
    ``user_data`` with the dictionary it was read from."""
    held = doc.user_data.get(("heron", "role candidates"))
    if held is not None and held[0] is dictionary:
        return held[1]
    table = _role_candidates(doc, dictionary.roles, dictionary.role_prefixes)
    doc.user_data[("heron", "role candidates")] = (dictionary, table)
    return table


def _role_candidates(doc, roles: dict[str, Role], prefixes: frozenset[str]) -> list[list[tuple[int, Role]]]:
    read = tokens(doc)
    words = [lower + " " if space else lower for lower, space in zip(read.lower, read.space)]
    lemmas = [lemma.lower() for lemma in read.lemma]
    # used as a noun: "firm" in "a firm" but not in "very firm"; "general" however tagged
    nominal = [pos in ("NOUN", "PROPN") or dep in NOMINAL_DEPS for pos, dep in zip(read.pos, read.dep)]
    table: list[list[tuple[int, Role]]] = [[] for _ in words]
    for i, (text, alpha) in enumerate(zip(read.text, read.alpha)):
        stem = words[i]
        # a term of n words begins with the first n - 1 as written (less trailing spaces)
        if not (alpha or "." in text) or stem.rstrip() not in prefixes and lemmas[i].strip() not in roles:
            continue
        longest = 1
        while longest < min(MAX_TERM, len(words) - i) and stem.rstrip() in prefixes:
            longest += 1
            stem += words[i + longest - 1]
        for n in range(longest, 0, -1):
            role = _lookup(words[i:i + n], lemmas[i + n - 1], read.pos[i + n - 1], roles)
            if role is not None and (nominal[i + n - 1] or _before_collective(doc[i + n - 1], roles)):
                table[i].append((n, role))
    return table


def _before_collective(token, roles: dict[str, Role]) -> bool:
    """A role word used as an adjective before a collective noun ("terrorist cell", "separatist
    movement"): it names the group's side as the noun would ("terrorists")."""
    if token.dep_ != "amod" or token.head.i <= token.i:
        return False
    collective = roles.get(token.head.lower_) or roles.get(token.head.lemma_.lower())
    return collective is not None and collective.weak and not collective.sector and not collective.code


def _lookup(words: list[str], last_lemma: str, last_pos: str, roles: dict[str, Role]) -> Role | None:
    """The role named by the words as written ("secretary-general") or with the last one's lemma;
    ``words`` are lowercased, each with a space where a space followed it in the text."""
    found = roles.get("".join(words).strip())
    if (found is None or found.source) and last_pos in ("NOUN", "PROPN"):
        # a curated noun by its lemma wins over an imported one as written ("gunmen")
        by_lemma = roles.get(("".join(words[:-1]) + last_lemma).strip())
        if by_lemma is not None and (found is None or not by_lemma.source):
            found = by_lemma
    return found


def phrase_head(token):
    """Climb from a modifier to the noun it modifies ("government" -> "officials")."""
    head = token
    while head.dep_ in ("compound", "amod", "nmod") and head.head.pos_ in ("NOUN", "PROPN") and head.head.i > head.i:
        head = head.head
    return head


def choose_role(hits: list[RoleHit], head) -> Role | None:
    """The sector-deciding role of a phrase: the head's unless weak; REB/OPP qualifiers win."""
    if not hits:
        return None
    for hit in hits:
        if hit.role.sector in ALLEGIANCE:
            return hit.role
    hits = [h for h in hits if h.role.sector] or hits
    strong = [h for h in hits if not h.role.weak]
    on_head = [h for h in strong if h.start <= head.i < h.end]
    if on_head:
        return on_head[0].role
    if strong:
        return strong[-1].role
    return hits[-1].role


def breaks_office(tokens, words: WordLists) -> bool:
    """A word that makes a title name another office than the bare role ("deputy foreign minister")."""
    return any(t.lower_.strip("-") in words["office_breakers"] for t in tokens)


@dataclass
class Origin:
    """Where a phrase's country came from: the code and the rule that gave it."""

    code: str
    rule: str
    org: str | None = None  # the organisation name when code is IGO/NGO
    start: int | None = None  # token span of the country word(s)
    end: int | None = None


def origin_of_hit(hit: Hit, date: str | None) -> Origin | None:
    target = hit.target
    if isinstance(target, CountryForm):
        return Origin(target.code, target.rule, None, hit.start, hit.end)
    office = target.office_at(date)
    if office is None or office.code is None:
        return None
    org = target.name if office.code in NON_STATE_CODES else None
    return Origin(office.code, f"{target.rule}:{target.name}", org, hit.start, hit.end)


def left_tokens(head, stop: int = -1) -> list:
    """The head's left modifiers (with their subtrees), not reaching at or before ``stop``."""
    tokens = []
    for child in head.lefts:
        tokens += [t for t in child.subtree if t.i > stop]
    return tokens


def prep_objects(head, words: WordLists) -> list:
    """Objects of "of/in/from ..." attached to the head, with their conjuncts."""
    objects = []
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in words["country_preps"]:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    objects += [obj, *obj.conjuncts]
    return objects


def origins_in(tokens, hits_by_token: dict[int, Hit], date: str | None, place_country,
               people: bool = True) -> list[Origin]:
    """Countries or organisations named by the given tokens, in order, one per hit.

    A known person's country counts for a body ("Bush administration") when ``people``."""
    seen: set[int] = set()
    found: list[Origin] = []
    for token in tokens:
        hit = hits_by_token.get(token.i)
        if hit is not None:
            if id(hit) in seen:
                continue
            seen.add(id(hit))
            origin = origin_of_hit(hit, date)
            is_person = isinstance(hit.target, ActorEntry) and hit.target.kind == "person"
            if origin is not None and (people or not is_person):
                found.append(origin)
        elif token.ent_type_ in ("GPE", "LOC") and token.ent_iob_ == "B":
            end = token.i + 1
            while end < len(token.doc) and token.doc[end].ent_iob_ == "I":
                end += 1
            name = token.doc[token.i:end].text
            code = place_country(name)
            if code:
                found.append(Origin(code, f"geonames:{name}", None, token.i, end))
    return found


def object_origins(objects, hits_by_token, date, place_country) -> list[Origin]:
    """One origin per prepositional object ("presidents of Russia and Belarus" -> two)."""
    found: list[Origin] = []
    for obj in objects:
        origins = origins_in(list(obj.subtree), hits_by_token, date, place_country)
        origins = [o for o in origins if o.start is not None and o.start <= obj.i < o.end] or origins[:1]
        for origin in origins:
            if all(o.start != origin.start for o in found):
                found.append(origin)
    return found


def implied_code(hits: list[RoleHit]) -> Origin | None:
    """A code the role nouns imply by themselves ("rights group" -> NGO), when no country is named."""
    for hit in hits:
        if hit.role.code:
            return Origin(hit.role.code, hit.role.rule)
    return None


# dependents inside a noun phrase ("the", "Quad" in "Quad leaders"): its head word acts for them
PHRASE_DEPS = {"det", "predet", "compound", "amod", "nummod", "poss", "nmod"}
# words of a target phrase that name whose it is ("Chinese vessels")
TARGET_MODIFIERS = {"compound", "amod"}


def target_tokens(token, words: WordLists) -> set[int]:
    """Tokens naming what is acted upon in the clause whose subject (or passive agent) holds
    ``token``: "militants fired rockets at Israel" -> Israel; "Quad leaders criticised
    China" -> China; "the government demanded that Beijing return the men" -> Beijing (the party
    pressed); "China was criticised by officials" -> China. A group's country is never taken
    from its own target."""
    head = token
    while head.head.i != head.i and (head.dep_ in PHRASE_DEPS or head.dep_ in ("conj", "appos")
                                     and head.head.pos_ in ("NOUN", "PROPN", "PRON")):
        head = head.head
    passive = head.dep_ == "pobj" and head.head.dep_ == "agent"
    verb = head.head.head if passive else head.head
    if verb.pos_ not in ("VERB", "AUX") or not passive and head.dep_ != "nsubj":
        return set()
    # "met and criticised China": verbs sharing the subject
    verbs = [verb] + [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                      and not any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children)]
    heads = [c for v in verbs for c in v.children if c.dep_ in ("dobj", "dative") or passive and c.dep_ == "nsubjpass"]
    objects = list(heads)
    heads += [s for v in verbs if v.lemma_.lower() in words["directive_verbs"]
              for c in v.children if c.dep_ in ("ccomp", "xcomp") for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    holders = verbs + heads
    heads += [o for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in words["target_preps"]
              for o in p.children if o.dep_ == "pobj"]
    heads += [o for h in objects if h.pos_ in ("NOUN", "PROPN") for p in h.children  # "attacked a hotel in Kenya"
              if p.dep_ == "prep" and p.lower_ in words["target_place_preps"] for o in p.children if o.dep_ == "pobj"]
    out: set[int] = set()
    for target in heads:
        out |= {t.i for t in target.subtree if t.i == target.i or t.dep_ in TARGET_MODIFIERS and t.head.i == target.i}
    return out
