#!/usr/bin/env python3
"""Time heron on one huge paragraph: CPU seconds per 10k words for each stage, at several sizes.

Every stage should be linear in text length, so the seconds per 10k words should stay about the
same from 10k to 200k words. The paragraph is real news text: the sentences of the VOA stories
in ../shared/eval/voa/stories.jsonl (or, with --source seed, the seed article), their line
breaks turned into spaces and repeated until the word count is reached, with no blank line
anywhere, so nothing splits it into paragraphs.

    .venv/bin/python scripts/bench_long.py [--words 10000 50000 200000] [--source voa|seed] [--json]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SOURCES = {"voa": SHARED / "eval" / "voa" / "stories.jsonl", "seed": SHARED / "seed" / "article.txt"}


def source_words(source: str) -> list[str]:
    path = SOURCES[source]
    if not path.is_file():
        raise SystemExit(f"bench_long: {path} is absent (the texts are read from ../shared beside the repo)")
    if source == "seed":
        return path.read_text(encoding="utf-8").split()
    words: list[str] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            words += json.loads(line)["text"].split()
    return words


def paragraph(words: list[str], count: int) -> str:
    """``count`` words of the source, cycled, as one line: a single paragraph."""
    return " ".join(words[i % len(words)] for i in range(count))


def peak_rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def time_stages(pipeline, text: str) -> dict:
    """CPU seconds for cleaning and each stage on one document (this process, all its threads:
    on a shared machine CPU time measures the work, wall time the load), the wall time of all,
    and what was found."""
    from heron.types import RawDocument

    timings = {}
    wall = time.perf_counter()
    start = time.process_time()
    article = pipeline.clean(RawDocument(origin="<bench>", text=text, published="2025-01-01"))
    timings["clean"] = time.process_time() - start
    for stage in pipeline.stages:
        start = time.process_time()
        article = next(iter(stage.pipe([article])))
        timings[stage.name] = time.process_time() - start
    return {"stages": timings, "wall": time.perf_counter() - wall,
            "problems": [f"{p.stage}: {p.message}" for p in article.problems],
            "events": len(article.events), "quotes": len(article.quotes), "actors": len(article.actors)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, nargs="+", default=[10_000, 50_000, 200_000])
    parser.add_argument("--source", choices=sorted(SOURCES), default="voa")
    parser.add_argument("--json", action="store_true", help="one JSON object per size")
    args = parser.parse_args(argv)

    from heron.config import Settings
    from heron.pipeline import build_pipeline

    # no time budget here: the point is to see how long each stage takes
    pipeline = build_pipeline(Settings(time_budget=0))
    words = source_words(args.source)
    time_stages(pipeline, paragraph(words, 500))  # warm up: load dictionaries and gazetteers
    for count in args.words:
        text = paragraph(words, count)
        result = time_stages(pipeline, text)
        total = sum(result["stages"].values())
        per_10k = {k: round(v * 10_000 / count, 2) for k, v in result["stages"].items()}
        row = {"words": count, "chars": len(text), "cpu_seconds": round(total, 1),
               "wall_seconds": round(result["wall"], 1), "cpu_seconds_per_10k_words": round(total * 10_000 / count, 2),
               "stages_per_10k_words": per_10k, "peak_rss_mb": round(peak_rss_mb()),
               **{k: result[k] for k in ("events", "quotes", "actors", "problems")}}
        print(json.dumps(row) if args.json else _line(row), flush=True)
    return 0


def _line(row: dict) -> str:
    stages = ", ".join(f"{k} {v}" for k, v in row["stages_per_10k_words"].items())
    problems = f"; problems: {'; '.join(row['problems'])}" if row["problems"] else ""
    return (f"{row['words']} words ({row['chars']} chars): {row['cpu_seconds']} CPU s ({row['wall_seconds']} s wall), "
            f"{row['cpu_seconds_per_10k_words']} CPU s per 10k words [{stages}]; peak RSS {row['peak_rss_mb']} MB; "
            f"{row['events']} events, {row['quotes']} quotes{problems}")


if __name__ == "__main__":
    sys.exit(main())
