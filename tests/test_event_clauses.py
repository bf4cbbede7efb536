"""Events inside subordinate clauses and prepositional event phrases (eventness / stage).

An event a news sentence tells as fact in a relative clause ("Idlib, where forces shelled
towns"), a time or cause clause ("after gunmen stormed the hotel", "as police fired tear gas"),
a participle ("having seized the town", ", killing three") or as the time of another event
("died during a demonstration", "fled amid clashes") is coded beside the main clause's event.
Hypotheticals, purposes, conditions, questions, reported claims and incidents presupposed as
the cause of the news ("after an airstrike") are not. All sentences are invented for these tests.
"""
from __future__ import annotations

import pytest

from conftest import counted_types


@pytest.mark.parametrize("event, text", [
    ("PROTEST", "In Portland, where thousands marched on Saturday, some protesters smashed store windows."),
    ("PROTEST", "The square in which hundreds of students demonstrated last week was reopened on Monday."),
    ("ASSAULT", "The militants, who stormed an army base in Borno on Monday, released a video on Tuesday."),
    ("ASSAULT", "Villagers fled Idlib, where Syrian government forces shelled several towns overnight."),
    ("ASSAULT", "The Taliban fighters who attacked a police checkpoint in Kunduz escaped into the hills."),
    ("PROTEST", "The nurses, who went on strike in Lagos last week, returned to work on Friday."),
    ("ASSAULT", "The village, which rebels burned on Sunday, lies 20 kilometres from Goma."),
    ("COERCE", "The journalist, whom police arrested in Cairo on Tuesday, appeared in court on Thursday."),
    ("ASSAULT", "After gunmen stormed a hotel in Mogadishu, residents fled the area."),
    ("COERCE", "As police fired tear gas at the crowd, people ran into side streets."),
    ("ASSAULT", "While rebels shelled the town, residents hid in basements."),
    ("COERCE", "When soldiers opened fire on the march, dozens of people were wounded."),
    ("PROTEST", "Shops closed early after thousands of demonstrators marched through central Nairobi."),
    ("ASSAULT", "Residents fled the area after militants attacked a military convoy near Gao."),
    ("ASSAULT", "Traffic stopped in the city center after the army bombed a rebel compound."),
    ("ASSAULT", "Hundreds of families left the valley because insurgents attacked their villages."),
    ("ASSAULT", "A suicide bomber blew himself up at a checkpoint in Kabul on Monday, killing three police officers."),
    ("ASSAULT", "A car bomb exploded outside a police station in Mosul, killing four officers."),
    ("ASSAULT", "Fighters loyal to the general reached the airport on Sunday, killing two civilians."),
    ("ASSAULT", "Having stormed the prison, the militants freed 200 inmates."),
    ("ASSAULT", "Militants raided a village in Zamfara state overnight, leaving ten people dead."),
    ("ASSAULT", "Gunmen opened fire on a bus in Kenya, killing six passengers."),
    ("PROTEST", "Chanting slogans against the government, hundreds of students marched to the ministry in Dhaka."),
    ("PROTEST", "Four protesters died from gunfire during a demonstration outside the embassy."),
    ("PROTEST", "Two police officers were injured during a protest in front of parliament in Dhaka."),
    ("ASSAULT", "Dozens of civilians fled amid clashes between the army and rebels in Darfur."),
    ("ASSAULT", "Three soldiers were wounded in an attack on their convoy in northern Mali."),
    ("ASSAULT", "A mosque was destroyed in an airstrike in Idlib province on Tuesday."),
    ("ASSAULT", "Two civilians died in shelling by Russian forces in the Kharkiv region."),
    ("PROTEST", "Shops were looted during riots in Johannesburg on Monday."),
    ("ASSAULT", "Gunmen stormed the building and set it on fire."),
    ("COERCE", "Soldiers surrounded the village and arrested 20 men."),
    ("ASSAULT", "Rebels entered the town on Friday and killed five civilians."),
    ("PROTEST", "Students occupied the campus on Monday and marched to parliament."),
    ("ASSAULT", "The militants, who stormed an army base on Monday, were arrested by police on Tuesday."),
    ("ASSAULT", "Nigeria's president visited Maiduguri, where Boko Haram fighters killed 30 villagers last week."),
    ("ASSAULT", "The United Nations condemned Israel after Israeli jets bombed a school in Gaza."),
    ("ASSAULT", "After gunmen stormed a hotel in Mogadishu, security forces arrested five suspects."),
    ("COERCE", "As police fired tear gas at the crowd, protesters threw stones at officers."),
    ("PROTEST", "Police arrested 40 people after thousands of demonstrators marched through central Nairobi."),
    ("PROTEST", "The government imposed a curfew in Lagos after protesters blocked the main roads."),
    ("ASSAULT", "The army deployed extra troops to Kidal after rebels attacked a convoy there."),
    ("ASSAULT", "Mali's government declared three days of mourning after jihadists killed 40 soldiers in Boulkessi."),
    ("PROTEST", "Police detained dozens of people in Minsk, where thousands protested against the election result."),
    ("ASSAULT", "Kenya closed its border with Somalia, from where al-Shabab fighters launched several raids."),
    ("ASSAULT", "The rebels, who seized the town of Bunagana in June, met government envoys in Nairobi."),
    ("ASSAULT", "Turkish forces shelled Kurdish positions in northern Syria on Monday, wounding four fighters."),
    ("ASSAULT", "Having shelled the town for a week, Russian troops entered Avdiivka on Saturday."),
    ("PROTEST", "Police fired tear gas during a protest by opposition supporters in Kinshasa."),
    ("ASSAULT", "Police arrested three men amid clashes between rival groups in Jos."),
    ("PROTEST", "Police arrested 12 people during a march by students in Algiers."),
    ("ASSAULT", "The United Nations suspended aid deliveries in Tigray after militia fighters looted a warehouse."),
    ("ASSAULT", "The town of Kobani, which was shelled by Turkish forces on Monday, received aid from the United Nations on Tuesday."),
    ("ASSAULT", "The convoy attacked by militants near Gao was carrying food, the United Nations said on Friday."),
    ("ASSAULT", "Once the rebels had captured the airport, they attacked the presidential palace."),
    ("ASSAULT", "Because Houthi rebels fired missiles at Riyadh, Saudi Arabia closed its airspace."),
    ("COERCE", "Since police arrested the opposition leader on Sunday, his supporters have blocked roads in Dakar."),
    ("ASSAULT", "Israeli jets struck targets in Gaza overnight, destroying a weapons depot."),
    ("ASSAULT", "Militants ambushed an army patrol in Niger, leaving 17 soldiers dead."),
    ("ASSAULT", "Having captured the border crossing, the rebels imposed a curfew on the town."),
    ("PROTEST", "After storming the parliament building, protesters set fire to the speaker's office."),
    ("COERCE", "The opposition condemned the government after police detained 30 activists in Harare."),
    ("PROTEST", "Police used water cannon amid protests against fuel prices in Accra."),
    ("ASSAULT", "Residents fled amid heavy fighting between the army and Islamist militants in the city."),
    ("ASSAULT", "Two civilians were killed amid shelling by Russian forces in Kherson."),
    ("COERCE", "Dozens of journalists were injured during a crackdown by security forces in Khartoum."),
    ("PROTEST", "A police officer was stabbed during a riot in Paris on Saturday."),
    ("ASSAULT", "Soldiers opened fire and killed two protesters in Yangon."),
    ("ASSAULT", "Rebels attacked the base, seized weapons and killed four guards."),
])
def test_an_event_told_in_a_subordinate_clause_is_coded(code_text, event, text):
    assert event in counted_types(code_text(text))


