"""Whole-process timing: `heron code FILE.jsonl --json` against a bare spaCy script on the same texts.

Both commands are timed as a user runs them, start to finish (interpreter start, imports, model
load, coding, output), alternating, in the same run. The texts are the ones `heron bench` uses
(150 PolNeAR articles by default), written once as JSON Lines; spaCy gets each article's
cleaned text (what heron parses), heron the raw article. spaCy runs `nlp.pipe(n_process=N,
batch_size=8)`: with its default batch size all 150 texts would go to one process.

Each command is timed twice over: wall seconds, and CPU seconds of its whole process tree (user
plus system time of the process and the workers it waited for, from getrusage(RUSAGE_CHILDREN)
before and after). On a shared machine the wall ratio swings with the load; the CPU ratio,
spaCy's CPU seconds over heron's, does not.

Start-up is timed on its own too: `heron code` on one short sentence with an empty knowledge
cache (cold: heron builds its knowledge and writes the cache) and again with the cache written
(warm), against a script that only loads spaCy's model. heron's timed runs use that warm cache
(a folder of their own, not the user's), or none with --no-cache.

    .venv/bin/python scripts/bench_cli.py [--workers 2] [--limit 150] [--runs 3] [--no-cache] [--json]

Prints each run's seconds, and the minimum and median of the ratios spaCy / heron.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
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
SPACY_LOAD = """
from heron.pipeline.text.language import language_for
language_for("en").load_model(None)
"""
SENTENCE = "The army attacked the rebels in Kabul on Monday.\n"


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


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, the process and its waited-for workers)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"bench_cli: {' '.join(command)} failed: {done.stderr.decode()[-500:]}")
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def startup(heron_bin: Path, folder: Path, cache: Path) -> dict[str, float]:
    """One short sentence through `heron code`, cold and warm cache, and spaCy's model load."""
    sentence = folder / "sentence.txt"
    sentence.write_text(SENTENCE, encoding="utf-8")
    for entry in cache.glob("*"):
        entry.unlink()
    env = {**os.environ, "HERON_CACHE_DIR": str(cache)}
    env.pop("HERON_NO_CACHE", None)
    command = [str(heron_bin), "code", str(sentence), "--json", "--workers", "1"]
    spacy_wall, spacy_cpu = timed([sys.executable, "-c", SPACY_LOAD])
    cold_wall, cold_cpu = timed(command, env)
    warm_wall, warm_cpu = timed(command, env)
    return {"spacy_load_s": spacy_wall, "spacy_load_cpu": spacy_cpu, "cold_s": cold_wall, "cold_cpu": cold_cpu,
            "warm_s": warm_wall, "warm_cpu": warm_cpu}


def summary(rows: list[dict[str, float]], fields: list[str]) -> dict[str, dict[str, float]]:
    return {f: {"min": round(min(r[f] for r in rows), 3), "median": round(statistics.median(r[f] for r in rows), 3)}
            for f in fields}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=150)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-cache", action="store_true", help="Time heron with its knowledge cache off.")
    parser.add_argument("--json", action="store_true", help="One JSON object on stdout.")
    args = parser.parse_args()
    bin_dir = Path(sys.executable).parent
    starts, runs = [], []
    with tempfile.TemporaryDirectory() as tmp:
        folder, cache = Path(tmp), Path(tmp) / "cache"
        cache.mkdir()
        raw, clean, corpus = write_inputs(folder, args.limit)
        env = {**os.environ, "HERON_CACHE_DIR": str(cache)}
        if args.no_cache:
            env["HERON_NO_CACHE"] = "1"
        heron = [str(bin_dir / "heron"), "code", str(raw), "--json", "--workers", str(args.workers)]
        spacy = [sys.executable, "-c", SPACY_SCRIPT, str(clean), str(args.workers)]
        for run in range(1, args.runs + 1):
            start = startup(bin_dir / "heron", folder, cache)
            starts.append(start)
            print(f"bench_cli: start-up {run}: spaCy model load {start['spacy_load_s']:.1f} s "
                  f"({start['spacy_load_cpu']:.1f} CPU-s), heron cold cache {start['cold_s']:.1f} s "
                  f"({start['cold_cpu']:.1f} CPU-s), warm {start['warm_s']:.1f} s ({start['warm_cpu']:.1f} CPU-s)",
                  file=sys.stderr)
            (spacy_s, spacy_cpu), (heron_s, heron_cpu) = timed(spacy), timed(heron, env)
            runs.append({"spacy_s": round(spacy_s, 2), "heron_s": round(heron_s, 2), "ratio": round(spacy_s / heron_s, 3),
                         "spacy_cpu": round(spacy_cpu, 2), "heron_cpu": round(heron_cpu, 2),
                         "cpu_ratio": round(spacy_cpu / heron_cpu, 3)})
            print(f"bench_cli: run {run}: spaCy {spacy_s:.1f} s ({spacy_cpu:.1f} CPU-s), heron {heron_s:.1f} s "
                  f"({heron_cpu:.1f} CPU-s), ratio {spacy_s / heron_s:.3f}, CPU ratio {spacy_cpu / heron_cpu:.3f}",
                  file=sys.stderr)
    ratios, cpu_ratios = [r["ratio"] for r in runs], [r["cpu_ratio"] for r in runs]
    result = {"corpus": corpus, "articles": args.limit, "workers": args.workers, "cache": not args.no_cache,
              "load_average": os.getloadavg(), "runs": runs,
              "ratio_min": min(ratios), "ratio_median": statistics.median(ratios),
              "cpu_ratio_min": min(cpu_ratios), "cpu_ratio_median": statistics.median(cpu_ratios),
              "startup": summary(starts, list(starts[0]))}
    if args.json:
        print(json.dumps(result))
        return
    up = result["startup"]
    print(f"{corpus}, {args.limit} articles, {args.workers} processes: ratio spaCy/heron wall min "
          f"{result['ratio_min']:.3f}, median {result['ratio_median']:.3f}; CPU min {result['cpu_ratio_min']:.3f}, "
          f"median {result['cpu_ratio_median']:.3f} over {args.runs} runs\n"
          f"start-up (median): spaCy model load {up['spacy_load_s']['median']:.1f} s "
          f"({up['spacy_load_cpu']['median']:.1f} CPU-s); heron on one sentence, cold cache "
          f"{up['cold_s']['median']:.1f} s ({up['cold_cpu']['median']:.1f} CPU-s), warm "
          f"{up['warm_s']['median']:.1f} s ({up['warm_cpu']['median']:.1f} CPU-s)")


if __name__ == "__main__":
    main()
