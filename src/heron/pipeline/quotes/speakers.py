"""Speakers: the phrase that names who speaks, and who that phrase refers to.

A speaker mention is a noun phrase around the subject of a reporting verb ("Russian President
Vladimir Putin", "the president", "he"). Names are linked to the actor whose mention overlaps
them; subject pronouns are resolved to the nearest preceding compatible person, or to the
speaker of the previous quote when the quotes run in sequence and that speaker is a person the
pronoun fits. A group phrase ("the two leaders") is linked only when it stands for one actor.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from heron.pipeline.actors.references import group_reference, person_mentions
from heron.pipeline.actors.stage import actor_for_span
from heron.pipeline.index import Intervals
from heron.pipeline.knowledge import Knowledge
from heron.types import Article, Quote, Speaker

# dependents that belong to a name phrase on its left ("the Belarusian president", "Sen. X")
NAME_LEFT_DEPS = {"compound", "amod", "det", "poss", "nmod", "nummod", "case", "punct", "flat"}
NAME_RIGHT_DEPS = {"compound", "flat", "case"}


def phrase_bounds(token) -> tuple[int, int]:
    """Character bounds of the name phrase headed by ``token`` (spaCy Token)."""
    left = token
    for child in token.lefts:
        if child.dep_ in NAME_LEFT_DEPS and child.i >= token.i - 8:
            left = min(left, child.left_edge, key=lambda t: t.i)
    right = token
    for child in token.rights:
        if child.dep_ in NAME_RIGHT_DEPS and child.i == right.i + 1:
            right = child
        elif child.dep_ == "conj":  # "Putin and Lukashenko said"
            right = child
        elif child.dep_ == "appos" and child.left_edge.i == right.i + 1 and len(list(child.subtree)) <= 4:
            right = child.right_edge  # "the lawyer Ruth Adler"
    doc = token.doc
    # a name phrase never runs across a line break or starts with punctuation
    while left.i < token.i and (left.is_punct or left.is_space or _line_break(doc, left.i, token.i)):
        left = doc[left.i + 1]
    while right.i > token.i and _line_break(doc, token.i, right.i):
        right = doc[right.i - 1]
    return left.idx, right.idx + len(right.text)


def _line_break(doc, first: int, stop: int) -> bool:
    """A line break in the text of tokens first..stop-1 with their trailing whitespace."""
    return any("\n" in t.text_with_ws for t in doc[first:stop])


class SpeakerResolver:
    """Builds Speaker records for one article: links names to actors, resolves pronouns."""

    def __init__(self, article: Article, excluded: list[tuple[int, int]], knowledge: Knowledge) -> None:
        self.article = article
        self.knowledge = knowledge
        quoted = Intervals(excluded)
        # people named inside quoted words are rarely the one speaking them
        self.people = [p for p in person_mentions(article, knowledge.speech) if not quoted.covers(p.start, p.end)]
        self.spans = Intervals([(p.start, p.end) for p in self.people], self.people)
        self.starts = [p.start for p in self.people]  # in text order, as person_mentions gives them
        self.genders: dict[str, set[str]] = {}  # actor id -> the genders titles give its mentions
        for person in self.people:
            if person.actor and person.gender:
                self.genders.setdefault(person.actor, set()).add(person.gender)

    def speaker(self, start: int, end: int, previous: Quote | None = None,
                head=None) -> tuple[Speaker, str]:
        """The Speaker for the mention at [start, end) (``head``: the spaCy token heading it)
        and the rule that resolved it."""
        text = self.article.text[start:end]
        antecedent = _antecedent(head, self.knowledge.speech.relative_pronouns)
        if antecedent is not None:  # "Joe Smith, a host, who said ...": the mention is "who"
            found, _ = self.speaker(*phrase_bounds(antecedent), previous, antecedent)
            return Speaker(text, start, end, found.actor, found.name or found.text), "speaker.relative"
        kind = self.knowledge.speech.pronoun_kind(text) if " " not in text.strip() else None
        if kind in ("male", "female"):
            return self._pronoun(start, end, text, kind, previous)
        actor = actor_for_span(self.article, start, end)
        if actor is not None:
            return Speaker(text, start, end, actor.id, actor.name), "speaker.actor"
        person = next(iter(self.spans.overlapping(start, end)), None)
        if person is not None:
            return Speaker(text, start, end, person.actor, person.text), "speaker.person"
        group = self._group(head)
        if group is not None:
            return Speaker(text, start, end, group.id, group.name), "speaker.group"
        return Speaker(text, start, end, None, None), "speaker.mention"

    def _group(self, head):
        """The one actor a group phrase ("the leaders", "both sides") stands for; None when it
        stands for several or for none (a quote has one speaker: no guess among them)."""
        if head is None:
            return None
        found = group_reference(self.article, head, self.knowledge) or []
        ids = {p.actor for p in found}
        if len(ids) != 1 or None in ids:
            return None
        return self.article.actor_by_id(ids.pop())

    def _pronoun(self, start: int, end: int, text: str, gender: str,
                 previous: Quote | None) -> tuple[Speaker, str]:
        before = bisect_right(self.starts, start)  # people starting after the pronoun end after it

        def fits(p: Person) -> bool:
            return p.end <= start and p.gender in (None, gender)

        if previous is not None and self._fits(previous.speaker, gender):
            prev = previous.speaker
            since = bisect_left(self.starts, min(previous.end, prev.end))
            between = [p for p in self.people[since:before] if fits(p) and not _same(p, prev)]
            if not between and (prev.start < start):
                return Speaker(text, start, end, prev.actor, prev.name), "pronoun.previous_speaker"
        person = next((self.people[k] for k in range(before - 1, -1, -1) if fits(self.people[k])), None)
        if person is not None:
            actor = self.article.actor_by_id(person.actor)
            name = actor.name if actor is not None else person.text
            return Speaker(text, start, end, person.actor, name), "pronoun.nearest_person"
        return Speaker(text, start, end, None, None), "pronoun.unresolved"


    def _fits(self, speaker: Speaker | None, gender: str) -> bool:
        """Whether "he"/"she" can be this earlier speaker: a named person (not a country or an
        organisation) whose known gender, if any, agrees."""
        if speaker is None or not speaker.name:
            return False
        actor = self.article.actor_by_id(speaker.actor)
        if actor is not None and actor.kind not in ("person", "role"):
            return False
        told = set(self.genders.get(speaker.actor, ())) if speaker.actor else set()
        told |= {p.gender for p in self.spans.overlapping(speaker.start, speaker.end) if p.gender}
        return not told or told == {gender}


def _antecedent(head, relative_pronouns: frozenset[str]):
    """The noun a relative pronoun subject stands for ("the senator, who said ..."), else None."""
    if head is None or head.lower_ not in relative_pronouns:
        return None
    clause = head.head
    if clause.dep_ != "relcl" or clause.head.pos_ not in ("NOUN", "PROPN"):
        return None
    return clause.head


def _same(person: Person, speaker: Speaker) -> bool:
    if person.actor and person.actor == speaker.actor:
        return True
    return bool(speaker.name) and person.text.split()[-1] == speaker.name.split()[-1]
