"""Agreements and territory: mutual acts between the sides of a conflict and changes of who holds a place.

The sentences are written for these tests from the ACLED sub-event definitions (agreement; government
regains territory; non-state actor overtakes territory; non-violent transfer of territory) and the
PLOVER modes, in active, passive, nominal and headline-like syntax. The convention they check is the
one docs/extending.md states under "Mutual acts": an accord reached, signed or taking effect between
two sides, and a prisoner exchange, is AGREE between them; what one side alone yields (a release, a
withdrawal, a handover, a unilateral ceasefire, a surrender) is RETREAT; taking or moving on a place
by armed force is ASSAULT.
"""
from __future__ import annotations

import pytest

from conftest import event_types as types


@pytest.mark.parametrize("text", [
    'Russia and Ukraine swapped 200 prisoners of war on Sunday.',
    'Armenia and Azerbaijan exchanged prisoners at the border.',
    'The army and the rebels exchanged the bodies of fallen fighters.',
    'Dozens of captives were exchanged by Israel and Hezbollah.',
    'A prisoner exchange between the army and the rebels took place in Idlib.',
    'The exchange of prisoners between Kyiv and Moscow took place on Friday.',
    'Ethiopia and Eritrea signed a peace agreement in Jeddah.',
    'A peace deal was signed by the government and the rebel alliance.',
    'Israel and Hamas reached a truce after eleven days of fighting.',
    'Armenia and Azerbaijan agreed to a ceasefire in Nagorno-Karabakh.',
    'A ceasefire between the militia and the army took effect at midnight.',
    'A truce between Israel and Hamas began on Friday morning.',
    'The ceasefire agreement between Sudan and South Sudan took effect on Monday.',
    'Colombia and the FARC rebels signed a ceasefire in Havana.',
    'The government and the rebels concluded a ceasefire agreement in Addis Ababa.',
    'The rebels and the army agreed on the evacuation of fighters from Aleppo.',
    'The Taliban and the United States inked a peace deal in Doha.',
    'A peace accord between Mozambique and Renamo was signed in Maputo.',
    'Syria and Turkey reached a ceasefire deal in Idlib.',
    'The cease-fire agreement between Sudan and South Sudan took effect on Monday.',
    'Ukraine and Russia traded prisoners on Saturday.',
    'A truce was agreed between the army and the rebels.',
    "Hundreds of prisoners were swapped between Yemen's government and the Houthis.",
    'The army and the militia agreed a truce in Tripoli.',
    "Sudan's army and the RSF signed a ceasefire in Jeddah.",
    'Israel and Hamas agreed to extend the truce by two days.',
])
def test_a_mutual_accord_or_exchange_is_agree(code_text, text):
    assert "AGREE" in types(code_text(text))


@pytest.mark.parametrize("text", [
    'Hamas released three Israeli hostages on Sunday.',
    'Thirty soldiers were freed by the rebels in Kidal.',
    'Forty Taliban insurgents surrendered to Afghan security forces in Kunduz.',
    'Hamas declared a unilateral ceasefire in Gaza.',
    'Russian troops withdrew from Kherson on Friday.',
    'Malian soldiers pulled out of their positions near Gao.',
    'The withdrawal of Turkish troops from the town was completed on Monday.',
    'Ethiopian forces retreated from the frontline village.',
    'The militia handed over the base to the Libyan army.',
    'The handover of the airport to Afghan forces took place on Sunday.',
    'The Houthi rebels vacated their positions in the port of Hodeidah.',
    'Syrian rebels abandoned their positions in Daraa on Tuesday.',
    'French troops handed control of the base to the Malian army.',
    'Russian troops vacated Kherson.',
    'The militia handed Sirte over to the army.',
    'Troops withdraw from border town',
    'The rebel commander surrendered with 200 fighters in Goma.',
    'US forces completed their withdrawal from Afghanistan.',
    'Ethiopian troops have pulled back from the border town of Humera.',
    'The army handed the town over to the peacekeepers.',
])
def test_what_one_side_yields_is_retreat(code_text, text):
    assert "RETREAT" in types(code_text(text))


