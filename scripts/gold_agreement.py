#!/usr/bin/env python3
"""Agreement between two coders' article-level gold for the stories both coded.

Each coder's required events are matched one-to-one to the other's with the scoring rule of
docs/evaluation.md (type equal, actor codes intersect, recipient codes intersect; an empty side
matches anything). Reported per story and in total:

- strict F1: required matched to required, 2 * matched / (|A| + |B|);
- lenient agreement: the share of each coder's required events that the other coder recorded
  at all (required or acceptable), the way a prediction counts as correct for precision;
- type agreement: strict F1 with actor and recipient codes ignored.

    python scripts/gold_agreement.py eval/voa-coder-a.jsonl eval/voa-coder-b.jsonl
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def load(path: Path) -> dict[str, dict]:
    with path.open(encoding="utf-8") as lines:
        return {str(item["id"]): item for item in map(json.loads, filter(str.strip, lines))}


def agrees(a: dict, b: dict, codes: bool = True) -> bool:
    if a["event"] != b["event"]:
        return False
    if not codes:
        return True
    return all(not a.get(side) or not b.get(side) or set(a[side]) & set(b[side])
               for side in ("actor", "recipient"))


def matched(left: list[dict], right: list[dict], codes: bool = True) -> int:
    """Size of a maximum one-to-one matching (augmenting paths)."""
    edges = [[j for j, r in enumerate(right) if agrees(l, r, codes)] for l in left]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    return sum(augment(i, set()) for i in range(len(left)))


def covered(events: list[dict], other: dict) -> int:
    pool = (other.get("required") or []) + (other.get("acceptable") or [])
    return sum(any(agrees(e, o) for o in pool) for e in events)


def f1(hits: int, left: int, right: int) -> float:
    return 2 * hits / (left + right) if left + right else 1.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    args = parser.parse_args(argv)
    first, second = load(args.first), load(args.second)
    shared = [i for i in first if i in second]
    if not shared:
        print("gold_agreement: the two files share no story", file=sys.stderr)
        return 2
    totals = dict(a=0, b=0, strict=0, typed=0, a_in_b=0, b_in_a=0)
    print(f"{'story':<10} {'1st':>3} {'2nd':>3} {'strict F1':>9} {'type F1':>8} {'1st in 2nd':>10} {'2nd in 1st':>10}")
    for story in shared:
        a, b = first[story].get("required") or [], second[story].get("required") or []
        row = dict(a=len(a), b=len(b), strict=matched(a, b), typed=matched(a, b, codes=False),
                   a_in_b=covered(a, second[story]), b_in_a=covered(b, first[story]))
        for key, value in row.items():
            totals[key] += value
        print(f"{story:<10} {row['a']:>3} {row['b']:>3} {f1(row['strict'], row['a'], row['b']):>9.2f} "
              f"{f1(row['typed'], row['a'], row['b']):>8.2f} {row['a_in_b']:>10} {row['b_in_a']:>10}")
    t = totals
    print(f"{'total':<10} {t['a']:>3} {t['b']:>3} {f1(t['strict'], t['a'], t['b']):>9.2f} "
          f"{f1(t['typed'], t['a'], t['b']):>8.2f} {t['a_in_b']:>10} {t['b_in_a']:>10}")
    lenient = (t["a_in_b"] + t["b_in_a"]) / (t["a"] + t["b"]) if t["a"] + t["b"] else 1.0
    print(f"{len(shared)} stories; strict F1 {f1(t['strict'], t['a'], t['b']):.2f}, "
          f"type F1 {f1(t['typed'], t['a'], t['b']):.2f}, lenient agreement {lenient:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
