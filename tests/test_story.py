"""The story stage: tellings of one occurrence merged into one event with all its mentions,
claims of responsibility naming the actor, and counterparts inferred from the story."""
from __future__ import annotations

import pytest

from heron.types import Event, EventMention, Participant

PUBLISHED = "2025-03-11"


def codes(parts) -> set[str]:
    return {p.code for p in parts if p.code}


def of_type(article, event_type: str) -> list[Event]:
    return [e for e in article.events if e.event == event_type]


HOTEL = ("Gunmen attack hotel in Somalia\n\n"
         "Gunmen stormed a hotel in the Somali city of Beledweyne on Tuesday. "
         "They attacked the hotel at dawn, and then gunmen stormed it. "
         "The Islamist militant group al-Shabab immediately claimed responsibility for the attack.")


def test_tellings_of_one_attack_are_one_event_with_every_mention(code_text):
    article = code_text(HOTEL, PUBLISHED)
    (attack,) = of_type(article, "ASSAULT")
    assert len(attack.mentions) == 4 and attack.rule.endswith("+mentions=4+actor=claim")
    assert [m.event_text for m in attack.mentions] == ["attack", "stormed", "attacked", "stormed"]
    for mention in attack.mentions:  # provenance: each telling's sentence, offsets and rule
        assert article.text[mention.start:mention.end] == mention.text and mention.event_text in mention.text
        assert mention.rule.startswith("lexicon/assault.yaml:attack:")
    assert attack.date == "2025-03-11"


def test_a_claim_of_responsibility_names_the_actor(code_text):
    (attack,) = of_type(code_text(HOTEL, PUBLISHED), "ASSAULT")
    assert [(p.code, p.inferred) for p in attack.actor] == [("SOM", "claim:responsibility")]
    assert "al-Shabab" in attack.actor[0].entity_text


@pytest.mark.parametrize("text", [
    # another day: "last month" is background, not a retelling of Monday's attack
    "Russian troops attacked Kharkiv on Monday. Last month, Russian troops attacked Kharkiv again.",
    # another target
    "Russia attacked Ukraine on Monday. Russia attacked Georgia on Monday.",
])
def test_two_occurrences_stay_two_events(code_text, text):
    attacks = of_type(code_text(text, PUBLISHED), "ASSAULT")
    assert len(attacks) == 2 and all(len(e.mentions) == 1 for e in attacks)


def test_statements_of_one_speaker_in_different_words_stay_apart(code_text):
    article = code_text("Kenya offered aid to Haiti on Monday. Kenya agreed to a ceasefire with the rebels on Monday.",
                        PUBLISHED)
    assert sorted(e.event_text for e in of_type(article, "AGREE")) == ["agreed ceasefire", "offered"]


def test_a_rejection_answers_whoever_made_the_accusations(code_text):
    article = code_text("Pakistan accused India of backing the militants. India rejected the accusations on Wednesday.",
                        PUBLISHED)
    (reject,) = of_type(article, "REJECT")
    inferred = [p for p in reject.recipient if p.inferred]
    assert [(p.code, p.inferred) for p in inferred] == [("PAK", "counterpart:reacted-to")]
    assert reject.rule.endswith("+recipient=counterpart:reacted-to")
    assert article.text[inferred[0].start:inferred[0].end] == "Pakistan"  # where the story names it


def test_the_author_named_inside_the_phrase_comes_first(code_text):
    (reject,) = of_type(code_text("India rejected the allegations made by Pakistan on Tuesday.", PUBLISHED), "REJECT")
    assert codes(reject.recipient) == {"PAK"}


def test_the_main_dyad_supplies_the_other_side(code_text):
    article = code_text("The United States imposed new sanctions on Iran on Monday. Iran called the sanctions "
                        "illegal. Oil prices rose sharply in Asian trading. Washington warned that it would keep "
                        "up the pressure.", PUBLISHED)
    (threat,) = of_type(article, "THREATEN")
    assert [(p.code, p.inferred) for p in threat.recipient] == [("IRN", "counterpart:main-dyad")]
    (accuse,) = of_type(article, "ACCUSE")  # "called the sanctions illegal": aimed at who imposed them
    assert "USA" in codes(accuse.recipient)


