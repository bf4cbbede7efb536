"""The blind part of a development set (heron.evaluation.split): a fixed, seeded third."""
from __future__ import annotations

import hashlib

import pytest

from heron.evaluation.split import PARTS, format_totals, is_blind, score_parts, select, split

MADE_UP_IDS = [f"made-up-{n}" for n in range(3000)]


@pytest.mark.parametrize("item_id, blind", [
    ("s1", False), ("s4", True), ("s5", True), ("s7", False), ("story-1", False), ("story-4", True),
    (2, True), (3, False),
])
def test_pinned_ids_keep_their_part(item_id, blind):
    """The rule recorded in eval/README.md; these values must never change (a new rule needs a
    new seed name and fresh figures)."""
    assert is_blind(item_id) is blind


def test_rule_is_the_recorded_formula():
    for item_id in MADE_UP_IDS[:200]:
        digest = hashlib.sha256(("heron-blind-v1:" + item_id).encode()).hexdigest()
        assert is_blind(item_id) == (int(digest, 16) % 3 == 0)


def test_deterministic_and_about_a_third():
    first = [is_blind(i) for i in MADE_UP_IDS]
    assert first == [is_blind(i) for i in MADE_UP_IDS]
    assert 0.31 <= sum(first) / len(first) <= 0.36


def test_numeric_and_string_ids_agree():
    assert [is_blind(n) for n in range(50)] == [is_blind(str(n)) for n in range(50)]


def test_split_partitions_in_order_and_select_picks_a_part():
    items = [{"id": i} for i in MADE_UP_IDS[:60]]
    tune, blind = split(items, key=lambda item: item["id"])
    assert len(tune) + len(blind) == 60 and blind and tune
    assert all(is_blind(i["id"]) for i in blind) and not any(is_blind(i["id"]) for i in tune)
    assert [i["id"] for i in tune] == [i["id"] for i in items if not is_blind(i["id"])]
    assert select(items, lambda item: item["id"], "blind") == blind
    assert select(items, lambda item: item["id"], "all") == items
    with pytest.raises(ValueError, match="part must be one of"):
        select(items, lambda item: item["id"], "dev")


def _count(items):
    return {"totals": {"n": len(items)}, "items": [i["id"] for i in items]}


def test_score_parts_keeps_rows_for_the_tune_part_only():
    items = [{"id": i} for i in MADE_UP_IDS[:30]]
    tune, blind = split(items, key=lambda item: item["id"])
    parts = score_parts(items, lambda item: item["id"], _count)
    assert list(parts) == list(PARTS)
    assert parts["tune"] == {"totals": {"n": len(tune)}, "items": [i["id"] for i in tune]}
    assert parts["blind"] == {"totals": {"n": len(blind)}} and parts["all"] == {"totals": {"n": 30}}
    assert list(score_parts(tune, lambda item: item["id"], _count, "tune")) == ["tune"]


def test_format_totals_puts_the_parts_side_by_side():
    parts = {"tune": {"totals": {"n": 20}}, "blind": {"totals": {"n": 10}}, "all": {"totals": {"n": 30}}}
    table = format_totals(parts, [("items", lambda t: str(t["n"]))]).splitlines()
    assert table[0].split() == ["tune", "blind", "all"]
    assert table[1].split() == ["items", "20", "10", "30"]
