"""Run every evaluation against ../shared/eval and print each report (make eval).

Each script reads ../shared relative to the repository and can be run on its own too. The actor,
event and whole-story reports show the tune part, the blind part (a fixed third of each set
chosen by a seeded hash of the item id, eval/README.md) and all items side by side; --part
passes a single part on to them.

    .venv/bin/python scripts/eval_all.py [--part all|tune|blind]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# (title, script, whether it reports tune/blind parts)
SCRIPTS = [
    ("HTML extraction (article-extraction, word-shingle F1)", "eval_extraction.py", False),
    ("Actor codes (PLOVER dev spans)", "eval_actors.py", True),
    ("Quotes (PolNeAR dev)", "eval_quotes.py", False),
    ("Events (PLOVER dev, CASE 2021 dev)", "eval_events.py", True),
    ("Whole articles (VOA, hand-coded dev gold)", "eval_articles.py", True),
    ("Story-level type recall (VOA, hand-coded dev gold)", "eval_story_types.py", False),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("all", "tune", "blind"), default="all",
                        help="part of each development set to score where the script has parts (default all)")
    args = parser.parse_args(argv)
    if not (HERE.parent.parent / "shared" / "eval").is_dir():
        print("../shared/eval is absent: nothing to evaluate", file=sys.stderr)
        return 1
    failed = 0
    for title, script, has_parts in SCRIPTS:
        print(f"\n== {title}", flush=True)
        extra = ["--part", args.part] if has_parts else []
        failed += subprocess.call([sys.executable, str(HERE / script), *extra]) != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