@pytest.mark.parametrize("event, text", [
    ("ASSAULT", "The government deployed troops to the border to prevent attacks by militants."),
    ("ASSAULT", "If rebels attack the town, the army will respond."),
    ("ASSAULT", "Residents fear that militants could storm the town before the election."),
    ("PROTEST", "Unions threatened to strike if the government raises fuel prices."),
    ("ASSAULT", "The police, who are trained to handle riots, patrolled the streets."),
    ("ASSAULT", "Did soldiers open fire on the crowd in the capital?"),
    ("ASSAULT", "The storm killed three people, leaving thousands without power."),
    ("ASSAULT", "The flood destroyed the bridge after heavy rain hit the region."),
    (None, "The festival, where thousands danced in the streets, ended on Sunday."),
    ("ASSAULT", "After the match, fans celebrated in the streets of Madrid."),
    ("PROTEST", "The marathon, in which thousands ran through the city, was held on Sunday."),
    ("ASSAULT", "Anyone who attacks a police officer will face prison."),
    ("ASSAULT", "Amid fears of an attack, the embassy closed its doors."),
    ("ASSAULT", "The army is preparing an offensive to retake the city."),
    ("ASSAULT", "The minister, who fought a long battle against corruption, resigned on Monday."),
    ("ASSAULT", "After a car crash on the highway killed four people, police closed the road."),
    ("ASSAULT", "The rebels called for a ceasefire to prevent further attacks."),
    ("PROTEST", "The workers accepted the new contract without a strike."),
    ("ASSAULT", "The government built shelters to protect residents from airstrikes."),
    ("ASSAULT", "Officials discussed how to stop attacks on aid convoys."),
    ("ASSAULT", "Residents asked whether rebels had shelled the town."),
    ("ASSAULT", "Unless the army withdraws, the rebels will attack the base."),
    ("ASSAULT", "The fire spread quickly, killing two firefighters."),
    ("ASSAULT", "The earthquake struck on Monday, leaving 40 people dead."),
    ("ASSAULT", "The army deployed troops to Kidal to stop rebels who might attack the town."),
    ("ASSAULT", "The government said it would punish anyone who attacked the police."),
    ("ASSAULT", "The United Nations condemned Israel, saying the strike could amount to a war crime."),
    ("ASSAULT", "Police patrolled the streets to prevent clashes between rival groups."),
    ("ASSAULT", "The minister visited the region, which has suffered from drought for years."),
    ("PROTEST", "Shops will close during a protest planned for Monday."),
    ("PROTEST", "The embassy could stay closed during the march on Friday."),
    ("ASSAULT", "Amid fears of clashes, shops in the city center closed early."),
    ("ASSAULT", "Barcelona scored twice after a quick attack down the left wing."),
    ("ASSAULT", "Shares fell sharply amid a fierce attack on the budget by opposition lawmakers."),
    ("ASSAULT", "The band played for an hour after the rally ended."),
    (None, "Prices rose after a drought cut the harvest."),
    ("ASSAULT", "The rebels said they would withdraw after a ceasefire is signed."),
    ("ASSAULT", "Police in Lagos arrested 12 men suspected of attacking a police station."),
    ("ASSAULT", "Police fear that gangs who might attack the town are hiding in the forest."),
    ("ASSAULT", "The army will deploy troops after rebels attack the base."),
    ("ASSAULT", "Residents were told to stay indoors during any raid by police."),
    ("PROTEST", "Officials said they would meet union leaders during a strike planned for next week."),
    ("ASSAULT", "Having failed to pass the budget, the government resigned."),
    ("ASSAULT", "Trade between the two countries fell amid a trade war."),
    ("ASSAULT", "Prices rose amid fears that rebels would attack the oil fields."),
    ("ASSAULT", "The storm hit the coast on Monday, killing six people."),
    ("ASSAULT", "Shops closed amid a spate of killings in Karachi."),
])
def test_an_untold_event_stays_uncoded(code_text, event, text):
    """Purposes, conditions, questions, possibilities, classes of people, claims, figures of
    speech, disasters: ``event`` must not be counted (None: nothing at all)."""
    types = counted_types(code_text(text))
    assert (event not in types) if event else not types


