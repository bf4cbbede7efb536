"""The knowledge cache: built knowledge kept on disk gives the same records as knowledge built
afresh, is rebuilt when what it was built from changes, and a damaged entry is rebuilt with a
warning, never read. Every test uses the session's own cache folder or a temporary one."""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest

from conftest import EXAMPLES
from heron.cli import main
from heron.config import Settings
from heron.ingest import read_paths
from heron.pipeline import build_pipeline
from heron.pipeline.knowledge import knowledge_for, knowledge_key, load_knowledge, source_key
from heron.pipeline.knowledge_cache import FORMAT, KnowledgeCache, folder_digest

KEY = "ab" * 32
OTHER_KEY = "cd" * 32
ACTORS = "name,kind,code\nVelmora Basin Council,organisation,{code}\n"
TEXT = "The Velmora Basin Council imposed sanctions on Russia on Monday."


def _records(pipeline) -> list[dict]:
    out = []
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix in (".txt", ".html"):
            [raw] = list(read_paths([str(path)]))
            raw.origin = f"examples/{path.name}"
            out.append(pipeline.process(raw).to_dict())
    return out


def _entries(folder: Path, kind: str) -> list[Path]:
    return [p for p in KnowledgeCache(folder).entries() if p.name.startswith(f"{kind}-")]


def test_cached_knowledge_codes_the_examples_as_a_fresh_build(cache_dir):
    fresh = knowledge_for(Settings(cache=False))
    knowledge_for(Settings())  # writes the session's entry, when no test has yet
    assert _entries(cache_dir, "knowledge-en") and _entries(cache_dir, "shared")
    cached = load_knowledge.__wrapped__("en", None, (), (), cache_dir)  # read back from disk
    assert cached is not fresh and cached.places.by_iso3 is knowledge_for(Settings()).places.by_iso3
    assert cached.actors.counts() == fresh.actors.counts()
    assert cached.matcher.names == fresh.matcher.names
    settings = Settings(default_date="2022-07-01")
    assert _records(build_pipeline(settings, knowledge=cached)) == _records(build_pipeline(settings, knowledge=fresh))


def test_a_changed_actor_file_is_a_new_entry(tmp_path, cache_dir, code_text):
    actors = tmp_path / "basin.csv"
    found = []
    for code in ("IGO", "NGO"):
        actors.write_text(ACTORS.format(code=code), encoding="utf-8")
        knowledge = load_knowledge.__wrapped__("en", None, (actors,), (), cache_dir)
        found.append(next(e.offices[0].code for e in knowledge.actors.entries if e.name == "Velmora Basin Council"))
    assert found == ["IGO", "NGO"]  # the second build read the file again, not the first one's entry


def test_a_changed_data_file_changes_the_folder_digest(tmp_path):
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "lexicon" / "consult.yaml").write_text("event: CONSULT\n", encoding="utf-8")
    before = folder_digest(tmp_path)
    (tmp_path / "lexicon" / "consult.yaml").write_text("event: CONSULT \n", encoding="utf-8")
    assert folder_digest(tmp_path) != before


