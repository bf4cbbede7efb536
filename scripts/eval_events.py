#!/usr/bin/env python3
"""Score heron's event coding on the sentence gold sets in ../shared/eval (development halves).

PLOVER gold standard (plover-gsr/dev.jsonl): event type with actor and recipient codes.
CASE 2021 task 2 (case2021/dev.jsonl): event type only; items with event null measure false
alarms (ASSAULT, PROTEST, COERCE predicted where no political event is expected).
Conventions: docs/evaluation.md, as implemented in heron.evaluation.sentences (same as `heron eval`).
Each set is reported as its tune part, its blind part (a fixed third chosen by a seeded hash of
the item id, eval/README.md) and all items side by side; --errors lists tune items only.

    .venv/bin/python scripts/eval_events.py [--set plover-gsr|case2021] [--part all|tune|blind]
                                            [--errors K] [--json]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SETS = ("plover-gsr", "case2021")


def _errors(result: dict, limit: int) -> list[str]:
    """Tune items whose gold event was not matched, and false alarms, for reading."""
    lines = []
    for row in result["items"]:
        if (row["gold"] is not None and not row["matched"]) or row["false_alarm"]:
            lines.append(f"{row['id']}  gold {row['gold']}  | {row['text'][:140]}")
            lines += [f"      predicted {p}" for p in row["predicted"]] or ["      predicted nothing"]
        if len(lines) >= limit * 3:
            break
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=SETS, action="append", help="gold set (default: both)")
    parser.add_argument("--part", choices=("all", "tune", "blind"), default="all",
                        help="items to score (default all: tune, blind and all side by side)")
    parser.add_argument("--errors", type=int, default=0,
                        help="print up to K misses and false alarms of the tune part (blind items are never listed)")
    parser.add_argument("--json", action="store_true", help="totals per part as JSON")
    args = parser.parse_args(argv)
    if not (SHARED / "eval").is_dir():
        print(f"eval_events: {SHARED / 'eval'} is absent: evaluation data is read from ../shared", file=sys.stderr)
        return 2
    from heron.config import Settings
    from heron.evaluation.sentences import evaluate_parts, format_parts, read_gold
    from heron.pipeline import build_pipeline

    settings = Settings()
    pipeline = build_pipeline(settings)
    out = {}
    for name in args.set or SETS:
        items = read_gold(SHARED / "eval" / name / "dev.jsonl")
        started = time.perf_counter()
        parts = evaluate_parts(items, settings, args.part, pipeline)
        seconds = round(time.perf_counter() - started, 1)
        out[name] = {part: dict(result["totals"]) for part, result in parts.items()} | {"seconds": seconds}
        if not args.json:
            print(format_parts(parts, f"{name}/dev.jsonl"))
            print(f"({seconds} s)\n")
            if args.errors and "tune" in parts:
                print("misses and false alarms, tune part:\n" + "\n".join(_errors(parts["tune"], args.errors)) + "\n")
    if args.json:
        print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