@pytest.mark.parametrize("text", [
    "The hospital was closed after an airstrike on the district of Saada.",
    "Five children were among the dead after an air raid on a school in Gaza.",
    "Residents returned home following a rebel attack on the town of Beni.",
    "The president condemned Hamas following a rocket attack on Sderot.",
    "Ukraine accused Russia of war crimes after a missile strike on a train station in Kramatorsk.",
    "The army arrested two soldiers after an attack on a checkpoint in Bamako.",
])
def test_an_incident_named_as_the_cause_is_a_reference_point(code_text, text):
    """"after an airstrike", "following a rebel attack": the noun presupposes an earlier
    incident, most often told before; only the main clause's event is coded."""
    article = code_text(text)
    assert "ASSAULT" not in counted_types(article)


def test_the_main_and_the_subordinate_clause_are_both_coded(code_text):
    article = code_text("The militants, who stormed an army base on Monday, were arrested by police on Tuesday.")
    assert {"ASSAULT", "COERCE"} <= counted_types(article)


@pytest.mark.parametrize("text, word", [
    ("Police arrested the gunmen who had attacked a church in Ouagadougou.", "attacked"),
    ("Police arrested the activist, who was detained in 2019 for organizing a protest.", "detained"),
])
def test_an_earlier_history_in_a_subordinate_clause_is_no_news(code_text, text, word):
    """The perfect ("who had attacked") and a date before the news window tell background."""
    events = code_text(text).events
    assert [e.event for e in events] == ["COERCE"]
    assert word not in events[0].event_text


