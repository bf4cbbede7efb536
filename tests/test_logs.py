"""Warnings logged on workers reach stderr as the main process's do: one `heron: warning:` line each."""
from __future__ import annotations

import logging
import pickle

import pytest

from heron.cli import main
from heron.logs import LineHandler, collected, log_line, replay
from warc_records import archive, record, response, warcinfo

SKIPPED = "3 response records read; skipped records that hold no page: 1 request, 1 warcinfo"


@pytest.fixture
def lines():
    """What heron's line handler writes while the test runs."""
    written: list[str] = []
    handler = LineHandler(written.append)
    logging.getLogger("heron").addHandler(handler)
    yield written
    logging.getLogger("heron").removeHandler(handler)


def test_warnings_logged_in_a_task_are_held_and_replayed_as_lines(lines):
    with collected() as logged:
        logging.getLogger("heron.ingest.warc").warning("%s: %s", "crawl\x1b[2J.warc", "skipped 1 request")
        logging.getLogger("some.library").warning("a library's record")
        logging.getLogger("heron.ingest.warc").info("below the warning level")
    assert lines == []  # nothing printed while the task runs
    assert [(r.name, r.level) for r in logged] == [("heron.ingest.warc", logging.WARNING),
                                                   ("some.library", logging.WARNING)]
    replay(pickle.loads(pickle.dumps(logged)))  # as they cross back from a worker
    assert lines == [log_line("warning", "crawl\x1b[2J.warc: skipped 1 request")]
    assert lines == ["heron: warning: crawl\\x1b[2J.warc: skipped 1 request"]  # the library's record stays silent


def test_outside_a_task_warnings_are_lines_at_once(lines):
    logging.getLogger("heron.pipeline.knowledge_cache").warning("cache entry damaged")
    assert lines == ["heron: warning: cache entry damaged"]


def unsplittable_warc(path):
    """A .warc.gz with a record without Content-Length: it cannot be cut into record ranges, so a
    worker reads it whole, and warns there about the records that hold no page."""
    request = record({"WARC-Type": "request", "Content-Length": 2}, b"GE")
    records = [warcinfo(), request, response(1), response(2, Content_Length=None), response(3)]
    path.write_bytes(archive(records, gz=True)[0])
    return path


@pytest.mark.parametrize("command", [["ingest", "--db", "{tmp}/t.duckdb"], ["code", "--json"]],
                         ids=["ingest-spawned-workers", "code-forked-workers"])
def test_a_warning_from_a_worker_process_is_a_heron_line(tmp_path, capfd, command):
    warc = unsplittable_warc(tmp_path / "crawl.warc.gz")
    capfd.readouterr()
    code = main([command[0], str(warc), "--workers", "2", *(a.format(tmp=tmp_path) for a in command[1:])])
    err = capfd.readouterr().err  # file descriptor 2: what the workers write too
    assert code == 1  # the record without Content-Length failed, and says so
    warned = [line for line in err.splitlines() if "hold no page" in line]
    assert warned == [f"heron: warning: {warc}: {SKIPPED}"], err
    assert all(line.startswith("heron: ") for line in err.splitlines() if line.strip()), err
