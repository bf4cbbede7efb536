"""Whole-article scoring: required recall one-to-one, precision against required + acceptable."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from heron.errors import InputError
from heron.evaluation.articles import format_parts, format_report, maximum_matching, read_gold, score_articles
from heron.evaluation.split import score_parts
from heron.types import Article, Event, Participant

ROOT = Path(__file__).resolve().parents[1]


def _event(kind: str, actor: list[str | None], recipient: list[str | None], negated: bool = False) -> Event:
    return Event(id=f"e{kind}", event=kind, mode=None, context=[], date=None, date_text=None,
                 actor=[Participant(code=c, sector=None, entity_text=str(c)) for c in actor],
                 recipient=[Participant(code=c, sector=None, entity_text=str(c)) for c in recipient],
                 location=None, quad_code=1, event_scale=0.0, cameo="01", goldstein=0.0,
                 text="", start=0, end=0, event_text=kind.lower(), negated=negated)


def _article(story_id: str, events: list[Event]) -> Article:
    return Article(id=story_id, text="text", events=events)


def _gold(kind: str, actor: list[str], recipient: list[str]) -> dict:
    return {"event": kind, "actor": actor, "recipient": recipient, "note": ""}


GOLD = [{
    "id": "s1", "published": "2022-07-01",
    "required": [_gold("CONSULT", ["RUS", "BLR"], ["RUS", "BLR"]), _gold("ASSAULT", ["RUS"], ["UKR"])],
    "acceptable": [_gold("ACCUSE", ["UKR"], [])],
}]


def test_perfect_article():
    article = _article("s1", [_event("CONSULT", ["RUS"], ["BLR"]), _event("ASSAULT", ["RUS"], ["UKR"])])
    totals = score_articles(GOLD, {"s1": article})["totals"]
    assert (totals["precision"], totals["recall"], totals["f1"]) == (1.0, 1.0, 1.0)


@pytest.mark.parametrize("events, precision, recall", [
    # wrong recipient: type right, codes not
    ([_event("ASSAULT", ["RUS"], ["BLR"])], 0.0, 0.0),
    # unknown actor code never matches a coded gold side
    ([_event("ASSAULT", [None], ["UKR"])], 0.0, 0.0),
    # acceptable extra counts for precision, not recall; an empty gold side matches anything
    ([_event("ACCUSE", ["UKR"], ["RUS"]), _event("CONSULT", ["BLR"], ["RUS"])], 1.0, 0.5),
    # two predictions of one required event: recall counts it once, both are correct for precision
    ([_event("CONSULT", ["RUS"], ["BLR"]), _event("CONSULT", ["BLR"], ["RUS"])], 1.0, 0.5),
    # negated events are not predictions
    ([_event("ASSAULT", ["RUS"], ["UKR"], negated=True)], 0.0, 0.0),
    # a wrong type is an extra
    ([_event("ASSAULT", ["RUS"], ["UKR"]), _event("PROTEST", ["UKR"], ["RUS"])], 0.5, 0.5),
])
def test_matching_rules(events, precision, recall):
    result = score_articles(GOLD, {"s1": _article("s1", events)})
    assert result["totals"]["precision"] == precision
    assert result["totals"]["recall"] == recall


def test_type_only_recall_ignores_codes():
    result = score_articles(GOLD, {"s1": _article("s1", [_event("ASSAULT", [None], [None])])})
    assert result["totals"]["recall"] == 0.0 and result["totals"]["type_recall"] == 0.5


def test_maximum_matching_beats_greedy():
    # greedy would give the first prediction to the first gold event and leave the second unmatched
    gold = [_gold("CONSULT", ["USA", "RUS"], []), _gold("CONSULT", ["USA"], [])]
    events = [_event("CONSULT", ["USA"], []), _event("CONSULT", ["RUS"], [])]
    assert len(maximum_matching(gold, events)) == 2


def test_missing_article_is_reported_not_dropped():
    result = score_articles(GOLD, {})
    row = result["articles"][0]
    assert row["missing"] and row["required_matched"] == 0 and len(row["missed"]) == 2
    assert result["totals"]["missing_articles"] == 1
    assert "article missing" in format_report(result)


def test_report_lists_misses_and_extras():
    article = _article("s1", [_event("PROTEST", ["UKR"], [])])
    report = format_report(score_articles(GOLD, {"s1": article}), details=True)
    assert "missed CONSULT RUS+BLR->RUS+BLR" in report and "extra  PROTEST UKR->-" in report
    assert report.splitlines()[-2].startswith("TOTAL")
    assert "required recall by type: ASSAULT 0/1, CONSULT 0/1" in report


def test_parts_report_lists_tune_stories_only():
    # "story-1" is in the tune part, "story-4" in the blind part (heron.evaluation.split)
    gold = [{**GOLD[0], "id": "story-1"}, {**GOLD[0], "id": "story-4"}]
    articles = {"story-1": _article("story-1", [_event("ASSAULT", ["RUS"], ["UKR"])]),
                "story-4": _article("story-4", [_event("PROTEST", ["UKR"], [])])}
    parts = score_parts(gold, lambda g: g["id"], lambda subset: score_articles(subset, articles))
    assert [parts[p]["totals"]["required_matched"] for p in ("tune", "blind", "all")] == [1, 0, 1]
    assert set(parts["blind"]) == {"totals"}
    report = format_parts(parts, details=True)
    assert "story-1" in report and "missed CONSULT" in report
    assert "story-4" not in report and "PROTEST" not in report
    assert any(line.split()[:4] == ["stories", "1", "1", "2"] for line in report.splitlines())


def test_read_gold_errors_name_the_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD[0]) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gold.jsonl:2: invalid JSON"):
        read_gold(path)
    path.write_text(json.dumps({"id": "x"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="'required' list"):
        read_gold(path)


def test_malformed_gold_event_is_an_error():
    bad = [{"id": "s1", "required": [{"actor": ["RUS"]}], "acceptable": []}]
    with pytest.raises(InputError, match="gold s1"):
        score_articles(bad, {"s1": _article("s1", [])})


def test_dev_gold_file_is_well_formed():
    gold = read_gold(ROOT / "eval" / "voa-dev.jsonl")
    assert len(gold) == 69 and len({g["id"] for g in gold}) == 69
    # stories with nothing to code are real answers (they measure false alarms), but most have events
    assert sum(1 for item in gold if item["required"]) >= 50


@pytest.mark.parametrize("name", ["voa-dev.jsonl", "seed-gold.jsonl"])
def test_gold_file_events_are_well_formed(name):
    from heron.pipeline.events.scores import event_types

    for item in read_gold(ROOT / "eval" / name):
        assert "text" not in item and set(item) >= {"id", "published", "required", "acceptable"}
        # the seed's text names no year, so its gold leaves the date open (eval/README.md)
        assert item["published"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", item["published"])
        for event in item["required"] + item["acceptable"]:
            assert event["event"] in event_types() and event.get("note")
            assert all(len(code) == 3 and code.isupper() for code in event["actor"] + event["recipient"])


def _write_gold(path: Path, *ids: str) -> Path:
    path.write_text("".join(json.dumps({**GOLD[0], "id": i}) + "\n" for i in ids), encoding="utf-8")
    return path


def test_text_file_is_coded_under_its_gold_id_and_date(tmp_path, settings):
    from heron.evaluation.articles import code_stories, evaluate_files, read_text_files

    article = tmp_path / "talks.txt"
    article.write_text("Putin and Lukashenko meet\n\nOn June 25, the presidents of Russia and Belarus held "
                       "talks in St. Petersburg.\n", encoding="utf-8")
    gold = read_gold(_write_gold(tmp_path / "gold.jsonl", "talks"))
    files = read_text_files([("talks", article)], {"talks"})
    coded = code_stories({}, gold, settings, files)["talks"]
    assert coded.id == "talks" and coded.published == "2022-07-01" and coded.origin == str(article)
    result = evaluate_files(tmp_path / "gold.jsonl", None, settings, [("talks", article)])
    assert result["totals"]["missing_articles"] == 0
    assert result["articles"][0]["required_matched"] == 1  # the CONSULT; the ASSAULT is not in the text


@pytest.mark.parametrize("ids, files, reason", [
    (["s1"], [("s9", "a.txt")], "a.txt: the gold file has no article with id 's9'"),
    (["s1"], [("s1", "a.txt"), ("s1", "b.txt")], "b.txt: a second file for gold id 's1'"),
    (["s1"], [("s1", "two.jsonl")], "two.jsonl: holds 2 articles"),
    (["s1"], [("s1", "missing.txt")], "missing.txt: no such file"),
    (["s1", "s2"], [("s1", "a.txt")], "s2: no text for these gold articles"),
])
def test_text_file_errors_name_the_file(tmp_path, settings, ids, files, reason):
    from heron.evaluation.articles import evaluate_files

    (tmp_path / "a.txt").write_text("Russia and Belarus held talks.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Russia and Belarus held talks.", encoding="utf-8")
    (tmp_path / "two.jsonl").write_text('{"text": "One."}\n{"text": "Two."}\n', encoding="utf-8")
    gold = _write_gold(tmp_path / "gold.jsonl", *ids)
    with pytest.raises(InputError, match=re.escape(reason)):
        evaluate_files(gold, None, settings, [(i, tmp_path / name) for i, name in files])


@pytest.mark.parametrize("value, reason", [
    ("seed", "expected ID=PATH"),
    ("=article.txt", "expected ID=PATH"),
    ("seed=no-such.txt", "no-such.txt: no such file"),
])
def test_heron_eval_text_file_option_is_checked(tmp_path, capsys, value, reason):
    from heron.cli import main

    gold = _write_gold(tmp_path / "gold.jsonl", "seed")
    assert main(["eval", str(gold), "--text-file", value]) == 2
    assert reason in capsys.readouterr().err


@pytest.mark.evaluation
def test_seed_article_against_its_gold(seed_path, settings):
    """heron over the seed article, scored against gold coded from its text (eval/README.md)."""
    from heron.evaluation.articles import evaluate_files

    result = evaluate_files(ROOT / "eval" / "seed-gold.jsonl", None, settings, [("seed", seed_path)])
    totals = result["totals"]
    assert totals["articles"] == 1 and totals["missing_articles"] == 0 and totals["required"] == 8
    # measured: P 0.909 (10 of 11), R 1.000 (8 of 8), F1 0.952; the bar of the story-level work is 0.85
    assert totals["f1"] >= 0.95


@pytest.mark.evaluation
def test_voa_dev_articles(shared_dir, settings):
    """heron over the 69 hand-coded VOA stories; floors sit just below the measured figures."""
    from heron.evaluation.articles import evaluate_files

    texts = shared_dir / "eval" / "voa" / "stories.jsonl"
    if not texts.is_file():
        pytest.skip(f"{texts} is absent")
    result = evaluate_files(ROOT / "eval" / "voa-dev.jsonl", texts, settings)
    totals = result["totals"]
    assert totals["articles"] == 69 and totals["missing_articles"] == 0
    # measured: P 0.491, R 0.450, F1 0.470, type-only recall 0.691 (403 tellings merged into 352 events);
    # type-only recall was 0.732 while analysts' and unattributed statements were counted: the four
    # tune matches it lost were such statements matching a required event by type alone
    assert totals["type_recall"] >= 0.67
    assert totals["recall"] >= 0.42 and totals["precision"] >= 0.45 and totals["f1"] >= 0.44
    assert totals["tellings"] > totals["predicted"]  # retellings were merged


def test_double_coded_gold_names_primary_stories():
    """Every second coding is of a story in the development gold, so agreement can be scored."""
    primary = {g["id"] for g in read_gold(ROOT / "eval" / "voa-dev.jsonl")}
    double = read_gold(ROOT / "eval" / "voa-double.jsonl")
    assert len(double) >= 5 and {g["id"] for g in double} <= primary


def test_gold_agreement_script(tmp_path, capsys):
    import runpy

    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(json.dumps({"id": "s1", "required": [_gold("CONSULT", ["RUS"], ["BLR"]),
                                                           _gold("ASSAULT", ["RUS"], ["UKR"])],
                                 "acceptable": []}) + "\n")
    second.write_text(json.dumps({"id": "s1", "required": [_gold("CONSULT", ["RUS", "BLR"], ["RUS", "BLR"])],
                                  "acceptable": [_gold("ASSAULT", ["RUS"], ["UKR"])]}) + "\n")
    script = runpy.run_path(str(ROOT / "scripts" / "gold_agreement.py"))
    assert script["main"]([str(first), str(second)]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    # one of two required events agreed strictly (F1 2*1/3); both are recorded by the other coder
    assert "strict F1 0.67" in last and "lenient agreement 1.00" in last
