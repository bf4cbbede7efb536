"""The events stage: lexicon triggers, roles, modality, reported speech, and the seed article."""
from __future__ import annotations

import pytest

from heron.errors import DataFileError
from heron.pipeline.events.lexicon import TYPES


def events_of(article, event_type=None):
    return [e for e in article.events if event_type is None or e.event == event_type]


def codes(side):
    return {p.code for p in side if p.code}


# --- the lexicon --------------------------------------------------------------------------

def test_lexicon_has_every_plover_type(knowledge):
    lexicon = knowledge.lexicon
    assert set(lexicon.types) == set(TYPES)
    assert lexicon.light["agentive"] and lexicon.light["undergoing"]


def test_every_lexicon_entry_names_its_file_and_id(knowledge):
    lexicon = knowledge.lexicon
    entries = [e for table in (lexicon.verbs, lexicon.nouns, lexicon.phrases) for rows in table.values() for _, e in rows]
    assert entries
    for entry in entries:
        assert entry.rule("x").startswith(f"lexicon/{entry.event.lower()}.yaml:{entry.id}:")


def test_malformed_entry_is_a_data_file_error():
    from heron.pipeline.events.lexicon import _entry

    with pytest.raises(DataFileError, match="needs an id"):
        _entry({"verbs": ["attack"]}, "ASSAULT", "assault.yaml", "18")
    with pytest.raises(DataFileError, match="unknown keys"):
        _entry({"id": "x", "verbz": ["attack"]}, "ASSAULT", "assault.yaml", "18")


# --- one sentence per event type ------------------------------------------------------------

TYPE_CASES = [
    ("Turkey agreed on Monday to a new trade accord with Greece.", "AGREE"),
    ("The foreign ministers of France and Germany held talks in Paris on Tuesday.", "CONSULT"),
    ("The Japanese prime minister visited Australia last week.", "CONSULT"),
    ("Brazil praised Argentina for its handling of the border dispute.", "SUPPORT"),
    ("Kenya signed a defence treaty with Uganda on Friday.", "SUPPORT"),
    ("The Sudanese government lifted the curfew in Khartoum on Sunday.", "CONCEDE"),
    ("Norway shared intelligence with Sweden about the smuggling network.", "COOPERATE"),
    ("Germany sent 50 tonnes of medicine to Syria on Thursday.", "AID"),
    ("The Ethiopian army withdrew from the disputed town on Saturday.", "RETREAT"),
    ("Pakistan released 30 Indian fishermen on Wednesday.", "RETREAT"),
    ("Mexico urged the United States to reopen the border crossings.", "REQUEST"),
    ("China accused Japan of violating its airspace.", "ACCUSE"),
    ("Iran rejected the proposal from France.", "REJECT"),
    ("Russia threatened to cut gas supplies to Ukraine.", "THREATEN"),
    ("Thousands of Chilean students protested in Santiago on Thursday.", "PROTEST"),
    ("The European Union imposed sanctions on Venezuela on Monday.", "SANCTION"),
    ("Serbia expelled two Croatian diplomats on Friday.", "SANCTION"),
    ("India deployed troops along the border with China.", "MOBILIZE"),
    ("Police in Egypt arrested 40 opposition activists on Sunday.", "COERCE"),
    ("Israeli aircraft bombed targets in Gaza overnight.", "ASSAULT"),
    ("Gunmen killed five Nigerian soldiers in an ambush on Tuesday.", "ASSAULT"),
]


@pytest.mark.parametrize("text,event_type", TYPE_CASES)
def test_sentence_codes_its_event_type(code_text, text, event_type):
    article = code_text(text)
    assert [e.event for e in article.events] == [event_type], [(e.event, e.rule) for e in article.events]
    event = article.events[0]
    assert event.rule.startswith("lexicon/") and event.event_text
    assert event.start <= article.text.find(event.event_text.split()[0]) < event.end


# --- roles: subject, object, passive, nominal, conjunction ---------------------------------

def test_active_subject_is_actor_and_object_is_recipient(code_text):
    event = events_of(code_text("Russia attacked Ukraine on Monday."), "ASSAULT")[0]
    assert codes(event.actor) == {"RUS"} and codes(event.recipient) == {"UKR"}


