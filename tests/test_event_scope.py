"""PLOVER's scope for harm and force: battles for territory, chemical weapons, and what is no attack."""
from __future__ import annotations

import pytest


def rules(article):
    return [(e.event, e.rule.split(":")[1]) for e in article.events]


@pytest.mark.parametrize("text", [
    "Syrian troops recaptured the town of Palmyra from Islamic State on Sunday.",
    "Rebels seized control of three villages in Idlib province.",
    "The Iraqi army liberated several villages near Mosul.",
])
def test_taking_territory_by_force_is_a_battle(code_text, text):
    assert ("ASSAULT", "take-territory") in rules(code_text(text))


def test_holding_territory_is_coerce(code_text):
    assert ("COERCE", "annex") in rules(code_text("Russia annexed the Crimean peninsula in 2014."))


def test_seizing_property_is_coerce(code_text):
    assert ("COERCE", "seize") in rules(code_text("Iranian forces seized a British tanker in the Gulf on Friday."))


@pytest.mark.parametrize("text", [
    "Government helicopters dropped barrels of chlorine on the town of Kafr Zita.",
    "The army used sarin against villages in the north in 2017.",
])
def test_using_chemical_agents_is_unconventional_assault(code_text, text):
    (event,) = code_text(text).events
    assert (event.event, event.mode) == ("ASSAULT", "unconventional")


@pytest.mark.parametrize("text", [
    "Hackers attacked the website of the electoral commission on Monday.",
    "Army engineers destroyed a roadside explosive device near Kandahar.",
    "Four workers were killed and two injured when a chemical plant exploded near Lyon.",
    "Two people were injured when a grenade went off during an attempted robbery at a shop in Chisinau.",
])
def test_no_political_violence_is_no_assault(code_text, text):
    assert "ASSAULT" not in {e.event for e in code_text(text).events}


def test_a_vehicle_hitting_a_mine_is_still_an_attack(code_text):
    text = "Five soldiers were killed when their truck hit a mine laid by rebels near Gao."
    assert "ASSAULT" in {e.event for e in code_text(text).events}