@pytest.mark.parametrize("text", [
    'Syrian government troops recaptured the town from the rebels.',
    'The town was recaptured by Syrian government troops on Tuesday.',
    'Taliban insurgents seized the district headquarters in Ghazni.',
    'The district centre was seized by the Taliban after heavy fighting.',
    'Houthi rebels took control of the border crossing.',
    'The Iraqi army regained control of the oil field.',
    'Al-Shabaab militants overran an army base in Lower Shabelle.',
    'Syrian troops advanced on the rebel-held city of Idlib.',
    'Syrian government forces advanced toward the Tabqa air base.',
    'Iraqi forces pushed into the eastern suburbs of Mosul.',
    'Kurdish forces advanced into the Islamic State stronghold of Raqqa.',
    'Malian troops entered the town of Kidal after the rebels fled.',
    'Islamist fighters entered the village of Dibida on Monday.',
    'The Nigerian army completed the capture of the town from Boko Haram.',
    'Yemeni government forces seized back the port of Mokha.',
    'Ukrainian troops liberated three villages near Kharkiv.',
    'Houthi rebels took over the provincial capital.',
    'The recapture of the airport by Iraqi troops was announced on Monday.',
    'Syrian troops recaptured Palmyra on Sunday.',
    'Rebels seized Goma after heavy fighting.',
    'Malian troops entered Kidal on Monday.',
    'Palmyra was retaken by Syrian troops.',
    'Taliban fighters captured Kunduz.',
    'The army completed the liberation of Mosul.',
    'Syrian troops advanced to within five kilometres of the town.',
    'Rebels seize key town in eastern Congo',
    'Army retakes airport from militants',
    'The town was captured by rebels on Sunday.',
    'Government troops drove the militants out of the town.',
    'The militants were driven out of the town by Iraqi troops.',
    'Fighters loyal to the government have regained control of the city centre.',
    'ISIS militants have taken over large parts of the province.',
    'Houthi rebels have seized control of the presidential palace in Sanaa.',
    'Opposition fighters captured the town.',
    'The armed opposition seized the district.',
    'Kabul fell to the Taliban on Sunday.',
    'The town fell to the rebels after a week of fighting.',
])
def test_taking_or_moving_on_a_place_by_force_is_assault(code_text, text):
    assert "ASSAULT" in types(code_text(text))


