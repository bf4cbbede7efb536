"""Eventness: figures of speech, conditions, habits, classes of people and aims code no event;
plans, expectations and background events are coded with their status and never dated as news.

Every sentence here was written for these tests. Each "not an event" case has a control: the
same verb used literally, which must still code the event, so a rule that silenced the verb
altogether would fail."""
from __future__ import annotations

import pytest

from heron.pipeline.events.eventness import event_status

HEADLINE = "A headline for the test\n\n"  # body sentences, so the headline's present tense does not apply


def coded(article, event: str) -> list:
    return [e for e in article.events if e.event == event and not e.negated]


@pytest.mark.parametrize("event, figurative, literal", [
    # an abstraction as the object of a conflict verb
    ("ASSAULT", "The new customs chief pledged to fight corruption at the ports.",
     "Government troops fought the rebels near Goma on Monday."),
    ("ASSAULT", "Campaigners say the region must combat poverty and disease together.",
     "Nigerian soldiers combated Boko Haram fighters in Borno state on Sunday."),
    ("ASSAULT", "The decree punishes those who abuse the public trust.",
     "Prison guards abused three detainees at the jail in March, the inquiry found."),
    # a war named by a non-military modifier
    ("ASSAULT", "The two retailers launched a price war last spring.",
     "The junta launched a war against the northern rebels last spring."),
    # "was met with": how something was received, not a meeting
    ("CONSULT", "The pension reform was met with fierce resistance from the unions.",
     "The Egyptian foreign minister met with his Turkish counterpart in Cairo on Monday."),
])
def test_a_figure_of_speech_is_no_event(code_text, event, figurative, literal):
    assert not coded(code_text(HEADLINE + figurative), event)
    assert coded(code_text(HEADLINE + literal), event)


@pytest.mark.parametrize("event, trigger, conditional, literal", [
    ("ASSAULT", "attacks", "If the army attacks the town, the rebels say they will answer.",
     "The army attacked the town of Kidal on Monday."),
    ("RETREAT", "releases", "Britain will expel two diplomats unless Tehran releases the sailors.",
     "Tehran released the British sailors on Monday."),
    ("ASSAULT", "shelled", "Observers could not say whether the army shelled the village.",
     "The army shelled the village of Sarmin on Monday."),
])
def test_a_conditional_clause_is_no_event(code_text, event, trigger, conditional, literal):
    assert not [e for e in coded(code_text(HEADLINE + conditional), event) if trigger in e.event_text]
    assert coded(code_text(HEADLINE + literal), event)


def test_the_main_clause_of_a_conditional_threat_stays(code_text):
    article = code_text(HEADLINE + "The Kremlin warned that it would strike Kyiv if Ukraine used the missiles.")
    assert coded(article, "THREATEN")


@pytest.mark.parametrize("event, habit, literal", [
    ("ASSAULT", "The militia frequently kidnaps travellers on the highway to Gao.",
     "The militia kidnapped three travellers on the highway to Gao on Sunday."),
    ("COERCE", "Police in the capital usually detain protesters after such marches.",
     "Police in the capital detained 40 protesters after the march on Friday."),
])
def test_a_habit_is_no_event(code_text, event, habit, literal):
    assert not coded(code_text(HEADLINE + habit), event)
    assert coded(code_text(HEADLINE + literal), event)


def test_a_material_act_in_the_simple_present_is_generic_outside_the_headline(code_text):
    generic = "Armed groups attack convoys on the road to Bossangoa."
    assert not coded(code_text(HEADLINE + generic), "ASSAULT")
    assert coded(code_text(generic), "ASSAULT")  # as a headline it reports the news


def test_a_class_of_people_is_no_actor(code_text):
    assert not coded(code_text(HEADLINE + "The new law will punish anyone who attacks a journalist."), "ASSAULT")
    assert coded(code_text(HEADLINE + "Gunmen attacked two journalists in Mogadishu on Monday."), "ASSAULT")


def test_a_purpose_clause_names_an_aim_not_an_attack(code_text):
    article = code_text(HEADLINE + "Kenya deployed 3,000 troops to the border on Monday to fight the militants.")
    assert coded(article, "MOBILIZE") and not coded(article, "ASSAULT")


def test_a_question_is_no_event(code_text):
    assert not coded(code_text(HEADLINE + "Did the army shell the village of Sarmin on Monday?"), "ASSAULT")


@pytest.mark.parametrize("text, status, event", [
    ("The Saudi foreign minister is expected to meet Iran's envoy in Beijing on Friday.", "expected", "CONSULT"),
    ("The Indian prime minister will visit Nepal on Friday.", "planned", "AGREE"),
    ("Ethiopia and Eritrea signed a peace agreement in 2018.", "background", "SUPPORT"),
    ("Kenyan police arrested 20 protesters in Nairobi on Monday.", "happened", "COERCE"),
])
def test_every_event_carries_its_status(code_text, text, status, event):
    events = coded(code_text(HEADLINE + text, published="2023-03-08"), event)  # a Wednesday
    assert [e.status for e in events] == [status]


@pytest.mark.parametrize("text", [
    "The Saudi foreign minister is expected to meet Iran's envoy in Beijing on Friday.",
    "The Indian prime minister will visit Nepal on Friday.",
])
def test_a_plan_is_never_dated_as_having_happened(code_text, text):
    (event,) = [e for e in code_text(HEADLINE + text, published="2023-03-08").events if e.status != "happened"]
    assert (event.date, event.due, event.date_text) == (None, "2023-03-10", "on Friday")


@pytest.mark.parametrize("frame, date, published, expected", [
    ("happened", "2023-03-06", "2023-03-08", ("happened", "2023-03-06", None)),
    ("happened", "2023-03-10", "2023-03-08", ("planned", None, "2023-03-10")),  # a future day cannot have happened
    ("planned", "2023-03-06", "2023-03-08", ("planned", "2023-03-06", None)),  # the day the plan was announced
    ("expected", "2023-03-10", "2023-03-08", ("expected", None, "2023-03-10")),
    ("happened", "2023-02", "2023-03-20", ("background", "2023-02", None)),  # last month, past the window
    ("happened", "2023-03", "2023-03-20", ("happened", "2023-03", None)),  # earlier this month
    ("happened", "2014", "2023-03-08", ("background", "2014", None)),
    ("happened", "2023-02-25", "2023-03-08", ("happened", "2023-02-25", None)),  # inside two weeks
    ("planned", "2023-03-10", None, ("planned", None, "2023-03-10")),  # no publication date: keep it as due
    ("happened", None, "2023-03-08", ("happened", None, None)),
])
def test_status_and_dates(knowledge, frame, date, published, expected):
    assert event_status(frame, date, published, knowledge.eventness) == expected


def test_expected_events_are_not_counted_by_the_evaluation(code_text):
    from heron.evaluation.articles import score_articles

    article = code_text(HEADLINE + "The Saudi foreign minister is expected to meet Iran's envoy in Beijing on Friday.",
                        published="2023-03-08")
    article.id = "t1"
    assert [e.status for e in article.events] == ["expected"]
    gold = [{"id": "t1", "required": [], "acceptable": []}]
    assert score_articles(gold, {"t1": article})["totals"]["predicted"] == 0
