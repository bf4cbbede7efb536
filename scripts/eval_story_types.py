#!/usr/bin/env python3
"""Story-level type recall on the hand-coded VOA stories: for each story and each PLOVER type
among its required gold events, whether heron codes that type anywhere in the story.

This is the measure an analyst meets first ("does heron see that this story is about
sanctions?") and the one the labelled-story benchmarks use; it ignores actors, recipients and
counts. Precision counts a predicted (story, type) pair correct when the type is required or
acceptable in that story's gold. Events count as in every evaluation: not negated, and with a
status in heron.types.COUNTED_STATUSES (others' forecasts are no act). Parts as in every
evaluation (eval/README.md): tune, blind and all side by side; the per-type table lists tune
stories only.

    .venv/bin/python scripts/eval_story_types.py [--gold eval/voa-dev.jsonl] [--texts STORIES] [--json]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def story_types(article) -> set[str]:
    from heron.types import COUNTED_STATUSES

    return {e.event for e in article.events if not e.negated and e.status in COUNTED_STATUSES}


def score(gold: list[dict], articles: dict) -> dict:
    required = found = predicted = correct = 0
    by_type: Counter = Counter()
    by_type_found: Counter = Counter()
    for item in gold:
        want = {e["event"] for e in item["required"]}
        allowed = want | {e["event"] for e in item.get("acceptable", [])}
        got = story_types(articles[str(item["id"])])
        required += len(want)
        found += len(want & got)
        predicted += len(got)
        correct += len(got & allowed)
        by_type.update(want)
        by_type_found.update(want & got)
    return {"stories": len(gold), "pairs": required, "type_recall": found / required if required else 0.0,
            "type_precision": correct / predicted if predicted else 0.0,
            "by_type": {t: [by_type_found[t], by_type[t]] for t in sorted(by_type)}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "eval" / "voa-dev.jsonl")
    parser.add_argument("--texts", type=Path, default=SHARED / "eval" / "voa" / "stories.jsonl")
    parser.add_argument("--json", action="store_true", help="print the result per part as JSON")
    args = parser.parse_args(argv)
    for path in (args.gold, args.texts):
        if not path.is_file():
            print(f"eval_story_types: {path}: no such file", file=sys.stderr)
            return 2

    from heron.config import Settings
    from heron.evaluation.articles import code_stories, read_gold, read_stories
    from heron.evaluation.split import part_of

    gold = read_gold(args.gold)
    articles = code_stories(read_stories(args.texts, {str(g["id"]) for g in gold}), gold, Settings())
    parts = {part: score([g for g in gold if part == "all" or part_of(str(g["id"])) == part], articles)
             for part in ("tune", "blind", "all")}
    parts["blind"].pop("by_type")
    parts["all"].pop("by_type")
    if args.json:
        print(json.dumps(parts, indent=2))
        return 0
    print(f"{'':22}{'tune':>8}{'blind':>8}{'all':>8}")
    for key, label in (("stories", "stories"), ("pairs", "(story, type) pairs"),
                       ("type_recall", "story type recall"), ("type_precision", "story type precision")):
        cells = [parts[p][key] for p in ("tune", "blind", "all")]
        print(f"{label:22}" + "".join(f"{c:>8.3f}" if isinstance(c, float) else f"{c:>8}" for c in cells))
    print("\ntune stories by type (found / stories with the type):")
    for event, (hit, total) in parts["tune"]["by_type"].items():
        print(f"  {event:10} {hit:>3} / {total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
