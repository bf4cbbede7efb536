"""WARC archives as crawls deliver them: truncated, malformed, oversized, or built to exhaust memory.

Each damaged record is a problem naming it, the records around it are read, and nothing is read
whole past a limit.
"""
from __future__ import annotations

import gzip
import random
import tracemalloc
import zlib

import pytest

from heron.config import Limits, Settings
from heron.errors import InputError
from heron.ingest.warc import read_warc_file
from heron.runner import ingest_paths
from heron.store import Store
from heron.types import RawDocument
from warc_records import archive, page_html, record, response, url, warcinfo

MB = 1024 * 1024


def read(tmp_path, data: bytes, name: str = "crawl.warc.gz", limits: Limits = Limits()) -> list:
    path = tmp_path / name
    path.write_bytes(data)
    try:
        return list(read_warc_file(path, limits))
    except InputError as exc:  # how a reader reports an archive that gave nothing
        return [exc]


def kinds(items) -> list[str]:
    return [type(item).__name__ for item in items]


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_a_truncated_archive_gives_the_records_before_the_cut_and_one_problem(tmp_path, gz):
    data, ends = archive([warcinfo(), response(1), response(2), response(3)], gz)
    name = "cut.warc.gz" if gz else "cut.warc"
    items = read(tmp_path, data[:ends[-1] - 120], name)  # cut inside the last record's page
    assert kinds(items) == ["RawDocument", "RawDocument", "InputError"]
    assert [item.url for item in items[:2]] == [url(1), url(2)]
    cut = items[-1]
    assert cut.origin == f"{tmp_path / name}#urn:uuid:00000000-0000-0000-0000-000000000003"
    assert "truncated" in cut.reason


def test_a_repaired_archive_stores_the_cut_page_once(tmp_path):
    data, ends = archive([warcinfo(), response(1), response(2), response(3)], gz=True)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data[:ends[-1] - 120])
    settings = Settings(db=tmp_path / "crawl.duckdb", workers=1, progress=False)
    first = ingest_paths([str(path)], settings)
    assert (first.articles, len(first.failed)) == (2, 1) and "truncated" in first.failed[0]
    path.write_bytes(data)  # the archive downloaded again, whole
    second = ingest_paths([str(path)], settings)
    assert (second.articles, second.skipped, second.failed) == (1, 2, [])
    with Store(settings.db, read_only=True) as store:
        stored = [row[0] for row in store.con.execute("SELECT url FROM articles ORDER BY seq").fetchall()]
        problems = store.con.execute("SELECT count(*) FROM problems WHERE stage = 'input'").fetchone()[0]
    assert stored == [url(1), url(2), url(3)]  # each page once
    assert problems == 1  # the cut stays on record


NO_TYPE = response(1, WARC_Type=None)
BAD_LENGTH = response(1, Content_Length="12 bytes")
NO_URI = response(1, WARC_Target_URI=None)
NOISE = random.Random(9).randbytes(30_000).hex().encode()  # compresses poorly: the gzip spans read blocks
PACKED = gzip.compress(page_html(1) + NOISE)
BROKEN_ENCODING = response(1, http_head=b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n",
                           body=PACKED[:-8] + bytes(b ^ 0xFF for b in PACKED[-8:-4]) + PACKED[-4:])  # bad CRC
NOT_HTTP = response(1, http_head=b"\x00\x01\x02 binary", body=b"")


@pytest.mark.parametrize("bad, reason", [
    (NO_TYPE, "record without WARC-Type"),
    (BAD_LENGTH, "Content-Length"),
    (NO_URI, "no WARC-Target-URI"),
    (BROKEN_ENCODING, "gzip content encoding damaged"),
    (NOT_HTTP, "HTTP status"),
], ids=["no-warc-type", "bad-content-length", "no-target-uri", "broken-content-encoding", "no-http-status"])
def test_a_malformed_record_is_its_own_problem_and_the_next_is_read(tmp_path, bad, reason):
    data, _ = archive([warcinfo(), bad, response(2)], gz=True)
    items = read(tmp_path, data)
    assert kinds(items) == ["InputError", "RawDocument"], items
    assert reason in items[0].reason
    assert items[1].url == url(2)


def test_a_record_without_content_length_ends_an_uncompressed_archive_with_one_problem(tmp_path):
    data, _ = archive([response(1), response(2, Content_Length=None), response(3)], gz=False)
    items = read(tmp_path, data, "crawl.warc")
    assert kinds(items) == ["RawDocument", "InputError"]
    assert items[1].origin == str(tmp_path / "crawl.warc") and "no valid Content-Length" in items[1].reason


