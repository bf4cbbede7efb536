"""Which person drafts a later name may be: the same surname, a close spelling, or one word of a
full name."""
from __future__ import annotations

import re

from heron.pipeline.actors.draft import ActorDraft


class Surnames:
    """Person drafts by surname, so that a name is compared only with those it may match: the
    same surname, or (both of six letters or more) one edit apart, which share a form with one
    letter dropped (a substitution drops the same letter from both; an insertion or deletion
    drops a letter from the longer).

    A one-word name that is no draft's surname may still be the one word by which the story
    calls someone it named in full: "Kim" for "Kim Jong Un" (family name first), "Mahathir" for
    "Mahathir Mohamad", "Bashir" for "Omar al-Bashir". It joins that person when exactly one
    person of the story has the word among the words of the name (particles such as "al" and
    "bin" left out); a later full name likewise takes an earlier one-word mention."""

    def __init__(self, particles: frozenset[str] = frozenset()) -> None:
        self.forms: dict[str, list[ActorDraft]] = {}
        self.order: dict[int, int] = {}  # id(draft) -> when it was added
        self.particles = particles
        self.full: dict[str, list[ActorDraft]] = {}  # a word of a full name -> the drafts so named
        self.single: dict[str, list[ActorDraft]] = {}  # the word of a one-word name -> its drafts

    def add(self, draft: ActorDraft) -> None:
        self.order[id(draft)] = len(self.order)
        words = draft.name.lower().split()
        for form in _forms(words[-1]) if words else ():
            self.forms.setdefault(form, []).append(draft)
        parts = self.name_words(draft.name)
        if len(words) > 1:
            for word in parts:
                self.full.setdefault(word, []).append(draft)
        elif parts:
            self.single.setdefault(parts[0], []).append(draft)

    def named(self, name: str) -> list[ActorDraft]:
        """The drafts ``same_name`` pairs with ``name``, in the order they were added."""
        words = name.lower().split()
        if not words:
            return []
        seen = {id(d): d for form in _forms(words[-1]) for d in self.forms.get(form, ())}
        return sorted((d for d in seen.values() if same_name(name, d.name)), key=self.position)

    def by_word(self, name: str) -> list[ActorDraft]:
        """The one person whose full name has the one-word ``name`` among its words, or the one
        one-word mention that is a word of the full ``name``; else none."""
        words = name.lower().split()
        parts = self.name_words(name)
        if len(words) == 1:
            candidates = self.full.get(parts[0], []) if parts else []
        else:
            candidates = [d for word in parts for d in self.single.get(word, ())]
        unique = {id(d): d for d in candidates}
        return list(unique.values()) if len(unique) == 1 else []

    def name_words(self, name: str) -> list[str]:
        """The words of a name that may stand for it alone: split at hyphens, without particles,
        possessives and words under three letters."""
        words = re.split(r"[\s\-‐–]+", name.lower())
        words = [re.sub(r"[’']s$", "", w).strip(".,'’") for w in words]
        return [w for w in words if len(w) >= 3 and w not in self.particles]

    def position(self, draft: ActorDraft) -> int:
        return self.order[id(draft)]


def _forms(surname: str) -> set[str]:
    """The surname, and for six letters or more each form of it with one letter dropped."""
    if len(surname) < 6:
        return {surname}
    return {surname} | {surname[:k] + surname[k + 1:] for k in range(len(surname))}


def same_name(a: str, b: str) -> bool:
    """Same surname (edit distance <= 1 when both have >= 6 letters); first names must agree."""
    wa, wb = a.lower().split(), b.lower().split()
    if not wa or not wb:
        return False
    sa, sb = wa[-1], wb[-1]
    if sa != sb and not (len(sa) >= 6 and len(sb) >= 6 and edit_distance(sa, sb) <= 1):
        return False
    if len(wa) > 1 and len(wb) > 1:
        return wa[0].rstrip(".")[:1] == wb[0].rstrip(".")[:1]
    return True


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]
