"""Narrative dates carried through a paragraph, and where the carry must stop."""
from __future__ import annotations

import pytest

PUBLISHED = "2023-03-10"


def dated(article):
    return [(e.event, e.date, "+date=paragraph" in e.rule) for e in article.events]


def test_past_tense_events_after_a_dated_one_share_its_date(code_text):
    article = code_text("On March 2, Kenya held talks with Ethiopia in Nairobi. Ethiopia invited Kenya to "
                        "join a new rail project. Kenya accepted the offer.", published=PUBLISHED)
    assert dated(article)[0] == ("CONSULT", "2023-03-02", False)
    assert all(date == "2023-03-02" for _, date, _ in dated(article))
    assert all(carried for _, _, carried in dated(article)[1:])
    assert all(e.date_text == "On March 2" for e in article.events)


@pytest.mark.parametrize("text", [
    # a paragraph break ends the episode
    "On March 2, Kenya held talks with Ethiopia in Nairobi.\n\nEthiopia invited Kenya to join a rail project.",
    # another date expression in between moves the story in time
    "On March 2, Kenya held talks with Ethiopia in Nairobi. A year earlier the two had traded accusations. "
    "Ethiopia invited Kenya to join a rail project.",
    # not simple past: the present perfect is no episode narration
    "On March 2, Kenya held talks with Ethiopia in Nairobi. Ethiopia has invited Kenya to join a rail project.",
])
def test_the_carry_stops(code_text, text):
    article = code_text(text, published=PUBLISHED)
    later = [e for e in article.events if e.event == "REQUEST"]
    assert later and later[0].date is None


def test_reported_speech_keeps_its_own_time(code_text):
    article = code_text("On March 2, Kenya held talks with Ethiopia in Nairobi. Ruto said Ethiopia "
                        "attacked Kenyan herders.", published=PUBLISHED)
    claimed = [e for e in article.events if e.asserted_by is not None]
    assert claimed and all(e.date is None for e in claimed)


@pytest.mark.parametrize("text", ["On March 2, Kenya held talks with Ethiopia.", "In March, Chile held talks with Peru."])
def test_a_month_name_is_no_protest_march(code_text, text):
    assert {e.event for e in code_text(text, published=PUBLISHED).events} == {"CONSULT"}