def test_a_record_longer_than_its_content_length_is_a_problem(tmp_path):
    good = response(1)
    short = good.replace(b"Content-Length: %d" % (len(good) - good.index(b"HTTP/1.1") - 4),
                         b"Content-Length: %d" % (len(good) - good.index(b"HTTP/1.1") - 40))
    data, _ = archive([short, response(2)], gz=False)
    items = read(tmp_path, data, "crawl.warc")
    assert kinds(items) == ["InputError", "RawDocument"]
    assert "past its Content-Length" in items[0].reason


def test_a_record_over_the_limit_is_skipped_unread(tmp_path):
    big = response(1, body=b"<html><body><p>" + b"word " * 2000 + b"</p></body></html>")
    data, _ = archive([big, response(2)], gz=True)
    items = read(tmp_path, data, limits=Limits(record_bytes=4000))
    assert kinds(items) == ["InputError", "RawDocument"]
    assert "over the 3 kB limit for one record" in items[0].reason


def test_a_record_without_id_is_named_by_its_offset(tmp_path):
    data, ends = archive([warcinfo(), response(1, WARC_Record_ID=None)], gz=True)
    [doc] = read(tmp_path, data)
    assert doc.origin == f"{tmp_path / 'crawl.warc.gz'}#offset-{ends[0]}"


def _zeros_gz(size: int, head: bytes = b"") -> bytes:
    """gzip of ``head`` and ``size`` zero bytes, built in 1 MB steps."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [packer.compress(head)]
    block = bytes(MB)
    parts += [packer.compress(block) for _ in range(size // MB)]
    return b"".join(parts) + packer.flush()


def _read_peak(tmp_path, data: bytes) -> tuple[list, int]:
    tracemalloc.start()
    items = read(tmp_path, data)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return items, peak


def test_a_gzip_bomb_without_line_ends_stops_at_the_header_limit(tmp_path):
    _, small_peak = _read_peak(tmp_path, _zeros_gz(16 * MB))
    items, peak = _read_peak(tmp_path, _zeros_gz(64 * MB))  # ~64 kB on disk
    [error] = items
    assert isinstance(error, InputError) and "runs over 1 MB" in error.reason
    assert len(str(error)) < 600 and "\x00" not in str(error)
    # memory does not grow with the bomb: one inflated block at most, never the 64 MB "line"
    assert peak < small_peak + 4 * MB and peak < 64 * MB


def test_a_record_that_inflates_past_the_ratio_is_stopped_as_a_bomb(tmp_path):
    size = 80 * MB
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:bomb>\r\n"
            f"WARC-Target-URI: {url(1)}\r\nContent-Length: {len(http) + size}\r\n\r\n").encode() + http
    items = read(tmp_path, _zeros_gz(size, head))
    assert kinds(items) == ["InputError"] and "decompression bomb" in items[0].reason


def test_damaged_gzip_is_a_problem_and_nothing_is_printed(tmp_path, capfd):
    data, ends = archive([response(1), response(2), response(3)], gz=True)
    start = ends[0] + 30  # inside the second member's deflate stream
    damaged = data[:start] + bytes(b ^ 0x5A for b in data[start:start + 200]) + data[start + 200:]
    items = read(tmp_path, damaged)
    assert isinstance(items[0], RawDocument) and items[0].url == url(1)
    assert all(isinstance(item, InputError) for item in items[1:]) and items[1:]
    assert capfd.readouterr().err == ""  # warcio's own stderr writes are replaced by problems


@pytest.mark.parametrize("data, reason", [
    (b"this is not an archive\n", "not a WARC"),
    (b"", "holds no HTTP response records"),
    (record({"WARC-Type": "request", "Content-Length": 2}, b"GE"), "holds no HTTP response records"),
], ids=["text", "empty", "requests-only"])
def test_files_that_give_no_record_are_one_problem(tmp_path, data, reason):
    [error] = read(tmp_path, data, "thing.warc")
    assert isinstance(error, InputError) and reason in error.reason


def test_megabytes_of_blank_lines_between_records_end_the_archive(tmp_path):
    data, _ = archive([response(1)], gz=False)
    items = read(tmp_path, data + b"\r\n" * MB + response(2), "crawl.warc")
    assert kinds(items) == ["RawDocument", "InputError"]
    assert items[0].url == url(1) and "runs over 1 MB" in items[1].reason
