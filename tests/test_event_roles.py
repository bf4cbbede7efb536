"""Actor and recipient phrases of a trigger: inherited subjects and shared modifiers."""
from __future__ import annotations

import pytest


def _event(article, word):
    found = [e for e in article.events if word in e.event_text]
    assert found, [(e.event, e.event_text) for e in article.events]
    return found[0]


@pytest.mark.parametrize("text, word, actor", [
    # a passive raising verb passes its subject down: Vieira meets
    ("Brazilian Foreign Minister Mauro Vieira is expected to meet Chinese officials next week.", "meet", "BRA"),
    ("Argentine President Javier Milei was scheduled to visit Chile on Monday.", "visit", "ARG"),
    # a gerund after "in"/"by" shares the main verb's subject
    ("In announcing the sanctions on Iran, U.S. Secretary of State Antony Blinken said the case was clear.",
     "sanctions", "USA"),
])
def test_inherited_subject_is_the_actor(code_text, text, word, actor):
    event = _event(code_text(text), word)
    assert {p.code for p in event.actor} == {actor}


def test_hearsay_raising_passes_no_subject(nlp, knowledge):
    """"X is said to have ...": someone else's unnamed claim, so X is not raised; "expected to" raises."""
    from heron.pipeline.events.participants import subject_of

    doc = nlp("The rebels are said to have attacked the base. The rebels are expected to attack the base.")
    said, expected = [t for t in doc if t.lemma_ == "attack"]
    assert subject_of(said, knowledge) is None
    assert subject_of(expected, knowledge).lower_ == "rebels"


def test_gerund_after_without_did_not_happen(code_text):
    article = code_text("Sudanese army units entered the town of Wad Madani without fighting.")
    assert not any(e.event == "ASSAULT" for e in article.events)


@pytest.mark.parametrize("text, word, codes", [
    ("Ghana's cocoa farmers and traders called on the government to raise prices.", "called", {"GHA"}),
])
def test_bare_conjunct_shares_the_country_before_the_first(code_text, text, word, codes):
    event = _event(code_text(text), word)
    assert len(event.actor) == 2 and {p.code for p in event.actor} == codes


def test_conjunct_with_its_own_determiner_keeps_its_own_code(code_text):
    event = _event(code_text("Ghana's cocoa farmers and some Ivorian traders called on the government to raise prices."),
                   "called")
    by_text = {p.entity_text: p.code for p in event.actor}
    assert by_text == {"Ghana's cocoa farmers": "GHA", "Ivorian traders": "CIV"}


def test_participant_text_ends_at_the_paragraph_not_in_its_break(code_text):
    article = code_text("Putin announced closer ties with Belarus\n\nThe Kremlin gave no details.")
    texts = [p.entity_text for e in article.events for p in e.actor + e.recipient]
    assert texts and all(t == t.strip() for t in texts)


@pytest.mark.parametrize("text, event, actor", [
    ("Chile is opposed to the new border treaty with Peru.", "REJECT", "CHL"),
    ("Ukraine is committed to the talks with Russia.", "AGREE", "UKR"),
])
def test_a_stative_participle_keeps_its_subject_as_actor(code_text, text, event, actor):
    found = [e for e in code_text(text).events if e.event == event]
    assert found and actor in {p.code for p in found[0].actor}


def test_who_claims_an_attack_is_its_actor(code_text):
    article = code_text("Boko Haram claimed responsibility for a car bomb in the Nigerian city of Maiduguri "
                        "that killed ten people.")
    (event,) = [e for e in article.events if e.event == "ASSAULT"]
    assert {p.entity_text for p in event.actor} == {"Boko Haram"}


@pytest.mark.parametrize("text, actor", [
    # "it" cannot stand for plural speakers: the act, not the rights groups, violates the treaty
    ("Rights groups condemned the expulsion of the refugees by Thailand. They say it violates Thailand's "
     "treaty obligations.", set()),
    # a singular speaker is the pronoun's actor ("Syria says it will defy")
    ("Syria says it will defy the UN ceasefire resolution.", {"SYR"}),
])
def test_a_pronoun_stands_for_a_speaker_of_its_number(code_text, text, actor):
    found = [e for e in code_text(text).events if e.event == "REJECT"]
    assert found and {p.code for p in found[0].actor if p.code} == actor


@pytest.mark.parametrize("text, word, recipient", [
    # the countries before the head own the thing; the one after it is where it goes
    ("Washington imposed tariffs on Canadian and Mexican exports to the European Union.", "tariffs", {"CAN", "MEX"}),
    ("Beijing imposed sanctions on Lithuanian companies in Germany.", "sanctions", {"LTU"}),
    # no country before the head: the actor named after it stays the recipient
    ("Beijing imposed sanctions on companies from Lithuania.", "sanctions", {"LTU"}),
    # a name beside the head is the same party, not somewhere else
    ("Kenya accused Somalia's ambassador, Mohamud Ahmed Nur, of lying.", "accused", {"SOM"}),
])
def test_countries_before_the_head_own_the_recipient_phrase(code_text, text, word, recipient):
    event = _event(code_text(text), word)
    assert {p.code for p in event.recipient if p.code} == recipient