def test_passive_by_phrase_is_actor_and_subject_is_recipient(code_text):
    event = events_of(code_text("Georgian opposition leaders were arrested by Russian police."), "COERCE")[0]
    assert "RUS" in codes(event.actor) and "GEO" in codes(event.recipient)


@pytest.mark.parametrize("text,event_type,actor,recipient", [
    ("Japan imposed sanctions on North Korea on Friday.", "SANCTION", "JPN", "PRK"),
    ("Iran came under the sanctions of the United States.", "SANCTION", "USA", "IRN"),
    ("Turkey launched an air strike on Syria on Sunday.", "ASSAULT", "TUR", "SYR"),
    ("Spain held talks with Morocco in Madrid.", "CONSULT", "ESP", "MAR"),
    ("Mexico imposed tariffs on $5 billion of Chinese imports.", "SANCTION", "MEX", "CHN"),
    ("Australia retaliated with tariffs on Indian steel.", "SANCTION", "AUS", "IND"),
    ("Norway lifted tariffs on Chilean salmon.", "RETREAT", "NOR", "CHL"),
    ("Kenya refused to attend the ICJ hearing.", "REJECT", "KEN", "IGO"),
    ("Peru declined to meet with the Bolivian delegation.", "REJECT", "PER", "BOL"),
    ("Uganda refused to attend a hearing by the African Union's court.", "REJECT", "UGA", "IGO"),
    ("Jordan complained to the United Nations over Syrian shelling.", "ACCUSE", "JOR", "SYR"),
    ("Armenia withdrew its troops from Azerbaijan.", "RETREAT", "ARM", "AZE"),
    ("Serbia said it was ready to accept the EU mediation proposal.", "AGREE", "SRB", "IGO"),
    ("Hamas accepted Egypt's proposal on Sunday.", "AGREE", "PSE", "EGY"),
    ("The Turkish air strike hit Gaza.", "ASSAULT", "TUR", "PSE"),
    ("Turkish jets struck Aleppo on Monday.", "ASSAULT", "TUR", "SYR"),
    ("Blinken credited Qatar for its mediation.", "SUPPORT", "USA", "QAT"),
])
def test_who_does_what_to_whom(code_text, text, event_type, actor, recipient):
    """Nominal events with light verbs, trade barriers, refusals, complaints, withdrawals and
    the owner of an object or target of a strike as the recipient."""
    event = events_of(code_text(text), event_type)[0]
    assert actor in codes(event.actor) and recipient in codes(event.recipient)
    assert event.rule.split(":")[0] == f"lexicon/{event_type.lower()}.yaml"


def test_conjoined_recipients_are_kept_as_a_list(code_text):
    event = events_of(code_text("Canada imposed sanctions on Russia and Belarus."), "SANCTION")[0]
    assert {"RUS", "BLR"} <= codes(event.recipient) and len(event.recipient) >= 2


def test_conjoined_actors_of_a_meeting_meet_each_other(code_text):
    event = events_of(code_text("Egypt and Jordan held talks in Cairo on Monday."), "CONSULT")[0]
    assert codes(event.actor) | codes(event.recipient) == {"EGY", "JOR"}
    assert codes(event.actor).isdisjoint(codes(event.recipient))


# --- modality, negation, reported speech -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Japan is ready to support Indonesia's infrastructure projects.",
    "Japan promised to provide aid to Indonesia.",
    "Japan will provide aid to Indonesia next year.",
])
def test_intent_to_cooperate_is_agree(code_text, text):
    article = code_text(text)
    assert [e.event for e in article.events] == ["AGREE"]
    assert "+intent" in article.events[0].rule or "promise" in article.events[0].rule


def test_intent_to_harm_is_threaten(code_text):
    article = code_text("North Korea vowed to attack South Korea.")
    assert [e.event for e in article.events] == ["THREATEN"]


def test_refusal_is_reject_and_declined_cooperation_is_reject(code_text):
    assert [e.event for e in code_text("Poland refused to meet the Russian delegation.").events] == ["REJECT"]
    assert [e.event for e in code_text("Hungary will not support the Ukrainian proposal.").events] == ["REJECT"]


def test_negated_event_is_kept_and_marked(code_text):
    events = code_text("Egypt did not agree to the Ethiopian dam plan.").events
    assert [(e.event, e.negated) for e in events] == [("AGREE", True)]