def test_an_actor_never_becomes_its_own_recipient(code_text):
    article = code_text("Kenya held elections in August. Kenya rejected the accusations.", PUBLISHED)
    (reject,) = of_type(article, "REJECT")
    assert "KEN" not in codes(reject.recipient) and not any(p.inferred for p in reject.recipient)


def test_types_not_aimed_at_anyone_get_no_counterpart(code_text):
    article = code_text("Iran accused Israel of sabotage on Monday. Thousands of students protested in Tehran.", PUBLISHED)
    assert not any(p.inferred for e in article.events for p in e.recipient if e.event == "PROTEST")


def test_counterparts_can_be_left_out(settings):
    from dataclasses import replace

    from heron.pipeline import build_pipeline
    from heron.types import RawDocument

    plain = build_pipeline(replace(settings, infer_counterparts=False))
    article = plain.process(RawDocument(origin="<test>", published=PUBLISHED,
                                        text="Pakistan accused India of backing the militants. India rejected the accusations."))
    (reject,) = of_type(article, "REJECT")
    assert not codes(reject.recipient) and "counterpart" not in reject.rule


def test_every_event_has_its_mentions_in_the_record(code_text):
    from heron.schema import validate_record

    article = code_text(HOTEL, PUBLISHED)
    record = article.to_dict()
    validate_record(record)
    assert all(e["mentions"] for e in record["events"])
    assert record["events"][0]["actor"][0]["inferred"] == "claim:responsibility"


def test_merged_sides_gather_coded_participants_and_drop_uncoded_ones(knowledge):
    from heron.pipeline.events.coreference import merged

    def event(start, actor, recipient, date=None):
        return Event(id=f"e{start}", event="ASSAULT", mode=None, context=[], date=date, date_text=None, actor=actor,
                     recipient=recipient, location=None, quad_code=4, event_scale=-9.0, cameo="18", goldstein=-9.0,
                     text="s", start=start, end=start + 1, event_text="attacked", rule="lexicon/assault.yaml:attack:attack",
                     mentions=[EventMention("s", start, start + 1, "attacked", "lexicon/assault.yaml:attack:attack")])

    one = event(0, [Participant(None, None, "they")], [Participant("SOM", "GOV", "Somalia")])
    two = event(10, [Participant("SOM", "REB", "al-Shabab", "a2")], [], date="2025-03-11")
    both = merged([one, two])
    assert [p.entity_text for p in both.actor] == ["al-Shabab"] and codes(both.recipient) == {"SOM"}
    assert both.date == "2025-03-11" and [m.start for m in both.mentions] == [0, 10]


def test_a_domestic_story_gives_the_named_people_its_country(code_text):
    # "households" is in no actor dictionary: its country comes from the story, with the rule that says so
    article = code_text("Malawi's High Court ordered all households to boil drinking water on Monday. "
                        "The Malawi government said it would comply with the ruling of the court in Malawi.", PUBLISHED)
    request = next(e for e in article.events if e.event == "REQUEST")
    assert [(p.code, p.inferred) for p in request.recipient] == [("MWI", "counterpart:domestic")]
    assert request.rule.endswith("+recipient=counterpart:domestic")


def test_a_forecast_is_no_retelling_of_what_happened(code_text):
    article = code_text("Rubio met Japanese Foreign Minister Takeshi Iwaya in Tokyo on Monday. "
                        "Rubio is expected to meet Iwaya again on Thursday.", PUBLISHED)
    meetings = of_type(article, "CONSULT")
    assert sorted(e.status for e in meetings) == ["expected", "happened"]
    assert all(len(e.mentions) == 1 for e in meetings)


@pytest.mark.parametrize("text, event_type", [
    ("Kenyan lawmakers approved the budget on Monday. Kenya's president said Kenya would keep its promises.", "SUPPORT"),
    ("Kenyan opposition parties rejected the budget on Monday. Kenya's president said Kenya would keep its promises.",
     "REJECT"),
])
def test_a_domestic_act_on_a_thing_is_aimed_at_the_country(code_text, text, event_type):
    (event,) = of_type(code_text(text, PUBLISHED), event_type)
    assert [(p.code, p.inferred) for p in event.recipient if p.code] == [("KEN", "counterpart:domestic")]
    assert event.rule.endswith("+recipient=counterpart:domestic")


