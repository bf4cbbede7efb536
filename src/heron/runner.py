"""Inputs through the pipeline: partitions coded by an engine's workers, results in input order.

One code path for `heron code` and `heron ingest`, whatever the engine: the main process cuts
the inputs into partitions (:mod:`heron.engines.partitions`), workers read and code them
(:func:`code_partition`), and the main process prints the records. For a store the workers
read and fingerprint first (:func:`read_for_store`), the main process drops what is recorded
and marks copies, workers code only the new documents (:func:`code_documents`), and the main
process alone writes them, one transaction per partition.
"""
from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from itertools import islice
from pathlib import Path
from typing import TypeVar

from heron.config import Settings
from heron.engines import Engine, open_engine
from heron.engines.partitions import Partition, partitions, read_partition
from heron.errors import HeronError, InputError
from heron.ingest import Item, read_paths
from heron.logs import Logged, collected, replay
from heron.store import BatchCounts, InputRecord, Store, fingerprint, story_signature
from heron.types import Article, RawDocument

Result = Article | InputError
T = TypeVar("T")
Reported = tuple[T, list[Logged]]  # a worker task's result and the warnings logged making it
CODE_PARTITION = 8  # inputs per partition for `heron code`: small, so workers finish together
RUN_CHARS = 1_000_000  # characters of text coded in one batch: one part of a large .txt (text.PART_BYTES)


def batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    stream = iter(items)
    while batch := list(islice(stream, size)):
        yield batch


def code_items(items: Iterable[Item], settings: Settings) -> Iterator[Result]:
    """Code a stream of documents in this process; one Article or InputError per input, in order."""
    pipeline = _pipeline_for(settings)
    for batch in batches(items, settings.batch_size):
        yield from _code_guarded(pipeline, batch)


def code_paths(paths: Iterable[str], settings: Settings, engine: Engine | None = None,
               on_partition: Callable[[int], None] | None = None) -> Iterator[Result]:
    """Code every input, in input order, on ``engine`` (default: ``settings.workers`` local
    processes forked from this one once it has loaded the pipeline; 1 codes here). Stdin is
    read as the partitions are planned, so it streams."""
    owned = engine is None
    engine = engine or open_engine("local", settings.workers, preload=partial(_pipeline_for, settings))
    size = min(settings.batch_size, CODE_PARTITION)
    tasks = ((settings, partition) for partition in partitions(paths, size, settings.limits))
    try:
        for results in _replayed(engine.map(code_partition, tasks)):
            yield from results
            if on_partition:
                on_partition(len(results))
    finally:
        if owned:
            engine.close()


# --- workers: read a partition, code documents ------------------------------------------

def code_partition(settings: Settings, partition: Partition) -> Reported[list[Result]]:
    """Read and code one partition (`heron code`); articles come back without their parse."""
    return _in_worker(_code_read, settings, partition)


def _code_read(settings: Settings, partition: Partition) -> list[Result]:
    items = list(read_partition(partition, settings.limits))
    coded = iter(code_for_store(settings, [i for i in items if isinstance(i, RawDocument)], signatures=False))
    return [_plain(item if isinstance(item, InputError) else next(coded)[0]) for item in items]


@dataclass
class Outcome:
    """One input of a partition as a worker read it, before anything is coded."""

    origin: str
    fingerprint: str
    item: Item | None  # None: (origin, fingerprint) was already stored, so it is not sent back


def read_for_store(settings: Settings, partition: Partition,
                   known: frozenset[tuple[str, str]]) -> Reported[list[Outcome]]:
    """Read and fingerprint one partition (`heron ingest`); documents whose (origin,
    fingerprint) is in ``known`` stay here, so a rerun sends back fingerprints only."""
    return _in_worker(_read_outcomes, settings, partition, known)


def _read_outcomes(settings: Settings, partition: Partition, known: frozenset[tuple[str, str]]) -> list[Outcome]:
    outcomes = []
    for item in read_partition(partition, settings.limits):
        fp = fingerprint(item)
        stored = isinstance(item, RawDocument) and (item.origin, fp) in known
        outcomes.append(Outcome(item.origin, fp, None if stored else _plain(item)))
    return outcomes


def code_documents(settings: Settings, documents: list[RawDocument]) -> Reported[list[tuple[Result, bytes | None]]]:
    """Code the documents the writer found new (`heron ingest`), each with its signature."""
    return _in_worker(lambda: [(_plain(result), signature)
                               for result, signature in code_for_store(settings, documents)])