def test_reported_event_is_asserted_by_the_speaker(code_text):
    article = code_text("Putin noted that Russia is ready to support Belarusian industry.")
    (event,) = article.events
    assert event.event == "AGREE" and event.asserted_by is not None and "Putin" in event.asserted_by.text


def test_reporting_verb_alone_is_no_event_and_opinions_code_nothing(code_text):
    assert code_text("The minister said the economy was growing faster than expected.").events == []
    assert code_text("The weather in Geneva was cold on Monday.").events == []


def test_obligation_in_reported_speech_is_a_request(code_text):
    events = code_text("France said on Monday that Iran must release the detained journalists.").events
    assert [e.event for e in events] == ["REQUEST"]
    assert codes(events[0].actor) == {"FRA"} and codes(events[0].recipient) == {"IRN"}


def test_hedged_and_relative_clause_events_code_nothing(code_text):
    assert code_text("Analysts said Russia might attack Moldova.").events == []
    events = code_text("Italy criticised Libya, where 30 migrants were killed last week.").events
    assert [e.event for e in events] == ["ACCUSE"]


def test_disasters_are_not_actors(code_text):
    assert code_text("Floods killed 40 people in Bangladesh on Sunday.").events == []


def test_event_fields_follow_the_contract(code_text):
    article = code_text("Russia attacked Ukraine on Monday.")
    event = article.events[0]
    assert event.id.startswith(article.id) and event.quad_code == 4 and event.cameo.startswith("1")
    assert isinstance(event.goldstein, float) and 0 < event.confidence <= 1
    assert event.text == article.text[event.start:event.end]


# --- the seed article ---------------------------------------------------------------------

def _find(article, event_type, word):
    found = [e for e in article.events if e.event == event_type and word in e.event_text]
    assert found, [(e.event, e.event_text) for e in article.events]
    return found[0]


def test_seed_talks_are_consult_between_russia_and_belarus(seed_article):
    event = _find(seed_article, "CONSULT", "talks")
    assert codes(event.actor) | codes(event.recipient) == {"RUS", "BLR"}


def test_seed_invitation_is_request_from_belarus_to_russia(seed_article):
    event = _find(seed_article, "REQUEST", "invited")
    assert codes(event.actor) == {"BLR"} and codes(event.recipient) == {"RUS"}


def test_seed_approval_promise_and_agreement(seed_article):
    _find(seed_article, "SUPPORT", "approved")
    promise = _find(seed_article, "AGREE", "promised")
    assert "economic" in promise.context
    _find(seed_article, "AGREE", "agreed")


def test_seed_sanctions_of_the_west_on_russia_and_belarus(seed_article):
    event = _find(seed_article, "SANCTION", "sanctions")
    assert codes(event.actor) & {"IGO", "WST"} and codes(event.recipient) == {"RUS", "BLR"}


def test_seed_illegal_sanctions_is_accuse(seed_article):
    event = _find(seed_article, "ACCUSE", "called")
    assert {"RUS", "BLR"} <= codes(event.actor)


def test_seed_readiness_to_support_is_agree_asserted_by_putin(seed_article):
    event = _find(seed_article, "AGREE", "ready")
    assert codes(event.actor) == {"RUS"} and event.asserted_by is not None
    actor = seed_article.actor_by_id(event.asserted_by.actor)
    assert actor is not None and "Putin" in actor.name


def test_seed_has_few_extras(seed_article):
    assert len(seed_article.events) <= 12
    assert not any(p.stage == "events" for p in seed_article.problems)


def test_no_pattern_is_claimed_twice_without_a_constraint_to_choose(knowledge):
    """Two entries with the same pattern must differ by a constraint (objects, light verbs, ...)."""
    lexicon = knowledge.lexicon
    for table in (lexicon.verbs, lexicon.nouns, lexicon.phrases):
        for key, rows in table.items():
            plain = [(words, e.id) for words, e in rows
                     if not (e.objects or e.predicates or e.subjects or e.needs_complement or e.light)]
            assert len(plain) == len(set(w for w, _ in plain)), (key, plain)


