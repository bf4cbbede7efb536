"""Sentence-set scoring (heron.evaluation.sentences) on hand-made gold items and predictions."""
from __future__ import annotations

import json

import pytest

from heron.errors import InputError
from heron.evaluation.sentences import (format_parts, format_report, is_article_gold, matches, read_gold,
                                        score_sentences)
from heron.evaluation.split import is_blind, score_parts
from heron.types import Article, Event, Participant


def _event(kind, actor=(), recipient=(), negated=False):
    side = lambda codes: [Participant(c, None, c) for c in codes]  # noqa: E731
    return Event(id="e", event=kind, mode=None, context=[], date=None, date_text=None, actor=side(actor),
                 recipient=side(recipient), location=None, quad_code=4, event_scale=-9.0, cameo="19", goldstein=-10.0,
                 text="t", start=0, end=1, event_text=kind.lower(), negated=negated, rule="test")


def _article(item_id, *events):
    return Article(id=item_id, text="t", events=list(events))


GOLD = [
    {"id": "g1", "text": "Ruritania shelled Freedonia.", "event": "ASSAULT",
     "actor": [{"text": "Ruritania", "code": "RUR"}], "recipient": [{"text": "Freedonia", "code": "FRE"}]},
    {"id": "g2", "text": "Freedonia protested.", "event": "PROTEST", "actor": [{"code": "FRE"}], "recipient": []},
    {"id": "g3", "text": "Ruritania met Freedonia.", "event": "CONSULT", "actor": [{"code": "RUR"}],
     "recipient": [{"code": "FRE"}]},
    {"id": "g4", "text": "A storm hit the coast.", "event": None},
    {"id": "g5", "text": "A ferry sank.", "event": None},
]


def test_match_needs_type_and_intersecting_codes_and_empty_gold_side_matches_anything():
    assert matches(_event("ASSAULT", ["RUR", "XXX"], ["FRE"]), GOLD[0])
    assert not matches(_event("ASSAULT", ["FRE"], ["RUR"]), GOLD[0])
    assert not matches(_event("COERCE", ["RUR"], ["FRE"]), GOLD[0])
    assert matches(_event("PROTEST", ["FRE"], ["ANY"]), GOLD[1])
    type_only = {"id": "c", "text": "x", "event": "ASSAULT"}
    assert matches(_event("ASSAULT"), type_only)


def test_scores_recall_precision_uncoded_extras_confusion_and_false_alarms():
    articles = {
        "g1": _article("g1", _event("ASSAULT", ["RUR"], ["FRE"]), _event("COERCE", ["RUR"], ["FRE"])),
        "g2": _article("g2", _event("PROTEST", ["RUR"])),  # right type, wrong actor
        "g3": _article("g3"),  # nothing coded
        "g4": _article("g4", _event("ASSAULT", ["RUR"])),  # false alarm
        "g5": _article("g5", _event("ASSAULT", negated=True)),  # negated: not an event
    }
    result = score_sentences(GOLD, articles)
    t = result["totals"]
    assert (t["items_with_event"], t["items_without_event"]) == (3, 2)
    assert t["recall"] == pytest.approx(1 / 3) and t["type_recall"] == pytest.approx(2 / 3)
    assert t["predicted"] == 4 and t["predicted_matched"] == 1 and t["precision"] == pytest.approx(0.25)
    assert t["f1"] == pytest.approx(2 * 0.25 * (1 / 3) / (0.25 + 1 / 3))
    assert t["uncoded"] == 1 and t["extra_per_item"] == pytest.approx(3 / 5)
    assert t["false_alarms"] == 1 and t["false_alarm_rate"] == pytest.approx(0.5)
    assert result["confusion"]["ASSAULT"] == {"ASSAULT": 1, "COERCE": 1}
    assert result["confusion"]["CONSULT"] == {"-": 1}
    assert result["per_type"]["PROTEST"]["type_recall"] == 1.0 and result["per_type"]["PROTEST"]["recall"] == 0.0
    report = format_report(result, "toy")
    assert "F1" in report and "false alarms" in report and "CONSULT" in report


def test_false_alarm_types_are_configurable():
    articles = {g["id"]: _article(g["id"]) for g in GOLD}
    articles["g4"] = _article("g4", _event("CONSULT", ["RUR"]))
    assert score_sentences(GOLD, articles)["totals"]["false_alarms"] == 0
    assert score_sentences(GOLD, articles, ("CONSULT",))["totals"]["false_alarms"] == 1


