"""Does an ingest cost the same per article in a store of 1k, 5k and 20k articles?

Coding an article never looks at the store, so what can grow with the store is the writer's
share: the skip checks, the batch writes and story clustering. Coding 20,000 articles to build
the stores would take hours on two shared cores, so the stores are grown from a coded seed:

1. ``heron ingest`` codes SEED articles of the perturbed corpus (scripts/perturb_corpus.py).
2. The store grows by increments of STEP perturbed articles: each new article takes a seed
   article's coded rows (events, actors, quotes, removed blocks, record) under its own id, seq,
   origin and text, with the MinHash signature and band keys of its own text; then the store's
   own ``cluster_stories()`` places the increment. Each increment's writer time per article
   and this process's peak RSS are reported.
3. At each size in SIZES a copy of the store takes a real ``heron ingest`` of FRESH new
   articles (whole process, coding included), timed per article.

    .venv/bin/python scripts/growth.py [--sizes 1000,5000,20000] [--json]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from perturb_corpus import perturbed, read_corpus

SOURCE = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "india-police-events" / "docs.jsonl"


def peak_rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmHWM:"))


def grow(store, rows: list[dict], first_line: int, seeds: list[str]) -> None:
    """Add ``rows`` as articles cloned from the coded ``seeds``, as ingest's writer would."""
    import pyarrow as pa

    from heron.store.dedup import NUM_PERM, band_keys, signature

    seq0 = store.con.execute("SELECT coalesce(max(seq), 0) FROM inputs").fetchone()[0]
    mapping = {"new_id": [], "seed_id": [], "seq": [], "text": [], "origin": []}
    inputs = {"origin": [], "fingerprint": [], "article_id": [], "status": [], "seq": []}
    hashes = {"article_id": [], "num_perm": [], "signature": []}
    bands = {"seq": [], "key": []}
    for n, row in enumerate(rows):
        seq, origin = seq0 + n + 1, f"grown.jsonl:{first_line + n}"
        sig = signature(row["text"])
        for key, value in (("new_id", row["id"]), ("seed_id", seeds[(first_line + n) % len(seeds)]), ("seq", seq),
                           ("text", row["text"]), ("origin", origin)):
            mapping[key].append(value)
        for key, value in (("origin", origin), ("fingerprint", hashlib.sha1(row["text"].encode()).hexdigest()),
                           ("article_id", row["id"]), ("status", "article"), ("seq", seq)):
            inputs[key].append(value)
        hashes["article_id"].append(row["id"]), hashes["num_perm"].append(NUM_PERM), hashes["signature"].append(sig)
        for key in band_keys(sig):
            bands["seq"].append(seq), bands["key"].append(key)
    con = store.con
    con.execute("BEGIN TRANSACTION")
    for name, table in (("m", mapping), ("i", inputs), ("h", hashes), ("b", bands)):
        con.register(name, pa.table(table))
    con.execute("INSERT INTO inputs BY NAME SELECT * FROM i")
    con.execute("INSERT INTO articles BY NAME SELECT a.* EXCLUDE (id, seq, text, origin, cluster_id, original_id), "
                "m.new_id AS id, m.seq, m.text, m.origin FROM m JOIN articles a ON a.id = m.seed_id")
    con.execute("INSERT INTO minhashes BY NAME SELECT * FROM h")
    con.execute("INSERT INTO lsh_bands BY NAME SELECT * FROM b")
    for table in ("events", "actors", "quotes", "removed"):
        con.execute(f"INSERT INTO {table} BY NAME SELECT t.* EXCLUDE (article_id), m.new_id AS article_id "
                    f"FROM {table} t JOIN m ON t.article_id = m.seed_id")
    con.execute("COMMIT")
    for name in ("m", "i", "h", "b"):
        con.unregister(name)


def timed_ingest(heron: str, store: Path, fresh: Path) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run([heron, "ingest", str(fresh), "--db", str(store), "--workers", "2"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"growth: heron ingest failed: {done.stderr[-400:]}")
    return seconds, int(re.search(r"(\d+) new articles", done.stderr).group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--seed-articles", type=int, default=100)
    parser.add_argument("--step", type=int, default=1000)
    parser.add_argument("--fresh", type=int, default=100)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    heron = str(Path(sys.executable).parent / "heron")
    rows = list(perturbed(read_corpus(str(SOURCE)), sizes[-1] + args.fresh))
    fresh_rows, rows = rows[-args.fresh:], rows[:-args.fresh]
    from heron.store import Store

    result = {"sizes": [], "increments": []}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "seed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows[:args.seed_articles]))
        (folder / "fresh.jsonl").write_text("".join(json.dumps(r) + "\n" for r in fresh_rows))
        store_path = folder / "grown.duckdb"
        timed_ingest(heron, store_path, folder / "seed.jsonl")
        with Store(store_path) as store:
            seeds = [r[0] for r in store.con.execute("SELECT id FROM articles ORDER BY seq").fetchall()]
        size = len(seeds)
        for target in sizes:
            while size < target:
                batch = rows[size:min(target, size + args.step)]
                with Store(store_path) as store:
                    start = time.perf_counter()
                    grow(store, batch, size, seeds)
                    store.cluster_stories()
                    seconds = time.perf_counter() - start
                size += len(batch)
                result["increments"].append({"store_articles": size, "writer_ms_per_article": round(1000 * seconds / len(batch), 2),
                                             "peak_rss_mb": round(peak_rss_mb(), 1)})
                print(f"growth: store {size}: writer {1000 * seconds / len(batch):.2f} ms/article, "
                      f"peak RSS {peak_rss_mb():.0f} MB", file=sys.stderr)
            copy = folder / f"at-{target}.duckdb"
            shutil.copy(store_path, copy)
            seconds, stored = timed_ingest(heron, copy, folder / "fresh.jsonl")
            with Store(copy, read_only=True) as store:
                copies = store.copies()
            result["sizes"].append({"store_articles": target, "fresh_articles": stored, "ingest_s": round(seconds, 2),
                                    "ingest_s_per_article": round(seconds / max(1, stored), 3),
                                    "store_mb": round(copy.stat().st_size / 2**20, 1), "copies_in_store": copies})
            print(f"growth: heron ingest of {stored} new articles into a store of {target}: {seconds:.1f} s "
                  f"({seconds / max(1, stored):.3f} s/article); store {copy.stat().st_size / 2**20:.0f} MB",
                  file=sys.stderr)
    print(json.dumps(result) if args.json else json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
