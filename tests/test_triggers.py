"""Trigger rules (pipeline/events/triggers.py): where a nominal or verbal event is found in the
parse, and which nominal events are reported as having taken place without a named doer."""
from __future__ import annotations

import pytest


def rules(article):
    return [(e.event, e.rule.split(":", 1)[1]) for e in article.events]


@pytest.mark.parametrize("text, expected", [
    # a hyphenated event noun is three tokens in the parse
    ("Students participated in a sit-in outside the ministry in Nairobi on Monday.",
     ("PROTEST", "demonstrate:sit-in")),
    ("Activists participated in a die-in for eight minutes outside parliament in London.",
     ("PROTEST", "demonstrate:die-in")),
])
def test_hyphenated_event_nouns(code_text, text, expected):
    assert expected in [(event, rule.split("+")[0]) for event, rule in rules(code_text(text))]


@pytest.mark.parametrize("text, expected", [
    # "continue" is a light verb both ways: the event as its subject goes on by itself
    ("Fierce fighting continued in the outskirts of Aleppo on Monday.", ("ASSAULT", "fight:fighting")),
    ("Heavy clashes resumed near the border town of Kassala in Sudan on Sunday.", ("ASSAULT", "fight:clash")),
])
def test_an_event_noun_as_subject_of_continue_took_place(code_text, text, expected):
    assert expected in [(event, rule.split("+")[0]) for event, rule in rules(code_text(text))]


def test_an_event_noun_as_object_of_continue_keeps_its_actor(code_text):
    (event,) = [e for e in code_text("Iran continued the talks with the European Union on Monday.").events]
    assert event.event == "CONSULT" and {p.code for p in event.actor} == {"IRN"}


@pytest.mark.parametrize("text, expected", [
    # a participle on a noun takes the noun as its object: "rockets fired by militants"
    ("Rockets fired by militants landed near the base in Kabul on Monday.", ("ASSAULT", "attack:fire rocket")),
    # a relative pronoun stands for its noun: "a bomb which had been planted"
    ("Residents found a bomb which had been planted by insurgents near the market in Kandahar on Monday.",
     ("ASSAULT", "bombing:plant")),
])
def test_objects_of_participles_and_relative_clauses(code_text, text, expected):
    assert expected in [(event, rule.split("+")[0]) for event, rule in rules(code_text(text))]


def test_a_relative_pronoun_without_an_event_noun_codes_nothing(code_text):
    article = code_text("Police defused a device which had been found near the market in Kandahar.")
    assert not [e for e in article.events if e.event == "ASSAULT"]


@pytest.mark.parametrize("text, event_type", [
    # an attack or a protest done in the passive, no doer named, is still reported as done
    ("A grenade attack was carried out in Mogadishu on Monday.", "ASSAULT"),
    ("A rally held in Dhaka on Sunday drew thousands.", "PROTEST"),
    ("A rally held by students in Dhaka was cut short on Sunday.", "PROTEST"),
])
def test_a_conflict_noun_done_in_the_passive_took_place(code_text, text, event_type):
    assert event_type in [e.event for e in code_text(text).events]


def test_a_cooperative_noun_done_in_the_passive_needs_a_side(code_text):
    assert not code_text("A meeting was held in Geneva on Monday.").events


@pytest.mark.parametrize("text, expected", [
    # nominal forms of destroying property, and weapons' blasts set off by someone
    ("Hundreds of youths went on a looting spree in Durban on Monday.", ("ASSAULT", "destruction:looting spree")),
    ("Militants triggered two grenade explosions in Srinagar on Friday.", ("ASSAULT", "blast:grenade explosion")),
    # charging a position is an assault, charging a person is an accusation
    ("Rebels charged an army camp outside Goma on Sunday night.", ("ASSAULT", "charge-position:charge")),
    ("Prosecutors charged the former minister with corruption in Nairobi on Monday.", ("ACCUSE", "accuse:charge")),
])
def test_nominal_and_verbal_forms_of_conflict(code_text, text, expected):
    assert expected in [(event, rule.split("+")[0]) for event, rule in rules(code_text(text))]


@pytest.mark.parametrize("text, expected", [
    # receiving a thing is no visit, so the clause after it is the event
    ("Many children received medical treatment after government forces carried out a gas attack on Douma.",
     ["ASSAULT"]),
    ("The president received the Indian delegation in Dhaka on Monday.", ["CONSULT"]),
])
def test_receiving_a_thing_is_no_visit(code_text, text, expected):
    assert [e.event for e in code_text(text).events] == expected


def test_a_clash_between_police_and_a_crowd_is_a_riot_when_the_parse_nests_the_crowd(code_text):
    text = "Clashes have broken out between police in Bahrain and demonstrators protesting against the detention."
    assert [e.event for e in code_text(text).events] == ["PROTEST"]


@pytest.mark.parametrize("text, coded", [
    # property named by the entry undergoing the act, no doer named: the act took place
    ("Several houses were torched in Jos on Sunday.", True),
    ("Several shops were looted in Durban on Monday.", True),
    # ... unless a disaster did it, named in the verb's own phrases
    ("Dozens of houses were destroyed in the floods in Sindh province on Monday.", False),
    ("Dozens of houses were destroyed in the floods in Pakistan on Monday.", False),
    # a named doer still acts, whatever it used
    ("Rebels destroyed dozens of houses in the village with fire on Monday.", True),
])
def test_property_attacked_in_the_passive(code_text, text, coded):
    assert ("ASSAULT" in [e.event for e in code_text(text).events]) is coded


