"""PETRARCH2's verb dictionary as the base layer under the curated lexicon (events/patterns.py)."""
from __future__ import annotations

import pytest

from heron.errors import DataFileError

from conftest import load_script
from heron.knowledge import petrarch
from heron.pipeline.events.patterns import _Entries, rules_from


def test_the_index_holds_petrarch_verbs_and_patterns(knowledge):
    verbs = knowledge.verbs
    # verbs left out with a reason in lexicon/petrarch.yaml (exclude_verb_codes) code through patterns only
    assert verbs.coded_patterns > 3000 and verbs.coded_verbs > 750
    assert "rush" in verbs.verbs and "ACCELERATE" in verbs.patterns
    # patterns of a block are tried most specific first
    sizes = [p.size for p in verbs.patterns["ACCELERATE"]]
    assert sizes == sorted(sizes, reverse=True)


@pytest.fixture(scope="module")
def entries(knowledge):
    rules = rules_from({"cameo_overrides": [{"cameo": "02", "event": "REQUEST"},
                                            {"cameo": "023", "event": "REQUEST", "mode": "assist"},
                                            {"cameo": "163", "event": "SANCTION"}],
                        "needs_recipient": ["SANCTION"], "complement": {"REQUEST": "absorb"}})
    return _Entries(rules, knowledge.plover), petrarch.read_cameo_plover(petrarch.data_folder())


@pytest.mark.parametrize("code, event, mode", [
    ("163", "SANCTION", None),  # COERCE in the 2021 table; SANCTION in heron's PLOVER table
    ("0233", "REQUEST", "assist"),  # appeals have no type in the table: REQUEST, the longest prefix's mode
    ("020", "REQUEST", None),
    ("173", "COERCE", "arrest"),  # no override: the table's type and mode
    ("072", "AID", None),
])
def test_cameo_codes_map_to_plover_with_the_overrides(entries, code, event, mode):
    made, table = entries
    entry = made.entry(code, table.get(code), "CAMEO.2.0.txt:1")
    assert (entry.event, entry.mode, entry.cameo) == (event, mode, code)
    assert entry.rule("x") == "petrarch/CAMEO.2.0.txt:1:x"


def test_codes_without_a_plover_type_code_nothing(entries):
    made, table = entries
    assert made.entry("010", table.get("010"), "CAMEO.2.0.txt:1") is None  # CAMEO 01: statements
    assert made.entry(None, None, "CAMEO.2.0.txt:1") is None  # "---": the generic verbs


@pytest.mark.parametrize("data, message", [
    ({"cameo_overrides": [{"cameo": "163", "event": "PUNISH"}]}, "PLOVER type"),
    ({"exclude_blocks": [{"block": "SAY"}]}, "reason"),
    ({"verb_overrides": [{"line": 8359, "event": "SANCTION"}]}, "why"),
    ({"verb_overrides": [{"line": "sentence", "event": "SANCTION", "why": "x"}]}, "upstream line"),
    (["not", "a", "mapping"], "mapping"),
])
def test_malformed_rules_are_data_file_errors(data, message):
    with pytest.raises(DataFileError, match=message):
        rules_from(data)


@pytest.mark.parametrize("text, event, rule", [
    # "rush" is no curated verb: the RUSH pattern with the object "aid" codes AID
    ("Russia rushed humanitarian aid to Syria.", "AID", "petrarch/CAMEO.2.0.txt:719:"),
    # the curated lexicon wins where it matches the same verb
    ("The United States imposed new sanctions on Iran.", "SANCTION", "lexicon/sanction.yaml:"),
])
def test_imported_patterns_code_events_and_name_their_line(code_text, text, event, rule):
    found = [e for e in code_text(text).events if e.event == event]
    assert found and found[0].rule.startswith(rule)


@pytest.mark.parametrize("text", [
    "France made a statement about Germany.",  # MAKE: a generic block, no code of its own
    "The army rushed aid.",  # no coded actor and no recipient: PETRARCH codes dyads only
    "Dozens of people died in the floods in Kenya.",  # dying is nobody's act
])
def test_generic_verbs_and_missing_dyads_code_nothing(code_text, text):
    assert not [e for e in code_text(text).events if e.rule.startswith("petrarch/")]


@pytest.mark.parametrize("text, event", [
    ("The European Union imposed an asset freeze on five Russian officials.", "SANCTION"),
    ("Canada recalled its ambassador from Saudi Arabia.", "SANCTION"),
    ("Russia and China held joint naval exercises.", "COOPERATE"),
    ("Japan announced a humanitarian aid package for Turkey.", "AID"),
    ("The police carried out mass arrests of opposition supporters in Minsk.", "COERCE"),
    ("Iran shut down the internet across the country.", "COERCE"),
    ("The Sudanese government granted an amnesty to political prisoners.", "CONCEDE"),
    ("Russia banned imports of Polish apples.", "SANCTION"),
    ("Washington revoked the visas of twelve Nicaraguan officials.", "SANCTION"),
    ("Germany halted arms sales to Saudi Arabia.", "SANCTION"),
    ("Russia annexed Crimea in 2014.", "COERCE"),
    ("The junta declared martial law in Yangon.", "COERCE"),
    ("Turkey has hosted millions of Syrian refugees.", "AID"),
    ("Israel and Hamas carried out a prisoner exchange on Sunday.", "AGREE"),  # mutual: README, mutual acts
    ("The US military trained Ukrainian soldiers.", "AID"),
    ("Egypt handed over ten suspects to Libya.", "COOPERATE"),
])
def test_weak_types_in_verbal_and_nominal_form(code_text, text, event):
    assert event in {e.event for e in code_text(text).events}


