"""Event coding measured on the development halves of the shared gold sets (docs/evaluation.md).

Floors sit just below the figures measured when they were set; the held-out halves are scored
elsewhere. Each set is coded once per session through the pipeline (batched spaCy parse).
"""
from __future__ import annotations

import pytest

from heron.evaluation.sentences import code_items, read_gold, score_sentences

from conftest import load_script

pytestmark = pytest.mark.evaluation


def _scored(shared_dir, pipeline, settings, name):
    path = shared_dir / "eval" / name / "dev.jsonl"
    if not path.is_file():
        pytest.skip(f"../shared/eval/{name}/dev.jsonl is absent")
    items = read_gold(path)
    return score_sentences(items, code_items(items, settings, pipeline))


@pytest.fixture(scope="module")
def plover(shared_dir, pipeline, settings):
    return _scored(shared_dir, pipeline, settings, "plover-gsr")


@pytest.fixture(scope="module")
def case2021(shared_dir, pipeline, settings):
    return _scored(shared_dir, pipeline, settings, "case2021")


def test_plover_dev_f1_and_precision(plover):
    totals = plover["totals"]
    assert totals["items"] == 163
    assert totals["f1"] >= 0.64, totals  # measured 0.668; the must-show floor is 0.60
    assert totals["precision"] >= 0.65, totals  # measured 0.686
    assert totals["type_recall"] >= 0.80, totals  # measured 0.847
    assert totals["extra_per_item"] <= 0.40, totals  # measured 0.30


def test_plover_dev_codes_every_type_family(plover):
    per_type = plover["per_type"]
    for event in ("AGREE", "ASSAULT", "PROTEST", "REJECT", "REQUEST", "THREATEN"):
        assert per_type[event]["type_recall"] >= 0.6, (event, per_type[event])


def test_case2021_dev_type_recall(case2021):
    assert case2021["totals"]["type_recall"] >= 0.77, case2021["totals"]  # measured 0.809


def test_case2021_dev_false_alarms_on_items_without_event(case2021):
    totals = case2021["totals"]
    assert totals["false_alarm_types"] == ["ASSAULT", "PROTEST", "COERCE"]
    assert totals["false_alarm_rate"] <= 0.09, totals  # measured 0.065; the must-show ceiling is 0.10


def test_police_actions_in_indian_news_tune_part(shared_dir, pipeline, settings):
    """Sentences of the India police-events set (scripts/eval_police.py), tune part; measured
    ARREST 0.571, FORCE 0.570, KILL 0.508, violent on the unlabelled sample 37/945 when set."""
    path = shared_dir / "eval" / "india-police-events" / "sents.jsonl"
    if not path.is_file():
        pytest.skip("../shared/eval/india-police-events/sents.jsonl is absent")
    module = load_script("eval_police")
    labelled, unlabelled = module.read_rows(path)
    labelled = [r for r in labelled if r["part"] == "tune"]
    unlabelled = [r for r in unlabelled if r["part"] == "tune"]
    result = module.score(labelled, unlabelled, module.coded_types(labelled + unlabelled, settings, pipeline))
    assert result["ARREST"]["recall"] >= 0.53, result
    assert result["FORCE"]["recall"] >= 0.53, result
    assert result["KILL"]["recall"] >= 0.45, result
    assert result["unlabelled"]["rate"] <= 0.05, result
