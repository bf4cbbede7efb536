"""Protest readings: crowds as actors, repression of crowds, and protests implied by what is done to them."""
from __future__ import annotations

import pytest


def kinds(article):
    return sorted((e.event, e.rule.split(":")[0] + ":" + e.rule.split(":")[1]) for e in article.events)


def types(article):
    return {e.event for e in article.events}


@pytest.mark.parametrize("text", [
    "Students took part in a march in Dhaka on Monday.",
    "Hundreds of teachers participated in a rally in Lagos.",
    "Demonstrations were held across Bangladesh on Friday.",
    "Nurses went on strike in Nairobi on Monday.",
    "Thousands of farmers returned to the streets of Delhi on Sunday.",
    "Youths threw stones at police in Marseille on Saturday night.",
])
def test_protest_described_by_a_noun_or_a_crowd_act_is_a_protest(code_text, text):
    assert "PROTEST" in types(code_text(text))


@pytest.mark.parametrize("text", [
    "Police fired tear gas at protesters in Nairobi on Tuesday.",
    "Riot police beat demonstrators outside the parliament in Beirut.",
    "Turkish police dispersed a rally in Istanbul on Saturday.",
    "Several activists were detained during protests in Moscow.",
])
def test_repressing_a_crowd_is_coerce_and_implies_its_protest(code_text, text):
    article = code_text(text)
    assert {"COERCE", "PROTEST"} <= types(article)
    implied = [e for e in article.events if e.event == "PROTEST"]
    assert implied[0].rule.endswith(("+target+recipient=location", "+during+recipient=location"))


def test_riot_control_weapons_are_repression_not_assault(code_text):
    (event, _protest) = code_text("Police fired rubber bullets at demonstrators in Santiago.").events
    assert (event.event, event.cameo) == ("COERCE", "175")
    assert event.rule.startswith("lexicon/coerce.yaml:crowd-control:")


def test_police_arresting_people_implies_no_protest(code_text):
    # (an arrest "for theft" is ordinary crime, coded as nothing: test_events.py policing crime)
    assert types(code_text("Police arrested ten men in Kolkata.")) == {"COERCE"}


@pytest.mark.parametrize("text", [
    "Clashes broke out between police and demonstrators in Manama on Friday.",
    "Youths attacked police officers in Lyon on Saturday.",
])
def test_crowd_fighting_the_police_is_a_riot(code_text, text):
    (event,) = code_text(text).events
    assert (event.event, event.mode) == ("PROTEST", "riot")


@pytest.mark.parametrize("text", [
    "Clashes between the army and rebels killed ten people in Goma.",
    "Militants hurled a grenade at a police station in Srinagar.",
])
def test_armed_groups_fighting_stay_assault(code_text, text):
    assert types(code_text(text)) == {"ASSAULT"}


def test_a_protest_in_a_side_clause_of_a_repression_is_kept(code_text):
    article = code_text("Police fired tear gas in Hong Kong as crowds held an unauthorised march.")
    assert {"COERCE", "PROTEST"} <= types(article)


@pytest.mark.parametrize("text, expected", [
    ("Dock workers staged a strike at the port of Mombasa.", ("PROTEST", "labour-strike")),
    ("Teachers joined a general strike called by the unions.", ("PROTEST", "labour-strike")),
    ("The army carried out strikes on rebel positions near Goma.", ("ASSAULT", "military-strike")),
    ("Israeli jets conducted a strike on a compound in Rafah.", ("ASSAULT", "military-strike")),
])
def test_strike_is_a_walkout_or_an_attack_by_its_light_verb(code_text, text, expected):
    found = {(e.event, e.rule.split(":")[1]) for e in code_text(text).events}
    assert expected in found
    assert not {t for t, _ in found} >= {"PROTEST", "ASSAULT"}


@pytest.mark.parametrize("text", [
    "A general strike brought the capital to a standstill on Monday.",
    "Teachers downed tools over unpaid salaries in Harare.",
    "The hunger strike by prisoners entered its tenth day.",
    "The protest outside parliament entered its third week.",
])
def test_strikes_told_by_their_effect_or_duration_are_protests(code_text, text):
    assert "PROTEST" in {e.event for e in code_text(text).events}