def test_excluded_verb_codes_leave_the_patterns(knowledge):
    """lexicon/petrarch.yaml: "increase" (BOOST) codes nothing alone, "boost ties" still does."""
    verbs = knowledge.verbs
    assert all(row.active is None for row in verbs.verbs["increase"])
    assert any(p.active is not None for p in verbs.patterns["BOOST"])
    assert all(why for why in verbs.excluded_lines.values())


@pytest.mark.parametrize("verb, line, event", [
    ("oppose", 7348, "REJECT"),  # CAMEO 110 disapprove: opposing a plan rejects it
    ("surrender", 6993, "RETREAT"),  # CAMEO 080 yield: 0874 "surrender militarily" in the 2021 table
    ("sentence", 8359, "SANCTION"),  # CAMEO 172: a court's sentence, a conviction's penalty
])
def test_verb_overrides_retype_one_upstream_line(knowledge, verb, line, event):
    (row,) = [r for r in knowledge.verbs.verbs[verb] if r.active and r.active.source.endswith(f":{line}")]
    assert row.active.event == event


@pytest.mark.parametrize("text, event", [
    ("A court in Tehran sentenced a French researcher to six years in prison.", "SANCTION"),
    ("Floods damaged hundreds of homes in Kenya.", None),  # HURT: no attack without an attacker
    ("The team defeated Brazil in the final.", None),  # defeats in games are no fighting
])
def test_imported_verbs_in_their_news_sense(code_text, text, event):
    imported = {e.event for e in code_text(text).events if e.rule.startswith("petrarch/")}
    assert imported == ({event} if event else set())


def _imported_verbs_script():
    return load_script("imported_verbs")


def test_imported_verbs_lists_what_the_base_layer_fires(knowledge):
    """scripts/imported_verbs.py: imported triggers no curated entry overrides, with their type."""
    imported, curated = _imported_verbs_script().count(
        ["Russia rushed humanitarian aid to Syria. The United States imposed sanctions on Iran."], knowledge)
    assert ("rush", "AID", "070", "rushed aid", "petrarch/CAMEO.2.0.txt:719") in imported
    assert curated["impose"] == 1  # the curated SANCTION entry stands on "imposed"


def test_evacuating_residents_is_no_withdrawal(code_text):
    """Rescue from a flood is no military withdrawal (retreat.yaml withdraw: except_objects)."""
    article = code_text("Rescue workers in Kenya evacuated residents from the flooded town.")
    assert "RETREAT" not in {e.event for e in article.events}


@pytest.mark.parametrize("text, rejected", [
    ("Iran dismissed the accusations by the United States.", True),
    ("Ukraine's president dismissed the head of the security service.", False),  # a personnel decision
])
def test_dismissing_claims_is_rejection_dismissing_officials_is_not(code_text, text, rejected):
    assert ("REJECT" in {e.event for e in code_text(text).events}) is rejected


@pytest.mark.parametrize("text, imported", [
    # a pattern's preposition stands after the verb: "On Wednesday" is a date, not "called on"
    ("On Wednesday, the French president called the new subsidies unbearable.", set()),
    # an object predicate names the object: "what they called a victory for Sudan" is no appeal
    ("Demonstrators in Khartoum celebrated what they called a new victory for Sudan.", set()),
    # the parser may hang the verb's phrase on its object: "departed Paris for Moscow" is a visit
    ("On Monday the French president departed for Moscow.", {"CONSULT"}),
])
def test_pattern_prepositions_belong_to_the_verb(code_text, text, imported):
    assert {e.event for e in code_text(text).events if e.rule.startswith("petrarch/")} == imported


@pytest.mark.parametrize("text, imported", [
    # verbs of annoyance name an effect on someone, not dissent by the subject
    ("U.S. warships sailed through the strait ten times, irritating China each time.", set()),
    ("The vote in Ankara upset Brussels.", set()),
    # buying is trade; the pattern that names arms stays
    ("Most of the licences were purchased by hunters from the United States in Botswana.", set()),
    ("Russia bought weapons from Iran.", {"COOPERATE"}),
    # breaking with a bloc's line is a split, not a threat
    ("Hungary broke with the European Union over the sanctions.", set()),
])
def test_imported_verbs_of_feeling_trade_and_splits(code_text, text, imported):
    assert {e.event for e in code_text(text).events if e.rule.startswith("petrarch/")} == imported