def test_a_damaged_knowledge_entry_is_rebuilt_with_a_warning(cache_dir, caplog):
    knowledge = knowledge_for(Settings())
    key = knowledge_key(source_key(), knowledge.language, knowledge.nlp, (), ())
    entry = KnowledgeCache(cache_dir).path("knowledge-en", key)
    data = entry.read_bytes()
    entry.write_bytes(data[: len(data) // 2])  # a half-written file, as if a writer died (heron renames)
    with caplog.at_level(logging.WARNING, logger="heron"):
        rebuilt = load_knowledge.__wrapped__("en", None, (), (), cache_dir)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "is damaged" in warnings[0] and "rebuilding" in warnings[0]
    assert rebuilt.actors.counts() == knowledge_for(Settings()).actors.counts()
    assert entry.read_bytes() != data[: len(data) // 2]  # written anew
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="heron"):
        load_knowledge.__wrapped__("en", None, (), (), cache_dir)
    assert not caplog.records  # and read without complaint


@pytest.mark.parametrize("damage", ["truncate", "flip", "other key", "not ours", "empty"])
def test_a_damaged_entry_reads_as_absent_with_one_warning(tmp_path, caplog, damage):
    cache = KnowledgeCache(tmp_path)
    path = cache.write("thing", KEY, {"a": [1, 2, 3]})
    data = path.read_bytes()
    damaged = {"truncate": data[:-5], "flip": data[:-3] + bytes([data[-3] ^ 1]) + data[-2:],
               "other key": data.replace(KEY.encode(), OTHER_KEY.encode()),
               "not ours": b"\x80\x05K\x01.", "empty": b""}[damage]
    path.write_bytes(damaged)
    with caplog.at_level(logging.WARNING, logger="heron"):
        assert cache.read("thing", KEY) is None
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    assert str(path) in caplog.records[0].getMessage()


def test_an_entry_reads_back_and_misses_are_silent(tmp_path, caplog):
    cache = KnowledgeCache(tmp_path)
    with caplog.at_level(logging.WARNING, logger="heron"):
        assert cache.read("thing", KEY) is None  # no entry yet: a miss, not a problem
        cache.write("thing", KEY, {"a": (1, 2)})
        assert cache.read("thing", KEY) == {"a": (1, 2)}
        assert cache.read("thing", OTHER_KEY) is None
    assert not caplog.records
    assert cache.path("thing", KEY).read_bytes().startswith(FORMAT)
    assert not list(tmp_path.glob(".*.tmp"))  # the temporary file was renamed into place


def test_an_unreadable_entry_is_rebuilt_with_a_warning(tmp_path, caplog):
    cache = KnowledgeCache(tmp_path)
    path = cache.write("thing", KEY, [1])
    path.unlink()
    path.mkdir()  # something there that cannot be read as a file
    with caplog.at_level(logging.WARNING, logger="heron"):
        assert cache.read("thing", KEY) is None
    assert len(caplog.records) == 1 and "cannot be read" in caplog.records[0].getMessage()


def test_a_folder_that_cannot_be_written_warns_and_goes_on(tmp_path, caplog):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    cache = KnowledgeCache(blocked / "cache")
    with caplog.at_level(logging.WARNING, logger="heron"):
        assert cache.write("thing", KEY, [1]) is None
        assert cache.read("thing", KEY) is None
    assert len(caplog.records) == 1 and "not written" in caplog.records[0].getMessage()


def test_pruning_keeps_the_most_recent_entries(tmp_path):
    cache = KnowledgeCache(tmp_path)
    for n in range(9):
        path = cache.write("thing", f"{n:02d}".ljust(64, "0"), n)
        os.utime(path, (1_000_000 + n, 1_000_000 + n))
    kept = sorted(int(p.name.split("-")[1][:2]) for p in cache.entries())
    assert kept == [3, 4, 5, 6, 7, 8]
    assert cache.clear() == 6 and cache.entries() == []


@pytest.mark.parametrize("value, enabled", [("", True), ("0", True), ("1", False), ("yes", False)])
def test_heron_no_cache_turns_the_cache_off(monkeypatch, value, enabled):
    monkeypatch.setenv("HERON_NO_CACHE", value)
    assert Settings().cache is enabled


def test_heron_cache_dir_names_the_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("HERON_CACHE_DIR", str(tmp_path / "mine"))
    assert Settings().cache_dir == tmp_path / "mine"
    monkeypatch.delenv("HERON_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if os.name == "posix" and os.uname().sysname == "Linux":
        assert Settings().cache_dir == tmp_path / "xdg" / "heron"


def test_no_cache_codes_and_leaves_the_folder_alone(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HERON_CACHE_DIR", str(tmp_path / "cache"))
    story = tmp_path / "story.txt"
    story.write_text(TEXT + "\n", encoding="utf-8")
    assert main(["code", "--json", "--no-cache", "--date", "2022-07-01", str(story)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert any(e["event"] == "SANCTION" for e in record["events"])
    assert not (tmp_path / "cache").exists()


def test_heron_cache_lists_and_clears(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HERON_CACHE_DIR", str(tmp_path))
    KnowledgeCache(tmp_path).write("thing", KEY, [1])
    assert main(["cache"]) == 0
    listing = capsys.readouterr().out
    assert str(tmp_path) in listing and "thing-" in listing
    assert main(["cache", "--clear"]) == 0
    assert "removed 1 cache entries" in capsys.readouterr().err
    assert KnowledgeCache(tmp_path).entries() == []
