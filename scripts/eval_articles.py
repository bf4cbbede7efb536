#!/usr/bin/env python3
"""Whole-article event coding: run heron over the hand-coded VOA stories and print P/R/F1.

The gold (eval/voa-dev.jsonl, coded per eval/README.md) names each story by id; the texts are
read from ../shared/eval/voa/stories.jsonl beside the repository. Scoring follows docs/evaluation.md
(heron.evaluation.articles.score_articles). The stories are reported as the tune part, the
blind part (a fixed third chosen by a seeded hash of the story id, eval/README.md) and all side
by side; per-story rows and --details list tune stories only.

    .venv/bin/python scripts/eval_articles.py [--gold eval/voa-dev.jsonl] [--texts STORIES]
                                              [--text-file ID=PATH ...]
                                              [--part all|tune|blind] [--details] [--json]

The seed article, scored against its own gold (eval/README.md):

    .venv/bin/python scripts/eval_articles.py --gold eval/seed-gold.jsonl \
        --text-file seed=../shared/seed/article.txt
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "eval" / "voa-dev.jsonl")
    parser.add_argument("--texts", type=Path, default=SHARED / "eval" / "voa" / "stories.jsonl")
    parser.add_argument("--text-file", action="append", default=[], metavar="ID=PATH",
                        help="the article of gold id ID is the file PATH (.txt, .html), read as `heron code` reads it")
    parser.add_argument("--part", choices=("all", "tune", "blind"), default="all",
                        help="stories to score (default all: tune, blind and all side by side)")
    parser.add_argument("--details", action="store_true",
                        help="list missed required and unmatched predicted events of tune stories (never blind ones)")
    parser.add_argument("--json", action="store_true", help="print the result per part as JSON")
    args = parser.parse_args(argv)
    from heron.config import Settings
    from heron.evaluation.articles import evaluate_parts, format_parts, parse_text_file

    try:
        text_files = [parse_text_file(spec) for spec in args.text_file]
    except ValueError as exc:
        print(f"eval_articles: --text-file {exc}", file=sys.stderr)
        return 2
    # the stories file is needed only for gold ids that no --text-file names
    for path in [args.gold] + ([] if text_files else [args.texts]):
        if not path.is_file():
            print(f"eval_articles: {path}: no such file", file=sys.stderr)
            return 2

    started = time.perf_counter()
    texts = args.texts if args.texts.is_file() else None
    parts = evaluate_parts(args.gold, texts, Settings(), args.part, text_files)
    seconds = time.perf_counter() - started
    if args.json:
        print(json.dumps({"parts": parts}, indent=2))
    else:
        print(format_parts(parts, details=args.details))
        stories = max(p["totals"]["articles"] for p in parts.values())
        print(f"({stories} stories in {seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
