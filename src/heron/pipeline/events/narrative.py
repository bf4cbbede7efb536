"""Narrative dates: a past-tense event with no date of its own takes the date of the dated
event before it in the same paragraph ("On June 25, the presidents held talks ... Lukashenka
invited Putin ... He approved them").

Wire stories date the first sentence of an episode and tell the rest in the simple past; a
coder reading the paragraph dates them all to that day. The carry stops at a paragraph break,
at any other date expression in between, at reported speech (the speaker's tense is not the
narrative's) and at events not told in the simple past. Carried dates keep the text they came
from in ``date_text`` and say so in the rule (``+date=paragraph``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from heron.pipeline.events.dates import find_dates
from heron.pipeline.words import DateWords
from heron.pipeline.index import entities
from heron.types import Article, Event

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
TIME_LABELS = {"DATE", "TIME"}  # "a year earlier", "that evening": the story moves in time
NARRATIVE_TAGS = {"VBD"}  # simple past; "has called", "will meet" and "is ready" are not episode narration
NOT_YET = ("planned", "expected")  # event statuses (events/eventness.py) of what has not happened


@dataclass
class Told:
    """An event with the tense of its trigger verb."""

    event: Event
    past: bool


def carry_paragraph_dates(article: Article, told: list[Told], words: DateWords) -> None:
    source: Told | None = None
    for item in told:
        event = item.event
        if event.status in NOT_YET:
            continue  # a plan or an expectation neither gives nor takes a narrative date
        if source is not None and not _same_episode(article, source.event, event, words):
            source = None
        if event.date is not None:
            source = item if item.past and event.asserted_by is None and len(event.date) == 10 else None
            continue
        if source is None or not item.past or event.asserted_by is not None:
            continue
        event.date, event.date_text = source.event.date, source.event.date_text
        event.rule += "+date=paragraph"


def _same_episode(article: Article, before: Event, after: Event, words: DateWords) -> bool:
    """No paragraph break and no other time expression between the two events' sentences."""
    if before.start == after.start:
        return True
    if PARAGRAPH_BREAK.search(article.text, before.start, after.start):
        return False
    if find_dates(article, words, before.end, after.end):
        return False
    return not any(label in TIME_LABELS for _, _, label, _, _ in entities(article.doc).starting_in(before.end, after.end))


def is_past(token) -> bool:
    """The event's verb is told in the simple past (a light verb's tense for nominal events)."""
    return token.tag_ in NARRATIVE_TAGS and not any(c.dep_ in ("aux", "auxpass") for c in token.children)
