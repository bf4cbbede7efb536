"""Run every evaluation against ../shared/eval and print each report (make eval).

Each script reads ../shared relative to the repository and can be run on its own too.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = [
    ("HTML extraction (article-extraction, word-shingle F1)", ["eval_extraction.py"]),
    ("Actor codes (PLOVER dev spans)", ["eval_actors.py"]),
    ("Quotes (PolNeAR dev)", ["eval_quotes.py"]),
    ("Events (PLOVER dev, CASE 2021 dev)", ["eval_events.py"]),
    ("Whole articles (VOA, hand-coded dev gold)", ["eval_articles.py"]),
]


def main() -> int:
    if not (HERE.parent.parent / "shared" / "eval").is_dir():
        print("../shared/eval is absent: nothing to evaluate", file=sys.stderr)
        return 1
    failed = 0
    for title, args in SCRIPTS:
        print(f"\n== {title}", flush=True)
        failed += subprocess.call([sys.executable, str(HERE / args[0]), *args[1:]]) != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
