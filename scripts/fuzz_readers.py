#!/usr/bin/env python3
"""A long fuzz run of the readers: the property tests of tests/test_ingest_properties.py (random
bytes, markup, Unicode, JSON lines, damaged WARC archives fed to every reader) with many more
examples than `make test` uses. Prints the inputs tried per property and the failures found.

    .venv/bin/python scripts/fuzz_readers.py [--examples N]   # N per property (default 12500)
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# hypothesis statistics, per phase: "- 1234 passing, 0 failing, and 5 invalid test cases"
STAT = re.compile(r"(\d+) passing, (\d+) failing, and (\d+) invalid")
TEST = re.compile(r"^(tests/\S+::\S+):", re.MULTILINE)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=12500, help="examples per property")
    args = parser.parse_args()
    env = {**os.environ, "HERON_HYPOTHESIS_PROFILE": "fuzz", "HERON_FUZZ_EXAMPLES": str(args.examples)}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:logging",
                          "-rf", "--hypothesis-show-statistics", "tests/test_ingest_properties.py"],
                         cwd=ROOT, env=env, capture_output=True, text=True)
    tried = 0
    for block in re.split(r"\n(?=tests/\S+::)", run.stdout):
        name = TEST.match(block)
        counts = [tuple(map(int, m)) for m in STAT.findall(block)]
        if name and counts:
            inputs = sum(passing + failing for passing, failing, _ in counts)  # invalid ones were never run
            tried += inputs
            print(f"{name.group(1)}: {inputs} inputs")
    crashes = [line for line in run.stdout.splitlines() if line.startswith("FAILED ")]
    print(f"total: {tried} inputs tried, {len(crashes)} properties broken")
    for line in crashes:
        print(line)
    for line in run.stdout.splitlines():  # the assertion and the falsifying input of each broken property
        if line.startswith("E "):
            print(line[:300])
    if run.returncode and not crashes:
        print(run.stdout[-5000:], run.stderr[-2000:], sep="\n")
    return run.returncode

if __name__ == "__main__":
    sys.exit(main())
