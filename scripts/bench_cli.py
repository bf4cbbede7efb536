"""Whole-process timing: `heron code FILE.jsonl --json` against a bare spaCy script on the same texts.

Both commands are timed as a user runs them, start to finish (interpreter start, imports, model
load, coding, output), alternating, in the same run. The texts are the ones `heron bench` uses
(150 PolNeAR articles by default), written once as JSON Lines; spaCy gets each article's
cleaned text (what heron parses), heron the raw article. spaCy runs `nlp.pipe(n_process=N,
batch_size=8)`: with its default batch size all 150 texts would go to one process.

    .venv/bin/python scripts/bench_cli.py [--workers 2] [--limit 150] [--runs 3] [--json]

Prints each run's seconds, and the minimum and median of the ratio spaCy time / heron time.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SPACY_SCRIPT = """
import json, sys
from heron.pipeline.text.language import language_for
nlp = language_for("en").load_model(None)
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
tokens = sum(len(doc) for doc in nlp.pipe(texts, n_process=int(sys.argv[2]), batch_size=8))
print(tokens)
"""


def write_inputs(folder: Path, limit: int) -> tuple[Path, Path, str]:
    """The raw articles (for heron) and their cleaned texts (for spaCy) as JSON Lines."""
    from heron.bench import _clean_texts, default_paths, load_documents
    from heron.config import Settings

    paths, corpus = default_paths()
    docs, _ = load_documents(paths, limit, corpus.startswith("examples"))
    texts, failed = _clean_texts(docs, Settings())
    if failed:
        raise SystemExit(f"bench_cli: {len(failed)} articles could not be cleaned: {failed[0]}")
    raw, clean = folder / "articles.jsonl", folder / "texts.jsonl"
    with raw.open("w", encoding="utf-8") as out:
        for doc in docs:
            out.write(json.dumps({"id": Path(doc.origin).stem, "text": doc.text}, ensure_ascii=False) + "\n")
    with clean.open("w", encoding="utf-8") as out:
        for text in texts:
            out.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    return raw, clean, corpus


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"bench_cli: {' '.join(command)} failed: {done.stderr.decode()[-500:]}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=150)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="One JSON object on stdout.")
    args = parser.parse_args()
    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as tmp:
        raw, clean, corpus = write_inputs(Path(tmp), args.limit)
        heron = [str(bin_dir / "heron"), "code", str(raw), "--json", "--workers", str(args.workers)]
        spacy = [sys.executable, "-c", SPACY_SCRIPT, str(clean), str(args.workers)]
        runs = []
        for run in range(1, args.runs + 1):
            spacy_s, heron_s = timed(spacy), timed(heron)
            runs.append({"spacy_s": round(spacy_s, 2), "heron_s": round(heron_s, 2), "ratio": round(spacy_s / heron_s, 3)})
            print(f"bench_cli: run {run}: spaCy {spacy_s:.1f} s, heron {heron_s:.1f} s, ratio {spacy_s / heron_s:.3f}",
                  file=sys.stderr)
    ratios = [r["ratio"] for r in runs]
    result = {"corpus": corpus, "articles": args.limit, "workers": args.workers, "runs": runs,
              "ratio_min": min(ratios), "ratio_median": statistics.median(ratios)}
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{corpus}, {args.limit} articles, {args.workers} processes: ratio spaCy/heron "
              f"min {result['ratio_min']:.3f}, median {result['ratio_median']:.3f} over {args.runs} runs")


if __name__ == "__main__":
    main()
