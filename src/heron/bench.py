"""`heron bench`: end-to-end coding throughput against bare spaCy ``nlp.pipe`` on the same texts.

Both runs happen in the same process tree, on the same machine, with the same number of worker
processes, so their ratio is comparable across machines where absolute times are not
(docs/evaluation.md). spaCy runs ``nlp.pipe(n_process=N)`` over the cleaned texts; heron runs N forked
workers that clean, parse and code the raw inputs and send every article record back to the main
process, as a store run would. Each heron worker reports its peak resident memory (VmHWM). A
per-stage breakdown runs the stages one after another in this process on a small sample; its
parse stage is bare ``nlp.pipe``, so parse time over all stage time is the in-process ratio
(free of what spaCy's own multiprocessing spends shipping Docs back to the parent).
"""
from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from heron.config import Settings
from heron.errors import InputError, UsageError
from heron.pipeline.component import Pipeline
from heron.types import Article, RawDocument

# Beside the repository: the PolNeAR election-news texts are the corpus the throughput figure is
# quoted on; without them the bundled examples are repeated up to the limit.
_REPO = Path(__file__).resolve().parents[2]
_SHARED_POLNEAR = _REPO.parent / "shared" / "eval" / "polnear"
_EXAMPLES = _REPO / "examples"
DEFAULT_LIMIT = 150
WARM_UP = 4  # documents coded (untimed) before each run


@dataclass
class StageTime:
    stage: str
    seconds: float
    share: float  # of the summed stage time


@dataclass
class BenchResult:
    corpus: str
    articles: int
    words: int
    workers: int
    spacy_seconds: float
    heron_seconds: float
    spacy_articles_per_s: float
    heron_articles_per_s: float
    spacy_words_per_s: float
    heron_words_per_s: float
    ratio: float  # heron throughput / spaCy throughput
    repeat: int  # runs of each side; the best time of each is reported
    peak_rss_mb_per_worker: list[float]
    main_peak_rss_mb: float
    events: int
    problems: int
    failed_inputs: list[str] = field(default_factory=list)
    stage_sample: int = 0
    stages: list[StageTime] = field(default_factory=list)
    # in one process on the sample: bare spaCy (the parse stage) / heron end to end (all stages)
    single_process_ratio: float | None = None

    def to_dict(self) -> dict:
        return asdict(self)


def default_paths() -> tuple[list[str], str]:
    """The PolNeAR dev + train texts when ../shared is beside the repo, else the examples."""
    folders = [_SHARED_POLNEAR / part / "text" for part in ("dev", "train")]
    if all(f.is_dir() for f in folders):
        files = [str(p) for f in folders for p in sorted(f.glob("*.txt"))]
        return files, "PolNeAR dev+train"
    if _EXAMPLES.is_dir():
        return [str(_EXAMPLES)], "examples (repeated)"
    raise UsageError("no default corpus found (no ../shared/eval/polnear, no examples/): name the inputs to benchmark")


def load_documents(paths: Iterable[str], limit: int, repeat: bool) -> tuple[list[RawDocument], list[str]]:
    """Read up to ``limit`` documents; with ``repeat`` a short corpus is cycled up to the limit."""
    from itertools import islice

    from heron.ingest import read_paths

    docs: list[RawDocument] = []
    failed: list[str] = []
    for item in islice(read_paths(paths), limit):
        if isinstance(item, InputError):
            failed.append(str(item))
        else:
            docs.append(item)
    if not docs:
        raise UsageError("no readable documents to benchmark" + (f" ({failed[0]})" if failed else ""))
    if repeat:
        docs = [docs[i % len(docs)] for i in range(limit)]
    return docs, failed