def test_according_to_and_quoted_speech_name_who_asserts_the_event(code_text):
    (event,) = code_text("According to Kenyan police, gunmen killed five people in Mandera on Sunday.").events
    assert event.event == "ASSAULT" and "police" in event.asserted_by.text
    (event,) = code_text('"We will send tanks to Ukraine," the German chancellor said on Monday.').events
    assert event.event == "AGREE" and codes(event.actor) == {"DEU"} and event.asserted_by is not None


def test_violence_by_protesters_is_a_violent_protest(code_text):
    (event,) = code_text("Protesters clashed with police in Nairobi on Tuesday.").events
    assert (event.event, event.mode, event.cameo) == ("PROTEST", "riot", "145")
    assert event.rule.endswith("+riot")


def test_missing_target_is_the_state_of_the_place(code_text):
    (event,) = code_text("Hamas threatened on Monday to resume attacks in Israel.").events
    assert event.event == "THREATEN" and "ISR" in codes(event.recipient)
    assert "+recipient=location" in event.rule


@pytest.mark.parametrize("text, place", [
    ("The European Union imposed sanctions on Russia after Moscow recognised the separatist regions in Ukraine.", None),
    ("Hamas threatened on Monday to resume attacks in Israel.", "Israel"),
    ("Russian and Belarusian officials held talks in Minsk on Friday.", "Minsk"),
])
def test_a_place_in_a_side_clause_is_not_the_event_place(code_text, text, place):
    event = code_text(text).events[0]
    assert (event.location.text if event.location else None) == place


@pytest.mark.parametrize("text", [
    "Moscow announced deeper integration with Minsk on Tuesday.",
    "Serbia proposed closer ties with Hungary.",
])
def test_announcing_closer_relations_is_intent_to_cooperate(code_text, text):
    (event,) = code_text(text).events
    assert event.event == "AGREE" and event.rule.startswith("lexicon/agree.yaml:announce-cooperation")
    assert codes(event.recipient)


@pytest.mark.parametrize("text,event_type,rule", [
    ("Nigeria activated its standby force on Monday.", "MOBILIZE", "mobilize.yaml:reinforce:activate force"),
    ("Taiwan called up 20,000 reservists.", "MOBILIZE", "mobilize.yaml:reinforce:call up reservist"),
    ("Ghana's president called the ruling baseless.", "ACCUSE", "accuse.yaml:call-illegal:call"),
])
def test_mobilisation_and_criticism_phrases(code_text, text, event_type, rule):
    (event,) = events_of(code_text(text), event_type)
    assert event.rule.startswith(f"lexicon/{rule}")


@pytest.mark.parametrize("text, meets", [
    ("NATO defence ministers met in Brussels on Thursday.", True),
    ("SADC leaders held talks in Harare.", True),
    ("Officials met on Monday.", False),  # no coded body: nobody to code
    ("Putin met in Sochi.", False),  # one person meets nobody
])
def test_a_plural_body_meeting_among_itself_is_consult_with_itself(code_text, text, meets):
    found = events_of(code_text(text), "CONSULT")
    assert bool(found) == meets
    if meets:
        assert codes(found[0].actor) == codes(found[0].recipient) == {"IGO"}


def test_a_nested_phrase_in_an_agreed_complement_is_no_recipient(code_text):
    (event,) = events_of(code_text("Chile and Peru agreed to keep the price of Bolivian gas unchanged."), "AGREE")
    assert codes(event.actor) == {"CHL"} and codes(event.recipient) == {"PER"}


def test_a_date_after_the_verb_is_no_particle(code_text):
    (event,) = events_of(code_text("Chile and Peru agreed on Tuesday to extend the truce."), "AGREE")
    assert event.rule == "lexicon/agree.yaml:agree:agree" and "Tuesday" not in event.event_text


@pytest.mark.parametrize("text, expected", [
    ("Mexico imposed tariffs on Chinese steel, while Canada imposed tariffs on Chinese aluminium.",
     [("SANCTION", "MEX"), ("SANCTION", "CAN")]),
    ("While Kenya welcomed the deal, Somalia rejected it.", [("SUPPORT", "KEN"), ("REJECT", "SOM")]),
])
def test_a_contrastive_clause_reports_an_event_of_its_own(code_text, text, expected):
    found = [(e.event, code) for e in code_text(text).events for code in codes(e.actor)]
    assert all(pair in found for pair in expected)


