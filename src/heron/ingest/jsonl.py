"""JSON Lines inputs: one article per line, streamed (memory stays bounded on any file size),
also gzip-compressed (``.jsonl.gz``).

Each line is an object with the article's text and, optionally, its id, title, date, URL,
site and language. Field names of the tools that write such files are read as they come:

- heron / corpus dumps: ``id``, ``text`` or ``html``, ``title``, ``date`` (or ``published``),
  ``url``; ``doc_id``/``doc_text``/``doc_html``/``doc_title``/``doc_url`` likewise;
- news-please: ``maintext``, ``date_publish`` ("2017-02-14 12:34:56"), ``source_domain``,
  ``language``, ``title``, ``url``;
- trafilatura (``--json``): ``text`` (else ``raw_text``), ``date``, ``source`` (the URL),
  ``hostname`` / ``source-hostname`` (site name), ``language``, ``title``.

Dates are YYYY-MM-DD or ISO timestamps. A line without any text field is an InputError that
lists the accepted names; a bad line names ``file.jsonl:LINE`` and the reason; the other lines
go on.
"""
from __future__ import annotations

import json
import re
from datetime import date
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from heron.errors import InputError
from heron.ingest.text import MAX_TEXT_BYTES, repair_text
from heron.types import RawDocument

_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:$|[T ])")
# field -> the names tools write it under, first non-empty wins
FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "maintext", "doc_text", "raw_text"),
    "html": ("html", "doc_html"),
    "id": ("id", "doc_id"),
    "title": ("title", "doc_title"),
    "url": ("url", "doc_url", "source"),
    "date": ("date", "published", "date_publish", "doc_date"),
    "site": ("source_domain", "sitename", "source-hostname", "hostname"),
    "language": ("language",),
}
TEXT_NAMES = FIELDS["text"] + FIELDS["html"]


def read_jsonl_file(path: Path) -> Iterator[RawDocument | InputError]:
    """One RawDocument or InputError per non-blank line, read lazily."""
    from heron.ingest.compressed import open_input

    seen = False
    with open_input(path) as stream:
        for number, line in _lines(stream):
            if line is not None and not line.strip():
                continue
            seen = True
            origin = f"{path}:{number}"
            try:
                yield parse_line(line, origin)
            except InputError as exc:
                yield exc
    if not seen:
        yield InputError(str(path), "empty input: no JSON lines")


def line_ranges(path: Path, size: int) -> Iterator[tuple[int, int, int, int]]:
    """(byte offset, number of the line before it, non-blank lines, number of the last line) of
    consecutive ranges of ``size`` non-blank lines, found without parsing, so that workers can
    read ranges apart."""
    start = before = count = last = 0
    with path.open("rb") as stream:
        for number, line in _lines(stream):
            if line is not None and not line.strip():
                continue
            count, last = count + 1, number
            if count == size:
                yield start, before, count, last
                start, before, count = stream.tell(), number, 0
    if count:
        yield start, before, count, last


def read_line_range(path: Path, offset: int, before: int, count: int) -> Iterator[RawDocument | InputError]:
    """The ``count`` non-blank lines from byte ``offset`` (line ``before`` + 1), as
    :func:`read_jsonl_file` reads them, origins and errors alike."""
    with path.open("rb") as stream:
        stream.seek(offset)
        for number, line in _lines(stream, before):
            if line is not None and not line.strip():
                continue
            if count == 0:
                return
            count -= 1
            try:
                yield parse_line(line, f"{path}:{number}")
            except InputError as exc:
                yield exc


def _lines(stream: BinaryIO, number: int = 0) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; None for a line over the size limit, which is skipped
    in pieces so that no line is ever held whole in memory."""
    while line := stream.readline(MAX_TEXT_BYTES + 1):
        number += 1
        if len(line) <= MAX_TEXT_BYTES or line.endswith(b"\n"):
            yield number, line
            continue
        while (rest := stream.readline(MAX_TEXT_BYTES)) and not rest.endswith(b"\n"):
            pass
        yield number, None


def parse_line(line: bytes | None, origin: str) -> RawDocument:
    if line is None or len(line) > MAX_TEXT_BYTES:
        raise InputError(origin, f"line longer than {MAX_TEXT_BYTES / (1024 * 1024):g} MB, the limit for one article")
    try:
        record = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InputError(origin, f"not UTF-8 ({exc.reason} at byte {exc.start}); JSON Lines must be UTF-8") from exc
    except json.JSONDecodeError as exc:
        raise InputError(origin, f"invalid JSON: {exc.msg} (column {exc.colno})") from exc
    if not isinstance(record, dict):
        raise InputError(origin, f"expected a JSON object, got {type(record).__name__}")
    return document_from_record(record, origin)


def document_from_record(record: dict[str, Any], origin: str) -> RawDocument:
    values = {key: _field(record, key, origin) for key in FIELDS}
    published = _date(values["date"], origin)
    fields = dict(id=values["id"], title=values["title"], url=values["url"], published=published)
    if values["text"] is not None:
        return RawDocument(origin=origin, text=repair_text(values["text"]), site=values["site"],
                           language=values["language"], **fields)
    if values["html"] is not None:
        from heron.ingest.html import document_from_html

        page = document_from_html(values["html"], origin, url=values["url"], doc_id=values["id"],
                                  published=published, title=values["title"])
        page.site, page.language = values["site"] or page.site, values["language"]
        return page
    present = ", ".join(sorted(record)[:12]) or "none"
    raise InputError(origin, f"no article text: expected a non-empty field among {', '.join(TEXT_NAMES)} "
                             f"(fields present: {present})")


def _field(record: dict[str, Any], key: str, origin: str) -> str | None:
    """The first non-empty value among the names of ``key``, checked to be a string."""
    for name in FIELDS[key]:
        value = record.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if isinstance(value, bool) or not isinstance(value, (str, int) if key == "id" else str):
            raise InputError(origin, f"field {name!r} must be a string, got {type(value).__name__}")
        if name == "source" and not str(value).startswith(("http://", "https://")):
            continue  # trafilatura's "source" is the page URL; elsewhere it may name an outlet
        return str(value)
    return None


def _date(value: str | None, origin: str) -> str | None:
    if value is None or not value.strip():
        return None
    match = _DATE.match(value.strip())
    try:
        return date.fromisoformat(match.group(1)).isoformat() if match else _bad_date(value, origin)
    except ValueError:
        return _bad_date(value, origin)


def _bad_date(value: str, origin: str) -> None:
    raise InputError(origin, f"date {value!r} is not a YYYY-MM-DD date or an ISO timestamp")
