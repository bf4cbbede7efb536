"""Partitions read back exactly what the readers give; the Dask engine stores what the local one does."""
from __future__ import annotations

import json
from itertools import accumulate
from pathlib import Path

import pytest

from heron.config import Limits
from heron.engines import open_engine
from heron.engines.partitions import TEXT_PARTS, count_inputs, partitions, read_partition
from heron.errors import InputError, UsageError
from heron.ingest import read_paths
from heron.runner import code_paths, ingest_paths
from heron.store import Store
from heron.types import RawDocument
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


# --- a .txt file over the one-article limit: planned as ranges of parts ------------------

PART_LIMITS = Limits(text_bytes=3000)  # with PART_BYTES 1000: a file over 3000 bytes is read in parts
CLAUSE = "Officials in Minsk said the talks would go on. "


def large_texts(folder: Path) -> dict[str, bytes]:
    """Contents of .txt files over the (lowered) limit, each cut its own way."""
    paragraphs = [f"Абзац {n}: {CLAUSE * (1 + n % 3)}" for n in range(40)]
    return {
        "paragraphs.txt": "\n\n".join(paragraphs).encode("utf-8"),
        "cp1251.txt": "\n\n".join(paragraphs).encode("cp1251"),
        "lines.txt": "\n".join(paragraphs).encode("utf-8"),  # no blank line: cut at line ends
        "one-line.txt": (CLAUSE * 150).encode("utf-8"),  # no line break: cut at sentence ends
        "no-spaces.txt": ("a" + "я" * 3001).encode("utf-8"),  # no break: byte 1000 is inside a letter
        "euro-signs.txt": ("€" * 1100).encode("utf-8"),  # three-byte characters, no break
        "blank-middle.txt": (CLAUSE * 40 + " " * 2500 + "\n" + CLAUSE * 40).encode("utf-8"),  # a blank part
    }


@pytest.fixture
def small_parts(monkeypatch):
    monkeypatch.setattr("heron.ingest.text.PART_BYTES", 1000)


