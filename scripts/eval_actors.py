"""Actor-code accuracy on PLOVER gold sentences (../shared/eval/plover-gsr/dev.jsonl).

For every gold actor or recipient with a code, find its text in the sentence, code that span
with heron (`code_span`, which uses the resolved actors first) and compare with the gold code.
Prints accuracy, counts and the confusions (gold -> predicted, with the text), and for
information the sector agreement where the gold names a sector. Figures are given for the tune
part, the blind part (a fixed third chosen by a seeded hash of the item id, eval/README.md) and
all items; confusions are listed for tune items only.

    .venv/bin/python scripts/eval_actors.py [--split dev] [--part all|tune|blind] [--limit N] [--quiet]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def locate(sentence: str, text: str) -> tuple[int, int] | None:
    """Character span of a gold text in its sentence; "..." gaps and spacing are tolerated."""
    parts = [p.strip(" ,") for p in re.split(r"\.\.+", text) if p.strip(" ,")]
    if not parts:
        return None
    patterns = [r"(?<!\w)" + r"\s+".join(re.escape(w) for w in part.split()) + r"(?!\w)" for part in parts]
    flags = 0 if re.search(patterns[0], sentence) else re.IGNORECASE
    first = re.search(patterns[0], sentence, flags=flags)
    if first is None:
        return None
    last = re.search(patterns[-1], sentence[first.start():], flags=flags) if len(parts) > 1 else None
    end = first.start() + last.end() if last else first.end()
    return first.start(), end


def gold_items(path: Path, limit: int | None = None) -> list[dict]:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return items[:limit] if limit else items


def score(items: list[dict], pipeline) -> dict:
    """Run the pipeline over the sentences and compare codes; returns counts and confusions."""
    from heron.pipeline.actors.stage import code_span
    from heron.types import Article

    articles = [Article(id=item["id"], text=item["text"], published=None) for item in items]
    for article in articles:
        article.stages = ["text", "title", "removed", "source"]
    coded = list(pipeline.pipe(articles))
    counts: Counter = Counter()
    confusions = []
    for item, article in zip(items, coded):
        for side in ("actor", "recipient"):
            for gold in item.get(side) or []:
                if not gold.get("code"):
                    continue
                counts["gold"] += 1
                where = locate(item["text"], gold["text"])
                if where is None:
                    counts["unlocated"] += 1
                    confusions.append((gold["code"], "<text not found>", gold["text"], item["id"]))
                    continue
                code, sector = code_span(article, *where, pipeline.knowledge)
                gold_sector = (gold.get("sector") or "")[:3]
                if gold_sector and gold_sector != "***":
                    counts["sector_gold"] += 1
                    counts["sector_correct"] += sector == gold_sector
                if code == gold["code"]:
                    counts["correct"] += 1
                else:
                    counts["null" if code is None else "wrong"] += 1
                    confusions.append((gold["code"], code, gold["text"], item["id"]))
    counts["accuracy"] = counts["correct"] / counts["gold"] if counts["gold"] else 0.0
    counts["sector_accuracy"] = counts["sector_correct"] / counts["sector_gold"] if counts["sector_gold"] else 0.0
    return {"counts": counts, "confusions": confusions}


PARTS = ("tune", "blind", "all")


def _total(results: list[dict]) -> Counter:
    """The counts of several scored parts added up, with their accuracies recomputed."""
    counts: Counter = Counter()
    for result in results:
        counts.update({k: v for k, v in result["counts"].items() if not k.endswith("accuracy")})
    counts["accuracy"] = counts["correct"] / counts["gold"] if counts["gold"] else 0.0
    counts["sector_accuracy"] = counts["sector_correct"] / counts["sector_gold"] if counts["sector_gold"] else 0.0
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev")
    parser.add_argument("--part", choices=PARTS, default="all",
                        help="items to score (default all: tune, blind and all side by side)")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--quiet", action="store_true", help="only the summary lines")
    args = parser.parse_args(argv)
    path = SHARED / "eval" / "plover-gsr" / f"{args.split}.jsonl"
    if not path.is_file():
        print(f"eval_actors: {path} not found (the evaluation data lives in ../shared beside the repo)", file=sys.stderr)
        return 2
    from heron.config import Settings
    from heron.evaluation.split import split
    from heron.pipeline import build_pipeline

    pipeline = build_pipeline(Settings(), ["parse", "actors"])
    tune, blind = split(gold_items(path, args.limit), key=lambda item: str(item["id"]))
    members = {"tune": tune, "blind": blind} if args.part == "all" else {args.part: tune if args.part == "tune" else blind}
    scored = {name: score(items, pipeline) for name, items in members.items()}
    counts = {name: _total([result]) for name, result in scored.items()}
    if args.part == "all":
        counts["all"] = _total(list(scored.values()))
    print("actor codes (blind part: eval/README.md)")
    for name, c in counts.items():
        print(f"  {name:<6} accuracy {c['accuracy']:.3f} ({c['correct']}/{c['gold']}); wrong {c['wrong']}, "
              f"null {c['null']}, text not found {c['unlocated']}; sectors (where gold has one, first three "
              f"letters) {c['sector_accuracy']:.3f} ({c['sector_correct']}/{c['sector_gold']})")
    if not args.quiet and "tune" in scored:
        print("confusions, tune part:")
        for gold, predicted, text, item_id in sorted(scored["tune"]["confusions"], key=lambda r: (r[0], str(r[1]))):
            print(f"  {gold} -> {predicted}\t{text!r}\t{item_id}")
    return 0

if __name__ == "__main__":
    sys.exit(main())