def _in_worker(task: Callable[..., T], *args) -> Reported[T]:
    """``task(*args)`` as a worker runs it, with the warnings it logged (sent back to be printed
    by the main process: :func:`_replayed`). Results and errors cross back pickled, so anything
    raised leaves as a HeronError: heron's errors pickle, other libraries' may not, and one
    that cannot be unpickled breaks the whole pool."""
    with collected() as logged:
        try:
            return task(*args), logged
        except HeronError as exc:
            failure = exc.detached()
        except Exception as exc:
            failure = HeronError(f"a worker could not code a partition: {type(exc).__name__}: {exc}")
    failure.logged = logged  # printed before the error that ends the run
    raise failure


def _replayed(reported: Iterable[Reported[T]]) -> Iterator[T]:
    """The results of worker tasks, each after the warnings its worker logged."""
    try:
        for result, logged in reported:
            replay(logged)
            yield result
    except HeronError as exc:
        replay(getattr(exc, "logged", ()))
        raise


def _plain(value):
    """An InputError without its traceback and causes (a plain value to send back); anything else as it is."""
    return value.detached() if isinstance(value, InputError) else value


# --- ingest: the main process is the only writer ------------------------------------------

@dataclass
class IngestReport:
    """What one `heron ingest` run did."""

    inputs: int = 0  # inputs read
    skipped: int = 0  # already recorded by an earlier run
    articles: int = 0  # new articles stored
    duplicates: int = 0  # inputs that repeat a stored article
    problems: int = 0  # problem rows written (failed inputs and stage problems)
    copies: int = 0  # articles linked to an original story after clustering (whole store)
    seconds: float = 0.0
    failed: list[str] = field(default_factory=list)  # "origin: reason" of inputs that became no article

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def ingest_paths(paths: Iterable[str], settings: Settings,
                 on_batch: Callable[[int, BatchCounts], None] | None = None,
                 engine: Engine | None = None) -> IngestReport:
    """Read, code and store every input under ``settings.db``; resumable and idempotent.

    Workers read and fingerprint each partition (given the stored (origin, fingerprint) pairs
    of its origins, so they send back only what may be new); the writer checks every
    fingerprint against the store and this run before anything is coded: inputs already
    recorded are dropped and a copy of an input stored under another origin becomes a
    duplicate, so only new documents go back to the workers to be coded. Each partition is
    written in one transaction, in input order. ``on_batch(n_inputs, counts)`` is called after
    each partition commits. ``engine`` defaults to ``settings.workers`` local processes.
    """
    report = IngestReport()
    started = time.perf_counter()
    owned = engine is None
    engine = engine or open_engine("local", settings.workers)
    try:
        with Store(settings.db) as store:
            for read, entries in _coded_batches(paths, settings, engine, store):
                counts = store.write_batch(entries)
                report.inputs += read
                _tally(report, entries, counts)
                if on_batch:
                    on_batch(read, counts)
            report.copies = store.cluster_stories()
    finally:
        if owned:
            engine.close()
    report.seconds = time.perf_counter() - started
    return report


def _coded_batches(paths: Iterable[str], settings: Settings, engine: Engine,
                   store: Store) -> Iterator[tuple[int, list[InputRecord]]]:
    """(inputs read, store entries) per partition, in input order: each partition is read on a
    worker, checked here against the store and this run, and its new documents coded on a worker."""
    reads = _replayed(engine.map(read_for_store, ((settings, partition, store.known_origins(_origins(partition)))
                                                  for partition in partitions(paths, settings.batch_size,
                                                                              settings.limits))))
    checked = _Checked(store)
    waiting: deque[tuple[int, list[InputRecord]]] = deque()

    def new_documents() -> Iterator[tuple[Settings, list[RawDocument]]]:
        for outcomes in reads:  # checked in input order, so a copy in a later partition is known
            entries = checked(outcomes)
            waiting.append((len(outcomes), entries))
            yield settings, [entry.result for entry in entries if isinstance(entry.result, RawDocument)]

    for coded in _replayed(engine.map(code_documents, new_documents())):
        read, entries = waiting.popleft()
        _fill(entries, coded)
        yield read, entries


def _origins(partition: Partition) -> list[str]:
    """Origins a partition is known to hold before reading it (a whole file: its path)."""
    origins: list[str] = []
    for piece in partition.pieces:
        if piece.kind == "items":
            origins.extend(item.origin for item in piece.items)
        else:
            origins.extend(piece.origins or (piece.path,))
    return origins


