"""Eventness: figures of speech, conditions, habits, classes of people and aims code no event;
plans, expectations and background events are coded with their status and never dated as news.

Every sentence here was written for these tests. Each "not an event" case has a control: the
same verb used literally, which must still code the event, so a rule that silenced the verb
altogether would fail."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from heron.pipeline.events.eventness import event_status, negated_noun, not_an_event
from heron.pipeline.events.triggers import sentence_triggers

HEADLINE = "A headline for the test\n\n"  # body sentences, so the headline's present tense does not apply


def coded(article, event: str) -> list:
    return [e for e in article.events if e.event == event and not e.negated]


def judged(knowledge, text: str) -> dict[str, str | None]:
    """Each trigger word of a body sentence -> why it is no event (None: it is one)."""
    out = {}
    for sent in knowledge.nlp(text).sents:
        groups = sentence_triggers(sent, knowledge.lexicon)
        heads = frozenset(group[0].head.i for group in groups)
        for group in groups:
            trig = group[0]
            word = (trig.noun if trig.noun is not None else trig.head).lower_
            out[word] = not_an_event(trig, sent, knowledge.eventness, False, heads)
    return out


@pytest.mark.parametrize("reason, word, text, event, literal", [
    # an abstraction as the object of a conflict verb
    ("figurative", "fight", "The new customs chief pledged to fight corruption at the ports.",
     "ASSAULT", "Government troops fought the rebels near Goma on Monday."),
    ("figurative", "fight", "Campaigners say the region must fight poverty and climate change together.",
     "ASSAULT", "Nigerian soldiers fought Boko Haram fighters in Borno state on Sunday."),
    ("figurative", "abuse", "Judges who abuse the public trust will be removed, the minister said.",
     "ASSAULT", "Prison guards abused three detainees at the jail in March, the inquiry found."),
    # a war named by a non-military modifier
    ("figurative", "war", "The two retailers launched a price war last spring.",
     "ASSAULT", "The junta launched a war against the northern rebels last spring."),
    ("figurative", "war", "Washington launched a tariff war against Beijing last year.",
     "ASSAULT", "The junta launched a war against the northern rebels last spring."),
    # "was met with": how something was received, not a meeting
    ("reception", "met", "The pension reform was met with fierce resistance from the unions.",
     "CONSULT", "The Egyptian foreign minister met with his Turkish counterpart in Cairo on Monday."),
    # conditions: the clause's own event has not happened
    ("conditional", "attacks", "If the army attacks the town, the rebels say they will answer.",
     "ASSAULT", "The army attacked the town of Kidal on Monday."),
    ("conditional", "releases", "Britain will expel two diplomats unless Tehran releases the sailors.",
     "RETREAT", "Tehran released the British sailors on Monday."),
    ("conditional", "shelled", "Observers could not say whether the army shelled the village.",
     "ASSAULT", "The army shelled the village of Sarmin on Monday."),
    ("question", "shell", "Did the army shell the village of Sarmin on Monday?",
     "ASSAULT", "The army shelled the village of Sarmin on Monday."),
    # habits and generic statements
    ("habitual", "kidnaps", "The militia frequently kidnaps travellers on the highway to Gao.",
     "ASSAULT", "The militia kidnapped three travellers on the highway to Gao on Sunday."),
    ("habitual", "detain", "Police in the capital usually detain protesters after such marches.",
     "COERCE", "Police in the capital detained 40 protesters after the march on Friday."),
    ("habitual", "arrested", "Editors usually lose their licence when they are arrested by the police.",
     "COERCE", "Police arrested two editors in Harare on Monday."),
    ("generic", "attack", "Armed groups attack convoys on the road to Bossangoa.",
     "ASSAULT", "Armed groups attacked a convoy on the road to Bossangoa on Monday."),
    # a class of people, not an actor
    ("class", "attacks", "The new law will punish anyone who attacks a journalist.",
     "ASSAULT", "Gunmen attacked two journalists in Mogadishu on Monday."),
    # an aim of a coded act
    ("purpose", "fight", "Kenya deployed 3,000 troops to the border on Monday to fight the militants.",
     "ASSAULT", "Kenyan troops fought the militants at the border on Monday."),
    # a threat someone faces is a situation, not a warning
    ("state", "threat", "Coastal towns face a growing threat from the insurgents.",
     "THREATEN", "The insurgents threatened the coastal towns on Monday."),
])
def test_what_is_no_event(knowledge, code_text, reason, word, text, event, literal):
    assert judged(knowledge, text).get(word) == reason
    assert not coded(code_text(HEADLINE + text), event)
    assert coded(code_text(HEADLINE + literal), event)  # the same verb, used literally, still codes


def test_a_figurative_complement_leaves_the_promise_alone(code_text):
    """"pledged to fight corruption" is no threat to anyone (a promise at most)."""
    article = code_text(HEADLINE + "The new customs chief pledged to fight corruption at the ports.")
    assert not coded(article, "THREATEN") and not coded(article, "ASSAULT")


def test_the_main_clause_of_a_conditional_threat_stays(code_text):
    article = code_text(HEADLINE + "Britain will expel two diplomats unless Tehran releases the sailors.")
    assert [(e.event, e.status) for e in article.events] == [("THREATEN", "planned")]
    warned = code_text(HEADLINE + "The Kremlin warned that it would strike Kyiv if Ukraine used the missiles.")
    assert [(e.event, e.status) for e in warned.events] == [("THREATEN", "happened")]


def test_a_material_act_in_the_simple_present_reports_the_news_in_a_headline(code_text):
    generic = "Armed groups attack convoys on the road to Bossangoa."
    assert not coded(code_text(HEADLINE + generic), "ASSAULT")
    assert coded(code_text(generic), "ASSAULT")


def test_a_dated_present_is_no_habit(code_text):
    """"Demonstrators march in the capital on Thursday": a caption or live report, not a habit."""
    assert coded(code_text(HEADLINE + "Students march against the government in Dhaka on Thursday."), "PROTEST")


@pytest.mark.parametrize("text, noun, negated", [
    ("“We launched an offensive, not an invasion,” the general said.", "invasion", True),
    ("“We launched an offensive, not an invasion,” the general said.", "offensive", False),
    ("Officials reported no attacks on the convoy.", "attacks", True),
    ("Officials reported two attacks on the convoy.", "attacks", False),
])
def test_a_nominal_event_denied_in_place_is_negated(nlp, text, noun, negated):
    (token,) = [t for t in nlp(text) if t.lower_ == noun]
    assert negated_noun(SimpleNamespace(noun=token, kind="noun", head=token.head)) is negated


@pytest.mark.parametrize("text, event, negated", [
    ("No country has offered aid to Somalia, officials said.", "AGREE", True),
    ("The spokesman offered no evidence for the claim.", "AGREE", True),
    ("Three countries offered aid to Somalia, officials said.", "AGREE", False),
    ("No government has condemned the coup in Niger.", "ACCUSE", True),
    ("France condemned the coup in Niger.", "ACCUSE", False),
])
def test_no_one_and_nothing_deny_the_event(code_text, text, event, negated):
    events = [e for e in code_text(HEADLINE + text).events if e.event == event]
    assert events and all(e.negated is negated for e in events)


def test_the_first_of_two_contrasted_nouns_stays_affirmed(code_text):
    article = code_text(HEADLINE + "“We launched an offensive, not an invasion,” the general said.")
    assert [(e.event, e.negated) for e in article.events] == [("ASSAULT", False)]


@pytest.mark.parametrize("text, status, event", [
    ("The Saudi foreign minister is expected to meet Iran's envoy in Beijing on Friday.", "expected", "CONSULT"),
    ("The Indian prime minister will visit Nepal on Friday.", "planned", "AGREE"),
    ("The Indian prime minister is likely to visit Nepal on Friday.", "expected", "CONSULT"),
    ("The Saudi foreign minister expects to meet Iran's envoy on Friday.", "planned", "CONSULT"),  # his own plan
    ("The foreign ministers are due to sign the treaty on Friday.", "planned", "SUPPORT"),
    ("Ethiopia and Eritrea signed a peace agreement in 2018.", "background", "AGREE"),  # settles a conflict
    ("Kenyan police arrested 20 protesters in Nairobi on Monday.", "happened", "COERCE"),
    ("Turkey hopes to sign a trade deal with Iraq next month.", "planned", "SUPPORT"),  # "hopes": lemma "hop"
])
def test_every_event_carries_its_status(code_text, text, status, event):
    events = coded(code_text(HEADLINE + text, published="2023-03-08"), event)  # a Wednesday
    assert [e.status for e in events] == [status]


@pytest.mark.parametrize("text", [
    "The Saudi foreign minister is expected to meet Iran's envoy in Beijing on Friday.",
    "The Indian prime minister will visit Nepal on Friday.",
    "The Indian prime minister is likely to visit Nepal on Friday.",
    "The foreign ministers are due to sign the treaty on Friday.",
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


@pytest.mark.parametrize("text, status, date", [
    # a date held by another event's noun is a reference point, not the event's own date
    ("The United States invaded Iraq in the wake of the September 11, 2001 attacks.", "background", None),
    ("Russia has shelled Ukrainian towns since the 2014 annexation of Crimea.", "happened", None),
    ("The insurgency that began in 2012 has killed thousands of civilians.", "happened", None),
    # the event's own date
    ("Russia invaded Ukraine in February 2022.", "background", "2022-02"),
    ("Gunmen attacked two journalists in Mogadishu on Monday.", "happened", "2023-03-06"),
])
def test_background_events_keep_their_own_date(code_text, text, status, date):
    (event,) = code_text(HEADLINE + text, published="2023-03-08").events
    assert (event.status, event.date) == (status, date)


@pytest.mark.parametrize("text", [
    "Militants attacked army positions near the border on Friday.",
    "Gunmen attacked the governor's office in Kano on Friday.",
    "Rebels launched an attack on government positions in the east on Friday.",
    "Soldiers fought the insurgents in the capital on Friday.",
])
def test_concrete_targets_stay_attacks(code_text, text):
    assert coded(code_text(HEADLINE + text), "ASSAULT")


def test_a_hedge_covers_the_verbs_coordinated_with_it(code_text):
    assert not coded(code_text(HEADLINE + "Journalists may be arrested and detained without charge."), "COERCE")
    assert coded(code_text(HEADLINE + "Police arrested and detained two journalists on Monday."), "COERCE")


@pytest.mark.parametrize("text, appeal", [
    # a verb of appeal whose clause states something reports an opinion
    ("Beijing insists it is committed to peace in the region.", False),
    ("Critics in Poland suggest Germany can't afford to rearm.", False),
    ("Beijing has hinted that it could retaliate with tariffs on German cars.", False),
    ("Officials in Hanoi hope foreign tourists will return next year.", False),
    # an appeal's clause says what should be done, or the verb names whom it addresses
    ("Germany insisted that Russia withdraw its troops from the border.", True),
    ("France suggested that Iran should release the two French researchers.", True),
    ("The Dutch foreign minister suggested the United States could close its embassy in Caracas.", True),
    ("Germany urged Russia to withdraw its troops from the border.", True),
])
def test_an_opinion_is_no_appeal(code_text, text, appeal):
    article = code_text(HEADLINE + text)
    assert bool(coded(article, "REQUEST")) is appeal


@pytest.mark.parametrize("text, event, coded_event", [
    # what someone hopes others will do has not happened; the same act told as done has
    ("The ambassador hopes Japan and India can coordinate their efforts against piracy.", "COOPERATE", False),
    ("Japan and India coordinated their efforts against piracy last month.", "COOPERATE", True),
    # what a law authorizes has not been done; the act itself is an attack
    ("In January China passed a law that authorizes firing on foreign vessels.", "ASSAULT", False),
    ("The Chinese coast guard fired on two Vietnamese fishing boats on Monday.", "ASSAULT", True),
])
def test_wished_and_permitted_acts_are_no_events(code_text, text, event, coded_event):
    assert bool(coded(code_text(HEADLINE + text), event)) is coded_event


@pytest.mark.parametrize("text, word, reason", [
    ("The ambassador hopes Japan and India can coordinate their efforts against piracy.", "coordinate", "wish"),
    ("In January China passed a law that authorizes firing on foreign vessels.", "firing", "permission"),
])
def test_the_reason_is_named(knowledge, text, word, reason):
    from heron.pipeline.events.triggers import sentence_triggers

    sent = next(iter(knowledge.nlp(text).sents))
    found = {g[0].head.lower_: not_an_event(g[0], sent, knowledge.eventness, False)
             for g in sentence_triggers(sent, knowledge.lexicon, knowledge.verbs)}
    assert found[word] == reason


@pytest.mark.parametrize("text, event, coded_event", [
    # making the means of an attack is no attack, and its aim is none either
    ("Authorities in Rabat said the cell was making remote-controlled bombs to carry out attacks in Morocco.",
     "ASSAULT", False),
    ("Prosecutors in Rabat say the men were building explosive devices to attack tourists in Marrakech.",
     "ASSAULT", False),
    ("Militants planted a roadside bomb in Kandahar on Monday.", "ASSAULT", True),
    # "turned out to be", "took X to court" are not the protest verbs
    ("The photographs turned out to be available online in Harare.", "PROTEST", False),
    ("The mother took the school in Blantyre to court and won.", "PROTEST", False),
    ("Thousands of opposition supporters turned out in Harare on Monday.", "PROTEST", True),
    # harm by a disaster or an abstract cause has no attacker, also across coordinated passives
    ("In Malawi their houses were either destroyed or submerged by floods.", "ASSAULT", False),
    ("In Kenya the economic slowdown has hurt.", "ASSAULT", False),
    ("In Kenya, militias destroyed 40 houses on Monday.", "ASSAULT", True),
])
def test_preparations_other_verbs_and_non_agents_are_no_events(code_text, text, event, coded_event):
    assert bool(coded(code_text(HEADLINE + text), event)) is coded_event


@pytest.mark.parametrize("text, event, coded_event", [
    # a standing stance told by the narrator in the simple present is no act of the news
    ("The separatist group also opposes Chinese investment in Pakistan.", "REJECT", False),
    ("Pakistan said it opposes Chinese investment in Balochistan.", "REJECT", True),
    ("Russia opposed the resolution of the UN Security Council on Monday.", "REJECT", True),
    # a question put to someone is no appeal
    ("The Kenyan prosecutor asked the defendant if he agreed with the charges.", "REQUEST", False),
    ("The Kenyan government asked Somalia to withdraw its troops.", "REQUEST", True),
])
def test_stances_and_questions_are_no_events(code_text, text, event, coded_event):
    assert bool(coded(code_text(HEADLINE + text), event)) is coded_event


def test_a_stance_in_the_headline_is_the_news(code_text):
    assert coded(code_text("Pakistan opposes Indian dam plan\n\nThe story follows."), "REJECT")


def test_a_request_for_comment_is_newsgathering(code_text):
    article = code_text(HEADLINE + "The Kenyan embassy did not reply to an email requesting comment from Kenya's army.")
    assert not [e for e in coded(article, "REQUEST") if e.rule.startswith("lexicon/")]


@pytest.mark.parametrize("text, event, coded_event", [
    # receiving a thing is no meeting; receiving a person is
    ("In Kabul the author received widespread praise from Afghan officials.", "CONSULT", False),
    ("Japan's prime minister received the Indian foreign minister in Tokyo.", "CONSULT", True),
    # pointing someone to a statement is no order; directing a body to act is
    ("Guatemala's embassy in Washington directed VOA to comments made by Guatemala's president.", "REQUEST", False),
    ("Guatemala's embassy in Washington directed VOA to comments made by Guatemala's president.", "CONSULT", False),
    ("The Kenyan president directed Somalia to close the camps.", "REQUEST", True),
])
def test_things_received_and_directions_are_no_events(code_text, text, event, coded_event):
    assert bool(coded(code_text(HEADLINE + text), event)) is coded_event


@pytest.mark.parametrize("text, event, coded_event", [
    # a publication released is no release of captives, also as a participle after its noun
    ("The report, released this month by the OECD in Paris, ranks Indonesia low.", "RETREAT", False),
    ("Hamas released three Israeli hostages in Gaza on Saturday.", "RETREAT", True),
    # a disease as the passive subject of a conflict verb is a figure of speech
    ("Politicians in Brussels said the coronavirus has been suppressed in France.", "COERCE", False),
    ("Protests in Minsk were suppressed by the police on Sunday.", "COERCE", True),
])
def test_publications_and_diseases_are_no_targets(code_text, text, event, coded_event):
    assert bool(coded(code_text(HEADLINE + text), event)) is coded_event


@pytest.mark.parametrize("text, coded_event", [
    ("\"Turkey officially cannot say we will renounce the Brotherhood's support,\" the adviser said.", False),
    ("Turkey said it will renounce the Brotherhood's support.", True),
])
def test_what_was_not_said_is_no_event(code_text, text, coded_event):
    assert bool(coded(code_text(HEADLINE + text), "REJECT")) is coded_event


@pytest.mark.parametrize("text, event", [
    ("Argentina beat France on penalties to win the World Cup.", "ASSAULT"),
    ("Nadal reached the final after beating Djokovic in four sets.", "ASSAULT"),
    ("The team launched an attack in the second half but failed to score.", "ASSAULT"),
    ("Chelsea crushed Leeds in the league on Sunday.", "ASSAULT"),
    ("Soldiers marched in a parade in Moscow on Victory Day.", "PROTEST"),
    ("The army staged a demonstration of its new guns near the border.", "PROTEST"),
])
def test_games_and_displays_are_no_violence_or_protest(code_text, text, event):
    assert event not in {e.event for e in code_text(HEADLINE + text).events}


@pytest.mark.parametrize("text, event", [
    ("Police beat fans with batons after the match in Cairo.", "ASSAULT"),
    ("Gunmen attacked the team bus before the match in Lahore.", "ASSAULT"),
    ("Nigerian troops beat back a Boko Haram attack on Monday.", "ASSAULT"),
    ("Thousands marched in Moscow on Saturday against the war.", "PROTEST"),
    ("Protesters marched during the ceremony to demand justice.", "PROTEST"),
    ("A demonstration of farmers blocked the highway in Paris.", "PROTEST"),
])
def test_violence_around_games_and_protests_at_ceremonies_stay(code_text, text, event):
    assert event in {e.event for e in code_text(HEADLINE + text).events}


@pytest.mark.parametrize("text", [
    "The government will arrest and prosecute the organisers of the march.",
    "The United States would revoke his visa and deport him to Syria.",
])
def test_a_bare_verb_after_and_shares_the_modal_of_the_first(code_text, text):
    assert all(e.status != "happened" for e in code_text(text).events)


@pytest.mark.parametrize("text", [
    "The government must release the detainees.",
    "The army should withdraw its troops from the town.",
])
def test_what_someone_must_do_with_no_one_asking_is_no_act(code_text, text):
    assert not code_text(text).events


def test_a_vow_of_revenge_is_a_threat(code_text):
    assert [e.event for e in code_text("Iran vowed revenge for the killing of its general.").events] == ["THREATEN"]


def test_a_necessity_told_in_the_past_was_met(code_text):
    assert "ASSAULT" in {e.event for e in code_text("Police had to fire five rounds to disperse the mob.").events}