def test_a_participle_of_result_goes_on_telling_the_main_act(code_text):
    """", wounding four fighters" is the shelling's result, not a second attack."""
    article = code_text("Turkish forces shelled Kurdish positions in northern Syria on Monday, wounding four fighters.")
    assert [e.event for e in article.events].count("ASSAULT") == 1


@pytest.mark.parametrize("text, event", [
    ("Opposition parties organized a general strike that shut down the capital on Monday.", "COERCE"),
    ("Islamist fighters launched an attack that killed 12 soldiers near Mopti.", None),
])
def test_a_relative_clause_on_an_event_noun_tells_what_the_event_did(code_text, text, event):
    article = code_text(text)
    if event:
        assert event not in counted_types(article)
    assert [e.event for e in article.events].count("ASSAULT") <= 1


def test_an_incident_as_the_time_takes_its_own_sides(code_text):
    article = code_text("Dozens of civilians fled amid clashes between the army and rebels in Darfur.")
    (clash,) = [e for e in article.events if e.event == "ASSAULT"]
    sides = " | ".join(p.entity_text for p in clash.actor + clash.recipient)
    assert "army" in sides and "rebels" in sides
    assert "civilians" not in sides


def test_a_crowd_that_suffers_during_a_demonstration_holds_it(code_text):
    article = code_text("Four protesters died from gunfire during a demonstration outside the embassy.")
    (protest,) = [e for e in article.events if e.event == "PROTEST"]
    assert protest.actor[0].entity_text.endswith("protesters")


@pytest.mark.parametrize("text, word, kind", [
    ("Villagers fled Idlib, where government forces shelled several towns.", "shelled", "relative"),
    ("The militants, who stormed a base, fled.", "stormed", "relative"),
    ("The militants, who had stormed a base, fled.", "stormed", None),
    ("The group, which has carried out attacks, was banned.", "carried", None),
    ("After gunmen stormed a hotel, residents fled.", "stormed", "adverbial"),
    ("Having seized the town, the rebels freed prisoners.", "seized", "adverbial"),
    ("After storming the building, the crowd left.", "storming", "adverbial"),
    ("Rebels raided a village overnight, killing ten people.", "killing", "result"),
    ("Rebels raided a village overnight.", "raided", None),
    ("The army patrolled the town, which rebels might attack.", "attack", None),
    ("If rebels attacked the town, the army would respond.", "attacked", None),
    ("The company, which fights fires, hired workers.", "fights", None),
    ("Officials said that rebels who attacked the town had fled.", "attacked", None),
    ("The army denied the attack, killing 17 people.", "killing", None),
])
def test_told_as_fact(nlp, knowledge, text, word, kind):
    from heron.pipeline.events.modality import told_as_fact

    (token,) = [t for t in nlp(text) if t.lower_ == word]
    assert told_as_fact(token, knowledge.lexicon, knowledge.speech.reporting_verbs) == kind
