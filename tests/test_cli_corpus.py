"""The read-only store commands and `heron export` through the CLI entry point."""
from __future__ import annotations

import csv
import errno
import io
import json
import os
import shutil
from pathlib import Path

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


@pytest.mark.parametrize("args, expected", [
    ([], ["happened", "planned", "expected", "background"]),
    (["--status", "planned"], ["planned"]),
    (["--status", "happened", "--status", "background"], ["happened", "background"]),
])
def test_events_by_status(status_db, capsys, args, expected):
    assert main(["events", "--db", status_db, "--format", "jsonl", *args]) == 0
    assert [json.loads(line)["status"] for line in capsys.readouterr().out.splitlines()] == expected


def test_events_table_names_a_status_other_than_happened(status_db, capsys):
    assert main(["events", "--db", status_db, "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "CONSULT (planned)" in out and "CONSULT (expected)" in out and "CONSULT (background)" in out


def test_export_leaves_expected_events_out_and_says_so(status_db, capsys):
    assert main(["export", "--db", status_db, "--format", "gdelt-tsv"]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 3 and "left out 1 expected, commentary or unattributed events" in captured.err


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


def test_failed_plot_leaves_the_old_file_and_no_temp_file(db, capsys, tmp_path, monkeypatch):
    from matplotlib.figure import Figure

    png = tmp_path / "rus-blr.png"
    png.write_bytes(b"the plot of yesterday")

    def half_then_fail(self, fname, **kwargs):
        Path(fname).write_bytes(b"\x89PNG half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Figure, "savefig", half_then_fail)
    assert main(["dyad", "RUS", "BLR", "--db", db, "--format", "csv", "--plot", str(png)]) == 1
    assert png.read_bytes() == b"the plot of yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rus-blr.png"]
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "No space left on device" in err[0]


@pytest.mark.parametrize("command", [["stats"], ["events"], ["quotes"], ["counts"]])
def test_a_duckdb_error_while_reading_is_one_line_naming_the_store(db, capsys, monkeypatch, command):
    import heron.store.counts
    import heron.store.query

    def failing_read(con, *args, **kwargs):
        return con.execute("SELECT * FROM no_such_table").fetchall()  # a real DuckDB error from the store

    for module, name in [(heron.store.query, "stats"), (heron.store.query, "events"),
                         (heron.store.query, "quotes"), (heron.store.counts, "counts")]:
        monkeypatch.setattr(module, name, failing_read)
    assert main([*command, "--db", db]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and db in err[0] and "no_such_table" in err[0]


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


# --- where an export may go ------------------------------------------------------------------

@pytest.fixture
def own_db(db, tmp_path) -> Path:
    """A copy of the store for tests that point outputs at it."""
    return Path(shutil.copy(db, tmp_path / "v.duckdb"))


def _leftovers(folder: Path) -> list[str]:
    """Temporary files or folders an export left behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _one_line(err: str) -> str:
    err = err.strip()
    assert err.count("\n") == 0 and "Traceback" not in err, err
    return err


@pytest.mark.parametrize("naming", ["same", "relative", "dotted", "symlink", "hardlink", "wal"])
@pytest.mark.parametrize("force", [[], ["--force"]])
def test_export_onto_the_store_is_refused_and_the_store_kept(own_db, tmp_path, monkeypatch, capsys, naming, force):
    monkeypatch.chdir(tmp_path)
    out = {"same": str(own_db), "relative": "v.duckdb", "dotted": f"{tmp_path}/../{tmp_path.name}/v.duckdb",
           "wal": "v.duckdb.wal"}.get(naming, str(tmp_path / "alias.duckdb"))
    if naming == "symlink":
        (tmp_path / "alias.duckdb").symlink_to(own_db)
    elif naming == "hardlink":
        os.link(own_db, tmp_path / "alias.duckdb")
    before = own_db.read_bytes()
    code = main(["export", "--db", str(own_db), "--format", "plover-jsonl", "--out", out, *force])
    err = _one_line(capsys.readouterr().err)
    assert code == 2
    assert f"--out {Path(out)}" in err and f"--db {own_db}" in err and "the store" in err
    assert own_db.read_bytes() == before and not (tmp_path / "v.duckdb.wal").exists()
    assert main(["stats", "--db", str(own_db), "--json"]) == 0


def test_export_replaces_an_existing_file_only_with_force(db, tmp_path, capsys):
    out = tmp_path / "events.jsonl"
    out.write_text("earlier export\n", encoding="utf-8")
    out.chmod(0o640)
    assert main(["export", "--db", db, "--format", "plover-jsonl", "--out", str(out)]) == 2
    assert "exists; add --force" in _one_line(capsys.readouterr().err)
    assert out.read_text(encoding="utf-8") == "earlier export\n"
    assert main(["export", "--db", db, "--format", "plover-jsonl", "--out", str(out), "--force"]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 8
    assert oct(out.stat().st_mode & 0o777) == oct(0o640)  # the replaced file's mode is kept
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("out, reason", [
    ("folder", "is a folder; give a file path"),
    ("missing/events.tsv", "does not exist; create it first"),
    ("a-file/events.tsv", "does not exist; create it first"),
])
def test_export_to_a_folder_or_a_missing_folder_is_a_usage_error(db, tmp_path, capsys, out, reason):
    (tmp_path / "folder").mkdir()
    (tmp_path / "a-file").write_text("x")
    assert main(["export", "--db", db, "--format", "gdelt-tsv", "--out", str(tmp_path / out)]) == 2
    err = _one_line(capsys.readouterr().err)
    assert reason in err and str(tmp_path / out) in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "folder"]


def _fail_midway(kind: str):
    """An exporter that writes part of its output, then meets a full disk."""
    def exporter(con, target, unique=False, header=False):
        if kind == "file":
            target.write('{"id": "half a record"}\n' * 1000)
            target.flush()
        else:
            (Path(target) / "year=2022").mkdir()
            (Path(target) / "year=2022" / "part-0.parquet").write_bytes(b"PAR1 half")
        raise OSError(errno.ENOSPC, "No space left on device")
    if kind == "folder":  # it stands in for a folder exporter, and says so as the real one does
        from heron.store.export import writes_folder

        return writes_folder(exporter)
    return exporter


@pytest.mark.parametrize("fmt, name, kind", [("plover-jsonl", "plover_jsonl", "file"),
                                             ("gdelt-tsv", "gdelt_tsv", "file"),
                                             ("parquet", "parquet", "folder")])
@pytest.mark.parametrize("earlier", [False, True])
def test_export_that_fails_midway_leaves_no_partial_output(db, tmp_path, capsys, monkeypatch, fmt, name, kind,
                                                           earlier):
    from heron.store import export as exporters

    out = tmp_path / "out"
    if earlier:  # an earlier complete export, which --force would replace
        assert main(["export", "--db", db, "--format", fmt, "--out", str(out)]) == 0
    before = sorted((str(p.relative_to(tmp_path)), p.read_bytes() if p.is_file() else None) for p in tmp_path.rglob("*"))
    capsys.readouterr()
    monkeypatch.setattr(exporters, f"export_{name}", _fail_midway(kind))
    assert main(["export", "--db", db, "--format", fmt, "--out", str(out), "--force"]) == 1
    err = _one_line(capsys.readouterr().err)
    assert f"{out}: could not write the export: No space left on device; nothing was written" in err
    assert "the disk is full" in err and ("the existing output is unchanged" in err) == earlier
    after = sorted((str(p.relative_to(tmp_path)), p.read_bytes() if p.is_file() else None) for p in tmp_path.rglob("*"))
    assert after == before and _leftovers(tmp_path) == []


def test_parquet_export_replaces_only_an_earlier_parquet_folder(own_db, tmp_path, capsys):
    out = tmp_path / "pq"
    assert main(["export", "--db", str(own_db), "--format", "parquet", "--out", str(out)]) == 0
    stale = out / "year=1999" / "month=1" / "part-0.parquet"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"from an older export")
    capsys.readouterr()
    assert main(["export", "--db", str(own_db), "--format", "parquet", "--out", str(out)]) == 2
    assert "not empty; give a new folder, or add --force" in _one_line(capsys.readouterr().err)
    assert main(["export", "--db", str(own_db), "--format", "parquet", "--out", str(out), "--force"]) == 0
    assert not stale.exists() and sorted(p.name for p in out.iterdir()) == ["year=2022"]
    capsys.readouterr()
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "todo.txt").write_text("keep me")
    assert main(["export", "--db", str(own_db), "--format", "parquet", "--out", str(notes), "--force"]) == 2
    assert "holds todo.txt, which is not Parquet" in _one_line(capsys.readouterr().err)
    assert (notes / "todo.txt").read_text() == "keep me"
    assert main(["export", "--db", str(own_db), "--format", "parquet", "--out", str(tmp_path), "--force"]) == 2
    assert "holds the store" in _one_line(capsys.readouterr().err)
    assert main(["export", "--db", str(own_db), "--format", "parquet", "--out", str(notes / "todo.txt")]) == 2
    assert "is a file; --format parquet writes a folder" in _one_line(capsys.readouterr().err)
    assert main(["export", "--db", str(own_db), "--format", "parquet", "--out", str(own_db), "--force"]) == 2
    assert "is the store" in _one_line(capsys.readouterr().err)
    assert own_db.stat().st_size > 0 and _leftovers(tmp_path) == []


@pytest.mark.parametrize("speaker", ["%", "_", "%%", "\\"])
def test_quotes_speaker_wildcards_match_nothing_but_themselves(db, capsys, speaker):
    assert main(["quotes", "--db", db, "--speaker", speaker, "--format", "jsonl"]) == 0
    assert capsys.readouterr().out == ""


def test_store_commands_refuse_a_database_that_is_not_a_heron_store(tmp_path, capsys):
    import duckdb

    path = tmp_path / "sales.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE orders (id INTEGER)")
    assert main(["stats", "--db", str(path)]) == 2
    err = _one_line(capsys.readouterr().err)
    assert str(path) in err and "not a heron store (it holds the tables orders)" in err


EXPORT_ON_A_SMALL_DISK = """
import contextlib, io, json, os, sys
from pathlib import Path
from conftest import fill_disk
from heron.cli import main

disk, db = Path(sys.argv[1]), sys.argv[2]

def export(fmt, out, *extra):
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["export", "--db", db, "--format", fmt, "--out", str(disk / out), *extra])
    return code, err.getvalue()

def listing():
    return sorted([str(p.relative_to(disk)), p.read_text() if p.suffix == ".jsonl" else None]
                  for p in disk.rglob("*") if p.name != "filler")

result = {"first": export("plover-jsonl", "events.jsonl")}
result["before"] = listing()
fill_disk(disk)
result["file"] = export("plover-jsonl", "events.jsonl", "--force", "--unique")
result["parquet"] = export("parquet", "pq")
result["after"] = listing()
print(json.dumps(result))
"""


def test_export_on_a_real_full_disk_leaves_the_old_file_and_no_partial_output(db, small_disk):
    disk, run = small_disk
    finished = run("1m", EXPORT_ON_A_SMALL_DISK, db)
    assert finished.returncode == 0, finished.stderr
    result = json.loads(finished.stdout.splitlines()[-1])
    assert result["first"][0] == 0 and [name for name, _ in result["before"]] == ["events.jsonl"]
    for key, out in (("file", "events.jsonl"), ("parquet", "pq")):
        code, err = result[key]
        assert code == 1 and _one_line(err).startswith(f"heron: error: {disk / out}: could not write the export: ")
        assert "No space left on device" in err and "nothing was written" in err
    assert "the existing output is unchanged" in result["file"][1]
    assert result["after"] == result["before"]  # the old export, byte for byte, and no temporary files


@pytest.mark.parametrize("plot, reason", [("v.duckdb", "is the store --db"), ("rus-blr.txt", "cannot draw a .txt file")])
def test_dyad_plot_onto_the_store_or_of_an_unknown_type_is_a_usage_error(own_db, tmp_path, capsys, plot, reason):
    before = own_db.read_bytes()
    assert main(["dyad", "RUS", "BLR", "--db", str(own_db), "--format", "csv", "--plot", str(tmp_path / plot)]) == 2
    assert reason in _one_line(capsys.readouterr().err)
    assert own_db.read_bytes() == before and not (tmp_path / "rus-blr.txt").exists()
