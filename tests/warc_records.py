"""WARC records written byte by byte for tests, so that they can be as malformed as real crawls."""
from __future__ import annotations

import gzip

PARAGRAPHS = [
    "Negotiators from Sudan's army and the Rapid Support Forces resumed ceasefire talks in Jeddah on Thursday, "
    "mediators from Saudi Arabia and the United States said.",
    "The talks broke down last month after both sides accused each other of violating a truce that was meant to "
    "let aid convoys reach the capital, Khartoum.",
    "Aid groups say millions of people have fled the fighting and urged both sides to open humanitarian corridors "
    "without conditions.",
]


def page_html(number: int) -> bytes:
    """A news page whose text names its number, so each record's document can be told apart."""
    body = "".join(f"<p>Report {number}. {p}</p>" for p in PARAGRAPHS)
    return (f"<html><head><title>Report {number}</title></head><body><nav>Home | World</nav>"
            f"<article><h1>Report {number}: talks resume</h1>{body}</article></body></html>").encode()


def url(number: int) -> str:
    return f"https://news.example.net/report-{number}"


def record(headers: dict, block: bytes) -> bytes:
    """One WARC record; a header whose value is None is left out."""
    lines = ["WARC/1.0"] + [f"{name}: {value}" for name, value in headers.items() if value is not None]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def response(number: int, http_head: bytes = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n",
             body: bytes | None = None, **headers) -> bytes:
    """A response record for page ``number``; keyword arguments replace WARC headers (None drops one)."""
    block = http_head + b"\r\n" + (page_html(number) if body is None else body)
    warc = {"WARC-Type": "response", "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{number:012d}>",
            "WARC-Target-URI": url(number), "WARC-Date": "2024-05-02T06:30:00Z", "Content-Length": len(block)}
    warc.update({name.replace("_", "-"): value for name, value in headers.items()})
    return record(warc, block)


def warcinfo() -> bytes:
    block = b"software: heron tests\r\n"
    return record({"WARC-Type": "warcinfo", "WARC-Record-ID": "<urn:uuid:info>", "Content-Length": len(block)}, block)


def archive(records: list[bytes], gz: bool) -> tuple[bytes, list[int]]:
    """The archive's bytes (each record its own gzip member when ``gz``) and each record's end offset."""
    parts = [gzip.compress(r) if gz else r for r in records]
    ends, total = [], 0
    for part in parts:
        total += len(part)
        ends.append(total)
    return b"".join(parts), ends