@pytest.mark.parametrize("text, actor", [
    ("NATO member Turkey held talks with Sweden on Monday.", {"TUR"}),
    ("EU member Hungary blocked the sanctions against Russia.", {"HUN"}),
])
def test_a_descriptor_before_a_named_actor_is_no_participant(code_text, text, actor):
    event = code_text(text).events[0]
    assert codes(event.actor) == actor


def test_part_of_an_object_stands_for_the_whole(code_text):
    (event,) = events_of(code_text("Japan suspended part of its aid program for Myanmar."), "SANCTION")
    assert codes(event.actor) == {"JPN"} and event.rule.endswith("suspend program")


@pytest.mark.parametrize("text, coded", [
    ("Police in Lagos caught a gang of car thieves on Monday.", False),  # police and criminals alone
    ("Police in Lagos arrested three opposition lawmakers on Monday.", True),
    ("Police in Lagos arrested a gang of car thieves and two opposition lawmakers on Monday.", True),
    ("Police in Lagos arrested three men and seized contraband on Monday.", False),  # ordinary crime named
])
def test_policing_crime_is_no_coercion(code_text, text, coded):
    article = code_text(text, "2024-05-07")
    assert any(e.event == "COERCE" for e in article.events) is coded


@pytest.mark.parametrize("text, event_type, entry", [
    ("The Kenyan government reversed its decision to raise fuel prices.", "CONCEDE", "reverse-course"),
    ("The Malawian government withdrew the bill after a week of protests.", "CONCEDE", "reverse-course"),
    ("The Sudanese army handed power to a civilian government.", "CONCEDE", "yield-power"),
    ("The United States and South Korea conducted joint military drills.", "COOPERATE", "military-cooperation"),
])
def test_concessions_and_cooperation_in_their_other_forms(code_text, text, event_type, entry):
    rules = [e.rule for e in code_text(text).events if e.event == event_type]
    assert any(f":{entry}:" in rule for rule in rules), rules


@pytest.mark.parametrize("text", [
    "The appeals court reversed its decision on the case.",
    "The power company restored power to the city.",
])
def test_courts_and_power_cuts_concede_nothing(code_text, text):
    assert "CONCEDE" not in {e.event for e in code_text(text).events}


@pytest.mark.parametrize("text, event_type, actor, recipient", [
    ("Russian banks were hit with new sanctions by the European Union.", "SANCTION", "IGO", "RUS"),
    ("The European Union hit Russian banks with new sanctions.", "SANCTION", "IGO", "RUS"),
    ("Washington slapped Beijing with new tariffs.", "SANCTION", "USA", "CHN"),
    ("The UN refugee agency distributed blankets to displaced families in Syria.", "AID", "IGO", "SYR"),
    ("Japan dispatched medical supplies to Turkey.", "AID", "JPN", "TUR"),
])
def test_sanctions_dealt_with_and_aid_handed_out(code_text, text, event_type, actor, recipient):
    events = [e for e in code_text(text).events if e.event == event_type]
    assert [({a.code for a in e.actor}, {r.code for r in e.recipient}) for e in events] == [({actor}, {recipient})]


def test_aid_that_arrived_took_place_where_it_arrived(code_text):
    (event,) = code_text("A shipment of humanitarian aid from Turkey arrived in Gaza.").events
    assert (event.event, [a.code for a in event.actor], [r.code for r in event.recipient]) == ("AID", ["TUR"], ["PSE"])


@pytest.mark.parametrize("text, recipient", [
    ("New US tariffs on Canadian steel took effect on Wednesday.", "CAN"),
    ("The sanctions on Iranian oil came into force on Monday.", "IRN"),
])
def test_sanctions_that_took_effect_took_place(code_text, text, recipient):
    events = [e for e in code_text(text).events if e.event == "SANCTION"]
    assert [[r.code for r in e.recipient] for e in events] == [[recipient]]


@pytest.mark.parametrize("text, event_type", [
    ("China sent warships to the disputed waters.", "MOBILIZE"),
    ("The United States sent 3,000 soldiers to Poland.", "MOBILIZE"),
    ("Germany sent tanks to Ukraine.", "AID"),
])
def test_own_forces_sent_are_mobilized_weapons_sent_abroad_are_aid(code_text, text, event_type):
    assert event_type in {e.event for e in code_text(text).events}