def test_read_gold_names_the_bad_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD[0]) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gold.jsonl:2"):
        read_gold(path)
    path.write_text(json.dumps({"id": "x"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="needs a 'text'"):
        read_gold(path)
    path.write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="no gold items"):
        read_gold(path)


def test_limit_and_article_gold_detection(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(g) + "\n" for g in GOLD), encoding="utf-8")
    assert [g["id"] for g in read_gold(path, limit=2)] == ["g1", "g2"]
    assert not is_article_gold(GOLD)
    assert is_article_gold([{"id": "a", "required": []}])


def test_heron_eval_command_codes_and_scores_a_sentence_set(tmp_path):
    from heron.cli import main

    gold = [
        {"id": "s1", "text": "Police in Kenya arrested 20 opposition activists on Monday.", "event": "COERCE",
         "actor": [{"code": "KEN"}], "recipient": []},
        {"id": "s2", "text": "Heavy rain fell over the valley on Sunday.", "event": None},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["eval", str(path), "--json"]) == 0
    parts = json.loads(buffer.getvalue())["parts"]
    assert list(parts) == ["tune", "blind", "all"]
    totals = parts["all"]["totals"]
    assert totals["items"] == 2 and totals["type_recall"] == 1.0 and totals["false_alarms"] == 0
    # s1 and s2 are both in the tune part (heron.evaluation.split); the blind part is empty
    assert parts["tune"]["totals"]["items"] == 2 and parts["blind"]["totals"]["items"] == 0
    assert [row["id"] for row in parts["tune"]["items"]] == ["s1", "s2"]


def test_heron_eval_article_gold_without_texts_is_a_usage_error(tmp_path, capsys):
    from heron.cli import main

    path = tmp_path / "articles.jsonl"
    path.write_text(json.dumps({"id": "a1", "required": [], "acceptable": []}) + "\n", encoding="utf-8")
    assert main(["eval", str(path)]) == 2
    assert "--texts" in capsys.readouterr().err


@pytest.mark.parametrize("content, reason", [
    ('{"id": 1}\nnot json\n', "2: invalid JSON"),
    ('[1, 2]\n', "1: expected a JSON object, got list"),
])
def test_json_records_name_the_bad_line(tmp_path, content, reason):
    from heron.evaluation.records import json_records

    path = tmp_path / "gold.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=reason):
        list(json_records(path))


# g-ids by part (heron.evaluation.split): "s1", "s2", "s3", "s7" are tune, "s4", "s5", "s6", "s8" blind
PART_GOLD = [
    {"id": f"s{n}", "text": f"Text of item s{n}.", "event": "ASSAULT", "actor": [{"code": "RUR"}], "recipient": []}
    for n in range(1, 9)
]


def test_parts_report_lists_tune_items_only_and_totals_side_by_side():
    assert [is_blind(g["id"]) for g in PART_GOLD] == [False, False, False, True, True, True, False, True]
    articles = {g["id"]: _article(g["id"], _event("ASSAULT", ["RUR"])) for g in PART_GOLD}
    articles["s1"] = _article("s1")  # a tune miss
    articles["s4"] = _article("s4", _event("PROTEST", ["RUR"]))  # a blind miss
    parts = score_parts(PART_GOLD, lambda g: g["id"], lambda subset: score_sentences(subset, articles))
    assert parts["tune"]["totals"]["recall"] == pytest.approx(3 / 4)
    assert parts["blind"]["totals"]["recall"] == pytest.approx(3 / 4)
    assert parts["all"]["totals"]["recall"] == pytest.approx(6 / 8)
    assert set(parts["blind"]) == {"totals"} and set(parts["all"]) == {"totals"}
    assert {row["id"] for row in parts["tune"]["items"]} == {"s1", "s2", "s3", "s7"}
    report = format_parts(parts, "toy")
    assert any(line.split() == ["tune", "blind", "all"] for line in report.splitlines())
    assert any(line.split()[:4] == ["items", "4", "4", "8"] for line in report.splitlines())
    breakdown = report.split("tune part by type", 1)[1]
    assert "ASSAUL" in breakdown and "PROTES" not in breakdown  # the blind item's confusion is never shown


def test_heron_eval_blind_part_prints_totals_without_items(tmp_path):
    import contextlib
    import io

    from heron.cli import main

    gold = [{"id": "s1", "text": "Heavy rain fell over the valley on Sunday.", "event": None},
            {"id": "s4", "text": "Heavy snow fell over the hills on Monday.", "event": None}]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["eval", str(path), "--json", "--part", "blind"]) == 0
    parts = json.loads(buffer.getvalue())["parts"]
    assert parts == {"blind": {"totals": parts["blind"]["totals"]}}
    assert parts["blind"]["totals"]["items"] == 1
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["eval", str(path)]) == 0
    assert "Heavy" not in buffer.getvalue() and "blind" in buffer.getvalue()