def test_no_domestic_target_outside_a_story_about_one_country(code_text):
    text = "Kenyan lawmakers approved the budget on Monday. Uganda and Tanzania criticised Kenya and Somalia."
    (event,) = of_type(code_text(text, PUBLISHED), "SUPPORT")
    assert not codes(event.recipient) and "counterpart" not in event.rule


TRAIN = ("Militants attack train in Pakistan\n\n"
         "Baloch militants attacked a passenger train in Balochistan on Tuesday. "
         "Pakistan's army said the militants attacked the train near Sibi. "
         "The train carried about 450 passengers. Many of them were soldiers going home on leave. "
         "The railway line was built in the 1880s. It crosses several tunnels. "
         "Then they shot them several times, a witness said.")


def test_a_far_telling_with_no_side_joins_the_main_occurrence(code_text):
    attacks = [e for e in of_type(code_text(TRAIN, PUBLISHED), "ASSAULT") if e.status == "happened"]
    assert len(attacks) == 1 and "shot" in [m.event_text for m in attacks[0].mentions]


def test_a_far_telling_with_a_side_of_its_own_stays_apart(code_text):
    text = TRAIN.replace("Then they shot them several times", "Then Indian troops shot two Pakistani soldiers")
    attacks = of_type(code_text(text, PUBLISHED), "ASSAULT")
    assert len(attacks) == 2


@pytest.mark.parametrize("text, event_type, code", [
    ("Cameroon's livestock ministry said it is negotiating to import eggs and chicks from Brazil.", "CONSULT", "BRA"),
    ("Thailand deported 40 migrants to Myanmar on Thursday.", "COERCE", "MMR"),
])
def test_an_act_is_aimed_at_the_party_its_clause_names(code_text, text, event_type, code):
    (event,) = of_type(code_text(text, PUBLISHED), event_type)
    assert [(p.code, p.inferred) for p in event.recipient if p.inferred] == [(code, "counterpart:clause")]
    assert event.rule.endswith("+recipient=counterpart:clause")


@pytest.mark.parametrize("text, event_type", [
    # a clause that describes something else names no counterpart
    ("Kenyan officials negotiated a new loan, which the IMF approved on Monday.", "CONSULT"),
    # a place where it happened is no counterpart
    ("Ethiopian officials negotiated for hours in Washington on Monday.", "CONSULT"),
    # what a statement is about is not whom it is addressed to
    ("Ankara warned it could turn to Russia for fighter jets.", "THREATEN"),
])
def test_no_clause_counterpart_from_places_descriptions_or_topics(code_text, text, event_type):
    (event,) = of_type(code_text(text, PUBLISHED), event_type)
    assert not any(p.inferred == "counterpart:clause" for p in event.recipient)


def test_a_journalist_named_as_a_party_counts_in_the_main_dyad(code_text, knowledge):
    from heron.pipeline.events.counterparts import main_dyad

    article = code_text("Guatemalan authorities arrested newspaper publisher Jose Ruben Zamora in 2022. A Guatemalan "
                        "court sentenced Zamora to six years in prison on Monday. Amnesty International urged "
                        "Guatemalan authorities to release Zamora.", PUBLISHED)
    # the publisher (sector MED, like an outlet) is a party: two GTM-GTM acts make the story domestic
    assert main_dyad(article.events, knowledge, article) == []
    # read as a reporter, he would leave Amnesty and Guatemala as the story's main pair
    assert codes(main_dyad(article.events, knowledge)) == {"GTM", "NGO"}


@pytest.mark.parametrize("text, code, rule", [
    # the ambassador is Kenya's own: the country named in the clause is the counterpart
    ("Kenya recalled its ambassador to Somalia on Monday.", "SOM", "counterpart:clause"),
    # "its" is France itself: the party of the sentence before is the counterpart
    ("Erdogan insulted Macron on Sunday. France recalled its ambassador on Monday.", "TUR",
     "counterpart:previous-sentence"),
])
def test_the_actors_own_possessive_is_no_recipient(code_text, text, code, rule):
    (sanction,) = of_type(code_text(text, PUBLISHED), "SANCTION")
    assert [(p.code, p.inferred) for p in sanction.recipient] == [(code, rule)]
    assert "+recipient=own-possessive" in sanction.rule