class _Checked:
    """Outcomes -> store entries, before coding: drops inputs already recorded (by an earlier
    run, or earlier in this one) and makes repeats of a stored or earlier input duplicates
    (result None); the documents left are what must be coded."""

    def __init__(self, store) -> None:
        self.store = store
        self.seen_pairs: set[tuple[str, str]] = set()
        self.seen_prints: set[str] = set()

    def __call__(self, outcomes: list[Outcome]) -> list[InputRecord]:
        known = self.store.known((o.origin, o.fingerprint) for o in outcomes)
        stored = self.store.known_fingerprints(o.fingerprint for o in outcomes)
        entries = []
        for outcome in outcomes:
            key = (outcome.origin, outcome.fingerprint)
            if key in known or key in self.seen_pairs:
                continue
            if outcome.item is None:  # kept back by the worker as stored; the writer disagrees
                raise HeronError(f"{outcome.origin}: not sent back by its worker, yet not in the store")
            self.seen_pairs.add(key)
            copy = isinstance(outcome.item, RawDocument) and (outcome.fingerprint in stored
                                                               or outcome.fingerprint in self.seen_prints)
            entries.append(InputRecord(outcome.origin, outcome.fingerprint, None if copy else outcome.item))
            self.seen_prints.add(outcome.fingerprint)
        return entries


def _fill(entries: list[InputRecord], coded: list[tuple[Result, bytes | None]]) -> None:
    """Put each new document's coded result and signature in its entry, in order."""
    results = iter(coded)
    for entry in entries:
        if isinstance(entry.result, RawDocument):
            entry.result, entry.signature = next(results)


def _tally(report: IngestReport, entries: list[InputRecord], counts: BatchCounts) -> None:
    report.articles += counts.articles
    report.duplicates += counts.duplicates
    report.problems += counts.problems
    reasons = {e.origin: e.result.reason for e in entries if isinstance(e.result, InputError)}
    report.failed.extend(f"{origin}: {reasons.get(origin, 'article id clash, see problems')}"
                         for origin in counts.failed_inputs)
    report.skipped = report.inputs - report.articles - report.duplicates - len(report.failed)


def _pipeline_for(settings: Settings):
    """The pipeline for these settings, built once per process; where the store lives and how
    many workers run do not change how articles are coded, so they do not cause a rebuild."""
    return _built_pipeline(replace(settings, db=Path("."), workers=1, progress=None))


@lru_cache(maxsize=2)
def _built_pipeline(settings: Settings):
    from heron.pipeline import build_pipeline

    return build_pipeline(settings)


def code_for_store(settings: Settings, items: list[RawDocument],
                   signatures: bool = True) -> list[tuple[Result, bytes | None]]:
    """Code one batch: each result with its MinHash signature (None when not ``signatures``);
    no spaCy Docs, which are large and neither printed nor stored. No items: nothing is loaded."""
    if not items:
        return []
    out = []
    pipeline = _pipeline_for(settings)
    for run in _text_runs(items):
        for result in _code_guarded(pipeline, run):
            if isinstance(result, Article):
                result.doc = None
                out.append((result, story_signature(result.text) if signatures else None))
            else:
                out.append((result, None))
    return out


def _text_runs(items: list[RawDocument]) -> Iterator[list[RawDocument]]:
    """The items in runs of at most RUN_CHARS characters (at least one item each): a batch holds
    every parse until its last article is coded, and the parts of a large text file are a
    megabyte each, so a batch of them would hold several parses of a megabyte at once."""
    run: list[RawDocument] = []
    chars = 0
    for item in items:
        size = len(item.text or "") + len(item.html or "")
        if run and chars + size > RUN_CHARS:
            yield run
            run, chars = [], 0
        run.append(item)
        chars += size
    if run:
        yield run


def _code_guarded(pipeline, items: list[Item]) -> list[Result]:
    try:
        return pipeline.code_batch(items)
    except Exception:  # a failure outside the guarded stages: retry one by one to isolate it
        return [_code_one(pipeline, item) for item in items]


def _code_one(pipeline, item: RawDocument) -> Result:
    try:
        return pipeline.code_batch([item])[0]
    except Exception as exc:
        return InputError(item.origin, f"could not be coded: {type(exc).__name__}: {exc}")
