#!/usr/bin/env python3
"""Feed random inputs through heron's readers and the whole pipeline; report what breaks.

Each input is generated from a seeded random stream and written to a temporary file of its
kind: random bytes, text in random encodings, random Unicode, HTML-like markup, JSON Lines,
RSS/Atom feeds (often broken) and WARC archives (plain or gzipped, then cut, flipped or stripped
of headers). Its documents go through ``read_paths`` and one reused pipeline's ``code_batch``,
as `heron code` runs them. A crash is any of:

- an exception out of the readers or ``code_batch`` (heron must turn bad input into InputError);
- an input stuck for longer than --hang seconds;
- a stage failure recorded as a problem ("KeyError: 3": run_guarded caught an exception);
- a record that breaks the schema of `heron schema`, or an offset outside ``text``;
- an error message that is not one short line.

Crashes are grouped by signature (the exception and the line that raised it, or the kind of
fault); the first few inputs of each signature are saved under --out as the input file plus a
``.txt`` with the reason and traceback, to be replayed with `heron code --json FILE`. Progress goes to stderr, the summary to
stdout. Not part of `make test`: run it for as long as there is time.

    .venv/bin/python scripts/fuzz.py --count 100000 [--seed 1] [--out fuzz-crashes] [--max-size 2000]
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import re
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

WORDS = ("Putin Lukashenko Russia Belarus Minsk Moscow NATO EU the president said told reporters troops attacked "
         "protesters police arrested on Monday June 25 2022 he she they we will not sanctions talks in according to "
         "Mr. Ukraine agreed condemned called for a ceasefire killed 20 people Kyiv Hamas Israel Gaza army").split()
MARKS = [".", ",", ":", "!", "?", '"', "“", "”", "«", "»", "'", "—", "-", "(", ")", "\n", "\n\n", "\t", "  ", ""]
TAGS = ["<p>", "</p>", "<div>", "</div>", "<br>", "<script>var a = 1;</script>", "<style>p{}</style>", "<title>",
        "</title>", "&amp;", "&#0;", "&#x1F600;", "&nbsp;", "<!--", "-->", "<![CDATA[", "]]>", "<", ">", "<a href='x'>",
        "</a>", "<html>", "<body>", "<article>", "</article>", "<h1>", "</h1>", "<meta charset='koi8-r'>",
        "<meta property='og:title' content='", "'>", "<time datetime='2022-06-25'>", "</time>", "<?xml version='1.0'?>"]
ODD = ["\x01", "\x1b[31m", "\x7f", "\x85", "\u00ad", "\u200b", "\u200d", "\u2028", "\u2029", "\u202e", "\ufeff",
       "\ufffd", "\U0001f600", "e\u0301", "\u0627\u0644", "\u4e2d\u6587", "\u0416\u0438\u0437\u043d\u044c", "\r\n", "\r"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1251", "koi8_r", "cp1252", "latin_1", "shift_jis", "utf-32"]
CRASH_PROBLEM = re.compile(r"[A-Z]\w*: ")  # run_guarded's record of an unexpected exception


class Hang(Exception):
    """An input took longer than --hang seconds."""


# -- generators: each returns (suffix, bytes) ----------------------------------------------
def newsy(rng: random.Random, size: int) -> str:
    parts = []
    while sum(len(p) for p in parts) < size:
        pick = rng.random()
        parts.append(rng.choice(WORDS) if pick < 0.65 else rng.choice(MARKS) if pick < 0.97 else rng.choice(ODD))
    return " ".join(parts)[:size]


def unicode_text(rng: random.Random, size: int) -> str:
    ranges = [(0x20, 0x7e), (0x0, 0x1f), (0x80, 0x2ff), (0x300, 0x36f), (0x400, 0x4ff), (0x590, 0x6ff),
              (0x2000, 0x206f), (0x3000, 0x30ff), (0x4e00, 0x4fff), (0xfe00, 0xffff), (0x1f300, 0x1f6ff)]
    out = []
    for _ in range(rng.randint(0, size)):
        low, high = rng.choice(ranges)
        out.append(chr(rng.randint(low, high)))
    return "".join(out)


def gen_bytes(rng: random.Random, size: int) -> tuple[str, bytes]:
    return rng.choice([".txt", ".html", ".jsonl", ".xml", ".warc", ".warc.gz"]), rng.randbytes(rng.randint(0, size))


def gen_text(rng: random.Random, size: int) -> tuple[str, bytes]:
    text = newsy(rng, size) if rng.random() < 0.7 else unicode_text(rng, size)
    encoding = "utf-8" if rng.random() < 0.6 else rng.choice(ENCODINGS)
    return rng.choice([".txt", ".text"]), text.encode(encoding, errors=rng.choice(["replace", "ignore", "surrogatepass"])
                                                      if encoding.startswith("utf") else "replace")


def gen_markup(rng: random.Random, size: int) -> tuple[str, bytes]:
    parts = []
    while sum(len(p) for p in parts) < size:
        parts.append(rng.choice(TAGS) if rng.random() < 0.4 else newsy(rng, rng.randint(1, 80)))
    return rng.choice([".html", ".htm"]), "".join(parts)[:size * 2].encode("utf-8", errors="surrogatepass")


def json_value(rng: random.Random, size: int, depth: int = 0):
    pick = rng.random()
    if depth < 3 and pick < 0.15:
        return [json_value(rng, size, depth + 1) for _ in range(rng.randint(0, 3))]
    if depth < 3 and pick < 0.25:
        return {newsy(rng, 8): json_value(rng, size, depth + 1) for _ in range(rng.randint(0, 3))}
    return rng.choice([None, True, 1, -1.5, 10 ** 30, "", newsy(rng, size), unicode_text(rng, 20), "2022-06-25",
                       "2022-13-45T99:00", "<p>" + newsy(rng, size) + "</p>"])


def gen_jsonl(rng: random.Random, size: int) -> tuple[str, bytes]:
    lines = []
    for _ in range(rng.randint(0, 5)):
        pick = rng.random()
        if pick < 0.6:
            fields = ["id", "text", "html", "title", "date", "published", "url", "doc_id", "doc_text"]
            line = json.dumps({rng.choice(fields): json_value(rng, size // 4) for _ in range(rng.randint(0, 5))},
                              ensure_ascii=rng.random() < 0.5)
        elif pick < 0.75:
            line = json.dumps(json_value(rng, size // 4))
        elif pick < 0.85:
            line = "[" * rng.randint(1, 3000)  # deep nesting
        else:
            line = newsy(rng, size // 4)
        lines.append(line)
    data = "\n".join(lines).encode("utf-8", errors="surrogatepass")
    return rng.choice([".jsonl", ".ndjson"]), corrupt(rng, data) if rng.random() < 0.2 else data


def gen_feed(rng: random.Random, size: int) -> tuple[str, bytes]:
    def item() -> str:
        text = newsy(rng, size // 4)
        body = f"<![CDATA[<p>{text}</p>]]>" if rng.random() < 0.5 else text.replace("&", "&amp;").replace("<", "&lt;")
        return (f"<item><title>{newsy(rng, 30)}</title><link>https://example.org/{rng.randint(0, 9)}</link>"
                f"<pubDate>{rng.choice(['Mon, 25 Jun 2022 10:00:00 GMT', 'yesterday', '', '2022-06-25'])}</pubDate>"
                f"<description>{body}</description></item>")

    if rng.random() < 0.5:
        xml = f"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>{''.join(item() for _ in range(rng.randint(0, 4)))}</channel></rss>"
    else:
        entries = "".join(f"<entry><title>{newsy(rng, 30)}</title><content type='html'>{newsy(rng, size // 4)}</content>"
                          f"<updated>2022-06-25T10:00:00Z</updated></entry>" for _ in range(rng.randint(0, 4)))
        xml = f"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>T</title>{entries}</feed>"
    data = xml.encode("utf-8", errors="surrogatepass")
    return rng.choice([".rss", ".atom", ".xml"]), corrupt(rng, data) if rng.random() < 0.5 else data


def gen_warc(rng: random.Random, size: int) -> tuple[str, bytes]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    zipped = rng.random() < 0.5
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=zipped)
    for n in range(rng.randint(0, 3)):
        html = f"<html><body><p>{newsy(rng, size // 3)}</p></body></html>".encode("utf-8", errors="surrogatepass")
        status = rng.choice(["200 OK", "200 OK", "404 Not Found", "301 Moved"])
        kind = rng.choice(["text/html; charset=utf-8", "text/html", "application/pdf", ""])
        http = StatusAndHeaders(status, [("Content-Type", kind)] if kind else [], protocol="HTTP/1.1")
        record = writer.create_warc_record(f"https://example.org/{n}", rng.choice(["response", "response", "request",
                                                                                    "metadata"]),
                                           payload=io.BytesIO(html), http_headers=http,
                                           warc_headers_dict={"WARC-Date": "2022-06-25T10:00:00Z"})
        writer.write_record(record)
    data = out.getvalue()
    if rng.random() < 0.2:  # a record without its WARC-Type header
        data = re.sub(rb"WARC-Type: [a-z]+\r\n", b"", gzip.decompress(data) if zipped else data)
        data = gzip.compress(data) if zipped else data
    if rng.random() < 0.6:
        data = corrupt(rng, data)
    return (".warc.gz" if zipped else ".warc"), data


def corrupt(rng: random.Random, data: bytes) -> bytes:
    """Cut the data short, flip some bytes, or splice in junk."""
    if not data:
        return data
    pick = rng.random()
    if pick < 0.4:
        return data[:rng.randint(0, len(data))]
    buffer = bytearray(data)
    if pick < 0.8:
        for _ in range(rng.randint(1, 8)):
            buffer[rng.randrange(len(buffer))] = rng.randrange(256)
        return bytes(buffer)
    at = rng.randrange(len(buffer))
    return bytes(buffer[:at]) + rng.randbytes(rng.randint(1, 50)) + bytes(buffer[at:])


GENERATORS = {"bytes": gen_bytes, "text": gen_text, "markup": gen_markup, "jsonl": gen_jsonl, "feed": gen_feed,
              "warc": gen_warc}


# -- running -------------------------------------------------------------------------------
def problems_in(result, schema_check) -> list[str]:
    """What is wrong with one result of code_batch (an Article or an InputError)."""
    from heron.errors import InputError

    if isinstance(result, InputError):
        message = str(result)
        return [f"error message is not one short line: {message[:200]!r}"] if "\n" in message or len(message) > 2000 else []
    found = [f"stage failed: {p.stage}: {p.message}" for p in result.problems if CRASH_PROBLEM.match(p.message)]
    try:
        schema_check(result.to_dict())
    except Exception as exc:
        found.append(f"record breaks the schema: {str(exc).splitlines()[0]}")
    text = result.text
    spans = [(s, e) for a in result.actors for s, e in a.mentions]
    spans += [(q.start, q.end) for q in result.quotes]
    spans += [(q.speaker.start, q.speaker.end) for q in result.quotes if q.speaker]
    spans += [(e.start, e.end) for e in result.events]
    spans += [(p.start, p.end) for e in result.events for p in e.actor + e.recipient if p.start is not None]
    found += [f"offset outside text: {s}..{e} of {len(text)}" for s, e in spans if not 0 <= s <= e <= len(text)]
    return found


def run_one(path: Path, pipeline, schema_check) -> list[str]:
    from heron.ingest import read_paths

    items = list(read_paths([str(path)]))
    found = []
    for result in pipeline.code_batch(items):
        found += problems_in(result, schema_check)
    return found


def signature(reasons: list[str], trace: BaseException | None) -> str:
    """What groups crashes of one cause: the exception and where it was raised, else the fault
    with its numbers and paths left out."""
    if trace is not None:
        frame = traceback.extract_tb(trace.__traceback__)[-1]
        return f"{type(trace).__name__} at {Path(frame.filename).name}:{frame.lineno}"
    return re.sub(r"\S*/\S*|\d+", "#", reasons[0])[:90]


def save(out: Path, number: int, kind: str, path: Path, reasons: list[str]) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{number:07d}-{kind}{''.join(path.suffixes)}"
    shutil.copyfile(path, target)
    target.with_name(target.name + ".txt").write_text("\n".join(reasons) + "\n", encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="inputs to try")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("fuzz-crashes"), help="folder for reproducers")
    parser.add_argument("--max-size", type=int, default=2000, help="rough size of each input in characters")
    parser.add_argument("--kinds", default=",".join(GENERATORS), help=f"comma-separated, of {', '.join(GENERATORS)}")
    parser.add_argument("--hang", type=float, default=120.0, help="seconds after which an input counts as stuck")
    parser.add_argument("--time-budget", type=float, default=30.0, help="the pipeline's per-input time budget")
    parser.add_argument("--keep", type=int, default=3, help="reproducers saved per crash signature")
    args = parser.parse_args(argv)

    import logging

    def stuck(*_):
        raise Hang(f"stuck for over {args.hang:g} s")

    logging.disable(logging.WARNING)  # readers' warning lines (skipped WARC records) are not crashes
    previous = signal.signal(signal.SIGALRM, stuck)
    try:
        summary = run(args)
    finally:
        logging.disable(logging.NOTSET)
        signal.signal(signal.SIGALRM, previous)
    print(json.dumps(summary))
    return 1 if summary["crashes"] else 0


def run(args: argparse.Namespace) -> dict:
    """Try ``args.count`` inputs; the summary of what broke."""
    from heron.config import Settings
    from heron.pipeline import build_pipeline

    def pipeline():
        return build_pipeline(Settings(time_budget=args.time_budget, default_date="2022-07-01"))

    kinds = [k for k in args.kinds.split(",") if k]
    coder = pipeline()
    crashes, by_kind, causes = Counter(), Counter(), Counter()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="heron-fuzz-") as folder:
        for number in range(args.count):
            rng = random.Random(f"{args.seed}:{number}")
            kind = kinds[number % len(kinds)]
            suffix, data = GENERATORS[kind](rng, rng.randint(0, args.max_size))
            path = Path(folder) / f"input{suffix}"
            path.write_bytes(data)
            reasons, raised = attempt(path, coder, args.hang)
            if reasons and reasons[0].startswith("hang"):
                coder = pipeline()  # the stuck one was interrupted anywhere: start afresh
            by_kind[kind] += 1
            if reasons:
                crashes[kind] += 1
                cause = signature(reasons, raised)
                causes[cause] += 1
                if causes[cause] <= args.keep:
                    saved = save(args.out, number, kind, path, reasons)
                    print(f"fuzz: crash ({kind}) {cause}: {reasons[0][:160]!r} -> {saved}", file=sys.stderr)
            if (number + 1) % 500 == 0:
                print(f"fuzz: {number + 1} inputs, {sum(crashes.values())} crashes, {time.monotonic() - started:.0f} s",
                      file=sys.stderr, flush=True)
    return {"inputs": sum(by_kind.values()), "crashes": sum(crashes.values()), "crashes_by_kind": dict(crashes),
            "crashes_by_cause": dict(causes.most_common()), "inputs_by_kind": dict(by_kind), "seed": args.seed,
            "seconds": round(time.monotonic() - started, 1), "reproducers": str(args.out) if crashes else None}


def attempt(path: Path, pipeline, hang: float) -> tuple[list[str], BaseException | None]:
    """(what went wrong, the exception that escaped if any) for one input file."""
    from heron.schema import validate_record

    signal.setitimer(signal.ITIMER_REAL, hang)
    try:
        return run_one(path, pipeline, validate_record), None
    except Hang as exc:
        return [f"hang: {exc}"], None
    except Exception as exc:
        return [f"exception out of heron: {type(exc).__name__}: {exc}"[:300], traceback.format_exc()], exc
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


if __name__ == "__main__":
    sys.exit(main())
