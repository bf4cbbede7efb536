"""Batches of inputs through the pipeline, in this process or in worker processes."""
from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import islice
from pathlib import Path

from heron.config import Settings
from heron.errors import HeronError, InputError
from heron.ingest import Item, read_paths
from heron.store import BatchCounts, InputOutcome, Store, fingerprint, story_signature
from heron.types import Article, RawDocument

Result = Article | InputError


def batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    stream = iter(items)
    while batch := list(islice(stream, size)):
        yield batch


def code_items(items: Iterable[Item], settings: Settings) -> Iterator[Result]:
    """Code a stream of documents; yields one Article or InputError per input, in order."""
    from heron.pipeline import build_pipeline

    pipeline = build_pipeline(settings)
    for batch in batches(items, settings.batch_size):
        yield from pipeline.code_batch(batch)


def code_paths(paths: Iterable[str], settings: Settings) -> Iterator[Result]:
    yield from code_items(read_paths(paths), settings)


# --- ingest: worker processes code, the main process is the only writer -------------------

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


@dataclass
class _Plan:
    """One batch: the entries to write, and which of them wait for a coded result."""

    entries: list[InputOutcome]
    to_code: list[RawDocument]
    slots: list[int]  # index in entries of each document in to_code


def ingest_paths(paths: Iterable[str], settings: Settings,
                 on_batch: Callable[[int, BatchCounts], None] | None = None) -> IngestReport:
    """Read, code and store every input under ``settings.db``; resumable and idempotent.

    Inputs whose (origin, fingerprint) is already recorded are skipped before coding; a copy
    of an input stored under another origin is recorded as a duplicate without coding. Each
    batch is written in one transaction, in input order. ``on_batch(n_inputs, counts)`` is
    called after each batch commits.
    """
    report = IngestReport()
    started = time.perf_counter()
    plans = _plans(read_paths(paths), settings.batch_size, report)
    with _coder(settings) as code, Store(settings.db) as store:
        for plan, results in code(_checked(plans, store)):
            if len(results) != len(plan.slots):  # never record an input as coded when it was not
                raise HeronError(f"coding returned {len(results)} results for {len(plan.slots)} inputs")
            for slot, (result, signature) in zip(plan.slots, results):
                plan.entries[slot].result, plan.entries[slot].signature = result, signature
            counts = store.write_batch(plan.entries)
            _tally(report, plan.entries, counts)
            if on_batch:
                on_batch(len(plan.entries), counts)
        report.copies = store.cluster_stories()
    report.seconds = time.perf_counter() - started
    return report


def _plans(items: Iterable[Item], size: int, report: IngestReport) -> Iterator[list[tuple[Item, str]]]:
    for batch in batches(items, size):
        report.inputs += len(batch)
        yield [(item, fingerprint(item)) for item in batch]


def _checked(keyed_batches: Iterable[list[tuple[Item, str]]], store) -> Iterator[_Plan]:
    """Drop inputs already recorded; mark repeats of stored or earlier inputs as duplicates."""
    seen_pairs: set[tuple[str, str]] = set()
    seen_prints: set[str] = set()
    for keyed in keyed_batches:
        known = store.known((item.origin, fp) for item, fp in keyed)
        stored = store.known_fingerprints(fp for _, fp in keyed)
        plan = _Plan([], [], [])
        for item, fp in keyed:
            key = (item.origin, fp)
            if key in known or key in seen_pairs:
                continue
            seen_pairs.add(key)
            if isinstance(item, InputError):
                plan.entries.append(InputOutcome(item.origin, fp, item))
            elif fp in stored or fp in seen_prints:
                plan.entries.append(InputOutcome(item.origin, fp, None))
            else:
                plan.slots.append(len(plan.entries))
                plan.to_code.append(item)
                plan.entries.append(InputOutcome(item.origin, fp, None))
            seen_prints.add(fp)
        yield plan