@pytest.mark.parametrize("forbidden, text", [
    ({'ASSAULT', 'COERCE', 'PROTEST', 'RETREAT'}, 'The two companies signed a trade agreement in Beijing.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'Apple and Samsung reached a settlement in their patent dispute.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'The firm entered into talks with its creditors.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'Toyota entered the Chinese market last year.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'Nadal advanced to the final in Paris.'),
    ({'ASSAULT', 'COERCE', 'PROTEST', 'RETREAT'}, 'The senator withdrew his candidacy on Monday.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'The union and the employers reached a wage deal.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'Real Madrid captured the title with a late goal.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'The students exchanged gifts at the ceremony.'),
    ({'ASSAULT', 'COERCE', 'PROTEST', 'RETREAT'}, 'The bank withdrew its offer for the rival.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'Residents were evacuated from the flooded area.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'The Labour Party captured 40 percent of the vote.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'Microsoft took over its smaller rival.'),
    ({'ASSAULT', 'COERCE', 'PROTEST', 'RETREAT'}, 'The minister handed over the keys to the new building.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'Oil prices advanced two percent on Tuesday.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'Visitors entered the museum through the side door.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'The team retook the lead in the second half.'),
    ({'ASSAULT', 'COERCE', 'PROTEST', 'RETREAT'}, 'She withdrew cash from the bank in Lagos.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'The army football team advanced to the semi-final.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'Soldiers entered the stadium for the parade.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'Troops advanced to the next stage of the training course.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'The company completed the takeover of its rival.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'Storm surges overran the coastal town.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'Germany and France signed a cooperation agreement on energy.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'The Democrats captured Pennsylvania in the election.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'The Republicans won back Ohio.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'German tourists entered France by car.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'He entered Germany illegally.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'Prices fell to a record low.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'Pennsylvania fell to the Democrats.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'The task fell to the army.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'The rebels captured the town without a fight.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'The army took control of the city without firing a shot.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'The Chinese firm took control of the port of Piraeus.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'The company gained control of the oil field last year.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'The ruling party regained control of the province in the vote.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'Democrats took control of the county council.'),
    ({'ASSAULT', 'COERCE', 'PROTEST'}, 'The company completed its takeover of the port.'),
])
def test_business_sport_and_daily_life_stay_out(code_text, forbidden, text):
    assert not types(code_text(text)) & forbidden


@pytest.mark.parametrize("text, actor, recipient", [
    ("Russia and Ukraine swapped 200 prisoners of war on Sunday.", "RUS", "UKR"),
    ("Israel and Hamas reached a truce after eleven days of fighting.", "ISR", "PSE"),
    ("A truce between Israel and Hamas began on Friday morning.", "ISR", "PSE"),
])
def test_the_sides_of_a_mutual_act_are_actor_and_recipient(code_text, text, actor, recipient):
    (event,) = [e for e in code_text(text).events if e.event == "AGREE"]
    assert ({a.code for a in event.actor}, {r.code for r in event.recipient}) == ({actor}, {recipient})


def test_a_declared_ceasefire_stays_one_sided(code_text):
    # no second side named: the declaring side's RETREAT (CAMEO 0871), not an accord
    assert types(code_text("Hamas declared a unilateral ceasefire in Gaza.")) == {"RETREAT"}


def test_signing_a_trade_agreement_stays_support(code_text):
    (event,) = code_text("Germany and France signed a cooperation agreement on energy.").events
    assert (event.event, event.rule) == ("SUPPORT", "lexicon/support.yaml:sign:sign agreement")


def test_the_force_a_place_falls_to_is_the_actor(code_text):
    (event,) = code_text("Kabul fell to the Taliban on Sunday.").events
    assert event.event == "ASSAULT" and [(a.entity_text, a.sector) for a in event.actor] == [("Taliban", "REB")]
    assert [r.entity_text for r in event.recipient] == ["Kabul"]


@pytest.mark.parametrize("text", [
    'Syrian troops entered the town of Manbij without a fight.',
    'Turkish-backed fighters entered the village without resistance.',
    'Kabul fell to the Taliban without a fight.',
    'The Iraqi army retook the town from the militants without a fight.',
    'Malian soldiers entered the town of Kidal unopposed.',
    'Government troops entered the city peacefully after the rebels left.',
])
def test_a_place_taken_without_a_fight_is_yielded_not_fought_for(code_text, text):
    # ACLED's non-violent transfer of territory: its holder gave it up (RETREAT), no battle was fought
    found = types(code_text(text))
    assert "RETREAT" in found and "ASSAULT" not in found


def test_the_taker_of_a_yielded_place_is_its_recipient(code_text):
    (event,) = code_text("Kabul fell to the Taliban without a fight.").events
    assert event.event == "RETREAT" and event.mode == "withdraw" and event.rule.endswith("+unopposed")
    assert not event.actor and "Taliban" in [r.entity_text for r in event.recipient]


def test_the_side_a_place_was_taken_from_yielded_it(code_text):
    (event,) = code_text("The Iraqi army retook the town from the militants without a fight.").events
    assert [a.entity_text for a in event.actor] == ["militants"]
    assert "Iraqi army" in {r.entity_text for r in event.recipient}


@pytest.mark.parametrize("text, actor, recipient", [
    ("Qatar brokered a ceasefire between Israel and Hamas.", "ISR", "PSE"),
    ("Egypt mediated a truce between Israel and Hamas on Sunday.", "ISR", "PSE"),
    ("Turkey negotiated a ceasefire between Russia and Ukraine.", "RUS", "UKR"),
])
def test_an_accord_brokered_between_two_sides_is_their_agree(code_text, text, actor, recipient):
    (event,) = code_text(text).events
    assert event.event == "AGREE" and event.rule.startswith("lexicon/consult.yaml:broker-accord:")
    assert ({a.code for a in event.actor}, {r.code for r in event.recipient}) == ({actor}, {recipient})


def test_a_broker_with_no_sides_named_mediates(code_text):
    (event,) = code_text("Qatar brokered a deal on Monday.").events
    assert event.event == "CONSULT" and [a.code for a in event.actor] == ["QAT"]
