"""Commentary and unattributed acts: an analyst's statement (status "commentary") and a statement
or exchange no political actor made (status "unattributed") keep their place in the record and
are not counted."""
from __future__ import annotations

import pytest

from heron.types import COUNTED_STATUSES, EVENT_STATUSES

PUBLISHED = "2025-03-11"
HEADLINE = "Tensions rise in the Horn of Africa\n\n"


def statuses(article, event_type: str) -> list[tuple[str, str]]:
    return [(e.status, e.rule.rsplit("+", 1)[-1]) for e in article.events if e.event == event_type]


@pytest.mark.parametrize("status", ["commentary", "unattributed"])
def test_a_status_no_count_holds(status):
    assert status in EVENT_STATUSES and status not in COUNTED_STATUSES


@pytest.mark.parametrize("text, event_type", [
    # the analyst named by a role noun beside the name
    ("Security analyst Kabiru Adamu welcomed the decision of the Kenyan government on Monday.", "SUPPORT"),
    # a plural of the role noun
    ("Other experts criticised the Kenyan government on Monday.", "ACCUSE"),
    # the role in an apposition of an earlier mention, the later mention by surname only
    ("Beverly Ochieng, a senior analyst at Control Risks, spoke to reporters on Monday. "
     "Ochieng accused the Kenyan government of neglect.", "ACCUSE"),
])
def test_an_analyst_statement_is_commentary(code_text, text, event_type):
    found = statuses(code_text(HEADLINE + text, PUBLISHED), event_type)
    assert found == [("commentary", "commentary=analyst")]


def test_a_political_actor_reported_by_an_analyst_is_commentary(code_text):
    text = "Kenya will send troops to Somalia, said Matthew Brummer, a professor at a university in Tokyo."
    events = [e for e in code_text(HEADLINE + text, PUBLISHED).events if "commentary=analyst" in e.rule]
    assert events and all(e.status == "commentary" for e in events)


@pytest.mark.parametrize("text, event_type", [
    ("Critics accused the Kenyan government of neglect on Monday.", "ACCUSE"),
    ("Her supplier blamed the Kenyan government for the shortage.", "ACCUSE"),
    ("Foreigners visit hospitals in Kenya for checkups.", "CONSULT"),
])
def test_a_statement_or_exchange_by_no_political_actor_is_unattributed(code_text, text, event_type):
    found = statuses(code_text(HEADLINE + text, PUBLISHED), event_type)
    assert found == [("unattributed", "unattributed")]


@pytest.mark.parametrize("text, event_type", [
    # a rights group's researcher speaks for it
    ("A Human Rights Watch researcher accused the Kenyan government of torture on Monday.", "ACCUSE"),
    # an office with no country is still a political actor
    ("The foreign ministers are due to sign the treaty on Friday.", "SUPPORT"),
    # the experts speak beside a coded actor that takes part
    ("Kenya and the experts accused Somalia of neglect on Monday.", "ACCUSE"),
    # a material act with an unknown author stays an event
    ("Gunmen attacked a hotel in the Somali city of Beledweyne on Monday.", "ASSAULT"),
    ("Kenyan President William Ruto accused Somalia of neglect on Monday.", "ACCUSE"),
])
def test_political_actors_and_acts_stay_counted(code_text, text, event_type):
    found = statuses(code_text(HEADLINE + text, PUBLISHED), event_type)
    assert found and all(status in COUNTED_STATUSES for status, _ in found)


@pytest.mark.parametrize("text, event_type, status", [
    # a company acting with no state, organisation or party on the other side: business news
    ("Iberdrola, the Spanish utility company, has invested heavily in renewables in Spain.", "AID", "unattributed"),
    ("The Spanish energy company Iberdrola pledged to stop burning coal in Spain by 2025.", "AGREE", "unattributed"),
    # a state's act stays counted
    ("The Spanish government pledged to stop burning coal in Spain by 2025.", "AGREE", "happened"),
])
def test_business_news_is_no_political_act(code_text, text, event_type, status):
    found = [e for e in code_text(HEADLINE + text, PUBLISHED).events if e.event == event_type]
    assert found and found[0].status == status
    assert status == "happened" or "unattributed=business" in found[0].rule