def _tally(report: IngestReport, entries: list[InputOutcome], counts: BatchCounts) -> None:
    report.articles += counts.articles
    report.duplicates += counts.duplicates
    report.problems += counts.problems
    reasons = {e.origin: e.result.reason for e in entries if isinstance(e.result, InputError)}
    report.failed.extend(f"{origin}: {reasons.get(origin, 'article id clash, see problems')}"
                         for origin in counts.failed_inputs)
    report.skipped = report.inputs - report.articles - report.duplicates - len(report.failed)


@contextmanager
def _coder(settings: Settings):
    """A function plans -> (plan, coded results) in order: in this process, or in a pool.

    Nothing is loaded until some batch has an input to code, so a rerun over a stored
    corpus returns at once.
    """
    workers = max(1, settings.workers)
    if workers == 1:
        yield lambda plans: ((plan, code_for_store(settings, plan.to_code) if plan.to_code else [])
                             for plan in plans)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # spawn: workers must not inherit the main process's DuckDB connection and its threads
    context = multiprocessing.get_context("spawn")
    with ExitStack() as stack:
        def start():
            return stack.enter_context(ProcessPoolExecutor(workers, mp_context=context, initializer=_warm,
                                                           initargs=(settings,)))

        yield lambda plans: _in_pool(start, plans, settings, in_flight=workers * 2)


def _in_pool(start: Callable, plans: Iterable[_Plan], settings: Settings, in_flight: int) -> Iterator[tuple]:
    """Ordered results with at most ``in_flight`` batches queued, so memory stays bounded."""
    from concurrent.futures.process import BrokenProcessPool

    pool = None
    pending: deque = deque()
    try:
        for plan in plans:
            if plan.to_code:
                pool = pool or start()
            pending.append((plan, pool.submit(code_for_store, settings, plan.to_code) if plan.to_code else None))
            while len(pending) >= in_flight:
                plan, future = pending.popleft()
                yield plan, future.result() if future else []
        while pending:
            plan, future = pending.popleft()
            yield plan, future.result() if future else []
    except BrokenProcessPool as exc:
        raise HeronError(f"a worker process died ({exc}); completed batches are stored, "
                         "rerun the same command to resume") from exc


def _pipeline_for(settings: Settings):
    """The pipeline for these settings, built once per process; where the store lives and how
    many workers run do not change how articles are coded, so they do not cause a rebuild."""
    return _built_pipeline(replace(settings, db=Path("."), workers=1, progress=None))


@lru_cache(maxsize=2)
def _built_pipeline(settings: Settings):
    from heron.pipeline import build_pipeline

    return build_pipeline(settings)


def _warm(settings: Settings) -> None:
    """Worker initializer: load the pipeline (and spaCy model) once per process."""
    import threading

    parent = os.getppid()
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    _pipeline_for(settings)


def _exit_with_parent(parent: int) -> None:
    """A worker whose main process was killed (SIGKILL gives it no chance to stop the pool)
    would wait for work forever; it leaves as soon as it is orphaned."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def code_for_store(settings: Settings, items: list[RawDocument]) -> list[tuple[Result, bytes | None]]:
    """Code one batch for the store: each result with the store's story signature (computed
    here, in the worker, where the text is at hand); no spaCy Docs."""
    pipeline = _pipeline_for(settings)
    try:
        results = pipeline.code_batch(items)
    except Exception:  # a failure outside the guarded stages: retry one by one to isolate it
        results = [_code_one(pipeline, item) for item in items]
    out = []
    for result in results:
        if isinstance(result, Article):
            result.doc = None  # a parse is large and is not stored; do not ship it back
            out.append((result, story_signature(result.text)))
        else:
            out.append((result, None))
    return out


def _code_one(pipeline, item: RawDocument) -> Result:
    try:
        return pipeline.code_batch([item])[0]
    except Exception as exc:
        return InputError(item.origin, f"could not be coded: {type(exc).__name__}: {exc}")
