"""`heron counts`: event counts per period by type, country or actor, zero where nothing happened."""
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


def test_counts_by_month_and_event_fill_every_month(timeline_db, capsys):
    code, out, _ = run(capsys, "counts", "--db", timeline_db, "--by", "month", "--since", "2020-07-01",
                       "--until", "2020-09-30", "--format", "json")
    found = json.loads(out)
    assert code == 0 and (found["by"], found["group"]) == ("month", "event")
    table = {(r["period"], r["event"]): r["events"] for r in found["rows"]}
    assert set(table) == {(m, e) for m in ("2020-07", "2020-08", "2020-09")
                          for e in ("ACCUSE", "CONSULT", "COOPERATE", "MOBILIZE")}
    assert table[("2020-07", "CONSULT")] == 1 and table[("2020-08", "ACCUSE")] == 1
    assert table[("2020-08", "CONSULT")] == 0


@pytest.mark.parametrize("group, key, total", [("country", "UKR", 2), ("actor", "USA", 2), ("event", "ACCUSE", 2)])
def test_counts_grouped_as_csv(timeline_db, capsys, group, key, total):
    code, out, _ = run(capsys, "counts", "--db", timeline_db, "--by", "year", "--group", group, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and list(rows[0]) == ["period", group, "events"]
    assert sum(int(r["events"]) for r in rows if r[group] == key) == total  # the negated ACCUSE left out
    assert {r["period"] for r in rows} == {str(y) for y in range(2015, 2025)}


def test_counts_filtered_by_event_country_and_actor(timeline_db, capsys):
    code, out, _ = run(capsys, "counts", "--db", timeline_db, "--by", "week", "--event", "accuse",
                       "--country", "SYR", "--actor", "rus", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and rows == [{"period": "2020-08-24", "event": "ACCUSE", "events": 1}]


def test_counts_table_on_request(timeline_db, capsys):
    code, out, _ = run(capsys, "counts", "--db", timeline_db, "--by", "quarter", "--group", "actor",
                       "--format", "table")
    assert code == 0 and "2020-Q3" in out and "negated events left out" in out


def test_counts_by_country_of_unique_events_is_refused(timeline_db, capsys):
    code, _, err = run(capsys, "counts", "--db", timeline_db, "--group", "country", "--unique")
    assert code == 2 and "no single place" in err
