"""Partitions read back exactly what the readers give; the Dask engine stores what the local one does."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from heron.engines import open_engine
from heron.engines.partitions import count_inputs, partitions, read_partition
from heron.errors import InputError, UsageError
from heron.ingest import read_paths
from heron.runner import code_paths, ingest_paths
from heron.store import Store
from test_ingest_corpus import write_warc
from test_runner import STORIES, settings_for, snapshot, write


def as_pairs(items) -> list[tuple]:
    return [(type(i).__name__, i.origin, getattr(i, "text", None) or getattr(i, "reason", None)) for i in items]


def corpus(tmp_path: Path) -> list[str]:
    """A folder of texts, a JSONL file with blank and bad lines, WARCs, a feed-less xml, a missing file."""
    folder = write(tmp_path / "texts")
    lines = [json.dumps({"id": f"j{n}", "text": story}) for n, story in enumerate(STORIES)]
    (tmp_path / "many.jsonl").write_text("\n".join([lines[0], "", "{oops", *lines[1:], "", ""]) + "\n",
                                         encoding="utf-8")
    (tmp_path / "empty.jsonl").write_text("\n\n", encoding="utf-8")
    (tmp_path / "odd.xml").write_text("", encoding="utf-8")
    archives = [str(write_warc(tmp_path / name)) for name in ("crawl.warc", "crawl.warc.gz")]
    return [str(folder), str(tmp_path / "many.jsonl"), str(tmp_path / "empty.jsonl"), *archives,
            str(tmp_path / "odd.xml"), str(tmp_path / "missing.txt")]


@pytest.mark.parametrize("size", [1, 2, 3, 32])
def test_partitions_read_back_what_the_readers_read(tmp_path, size):
    paths = corpus(tmp_path)
    planned = list(partitions(paths, size))
    assert [p.number for p in planned] == list(range(len(planned)))
    assert all(p.size <= size for p in planned if len(p.pieces) > 1)
    read = [item for partition in planned for item in read_partition(partition)]
    assert as_pairs(read) == as_pairs(read_paths(paths))
    assert count_inputs(paths) == len(read)


def test_jsonl_and_warc_are_cut_into_ranges_read_apart(tmp_path):
    paths = corpus(tmp_path)
    kinds = [piece.kind for partition in partitions(paths, 2) for piece in partition.pieces]
    assert kinds.count("jsonl") == 3 and kinds.count("warc") == 4  # 6 lines; 3 responses per archive


def test_code_on_workers_prints_what_one_process_prints(tmp_path, settings):
    paths = corpus(tmp_path)
    here = [r.to_dict() if not isinstance(r, InputError) else str(r) for r in code_paths(paths, settings)]
    with open_engine("local", 2) as engine:
        pooled = [r.to_dict() if not isinstance(r, InputError) else str(r)
                  for r in code_paths(paths, settings, engine=engine)]
    assert pooled == here and len(here) == count_inputs(paths)


def pipelines_held() -> int:
    """Worker task: how many pipelines this process holds before coding anything."""
    from heron.runner import _built_pipeline

    return _built_pipeline.cache_info().currsize


def test_code_forks_workers_that_share_the_loaded_pipeline(tmp_path, settings):
    from dataclasses import replace

    from heron.engines.local import LocalEngine
    from heron.runner import _built_pipeline, _pipeline_for

    paths = corpus(tmp_path)
    here = [r.to_dict() if not isinstance(r, InputError) else str(r) for r in code_paths(paths, settings)]
    forked = [r.to_dict() if not isinstance(r, InputError) else str(r)
              for r in code_paths(paths, replace(settings, workers=2))]  # its own engine, forked
    assert forked == here
    _built_pipeline.cache_clear()
    loads = []
    with LocalEngine(2, preload=lambda: loads.append(_pipeline_for(settings))) as engine:
        held = list(engine.map(pipelines_held, [()] * 4))
    assert len(loads) == 1 and held == [1] * 4  # loaded here once, inherited by every worker
    with LocalEngine(2) as engine:  # spawned: a worker loads its own when it first codes
        assert list(engine.map(pipelines_held, [()] * 2)) == [0, 0]


def test_dask_engine_stores_what_the_local_engine_stores(tmp_path):
    from heron.engines.dask import DaskEngine

    paths = corpus(tmp_path)
    local = settings_for(tmp_path / "local.duckdb", batch_size=3)
    dask = settings_for(tmp_path / "dask.duckdb", batch_size=3)
    expected = ingest_paths(paths, local)
    with DaskEngine.in_process(2) as engine:
        report = ingest_paths(paths, dask, engine=engine)
        again = ingest_paths(paths, dask, engine=engine)  # resumable: nothing is coded twice
    assert (report.articles, report.failed) == (expected.articles, expected.failed) and report.articles > 0
    assert (again.articles, again.skipped) == (0, again.inputs)
    assert snapshot(dask.db) == snapshot(local.db)


def test_three_ingests_store_what_one_ingest_stores(tmp_path):
    folder = write(tmp_path / "texts")
    files = sorted(str(p) for p in folder.iterdir())
    once = settings_for(tmp_path / "once.duckdb")
    fed = settings_for(tmp_path / "fed.duckdb")
    ingest_paths(files, once)
    for part in (files[:2], files[2:4], files[4:]):
        ingest_paths(part, fed)
    assert snapshot(fed.db) == snapshot(once.db)


def test_an_unknown_engine_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown engine"):
        open_engine("spark")


def test_an_unreachable_scheduler_is_a_clear_error():
    from heron.engines.dask import DaskEngine
    from heron.errors import HeronError

    with pytest.raises(HeronError, match="cannot reach the Dask scheduler"):
        DaskEngine(1, "tcp://127.0.0.1:9", timeout="2s")
