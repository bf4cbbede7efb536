"""PLOVER's scope for harm: deliberate political violence, not accidents, disasters or ordinary theft.

"Six were killed when a tank exploded" and "floods killed 20" name harm without an attacker;
"a grenade went off during a robbery" is crime, not a political event. The word lists live in
modality.yaml (non_agents, weapon_modifiers, weapon_owners, crime_motives).
"""
from __future__ import annotations

from heron.pipeline.events.lexicon import Lexicon

HARM_ENTRIES = ("kill",)


def non_agent(heads: list, lexicon: Lexicon) -> bool:
    """An accident or disaster as the subject of harm ("a tank exploded", "floods killed")."""
    words = lexicon.words("non_agents")
    owners = lexicon.words("weapon_modifiers") | lexicon.words("weapon_owners")

    def owned(head) -> bool:  # "Israeli aircraft", "army helicopter", "car bomb": someone's weapon
        return any(c.ent_type_ in ("NORP", "GPE", "ORG") or c.lemma_.lower() in owners
                   for c in head.children if c.dep_ in ("amod", "compound", "poss", "nmod"))

    return any(h.lemma_.lower() in words and not owned(h) for h in heads)


def shared_agents(verb) -> list:
    """"destroyed or submerged by floods": the agent of the last of coordinated passives is the
    agent of them all; the verb's own agent when it has one."""
    def agents(v) -> list:
        return [p for a in v.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]

    own = agents(verb)
    if own or not any(c.dep_ == "auxpass" for c in verb.children):
        return own
    return [p for conj in verb.conjuncts for p in agents(conj)]


def violence_cue(sent, lexicon: Lexicon, unsure: frozenset[str] = frozenset()) -> bool:
    """A weapon, an attacker or a nominal attack anywhere in the sentence; an explosion or
    "violence" alone is no cue (an explosion is as often an accident), nor any ``unsure`` word."""
    cues = set(lexicon.words("weapon_modifiers")) - unsure
    cues |= {key for key, rows in lexicon.nouns.items() if any(e.event == "ASSAULT" and len(w) == 1 for w, e in rows)}
    cues -= lexicon.words("uncertain_harm")
    return any(t.lemma_.lower() in cues or t.lower_ in cues for t in sent)


def accident_clause(verb, lexicon: Lexicon) -> bool:
    """Harm explained by a clause about a non-agent: "... injured when a chemical plant exploded"."""
    heads = [verb] + ([verb.head] if verb.dep_ == "conj" else [])
    clauses = [c for h in heads for c in h.children if c.dep_ == "advcl"]
    # "the vehicle hit a mine laid by the rebels" names a weapon: an attack, not an accident
    clauses = [c for c in clauses if not violence_cue(c.subtree, lexicon)]
    subjects = [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    return non_agent(subjects, lexicon)


def policing_crime(actor: list, recipient: list, words) -> bool:
    """The police acting on criminals and no one else ("police caught a gang of car thieves"):
    ordinary law enforcement, which PLOVER (like ACLED) leaves to crime statistics."""
    police, crime = words["police_sectors"], words["crime_sectors"]
    return bool(recipient) and all((p.sector or "").lower() in crime for p in recipient) \
        and any((p.sector or "").lower() in police for p in actor)


def policing_motive(actor: list, recipient: list, sent, words, lexicon: Lexicon, by_police: bool = False) -> bool:
    """The police acting on people of no political sector where the sentence names ordinary crime
    ("police arrested three men after a robbery", "police seized contraband"): law enforcement,
    not repression ("... and two opposition lawmakers" stays COERCE)."""
    police, crime = words["police_sectors"], words["crime_sectors"]
    if any(p.sector and p.sector.lower() not in crime for p in recipient):
        return False
    return (by_police or any((p.sector or "").lower() in police for p in actor)) and crime_motive(sent, lexicon)


def crime_motive(sent, lexicon: Lexicon) -> bool:
    """Ordinary theft named in the sentence ("during an attempted robbery")."""
    motives = lexicon.words("crime_motives")
    return any(t.lemma_.lower() in motives or t.lower_ in motives for t in sent)


def out_of_scope(trig, sent, actor_known: bool, lexicon: Lexicon) -> bool:
    """Harm with no known attacker that is an accident, a disaster or ordinary crime; an
    explosion or "violence" told beside a crime is crime whoever is named ("the cartel's violence")."""
    if trig.noun is not None and trig.noun.lemma_.lower() in lexicon.words("uncertain_harm") \
            and crime_motive(sent, lexicon):
        return True
    if actor_known:
        return False
    if disaster_aftermath(sent, lexicon):
        return True
    if trig.entry.id in HARM_ENTRIES and accident_clause(trig.head, lexicon):
        return True
    if trig.noun is not None and trig.noun.lemma_.lower() in lexicon.words("blast_nouns") \
            and not violence_cue(sent, lexicon, lexicon.words("accident_sites")):
        return True  # "an explosion killed five", "a mine explosion": no weapon or attacker named
    blasts = [trig.noun] if trig.noun is not None else \
        [c for c in trig.head.children if c.dep_ in ("nsubj", "nsubjpass")]  # "the blast at the pit killed six"
    if accidental_blast(blasts, lexicon):
        return True
    return crime_motive(sent, lexicon)


def disaster_aftermath(sent, lexicon: Lexicon) -> bool:
    """"looting was reported after the earthquake", "killed during the cyclone": the time of the
    harm is a natural disaster."""
    disasters = lexicon.words("natural_disasters")
    return any(t.lemma_.lower() in disasters and t.dep_ == "pobj" and t.head.lower_ in AFTERMATH_PREPS for t in sent)


AFTERMATH_PREPS = ("after", "following", "during", "amid", "in")


def accidental_blast(heads: list, lexicon: Lexicon) -> bool:
    """An explosion said to be of something that blows up by accident ("a gas explosion") or to
    have happened at a works ("the blast at a chemical plant"), with no weapon named."""
    weapons = lexicon.words("weapon_modifiers") - lexicon.words("accident_sites")  # a "mine blast" may be a pit's
    for head in heads:
        if head.lemma_.lower() not in lexicon.words("blast_nouns"):
            continue
        mods = {t.lemma_.lower() for c in head.children if c.dep_ in ("compound", "amod", "nmod")
                for t in c.subtree}  # "gas leak blast", "coal mine explosion"
        if mods & weapons:
            return False
        sites = [o for p in head.children if p.dep_ == "prep" and p.lower_ in ("at", "in", "inside", "of")
                 for o in p.children if o.dep_ == "pobj"]
        site_words = {w for o in sites for w in [o.lemma_.lower()] + [c.lemma_.lower() for c in o.children
                                                                      if c.dep_ in ("compound", "amod")]}
        # "an explosion caused by a gas leak": what the participle on the noun names
        site_words |= {t.lemma_.lower() for c in head.children if c.dep_ == "acl" for t in c.subtree}
        if mods & lexicon.words("accident_modifiers") or site_words & lexicon.words("accident_sites") \
                or site_words & lexicon.words("accident_modifiers"):
            return True
    return False