def peak_rss_mb() -> float:
    """This process's peak resident set size (VmHWM) in MB, from /proc; 0.0 where unavailable."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _code_chunk(task: tuple[Settings, list[RawDocument]]) -> tuple[int, float, list]:
    """Worker: code one chunk exactly as an ingest worker does; returns pid, peak RSS, results."""
    from heron.runner import code_for_store

    settings, chunk = task
    results = code_for_store(settings, chunk)
    return os.getpid(), peak_rss_mb(), results


def _chunks(docs: list[RawDocument], size: int) -> list[list[RawDocument]]:
    return [docs[i:i + size] for i in range(0, len(docs), size)]


def run_heron(docs: list[RawDocument], settings: Settings, workers: int,
              chunk: int) -> tuple[float, dict[int, float], list]:
    """Code ``docs`` on ``workers`` forked processes; wall time, peak RSS per worker, results.

    The pipeline is loaded and warmed on the first few documents before the clock starts and
    before forking, so lazily loaded data (gazetteers, dictionaries) is in memory and workers
    inherit it, as spaCy's own workers inherit the loaded model: both sides measure steady-state
    throughput, not start-up.
    """
    from heron.runner import code_for_store

    code_for_store(settings, docs[:WARM_UP])
    tasks = [(settings, c) for c in _chunks(docs, chunk)]
    rss: dict[int, float] = {}
    results: list = []
    start = time.perf_counter()
    if workers <= 1:
        outputs = map(_code_chunk, tasks)
        for pid, peak, coded in outputs:
            rss[pid] = max(rss.get(pid, 0.0), peak)
            results.extend(coded)
    else:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for pid, peak, coded in pool.imap(_code_chunk, tasks):
                rss[pid] = max(rss.get(pid, 0.0), peak)
                results.extend(coded)
    return time.perf_counter() - start, rss, [r for r, _ in results]


def run_spacy(texts: list[str], settings: Settings, workers: int, chunk: int) -> float:
    """Bare ``nlp.pipe`` over the same texts with ``n_process=workers``; wall time."""
    from heron.pipeline.text.language import language_for

    nlp = language_for(settings.language).load_model(settings.model)
    list(nlp.pipe(texts[:WARM_UP]))  # warm, as heron is warmed
    start = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, n_process=workers, batch_size=chunk))
    elapsed = time.perf_counter() - start
    if tokens == 0:
        raise UsageError("spaCy produced no tokens: nothing to benchmark")
    return elapsed


def stage_times(docs: list[RawDocument], settings: Settings) -> list[StageTime]:
    """Time cleaning and each stage in turn over the whole sample, in this process."""
    from heron.pipeline import build_pipeline
    from heron.store import story_signature

    pipeline = build_pipeline(settings)
    timings: list[tuple[str, float]] = []
    start = time.perf_counter()
    articles: list[Article] = []
    for raw in docs:
        try:
            articles.append(pipeline.clean(raw))
        except InputError:
            continue  # already reported by the throughput run
    timings.append(("clean", time.perf_counter() - start))
    for stage in pipeline.stages:
        start = time.perf_counter()
        articles = list(stage.pipe(articles))
        timings.append((stage.name, time.perf_counter() - start))
    start = time.perf_counter()
    for article in articles:
        story_signature(article.text)  # the store's story fingerprint, computed in ingest workers
    timings.append(("minhash", time.perf_counter() - start))
    total = sum(t for _, t in timings) or 1.0
    return [StageTime(name, round(t, 4), round(t / total, 4)) for name, t in timings]


def _clean_texts(docs: list[RawDocument], settings: Settings) -> tuple[list[str], list[str]]:
    """The cleaned text of each readable document: what spaCy alone is given."""
    from heron.pipeline.text.clean import Cleaner

    pipeline = Pipeline(Cleaner(settings), [])
    texts, failed = [], []
    for raw in docs:
        try:
            texts.append(pipeline.clean(raw).text)
        except InputError as exc:
            failed.append(str(exc))
    return texts, failed


def run_bench(paths: list[str] | None, settings: Settings, workers: int = 2,
              limit: int = DEFAULT_LIMIT, sample: int = 20, chunk: int = 8, repeat: int = 1,
              log: Callable[[str], None] = lambda message: None) -> BenchResult:
    """Measure heron against spaCy on the same documents; see the module docstring.

    ``log`` receives one line per finished run (for progress on stderr).
    """
    if workers < 1 or limit < 1:
        raise UsageError("--workers and --limit must be at least 1")
    corpus = ", ".join(paths) if paths else ""
    cycle = False
    if not paths:
        paths, corpus = default_paths()
        cycle = corpus.startswith("examples")
    docs, failed = load_documents(paths, limit, cycle)
    texts, unclean = _clean_texts(docs, settings)
    words = sum(len(t.split()) for t in texts)
    spacy_s = heron_s = float("inf")
    rss: dict[int, float] = {}
    for run in range(1, max(1, repeat) + 1):  # alternate the two, keep each one's best: machine load varies
        seconds = run_spacy(texts, settings, workers, chunk)
        log(f"run {run}: spaCy nlp.pipe {len(texts)} articles in {seconds:.1f} s")
        spacy_s = min(spacy_s, seconds)
        seconds, run_rss, results = run_heron(docs, settings, workers, chunk)
        log(f"run {run}: heron {len(docs)} articles in {seconds:.1f} s")
        heron_s = min(heron_s, seconds)
        rss = {**rss, **run_rss}
    coded = [r for r in results if isinstance(r, Article)]
    stages = stage_times(docs[:sample], settings) if sample > 0 else []
    n = len(texts)
    return BenchResult(
        corpus=corpus, articles=n, words=words, workers=workers,
        spacy_seconds=round(spacy_s, 3), heron_seconds=round(heron_s, 3),
        spacy_articles_per_s=round(n / spacy_s, 2), heron_articles_per_s=round(len(coded) / heron_s, 2),
        spacy_words_per_s=round(words / spacy_s, 1), heron_words_per_s=round(words / heron_s, 1),
        ratio=round(spacy_s / heron_s, 3), repeat=max(1, repeat),
        peak_rss_mb_per_worker=[round(v, 1) for v in rss.values()],
        main_peak_rss_mb=round(peak_rss_mb(), 1),
        events=sum(len(a.events) for a in coded), problems=sum(len(a.problems) for a in coded),
        failed_inputs=failed + unclean, stage_sample=min(sample, len(docs)), stages=stages,
        single_process_ratio=next((s.share for s in stages if s.stage == "parse"), None),
    )


def print_result(result: BenchResult) -> None:
    """The figures as two tables on stdout: throughput, then the per-stage breakdown."""
    from heron.output import write_rows

    figures = [
        ("corpus", result.corpus), ("articles", result.articles), ("words", result.words),
        ("processes", result.workers), ("runs of each (best kept)", result.repeat),
        ("spaCy nlp.pipe", f"{result.spacy_articles_per_s} articles/s, {result.spacy_words_per_s:.0f} words/s "
                           f"({result.spacy_seconds} s)"),
        ("heron end to end", f"{result.heron_articles_per_s} articles/s, {result.heron_words_per_s:.0f} words/s "
                             f"({result.heron_seconds} s)"),
        ("ratio heron/spaCy", result.ratio),
        (f"ratio in one process ({result.stage_sample}-article stage sample)", result.single_process_ratio),
        ("peak RSS per worker (MB)", ", ".join(f"{v:.0f}" for v in result.peak_rss_mb_per_worker)),
        ("events, problems", f"{result.events}, {result.problems}"),
        ("failed inputs", len(result.failed_inputs)),
    ]
    write_rows([{"figure": k, "value": v} for k, v in figures], "table", title="heron bench")
    if result.stages:
        write_rows([{"stage": s.stage, "seconds": s.seconds, "share": f"{s.share:.1%}"} for s in result.stages],
                   "table", title="per stage, 1 process")
