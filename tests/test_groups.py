"""References back to named actors: group nouns ("the two leaders") and pronouns."""
from __future__ import annotations

import pytest


def _event(article, event_type, word):
    found = [e for e in article.events if e.event == event_type and word in e.event_text]
    assert found, [(e.event, e.event_text) for e in article.events]
    return found[0]


def _codes(event):
    return {p.code for p in event.actor + event.recipient if p.code}


MEETING = "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Monday. "


@pytest.mark.parametrize("text, event_type, word, expected", [
    (MEETING + "The two leaders agreed to expand cooperation on energy.", "AGREE", "agreed", {"FRA", "DEU"}),
    (MEETING + "Both leaders praised the new treaty.", "SUPPORT", "praised", {"FRA", "DEU"}),
    ("Kenya and Tanzania signed a trade pact on Monday. The two countries agreed to cut tariffs.",
     "AGREE", "agreed", {"KEN", "TZA"}),
    ("Ethiopia and Eritrea ended their border war in 2018. Both sides agreed to withdraw troops.",
     "AGREE", "agreed", {"ETH", "ERI"}),
])
def test_group_noun_stands_for_the_actors_just_named(code_text, text, event_type, word, expected):
    event = _event(code_text(text), event_type, word)
    assert _codes(event) == expected
    assert all(p.actor for p in event.actor)


@pytest.mark.parametrize("text, word", [
    # three countries named, "the two" cannot say which
    ("Kenya, Uganda and Tanzania signed a trade pact on Monday. The two countries agreed to cut tariffs.", "agreed"),
    # nobody named before
    ("Officials met in Geneva on Monday. The leaders agreed to meet again.", "agreed"),
    # "other leaders" are not the ones just named
    (MEETING + "Other leaders criticized the plan.", "criticized"),
])
def test_group_noun_without_a_single_reading_stays_uncoded(code_text, text, word):
    article = code_text(text)
    events = [e for e in article.events if word in e.event_text]
    assert all(not any(p.code for p in e.actor) for e in events), [(e.event, e.actor) for e in events]


@pytest.mark.parametrize("text, word, code", [
    ("Indian Prime Minister Narendra Modi visited Nepal on Monday. He praised the new hydropower deal.",
     "praised", "IND"),
    # the nearest person is the titled minister, not the president named first
    ("Chilean President Gabriel Boric visited Peru. Peru's trade minister later said the plan was ready. "
     "He approved the loan on Friday.", "approved", "PER"),
    ("Egyptian troops and police blocked the road on Sunday. They arrested dozens of protesters.", "arrested", "EGY"),
    # "we" in direct speech is the speaker's side
    ("“We will support Ukraine until the end,” Polish President Andrzej Duda said.", "support", "POL"),
])
def test_pronoun_subject_takes_the_nearest_compatible_actor(code_text, text, word, code):
    event = next(e for e in code_text(text).events if word in e.event_text)
    assert {p.code for p in event.actor} == {code}


def test_plural_pronoun_with_an_unknown_antecedent_stays_uncoded(code_text):
    article = code_text("The farmers bought new tractors from Poland last month. They praised the tractors on Friday.")
    events = [e for e in article.events if "praised" in e.event_text]
    assert all(not any(p.code for p in e.actor) for e in events)


def test_pronoun_that_names_no_actor_is_no_recipient(code_text):
    article = code_text("Chilean President Gabriel Boric received the proposals on Monday. He approved them on Friday.")
    event = _event(article, "SUPPORT", "approved")
    assert {p.code for p in event.actor} == {"CHL"}
    assert not any(p.entity_text == "them" for p in event.recipient)


def test_group_words_are_data():
    from heron.pipeline.text.language import language_for
    from heron.pipeline.words import ReferenceWords

    words = ReferenceWords(language_for("en"))
    assert words.kinds["leader"] == "people" and words.kinds["country"] == "states"
    assert words.numbers["both"] == 2 and "other" in words.blockers


# --- "the group", "the organization": the organisation named last --------------------------

@pytest.mark.parametrize("text, word, code, name", [
    # the sentence's only country is not the group's
    ("The Baloch Liberation Army attacked a train in Pakistan on Tuesday. "
     "The group also opposes Chinese investment in the province.", "opposes", "PAK", "Baloch Liberation Army"),
    # a modifier that is no name keeps the reference
    ("Al-Shabab stormed a hotel in Mogadishu on Monday. The militant group later urged Kenya to withdraw its troops.",
     "urged", "SOM", "Al-Shabab"),
    ("Amnesty International published a report on Monday. The organization called on Egypt to free the activists.",
     "called", "NGO", "Amnesty International"),
])
def test_organisation_noun_stands_for_the_organisation_named_last(code_text, text, word, code, name):
    article = code_text(text)
    event = next(e for e in article.events if word in e.event_text)
    (actor,) = event.actor
    assert actor.code == code and actor.actor is not None
    named_at = text.index(name)  # the actor named there, by name, in the first sentence
    assert [named_at, named_at + len(name)] in [list(m) for m in article.actor_by_id(actor.actor).mentions]


@pytest.mark.parametrize("text, word", [
    # an indefinite "a group" names a new group: the organisation before it is not meant
    ("The Baloch Liberation Army attacked a train on Tuesday. A group of farmers marched in Quetta. "
     "The group urged China to pay more.", "urged"),
    # the nearest organisation is a name no dictionary knows: it is meant, and it has no code
    ("The Baloch Liberation Army attacked a train on Tuesday. The Baloch Republican Guards also claimed an attack "
     "on a gas pipeline. The group urged China to pay more.", "urged"),
])
def test_organisation_noun_without_a_known_antecedent_stays_uncoded(code_text, text, word):
    article = code_text(text)
    event = next(e for e in article.events if word in e.event_text)
    assert [(p.code, p.actor) for p in event.actor] == [(None, None)]  # not the sentence's CHN


# --- "the militants": the armed group named last -------------------------------------------

def test_definite_fighters_stand_for_the_armed_group_named_last(code_text):
    article = code_text("Al-Shabab claimed the attack on a base in Lamu. "
                        "On Monday, Kenyan forces attacked the Islamist militants in Boni forest.")
    event = next(e for e in article.events if e.event == "ASSAULT" and "attacked" in e.event_text)
    (target,) = event.recipient
    assert target.code == "SOM" and article.text[slice(*article.actor_by_id(target.actor).mentions[0])] == "Al-Shabab"


@pytest.mark.parametrize("text, code", [
    # an indefinite "militants" in between introduces other fighters
    ("Al-Shabab claimed the attack on a base in Lamu. Militants stormed a hotel in Nairobi on Monday. "
     "Kenyan police later arrested the militants.", "KEN"),
    # fighters with a country of their own
    ("Al-Shabab claimed the attack on a base in Lamu. Kenyan police later arrested the Ethiopian rebels.", "ETH"),
])
def test_fighters_with_another_antecedent_are_coded_as_a_role(code_text, text, code):
    article = code_text(text)
    event = next(e for e in article.events if e.event == "COERCE")
    assert [p.code for p in event.recipient] == [code]  # not al-Shabab's SOM
