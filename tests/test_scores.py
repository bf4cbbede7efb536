"""The PLOVER table: quad class, base scale, CAMEO root and Goldstein value per event type."""
from __future__ import annotations

import re

import pytest

from heron.errors import HeronError
from heron.pipeline.events.scores import event_types, goldstein_for, modes_for, read_plover_table, scores_for

# docs/records.md: event -> (quad, scale, CAMEO root)
PLOVER_TABLE = {
    "AGREE": (1, 2.5, "03"), "CONSULT": (1, 2.5, "04"), "SUPPORT": (1, 5, "05"), "CONCEDE": (1, 4.5, "08"),
    "COOPERATE": (2, 9.5, "06"), "AID": (2, 10, "07"), "RETREAT": (2, 6.5, "08"), "REQUEST": (3, 0, "10"),
    "ACCUSE": (3, -3, "11"), "REJECT": (3, -2, "12"), "THREATEN": (3, -3.5, "13"), "PROTEST": (4, -5, "14"),
    "SANCTION": (4, -6, "16"), "MOBILIZE": (4, -5.5, "15"), "COERCE": (4, -7, "17"), "ASSAULT": (4, -9, "18"),
}
# GDELT CAMEO.goldsteinscale.txt, root codes
GOLDSTEIN_ROOTS = {"01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0, "08": 5.0,
                   "09": -2.0, "10": -5.0, "11": -2.0, "12": -4.0, "13": -6.0, "14": -6.5, "15": -7.2,
                   "16": -4.0, "17": -7.0, "18": -9.0, "19": -10.0, "20": -10.0}


def test_all_sixteen_types():
    assert sorted(event_types()) == sorted(PLOVER_TABLE)


@pytest.mark.parametrize("event", sorted(PLOVER_TABLE))
def test_type_scores_follow_the_design_table(event):
    quad, scale, cameo = PLOVER_TABLE[event]
    scores = scores_for(event)
    assert set(scores) == {"quad_code", "event_scale", "cameo", "goldstein"}
    assert (scores["quad_code"], scores["event_scale"], scores["cameo"]) == (quad, scale, cameo)
    assert scores["goldstein"] == GOLDSTEIN_ROOTS[cameo]


@pytest.mark.parametrize("code, value", sorted(GOLDSTEIN_ROOTS.items()))
def test_goldstein_roots(code, value):
    assert goldstein_for(code) == value


def test_every_goldstein_value_in_range():
    values = read_plover_table().goldstein
    assert len(values) > 250
    for code, value in values.items():
        assert re.fullmatch(r"\d{2,4}", code) and -10 <= value <= 10, code


@pytest.mark.parametrize("event, mode, cameo, goldstein", [
    ("CONSULT", "visit", "042", 1.9),
    ("CONSULT", "phone", "041", 1.0),
    ("ASSAULT", "heavy-weapons", "194", -10.0),
    ("ASSAULT", "abduct", "181", -9.0),
    ("ASSAULT", "massacre", "202", -10.0),
    ("RETREAT", "ceasefire", "0871", 9.0),
    ("RETREAT", "release", "0841", 7.0),
    ("COERCE", "arrest", "173", -5.0),
    ("ACCUSE", "investigate", "090", -2.0),
    ("PROTEST", "riot", "145", -7.5),
])
def test_mode_chooses_the_cameo_code(event, mode, cameo, goldstein):
    scores = scores_for(event, mode=mode)
    assert (scores["cameo"], scores["goldstein"]) == (cameo, goldstein)


def test_unknown_mode_falls_back_to_the_root():
    assert scores_for("AGREE", mode="no-such-mode")["cameo"] == "03"


def test_caller_cameo_wins_and_unlisted_codes_fall_back_to_parents():
    assert scores_for("COERCE", cameo="1724")["goldstein"] == -5.0
    assert scores_for("AGREE", cameo="0357")["goldstein"] == 7.0  # not in GDELT's table: parent 035


@pytest.mark.parametrize("event, cameo", [("PARTY", None), ("AGREE", "x1"), ("AGREE", "99")])
def test_bad_input_is_a_clear_error(event, cameo):
    with pytest.raises(HeronError, match=r"PLOVER|CAMEO"):
        scores_for(event, cameo=cameo)


@pytest.mark.evaluation
def test_modes_are_those_of_the_cameo_to_plover_table(shared_dir):
    """Every mode shipped for a type appears for that type in the OEDA conversion table."""
    path = shared_dir / "eval" / "plover-gsr" / "CAMEO2PLOVER-2021.txt"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    table: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\d{3,4}:\s*([A-Z]+),\s*([^,]*),", line)
        if match and match.group(2).strip():
            table.setdefault(match.group(1), set()).add(match.group(2).strip())
    for event in event_types():
        assert set(modes_for(event)) <= table.get(event, set()), event


def test_seed_events_carry_the_table_scores(seed_article):
    assert seed_article.events
    for event in seed_article.events:
        expected = scores_for(event.event, cameo=event.cameo)
        assert (event.quad_code, event.event_scale, event.goldstein) == (
            expected["quad_code"], expected["event_scale"], expected["goldstein"]), event.event
