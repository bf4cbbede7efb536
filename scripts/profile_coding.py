"""CPU cost of coding articles in one process, against bare spaCy on the same cleaned texts.

Knowledge and model are built once (and warmed on a few documents); then, for each round, bare
spaCy ``nlp.pipe`` parses the cleaned texts and heron codes the same documents with the call
``heron code`` makes (``runner.code_for_store``), the two taking turns chunk by chunk, both
timed with ``time.process_time()`` (the machine is shared: CPU time, not wall time). Prints one JSON line per round and the ratio
spaCy/heron (min, median) over the rounds: 1.0 means heron costs what spaCy alone costs.

    .venv/bin/python scripts/profile_coding.py [-n 60] [--rounds 3]
    .venv/bin/python scripts/profile_coding.py -n 60 --stages
    .venv/bin/python scripts/profile_coding.py -n 60 --profile [--top 40]
    .venv/bin/python scripts/profile_coding.py -n 60 --rounds 1 --dump records.jsonl

``--stages`` cleans and parses the documents untimed, then times every stage after the parse:
heron's own work, without spaCy's. ``--profile`` runs those stages under cProfile and prints the
top functions by cumulative and by own time. ``--dump`` writes every record (to_dict) of the last round, one JSON
line each, so two versions of the code can be compared record by record.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import sys
import time

from heron.bench import _clean_texts, default_paths, load_documents
from heron.config import Settings
from heron.pipeline.text.language import language_for
from heron.runner import _pipeline_for, code_for_store
from heron.types import Article

WARM_UP = 4


def measure(settings: Settings, docs: list, rounds: int, chunk: int) -> tuple[list[float], list]:
    """Per round spaCy CPU / heron CPU; the last round's results. The two alternate chunk by
    chunk, so that a change in the machine's load reaches both alike."""
    nlp = language_for(settings.language).load_model(settings.model)
    texts, _ = _clean_texts(docs, settings)
    if len(texts) != len(docs):
        raise SystemExit("some documents do not clean: the two sides would not code the same texts")
    code_for_store(settings, docs[:WARM_UP])
    list(nlp.pipe(texts[:WARM_UP]))
    ratios, results = [], []
    for run in range(1, rounds + 1):
        spacy_cpu = heron_cpu = 0.0
        tokens, results = 0, []
        for k in range(0, len(docs), chunk):
            started = time.process_time()
            tokens += sum(len(doc) for doc in nlp.pipe(texts[k:k + chunk]))
            spacy_cpu += time.process_time() - started
            started = time.process_time()
            results += code_for_store(settings, docs[k:k + chunk], signatures=False)
            heron_cpu += time.process_time() - started
        ratios.append(spacy_cpu / heron_cpu)
        print(json.dumps({"round": run, "articles": len(texts), "tokens": tokens, "spacy_cpu": round(spacy_cpu, 2),
                          "heron_cpu": round(heron_cpu, 2), "ratio": round(ratios[-1], 3)}), flush=True)
    return ratios, results


def after_parse(settings: Settings, docs: list, top: int, profile: bool) -> None:
    """CPU seconds of each stage after the parse over already parsed articles; with ``profile``
    under cProfile, printing its top functions."""
    pipeline = _pipeline_for(settings)
    pipeline.code_batch(docs[:WARM_UP])
    articles = []
    for raw in docs:
        try:
            articles.append(pipeline.clean(raw))
        except Exception:  # noqa: BLE001 - unreadable input: left out
            continue
    split = pipeline.stage_names.index("parse") + 1
    for stage in pipeline.stages[:split]:
        articles = list(stage.pipe(articles))
    per_stage: dict[str, float] = {}
    profiler = cProfile.Profile()
    for stage in pipeline.stages[split:]:
        started = time.process_time()
        if profile:
            profiler.enable()
        articles = list(stage.pipe(articles))
        if profile:
            profiler.disable()
        per_stage[stage.name] = round(time.process_time() - started, 2)
    print(json.dumps({"articles": len(articles), "profiled": profile, "cpu_per_stage": per_stage,
                      "cpu_after_parse": round(sum(per_stage.values()), 2)}))
    if profile:
        stats = pstats.Stats(profiler, stream=sys.stdout)
        stats.sort_stats("cumulative").print_stats(top)
        stats.sort_stats("tottime").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=60, help="PolNeAR articles to code (default 60)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--chunk", type=int, default=10, help="articles per turn of each side (default 10)")
    parser.add_argument("--profile", action="store_true", help="cProfile heron's stages after the parse")
    parser.add_argument("--stages", action="store_true", help="CPU seconds of each stage after the parse")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--dump", help="write the last round's records here (JSON lines)")
    args = parser.parse_args()
    settings = Settings()
    paths, corpus = default_paths()
    docs, failed = load_documents(paths, args.n, corpus.startswith("examples"))
    print(f"{corpus}: {len(docs)} documents, {len(failed)} unreadable", file=sys.stderr)
    if args.profile or args.stages:
        after_parse(settings, docs, args.top, args.profile)
        return
    ratios, results = measure(settings, docs, args.rounds, args.chunk)
    print(json.dumps({"ratio_min": round(min(ratios), 3), "ratio_median": round(statistics.median(ratios), 3)}))
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            for result, _ in results:
                record = result.to_dict() if isinstance(result, Article) else {"error": str(result)}
                out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