@pytest.mark.parametrize("name", sorted(large_texts(Path("."))))
@pytest.mark.parametrize("size", [1, 2, 3, 1000])
def test_large_text_is_planned_as_ranges_of_parts(tmp_path, small_parts, name, size):
    path = tmp_path / name
    path.write_bytes(large_texts(tmp_path)[name])
    planned = list(partitions([str(path)], size, PART_LIMITS))
    pieces = [piece for partition in planned for piece in partition.pieces]
    read = [item for partition in planned for item in read_partition(partition, PART_LIMITS)]
    whole = list(read_paths([str(path)], PART_LIMITS))
    assert {piece.kind for piece in pieces} == {"text"} and all(len(p.pieces) == 1 for p in planned)
    assert len(pieces) == -(-len(read) // min(size, TEXT_PARTS))  # full ranges, the last one the rest
    assert as_pairs(read) == as_pairs(whole) and len(whole) > 3
    assert [origin for piece in pieces for origin in piece.origins] == [item.origin for item in read]
    assert all(isinstance(item, RawDocument) for item in read)
    original = path.read_bytes().decode("cp1251" if name.startswith("cp") else "utf-8")
    assert "".join(item.text for item in read).split() == original.split()  # no word lost (a blank part may be)
    ends = [piece.parts.end for piece in pieces]
    assert [piece.parts.start for piece in pieces] == [0, *ends[:-1]]  # contiguous, nothing left out
    assert count_inputs([str(path)], PART_LIMITS) == len(read)


@pytest.mark.parametrize("size", [1, 3, 32])
def test_a_corpus_with_a_large_text_reads_back_what_the_readers_read(tmp_path, small_parts, size):
    big = tmp_path / "dump.txt"
    big.write_bytes(large_texts(tmp_path)["paragraphs.txt"])
    utf16 = tmp_path / "wide.txt"  # too large for one article, and cannot be cut: read whole, an error
    utf16.write_bytes("\n\n".join(f"Абзац {n}." for n in range(300)).encode("utf-16"))
    paths = [*corpus(tmp_path)[:2], str(big), str(utf16), *corpus(tmp_path)[2:]]
    planned = list(partitions(paths, size, PART_LIMITS))
    read = [item for partition in planned for item in read_partition(partition, PART_LIMITS)]
    assert as_pairs(read) == as_pairs(read_paths(paths, PART_LIMITS))
    assert count_inputs(paths, PART_LIMITS) == len(read)
    assert [i.origin for i in read if isinstance(i, InputError) and "wide" in i.origin] == [str(utf16)]
    assert all(len(p.pieces) == 1 for p in planned if any(piece.kind == "text" for piece in p.pieces))


@pytest.mark.parametrize("name", ["no-spaces.txt", "euro-signs.txt"])
def test_cuts_between_characters_never_split_one(tmp_path, small_parts, name):
    path = tmp_path / name
    path.write_bytes(large_texts(tmp_path)[name])
    [partition] = partitions([str(path)], 100, PART_LIMITS)
    docs = list(read_partition(partition, PART_LIMITS))
    sizes = [len(doc.text.encode("utf-8")) for doc in docs]
    assert all(isinstance(doc, RawDocument) for doc in docs) and "".join(d.text for d in docs) == path.read_text("utf-8")
    assert all(990 < size < 1000 for size in sizes[:-1])  # cut back off the character byte 1000 falls in
    assert list(partition.pieces[0].parts.ends) == list(accumulate(sizes))


def test_blank_parts_give_no_document_and_keep_their_number(tmp_path, small_parts):
    path = tmp_path / "blank-middle.txt"
    path.write_bytes(large_texts(tmp_path)["blank-middle.txt"])
    origins = [o for partition in partitions([str(path)], 2, PART_LIMITS) for p in partition.pieces for o in p.origins]
    numbers = [int(origin.rsplit("-", 1)[1]) for origin in origins]
    assert numbers != list(range(1, len(numbers) + 1)) and numbers == sorted(numbers)


@pytest.mark.parametrize("change", ["append", "same-size", "truncate"])
def test_a_text_file_changed_after_planning_gives_errors_for_its_parts(tmp_path, small_parts, change):
    path = tmp_path / "paragraphs.txt"
    data = large_texts(tmp_path)["paragraphs.txt"]
    path.write_bytes(data)
    planned = list(partitions([str(path)], 3, PART_LIMITS))
    changed = {"append": data + b"\n\nA late paragraph.",
               "same-size": data.replace(b"\n\n", b"ab"),  # no paragraph break left where the cuts were
               "truncate": data[:len(data) // 2]}[change]
    path.write_bytes(changed)
    read = [item for partition in planned for item in read_partition(partition, PART_LIMITS)]
    planned_origins = [o for partition in planned for piece in partition.pieces for o in piece.origins]
    errors = [item for item in read if isinstance(item, InputError)]
    assert [item.origin for item in read] == planned_origins[:len(read)] and errors
    assert all("changed while heron read it" in error.reason for error in errors)
    assert len(read) == len(planned_origins)  # every planned part is given or recorded as failed


def test_a_text_file_removed_after_planning_is_an_input_error(tmp_path, small_parts):
    path = tmp_path / "paragraphs.txt"
    path.write_bytes(large_texts(tmp_path)["paragraphs.txt"])
    planned = list(partitions([str(path)], 3, PART_LIMITS))
    path.unlink()
    read = [item for partition in planned for item in read_partition(partition, PART_LIMITS)]
    assert read and all(isinstance(i, InputError) and "cannot read" in i.reason for i in read)


def test_a_compressed_large_text_is_read_here_and_carried(tmp_path, small_parts):
    import gzip

    path = tmp_path / "paragraphs.txt.gz"
    path.write_bytes(gzip.compress(large_texts(tmp_path)["paragraphs.txt"]))
    planned = list(partitions([str(path)], 3, PART_LIMITS))
    assert {piece.kind for partition in planned for piece in partition.pieces} == {"items"}
    assert all(partition.size <= 3 for partition in planned) and len(planned) > 1
    read = [item for partition in planned for item in read_partition(partition, PART_LIMITS)]
    assert as_pairs(read) == as_pairs(read_paths([str(path)], PART_LIMITS))
