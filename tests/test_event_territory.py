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


def types(article):
    return {e.event for e in article.events}


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
])
def test_taking_or_moving_on_a_place_by_force_is_assault(code_text, text):
    assert "ASSAULT" in types(code_text(text))


@pytest.mark.parametrize("forbidden, text", [
    ({'PROTEST', 'RETREAT', 'ASSAULT', 'COERCE'}, 'The two companies signed a trade agreement in Beijing.'),
    ({'PROTEST', 'ASSAULT', 'COERCE'}, 'Apple and Samsung reached a settlement in their patent dispute.'),
    ({'PROTEST', 'ASSAULT', 'COERCE'}, 'The firm entered into talks with its creditors.'),
    ({'PROTEST', 'ASSAULT', 'COERCE'}, 'Toyota entered the Chinese market last year.'),
    ({'PROTEST', 'ASSAULT', 'COERCE'}, 'Nadal advanced to the final in Paris.'),
    ({'PROTEST', 'RETREAT', 'ASSAULT', 'COERCE'}, 'The senator withdrew his candidacy on Monday.'),
    ({'PROTEST', 'ASSAULT', 'COERCE'}, 'The union and the employers reached a wage deal.'),
    ({'PROTEST', 'ASSAULT', 'COERCE'}, 'Real Madrid captured the title with a late goal.'),
    ({'PROTEST', 'ASSAULT', 'COERCE'}, 'The students exchanged gifts at the ceremony.'),
    ({'PROTEST', 'RETREAT', 'ASSAULT', 'COERCE'}, 'The bank withdrew its offer for the rival.'),
    ({'PROTEST', 'ASSAULT', 'COERCE'}, 'Residents were evacuated from the flooded area.'),
    ({'PROTEST', 'ASSAULT', 'COERCE'}, 'The Labour Party captured 40 percent of the vote.'),
    ({'PROTEST', 'ASSAULT', 'COERCE'}, 'Microsoft took over its smaller rival.'),
    ({'PROTEST', 'RETREAT', 'ASSAULT', 'COERCE'}, 'The minister handed over the keys to the new building.'),
    ({'PROTEST', 'ASSAULT', 'COERCE'}, 'Oil prices advanced two percent on Tuesday.'),
    ({'PROTEST', 'ASSAULT', 'COERCE'}, 'Visitors entered the museum through the side door.'),
    ({'PROTEST', 'ASSAULT', 'COERCE'}, 'The team retook the lead in the second half.'),
    ({'PROTEST', 'RETREAT', 'ASSAULT', 'COERCE'}, 'She withdrew cash from the bank in Lagos.'),
    ({'PROTEST', 'ASSAULT', 'COERCE'}, 'The army football team advanced to the semi-final.'),
    ({'PROTEST', 'ASSAULT', 'COERCE'}, 'Soldiers entered the stadium for the parade.'),
    ({'PROTEST', 'ASSAULT', 'COERCE'}, 'Troops advanced to the next stage of the training course.'),
    ({'PROTEST', 'ASSAULT', 'COERCE'}, 'The company completed the takeover of its rival.'),
    ({'PROTEST', 'ASSAULT', 'COERCE'}, 'Storm surges overran the coastal town.'),
    ({'PROTEST', 'ASSAULT', 'COERCE'}, 'Germany and France signed a cooperation agreement on energy.'),
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
