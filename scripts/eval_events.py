#!/usr/bin/env python3
"""Score heron's event coding on the sentence gold sets in ../shared/eval (development halves).

PLOVER gold standard (plover-gsr/dev.jsonl): event type with actor and recipient codes.
CASE 2021 task 2 (case2021/dev.jsonl): event type only; items with event null measure false
alarms (ASSAULT, PROTEST, COERCE predicted where no political event is expected).
Conventions: docs/evaluation.md, as implemented in heron.evaluation.sentences (same as `heron eval`).

    .venv/bin/python scripts/eval_events.py [--set plover-gsr|case2021] [--errors K] [--json]
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
    """Items whose gold event was not matched, and false alarms, for reading."""
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
    parser.add_argument("--errors", type=int, default=0, help="print up to K misses and false alarms")
    parser.add_argument("--json", action="store_true", help="totals as JSON")
    args = parser.parse_args(argv)
    if not (SHARED / "eval").is_dir():
        print(f"eval_events: {SHARED / 'eval'} is absent: evaluation data is read from ../shared", file=sys.stderr)
        return 2
    from heron.config import Settings
    from heron.evaluation.sentences import code_items, format_report, read_gold, score_sentences
    from heron.pipeline import build_pipeline

    settings = Settings()
    pipeline = build_pipeline(settings)
    out = {}
    for name in args.set or SETS:
        items = read_gold(SHARED / "eval" / name / "dev.jsonl")
        started = time.perf_counter()
        result = score_sentences(items, code_items(items, settings, pipeline))
        out[name] = dict(result["totals"], seconds=round(time.perf_counter() - started, 1))
        if not args.json:
            print(format_report(result, f"{name}/dev.jsonl"))
            print(f"({out[name]['seconds']} s)")
            print("\n".join(_errors(result, args.errors)) + "\n" if args.errors else "")
    if args.json:
        print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
