"""The selective parse gives the records the full parse gives: both code the development sets.

Each set is coded twice in this process, once parsing every paragraph (``Settings.full_parse``)
and once parsing only the paragraphs that hold a cue (pipeline/text/cues.py); whole article
records (to_dict) are compared. Prints, per set, the records that differ (tune and blind parts
counted apart; only tune ids are named), the paragraphs parsed, the tokens the parser skipped and
the CPU seconds of each run (after coding a few documents untimed).

    .venv/bin/python scripts/selective_parse.py [--json] [MORE_INPUTS ...]

MORE_INPUTS (files or folders heron reads) are compared the same way after the sets.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

from heron.config import Settings
from heron.evaluation.split import part_of
from heron.ingest import read_paths
from heron.pipeline import build_pipeline
from heron.types import Article

WARM_UP = 4  # documents coded, untimed, by each pipeline first
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SETS = {
    "PLOVER sentences (dev)": SHARED / "eval" / "plover-gsr" / "dev.jsonl",
    "VOA stories": SHARED / "eval" / "voa" / "stories.jsonl",
    "PolNeAR dev": SHARED / "eval" / "polnear" / "dev" / "text",
    "seed article": SHARED / "seed" / "article.txt",
}


def code(documents: list, settings: Settings) -> tuple[list, float, object]:
    """Records (to_dict, or the error text) of the documents, CPU seconds, the parse stage."""
    pipeline = build_pipeline(settings)
    parse = next(stage for stage in pipeline.stages if stage.name == "parse")
    pipeline.code_batch(documents[:WARM_UP])  # caches filled (lemmas, lookups) before the clock starts
    parse.parsed = parse.pieces = 0
    started = time.process_time()
    records = []
    for k in range(0, len(documents), settings.batch_size):
        for result in pipeline.code_batch(documents[k:k + settings.batch_size]):
            records.append(result.to_dict() if isinstance(result, Article) else str(result))
            if isinstance(result, Article):
                tokens(result, parse)
    return records, time.process_time() - started, parse


def tokens(article: Article, parse) -> None:
    """Count the tokens the parser saw and skipped (a skipped token has no dependency label)."""
    parse.tokens = getattr(parse, "tokens", 0) + len(article.doc)
    parse.skipped = getattr(parse, "skipped", 0) + sum(1 for t in article.doc if not t.dep_)


def compare(name: str, path: Path, settings: Settings) -> dict:
    documents = [d for d in read_paths([str(path)]) if not isinstance(d, Exception)]
    full, full_s, _ = code(documents, replace(settings, full_parse=True))
    chosen, chosen_s, parse = code(documents, replace(settings, full_parse=False))
    differ = [_item_id(d) for d, a, b in zip(documents, full, chosen) if a != b]
    parts = {"tune": 0, "blind": 0}
    for item in differ:
        parts[part_of(item)] += 1
    return {
        "set": name, "articles": len(documents), "differ_tune": parts["tune"], "differ_blind": parts["blind"],
        "differ_tune_ids": [item for item in differ if part_of(item) == "tune"],
        "paragraphs": parse.pieces, "paragraphs_parsed": parse.parsed,
        "tokens": getattr(parse, "tokens", 0), "tokens_not_parsed": getattr(parse, "skipped", 0),
        "cpu_s_full": round(full_s, 2), "cpu_s_selective": round(chosen_s, 2),
    }


def _item_id(document) -> str:
    """The development set's id of an input: its JSON id, else its file's stem (PolNeAR)."""
    return str(document.id) if document.id is not None else Path(document.origin).stem


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="One JSON object per set on stdout.")
    parser.add_argument("more", nargs="*", help="More inputs to compare (files or folders).")
    args = parser.parse_args()
    settings = Settings(progress=False)
    missing = [str(p) for p in SETS.values() if not p.exists()]
    if missing:
        raise SystemExit(f"selective_parse: missing development sets: {', '.join(missing)}")
    failed = False
    for name, path in [*SETS.items(), *((p, Path(p)) for p in args.more)]:
        row = compare(name, path, settings)
        failed |= bool(row["differ_tune"] or row["differ_blind"])
        if args.json:
            print(json.dumps(row))
        else:
            print(f"{name}: {row['articles']} articles, records differing: tune {row['differ_tune']}, blind "
                  f"{row['differ_blind']}; paragraphs parsed {row['paragraphs_parsed']}/{row['paragraphs']}, "
                  f"tokens not parsed {row['tokens_not_parsed']}/{row['tokens']}; CPU s full {row['cpu_s_full']}, "
                  f"selective {row['cpu_s_selective']}")
            if row["differ_tune_ids"]:
                print(f"  differing (tune): {', '.join(row['differ_tune_ids'][:20])}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
