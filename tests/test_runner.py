"""The runner's ingest side: worker processes, ordered batches, skipping what is stored."""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest

from heron import runner
from heron.config import Limits, Settings
from heron.engines import open_engine
from heron.errors import InputError
from heron.ingest import read_paths
from heron.runner import code_for_store, ingest_paths
from heron.store import Store
from heron.types import Article, RawDocument

STORIES = [
    "Chile and Argentina sign lithium pact\n\nSANTIAGO, Aug 1 (Wire) - Chile and Argentina signed an agreement "
    "on Tuesday to share data on lithium reserves, the two foreign ministries said.",
    "Vietnam detains blogger\n\nHANOI, Aug 1 (Wire) - Police in Vietnam detained a blogger on Tuesday on "
    "charges of abusing democratic freedoms, state media reported.",
    "Fiji hosts Pacific summit\n\nSUVA, Aug 2 (Wire) - Leaders of Pacific island states met in Fiji on Wednesday "
    "to discuss rising sea levels and fishing rights, the host government said.",
    "Strike halts trains in Lisbon\n\nLISBON, Aug 2 (Wire) - Railway workers in Portugal went on strike on "
    "Wednesday, cancelling most trains around the capital, the operator said.",
    "Ghana sends troops to peacekeeping mission\n\nACCRA, Aug 3 (Wire) - Ghana will send 800 soldiers to the UN "
    "mission in Lebanon next month, the defence ministry said on Thursday.",
]