@pytest.mark.parametrize("text, expected", [
    # an event noun as subject of an occurrence verb took place
    ("Protests spread to Lyon and Marseille on Tuesday.", ("PROTEST", "demonstrate:protest")),
    ("Mass arrests followed in Harare on Monday.", ("COERCE", "arrest:mass arrest")),
    ("A general strike paralysed Lagos on Monday.", ("PROTEST", "labour-strike:general strike")),
    ("Violent clashes swept the capital Bamako on Friday.", ("ASSAULT", "fight:clash")),
    # a weapon's blast misparsed as a participle on the weapon
    ("An improvised explosive device detonated inside a market in Kandahar on Monday.", ("ASSAULT", "bombing:detonate")),
    # killing verbs with "to death" are no computer hacking; exchanging fire is fighting
    ("Gunmen hacked a village chief to death in Kasai province on Monday.", ("ASSAULT", "kill:hack to death")),
    ("Rebels and troops exchanged fire near Goma in Congo on Monday.", ("ASSAULT", "fight:exchange fire")),
    # a bare protest noun after "in" is how the subject acted
    ("Traders shut their shops in protest against the new tax in Srinagar on Monday.",
     ("PROTEST", "demonstrate:protest")),
])
def test_occurrence_verbs_and_manner_phrases(code_text, text, expected):
    assert expected in [(event, rule.split("+")[0]) for event, rule in rules(code_text(text))]


@pytest.mark.parametrize("text", [
    "The ambassador left the hall in the protest zone in Paris.",  # determined: a place, not a manner
    "Hackers hacked the ministry's servers in Kyiv on Monday.",
])
def test_no_protest_or_killing_without_the_idiom(code_text, text):
    events = [e.event for e in code_text(text).events]
    assert "PROTEST" not in events and "ASSAULT" not in events


@pytest.mark.parametrize("text, actor, recipient", [
    # the sides of a nominal clash: the first acts on the second
    ("Clashes between herders and farmers left ten dead in Plateau state.", "herders", "farmers"),
    ("Talks between Iran and the EU resumed in Vienna on Monday.", "Iran", "EU"),
])
def test_the_sides_of_a_nominal_event_named_by_between(code_text, text, actor, recipient):
    (event,) = code_text(text).events
    assert [p.entity_text for p in event.actor] == [actor]
    assert recipient in [p.entity_text for p in event.recipient]


@pytest.mark.parametrize("text, expected", [
    ("Hundreds marched through the streets of Lahore on Friday.", "PROTEST"),  # a crowd counted, not named
    ("Gunmen seized three farmers in Zamfara state on Monday.", "ASSAULT"),  # seizing people is abducting them
    ("Customs officers seized three tonnes of cocaine in Lagos.", None),
])
def test_counted_crowds_and_seized_people(code_text, text, expected):
    events = [e.event for e in code_text(text).events]
    assert (expected in events) if expected else not events


@pytest.mark.parametrize("word, form", [("retook", "retake"), ("rewrote", "rewrite")])
def test_irregular_prefixed_pasts_are_tried(knowledge, word, form):
    from heron.pipeline.events.triggers import word_forms

    assert form in word_forms(word, word, "VERB", knowledge.lexicon)


def test_an_irregular_past_finds_its_verb(code_text):
    article = code_text("Rebels retook the town of Kidal from government forces on Thursday.")
    assert ("ASSAULT", "take-territory:retake") in [(e, r.split("+")[0]) for e, r in rules(article)]


@pytest.mark.parametrize("text, expected", [
    ("Militants mutilated two villagers in Cabo Delgado on Monday.", "ASSAULT"),
    # violence by a mob is a riot (PROTEST riot)
    ("A man accused of theft died after his hands were chopped off by an angry mob in Kano.", "PROTEST"),
])
def test_mutilation(code_text, text, expected):
    assert expected in [e.event for e in code_text(text).events]


@pytest.mark.parametrize("text, expected", [
    # a gerund tagged as a verb where a noun stands is the event noun
    ("Fighting between the army and rebels continued near Goma on Monday.", ("ASSAULT", "fight:fighting")),
    ("The army mounted a campaign of torching in villages of Rakhine state in Myanmar.",
     ("ASSAULT", "destruction:torching")),
])
def test_nominal_gerunds(code_text, text, expected):
    assert expected in [(event, rule.split("+")[0]) for event, rule in rules(code_text(text))]


def test_a_gerund_of_no_event_noun_codes_nothing(code_text):
    assert not [e for e in code_text("Protesting is a right in Kenya.").events if e.event == "PROTEST"]


def test_subjected_to_an_act_by_its_doer(code_text):
    (event,) = code_text("Detainees were subjected to torture by prison guards in Aleppo.").events
    assert (event.event, event.actor[0].entity_text) == ("ASSAULT", "prison guards")


def test_subject_to_approval_is_no_event(code_text):
    assert not code_text("The plan is subject to approval by parliament.").events
