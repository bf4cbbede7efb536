"""`heron dyad` over time: --since/--until, empty periods with zero counts, a readable period
for the span, several dyads on one chart."""
from __future__ import annotations

import csv
import io
import json

import pytest

from heron.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_empty_periods_count_zero_and_have_no_goldstein(timeline_db, capsys):
    code, out, _ = run(capsys, "dyad", "RUS", "BLR", "--db", timeline_db, "--by", "month",
                       "--since", "2020-06-01", "--until", "2020-09-30", "--format", "json")
    assert code == 0
    series = json.loads(out)
    assert [p["period"] for p in series["periods"]] == ["2020-06", "2020-07", "2020-08", "2020-09"]
    assert [p["total"] for p in series["periods"]] == [0, 2, 1, 0]
    assert series["periods"][0]["goldstein"] is None and series["periods"][1]["goldstein"] == pytest.approx(3.5)
    assert (series["since"], series["until"]) == ("2020-06-01", "2020-09-30")


@pytest.mark.parametrize("since, until, period", [
    (None, None, "quarter"),  # ten years -> 40 quarters, not 120 months
    ("2020-07-01", "2020-09-30", "week"),  # three months -> 14 weeks
    ("2020-07-01", "2020-07-31", "day"),
])
def test_auto_period_is_readable_for_the_span(timeline_db, capsys, since, until, period):
    args = [a for pair in (("--since", since), ("--until", until)) if pair[1] for a in pair]
    code, out, _ = run(capsys, "dyad", "RUS", "BLR", "--db", timeline_db, *args, "--format", "json")
    series = json.loads(out)
    assert code == 0 and series["by"] == period
    assert len(series["periods"]) <= 60


def test_several_dyads_share_periods_in_csv(timeline_db, capsys):
    code, out, _ = run(capsys, "dyad", "RUS", "BLR", "--vs", "USA", "UKR", "--db", timeline_db, "--by", "year",
                       "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    by_dyad = {}
    for row in rows:
        by_dyad.setdefault(row["dyad"], []).append((row["period"], int(row["total"])))
    assert list(by_dyad) == ["RUS->BLR", "USA->UKR"]
    assert [p for p, _ in by_dyad["RUS->BLR"]] == [p for p, _ in by_dyad["USA->UKR"]] == \
        [str(y) for y in range(2015, 2025)]
    assert dict(by_dyad["USA->UKR"])["2020"] == 1 and dict(by_dyad["USA->UKR"])["2018"] == 0


@pytest.mark.parametrize("span", [[], ["--since", "2020-07-01", "--until", "2020-09-30"]])
def test_chart_of_several_dyads_is_written(timeline_db, capsys, tmp_path, span):
    png = tmp_path / "dyads.png"
    code, _, err = run(capsys, "dyad", "RUS", "BLR", "--vs", "USA", "UKR", "--db", timeline_db, *span,
                       "--format", "csv", "--plot", str(png))
    assert code == 0, err
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000


def test_since_after_until_is_a_usage_error(timeline_db, capsys):
    code, _, err = run(capsys, "dyad", "RUS", "BLR", "--db", timeline_db, "--since", "2021-01-01",
                       "--until", "2020-01-01")
    assert code == 2 and "--since 2021-01-01 is after --until 2020-01-01" in err


def test_negated_event_is_left_out_of_the_series(timeline_db, capsys):
    _, out, _ = run(capsys, "dyad", "RUS", "BLR", "--db", timeline_db, "--by", "month", "--since", "2015-02-01",
                    "--until", "2015-02-28", "--format", "json")
    assert json.loads(out)["periods"] == [{"period": "2015-02", "quad_1": 1, "quad_2": 0, "quad_3": 0,
                                          "quad_4": 0, "total": 1, "goldstein": 4.0}]
