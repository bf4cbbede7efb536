#!/usr/bin/env python3
"""What heron's actor knowledge holds: the curated files and the imported base layer (PETRARCH2).

Prints, for the curated actor files (data/lang/<code>/actors/) and the imported layer: people,
office holders (people with an office or a dated role), organisations, armed and other groups,
country forms (names, adjectives, seats, regions) and role nouns; then what the import left out
and why. Tab-separated on stdout; --json for one object.

    .venv/bin/python scripts/count_knowledge.py [--language en] [--json]
"""
from __future__ import annotations

import argparse
import json
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", default="en")
    parser.add_argument("--json", action="store_true", help="one JSON object instead of a table")
    args = parser.parse_args(argv)

    from heron.config import Settings
    from heron.pipeline.knowledge import knowledge_for

    print("loading the knowledge object ...", file=sys.stderr)
    actors = knowledge_for(Settings(language=args.language)).actors
    counts = actors.counts()
    left_out = dict(actors.base_left_out)
    if args.json:
        print(json.dumps({**counts, "left out of the import": left_out}, indent=1))
        return 0
    print("what\tcurated\timported\ttotal")
    for what in counts["curated"]:
        curated, imported = counts["curated"][what], counts["imported"][what]
        print(f"{what}\t{curated}\t{imported}\t{curated + imported}")
    for reason, n in sorted(left_out.items(), key=lambda kv: -kv[1]):
        print(f"left out: {reason}\t\t{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
