"""The read-only store commands and `heron export` through the CLI entry point."""
from __future__ import annotations

import csv
import io
import json

import pytest

from heron.cli import main
from store_articles import build_store


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    return str(build_store(tmp_path_factory.mktemp("store") / "corpus.duckdb"))


def test_stats_json(db, capsys):
    assert main(["stats", "--db", db, "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)
    assert (counts["articles"], counts["events"], counts["unique_events"]) == (3, 9, 5)


def test_stats_table(db, capsys):
    assert main(["stats", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "unique_events" in out and "clusters" in out


def test_stats_reads_heron_db_from_environment(db, capsys, monkeypatch):
    monkeypatch.setenv("HERON_DB", db)
    assert main(["stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["quotes"] == 3


@pytest.mark.parametrize("args, expected", [
    ([], 9),
    (["--actor", "RUS", "--recipient", "BLR"], 6),  # the negated one is listed, flagged
    (["--event", "ACCUSE"], 2),
    (["--since", "2022-07-01", "--until", "2022-07-12"], 2),
    (["--unique"], 5),
    (["--unique", "--limit", "1"], 1),
])
def test_events_jsonl(db, capsys, args, expected):
    assert main(["events", "--db", db, "--format", "jsonl", *args]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == expected
    assert all("event" in json.loads(line) for line in lines)


def test_events_csv_and_table(db, capsys):
    assert main(["events", "--db", db, "--format", "csv", "--event", "CONSULT"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 2 and rows[0]["actor_codes"] == "RUS" and rows[0]["mode"] == "visit"
    assert main(["events", "--db", db, "--format", "table", "--event", "CONSULT"]) == 0
    assert "held talks" in capsys.readouterr().out


def test_events_bad_date_is_a_usage_error(db, capsys):
    assert main(["events", "--db", db, "--since", "June 2022"]) == 2


def test_dyad_json_and_plot(db, capsys, tmp_path):
    png = tmp_path / "plots" / "rus-blr.png"
    assert main(["dyad", "RUS", "BLR", "--db", db, "--by", "week", "--format", "json", "--plot", str(png)]) == 0
    captured = capsys.readouterr()
    series = json.loads(captured.out)
    assert [p["total"] for p in series["periods"]] == [2, 0, 0, 1]  # empty weeks count zero
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 10_000
    assert "plot written" in captured.err


def test_dyad_csv_both_directions(db, capsys):
    assert main(["dyad", "RUS", "BLR", "--db", db, "--by", "month", "--format", "csv", "--both-directions",
                 "--mentions"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["period"] == "2022-06" and rows[0]["total"] == "6"


def test_dyad_plot_without_events_fails_clearly(db, capsys, tmp_path):
    assert main(["dyad", "USA", "CHN", "--db", db, "--format", "csv", "--plot", str(tmp_path / "x.png")]) == 1
    assert "nothing to plot" in capsys.readouterr().err


def test_quotes_csv(db, capsys):
    assert main(["quotes", "--db", db, "--speaker", "spokesman", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 1 and rows[0]["direct"] == "False"


def test_export_gdelt_to_file_with_header(db, capsys, tmp_path):
    out = tmp_path / "events.tsv"
    assert main(["export", "--db", db, "--format", "gdelt-tsv", "--header", "--out", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("GLOBALEVENTID\tSQLDATE")
    assert len(lines) == 9
    err = capsys.readouterr().err
    assert "exported 8 gdelt-tsv records" in err and "left out 1 negated" in err


def test_export_plover_to_stdout(db, capsys):
    assert main(["export", "--db", db, "--format", "plover-jsonl", "--unique"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(records) == 5 and all(r["event"] for r in records)


def test_export_parquet(db, capsys, tmp_path):
    out = tmp_path / "pq"
    assert main(["export", "--db", db, "--format", "parquet", "--out", str(out)]) == 0
    assert list(out.rglob("*.parquet"))


def test_export_parquet_needs_out(db, capsys):
    assert main(["export", "--db", db, "--format", "parquet"]) == 2


@pytest.mark.parametrize("command", [["stats"], ["events"], ["dyad", "RUS", "BLR"], ["quotes"],
                                     ["export", "--format", "gdelt-tsv"]])
def test_missing_store_is_one_line_error(command, capsys, tmp_path):
    missing = str(tmp_path / "absent.duckdb")
    assert main([*command, "--db", missing]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "no such store" in err and missing in err
