#!/usr/bin/env python3
"""Score heron's HTML main-text extraction on ../shared/eval/article-extraction.

The metric is the article-extraction benchmark's (scrapinghub/article-extraction-benchmark):
each text is cut into word 4-gram shingles (words = \\w+ runs), a page's true/false positives
and false negatives are shingle-count overlaps normalised to sum to 1, precision and recall
are averaged over pages (precision over pages with any prediction, recall over pages with
any gold), and F1 is taken from the two averages.

heron is scored on its article body: the cleaned ``Article.text`` without the title paragraph
(the benchmark's gold is the body; heron keeps the title in ``Article.title`` too). Scores
with the title paragraph left in are printed alongside. trafilatura is called directly in the
same run, the way the benchmark calls it, as the baseline.

    .venv/bin/python scripts/eval_extraction.py [--every N] [--json]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DATA = SHARED / "eval" / "article-extraction"
_WORD = re.compile(r"\w+")

Counts = tuple[float, float, float]


def shingles(text: str | None, n: int = 4) -> Counter:
    words = _WORD.findall(text or "")
    return Counter(tuple(words[i:i + n]) for i in range(max(1, len(words) - n + 1)) if words[i:i + n])


def page_counts(gold: str | None, predicted: str | None) -> Counts:
    """(tp, fp, fn) over shingles of one page, normalised so every page weighs the same."""
    want, got = shingles(gold), shingles(predicted)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _ratio(hit: float, miss: float, other: float) -> float:
    if miss == other == 0:
        return 1.0
    return hit / (hit + miss) if hit + miss else 0.0


def summarise(pages: list[Counts]) -> dict[str, float]:
    precisions = [_ratio(tp, fp, fn) for tp, fp, fn in pages if tp + fp > 0]
    recalls = [_ratio(tp, fn, fp) for tp, fp, fn in pages if tp + fn > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def load_pages(every: int = 1) -> Iterable[tuple[str, str, str]]:
    """(page id, html, gold body) for every ``every``-th page in sorted order."""
    gold = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    for index, path in enumerate(sorted((DATA / "html").glob("*.html.gz"))):
        if index % every:
            continue
        key = path.name.split(".")[0]
        with gzip.open(path, "rb") as stream:
            html = stream.read().decode("utf-8", errors="replace")
        yield key, html, gold[key].get("articleBody", "")


def heron_extractor() -> Callable[[str, str], dict[str, str]]:
    """heron's path for a web page: trafilatura extraction, then the clean stage."""
    from heron.config import Settings
    from heron.errors import InputError
    from heron.ingest.html import document_from_html
    from heron.pipeline.text.clean import Cleaner

    cleaner = Cleaner(Settings())

    def extract(key: str, html: str) -> dict[str, str]:
        try:
            article = cleaner(document_from_html(html, key))
        except InputError:
            return {"body": "", "text": ""}
        body = article.text
        if article.title and body.startswith(article.title):
            body = body[len(article.title):].lstrip()
        return {"body": body, "text": article.text}

    return extract


def evaluate(every: int = 1) -> dict[str, dict[str, float]]:
    import trafilatura

    extract = heron_extractor()
    scores: dict[str, list[Counts]] = {"heron": [], "heron (title kept)": [], "trafilatura": []}
    seconds = {"heron": 0.0, "trafilatura": 0.0}
    for key, html, gold in load_pages(every):
        start = time.perf_counter()
        baseline = trafilatura.extract(html, include_comments=False)
        seconds["trafilatura"] += time.perf_counter() - start
        start = time.perf_counter()
        ours = extract(key, html)
        seconds["heron"] += time.perf_counter() - start
        scores["trafilatura"].append(page_counts(gold, baseline))
        scores["heron"].append(page_counts(gold, ours["body"]))
        scores["heron (title kept)"].append(page_counts(gold, ours["text"]))
    result = {}
    for name, pages in scores.items():
        result[name] = summarise(pages) | {"pages": len(pages)}
        result[name]["seconds"] = round(seconds.get(name, seconds["heron"]), 2)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--every", type=int, default=1, help="score every N-th page only (default: all)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"eval_extraction: {DATA.name} data is absent (expected ../shared/eval/article-extraction)", file=sys.stderr)
        return 1
    result = evaluate(args.every)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{'system':<20} {'pages':>5} {'precision':>9} {'recall':>7} {'F1':>6} {'seconds':>8}")
    for name, row in result.items():
        print(f"{name:<20} {row['pages']:>5} {row['precision']:>9.3f} {row['recall']:>7.3f} {row['f1']:>6.3f} {row['seconds']:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