def write(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number, story in enumerate(STORIES, start=1):
        (folder / f"s{number}.txt").write_text(story, encoding="utf-8")
    return folder


def settings_for(db: Path, workers: int = 1, batch_size: int = 2) -> Settings:
    return Settings(db=db, workers=workers, batch_size=batch_size, default_date="2023-08-01", progress=False)


def snapshot(db: Path) -> dict:
    with Store(db, read_only=True) as store:
        return store.snapshot()


def test_code_for_store_returns_signatures_and_no_parse(settings):
    docs = [RawDocument(origin="one", text=STORIES[0]), RawDocument(origin="two", text="   ")]
    (article, sig), (error, none) = code_for_store(settings, docs)
    assert isinstance(article, Article) and article.doc is None and len(sig) > 0
    assert isinstance(error, InputError) and none is None


def test_a_batch_that_breaks_the_pipeline_is_retried_one_by_one(settings, monkeypatch):
    class Fragile:
        def code_batch(self, items):
            if any("boom" in (i.text or "") for i in items):
                raise RuntimeError("tokenizer crashed")
            return [Article(id=i.origin, text=i.text, origin=i.origin) for i in items]

    monkeypatch.setattr(runner, "_pipeline_for", lambda s: Fragile())
    results = code_for_store(settings, [RawDocument("ok", text="fine text"), RawDocument("bad", text="boom")])
    assert isinstance(results[0][0], Article)
    assert isinstance(results[1][0], InputError) and "tokenizer crashed" in results[1][0].reason


def test_worker_processes_give_the_same_store_as_one_process(tmp_path):
    corpus = write(tmp_path / "corpus")
    one, two = settings_for(tmp_path / "one.duckdb"), settings_for(tmp_path / "two.duckdb", workers=2)
    report = ingest_paths([str(corpus)], two)
    ingest_paths([str(corpus)], one)
    assert report.articles == len(STORIES)
    assert snapshot(two.db) == snapshot(one.db)
    with Store(two.db, read_only=True) as store:
        seqs = [r[0] for r in store.con.execute("SELECT origin FROM articles ORDER BY seq").fetchall()]
    assert seqs == [str(corpus / f"s{n}.txt") for n in range(1, len(STORIES) + 1)]  # input order kept


def test_repeats_within_one_run_are_recorded_once_or_as_duplicates(tmp_path):
    corpus = write(tmp_path / "corpus")
    (corpus / "s1_again.txt").write_text(STORIES[0], encoding="utf-8")
    first = str(corpus / "s1.txt")
    report = ingest_paths([first, first, str(corpus / "s1_again.txt")], settings_for(tmp_path / "r.duckdb", batch_size=5))
    assert (report.inputs, report.articles, report.duplicates, report.skipped) == (3, 1, 1, 1)
    with Store(tmp_path / "r.duckdb", read_only=True) as store:
        rows = store.con.execute("SELECT origin, status, article_id IS NOT NULL FROM inputs ORDER BY seq").fetchall()
    assert rows == [(first, "article", True), (str(corpus / "s1_again.txt"), "duplicate", True)]


def test_ingest_report_rate_and_progress_callback(tmp_path):
    corpus = write(tmp_path / "corpus")
    seen = []
    report = ingest_paths([str(corpus)], settings_for(tmp_path / "p.duckdb"), on_batch=lambda n, c: seen.append(n))
    assert seen == [2, 2, 1]
    assert report.seconds > 0 and report.rate == pytest.approx(report.articles / report.seconds)


def test_two_workers_store_every_input_when_one_fails(tmp_path, capsys):
    """An input that fails inside a worker comes back as a problem (its error pickles); the pool
    stays up, every other input is stored, and the failure is one stderr line with exit 1."""
    from heron.cli import main

    corpus = write(tmp_path / "corpus")
    (corpus / "s3_boilerplate.txt").write_text("Subscribe to our newsletter\n\nShare this article\n", encoding="utf-8")
    db = tmp_path / "two.duckdb"
    code = main(["ingest", str(corpus), "--workers", "2", "--batch-size", "2", "--db", str(db)])
    err = capsys.readouterr().err
    assert code == 1, err
    errors = [line for line in err.splitlines() if line.startswith("heron: error:")]
    assert errors == [f"heron: error: {corpus / 's3_boilerplate.txt'}: no text left after cleaning "
                      "(2 boilerplate pieces removed)"]
    with Store(db, read_only=True) as store:
        stored = {row[0] for row in store.con.execute("SELECT origin FROM articles").fetchall()}
        problems = store.con.execute("SELECT origin, stage FROM problems WHERE article_id IS NULL").fetchall()
    assert stored == {str(corpus / f"s{n}.txt") for n in range(1, len(STORIES) + 1)}
    assert problems == [(str(corpus / "s3_boilerplate.txt"), "input")]


def test_a_worker_failure_crosses_back_as_a_plain_heron_error(settings, monkeypatch):
    import pickle

    from heron.engines.partitions import Partition, Piece
    from heron.errors import HeronError

    class Unpicklable(Exception):
        def __init__(self, code, detail):  # like many libraries' errors: args do not rebuild it
            super().__init__(f"{code}: {detail}")

    def broken(*args):
        raise Unpicklable(7, "model file damaged")

    monkeypatch.setattr(runner, "_code_read", broken)
    partition = Partition(0, (Piece(kind="items", items=(RawDocument("one", text=STORIES[0]),)),))
    with pytest.raises(HeronError) as caught:
        runner.code_partition(settings, partition)
    assert str(caught.value) == "a worker could not code a partition: Unpicklable: 7: model file damaged"
    assert str(pickle.loads(pickle.dumps(caught.value))) == str(caught.value)


@pytest.mark.parametrize("task", [
    lambda settings, partition: runner.read_for_store(settings, partition, frozenset())[0][0].item,
    lambda settings, partition: runner.code_partition(settings, partition)[0][0],
], ids=["read_for_store", "code_partition"])
def test_failed_inputs_leave_a_worker_as_plain_values(settings, task):
    from heron.engines.partitions import Partition, Piece

    try:
        try:
            raise ValueError("inner detail")
        except ValueError as exc:
            raise InputError("bad.txt", "cannot decode") from exc
    except InputError as exc:
        failed = exc
    assert task(settings, Partition(0, (Piece(kind="items", items=(failed,)),))) is failed
    assert str(failed) == "bad.txt: cannot decode"
    assert (failed.__cause__, failed.__context__, failed.__traceback__) == (None, None, None)


# --- what reaches the coder: stored inputs and copies are never coded ------------------------

@pytest.fixture
def coded(monkeypatch) -> list[str]:
    """Origins of the documents handed to the pipeline, in this process (one worker, or Dask
    worker threads)."""
    seen: list[str] = []
    real = runner._pipeline_for

    class Recording:
        def __init__(self, pipeline):
            self.pipeline = pipeline

        def code_batch(self, items):
            seen.extend(item.origin for item in items)
            return self.pipeline.code_batch(items)

    monkeypatch.setattr(runner, "_pipeline_for", lambda settings: Recording(real(settings)))
    return seen


@pytest.mark.parametrize("run_chars", [1, 400, 10**6])
def test_documents_are_coded_in_runs_of_bounded_text_with_the_same_records(monkeypatch, settings, run_chars):
    docs = [RawDocument(f"s{n}", text=story) for n, story in enumerate(STORIES)]
    batches: list[list[str]] = []
    real = runner._code_guarded

    def recording(pipeline, items):
        batches.append([item.origin for item in items])
        return real(pipeline, items)

    whole = [article.to_dict() for article, _ in code_for_store(settings, docs)]
    monkeypatch.setattr(runner, "RUN_CHARS", run_chars)
    monkeypatch.setattr(runner, "_code_guarded", recording)
    assert [article.to_dict() for article, _ in code_for_store(settings, docs)] == whole
    assert [origin for batch in batches for origin in batch] == [doc.origin for doc in docs]
    assert all(sum(len(STORIES[int(o[1:])]) for o in batch) <= run_chars for batch in batches if len(batch) > 1)
    assert len(batches) == {1: 5, 400: 3, 10**6: 1}[run_chars]  # five stories of 159-182 characters


def large_text(folder: Path, monkeypatch) -> tuple[Path, Limits]:
    """A .txt file over the (lowered) one-article limit, so it is read in parts."""
    monkeypatch.setattr("heron.ingest.text.PART_BYTES", 1000)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "dump.txt"
    paragraphs = [f"{story} ({n})" for n, story in enumerate(STORIES * 4)]  # no two parts alike
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    return path, Limits(text_bytes=1500)


def test_a_large_text_file_is_read_and_stored_a_partition_at_a_time(tmp_path, monkeypatch, coded):
    big, limits = large_text(tmp_path / "large", monkeypatch)
    settings = replace(settings_for(tmp_path / "big.duckdb", batch_size=2), limits=limits)
    written = []
    report = ingest_paths([str(big)], settings, on_batch=lambda n, counts: written.append(n))
    parts = [o for o in coded if o.startswith(f"{big}#part-")]
    assert len(written) > 1 and set(written) <= {1, 2}  # one transaction per two parts, not one for the file
    assert report.articles == sum(written) == len(parts) and not report.failed


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_a_rerun_codes_no_part_of_a_large_text_file_again(tmp_path, monkeypatch, coded, engine):
    big, limits = large_text(tmp_path / "large", monkeypatch)
    small = write(tmp_path / "corpus")
    settings = replace(settings_for(tmp_path / "big.duckdb"), limits=limits)
    with open_test_engine(engine) as coder:
        first = ingest_paths([str(big), str(small)], settings, engine=coder)
        stored, parts = snapshot(settings.db), [o for o in coded if o.startswith(f"{big}#part-")]
        coded.clear()
        again = ingest_paths([str(big), str(small)], settings, engine=coder)
    assert len(parts) > 2 and first.articles == len(parts) + len(STORIES)
    assert coded == []
    assert (again.articles, again.duplicates, again.problems, again.skipped) == (0, 0, 0, again.inputs)
    assert snapshot(settings.db) == stored


def test_a_run_stopped_inside_a_large_text_file_resumes_to_the_same_store(tmp_path, monkeypatch, coded):
    big, limits = large_text(tmp_path / "large", monkeypatch)
    small = write(tmp_path / "corpus")
    paths = [str(small / "s1.txt"), str(big), str(small / "s2.txt"), str(small / "s3.txt")]
    parts = [doc.origin for doc in read_paths([str(big)], limits)]
    stopped, full = (replace(settings_for(tmp_path / name, batch_size=1), limits=limits)
                     for name in ("stopped.duckdb", "full.duckdb"))
    stored = []

    def stop_inside_the_large_file(n, counts):
        stored.append(counts.articles)
        if sum(stored) == 3:
            raise KeyboardInterrupt  # as a kill after s1 and two parts of the large file committed

    with pytest.raises(KeyboardInterrupt):
        ingest_paths(paths, stopped, on_batch=stop_inside_the_large_file)
    coded.clear()
    ingest_paths(paths, stopped)
    assert len(parts) > 3 and coded == [*parts[2:], str(small / "s2.txt"), str(small / "s3.txt")]
    ingest_paths(paths, full)
    assert snapshot(stopped.db) == snapshot(full.db)


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_a_copy_under_another_name_is_recorded_as_a_duplicate_without_being_coded(tmp_path, coded, engine):
    corpus = write(tmp_path / "corpus")
    copies = tmp_path / "copies"
    copies.mkdir()
    (copies / "s1_later.txt").write_text(STORIES[0], encoding="utf-8")  # a copy of a stored input
    (copies / "s4_here.txt").write_text(STORIES[3], encoding="utf-8")
    (copies / "s4_here_again.txt").write_text(STORIES[3], encoding="utf-8")  # a copy within the run
    settings = settings_for(tmp_path / "copies.duckdb", batch_size=1)
    with open_test_engine(engine) as coder:
        ingest_paths([str(corpus / "s1.txt")], settings, engine=coder)
        coded.clear()
        report = ingest_paths([str(copies)], settings, engine=coder)
    assert coded == [str(copies / "s4_here.txt")]
    assert (report.articles, report.duplicates) == (1, 2)
    with Store(settings.db, read_only=True) as store:
        rows = store.con.execute("SELECT i.origin, i.status, a.origin FROM inputs i "
                                 "JOIN articles a ON a.id = i.article_id ORDER BY i.seq").fetchall()
    assert rows == [(str(corpus / "s1.txt"), "article", str(corpus / "s1.txt")),
                    (str(copies / "s1_later.txt"), "duplicate", str(corpus / "s1.txt")),
                    (str(copies / "s4_here.txt"), "article", str(copies / "s4_here.txt")),
                    (str(copies / "s4_here_again.txt"), "duplicate", str(copies / "s4_here.txt"))]


@contextmanager
def open_test_engine(kind: str):
    """One process (the default engine with one worker), or a small in-process Dask cluster."""
    if kind == "dask":
        from heron.engines.dask import DaskEngine

        with DaskEngine.in_process(2) as engine:
            yield engine
    else:
        with open_engine("local", 1) as engine:
            yield engine
