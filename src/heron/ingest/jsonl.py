"""JSON Lines inputs: one article per line, streamed (memory stays bounded on any file size).

Each line is an object with ``id``, ``text`` or ``html``, and optionally ``title``, ``date``
(YYYY-MM-DD or an ISO timestamp; ``published`` is read when there is no ``date``) and ``url``;
``doc_id``/``doc_text``/... are read as those fields. A bad line becomes an InputError naming
``file.jsonl:LINE`` and the reason; the other lines go on.
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
OPTIONAL = ("title", "url")
# Other corpora's names for the same fields (corpus dumps often prefix them with "doc_").
ALIASES = {"doc_id": "id", "doc_text": "text", "doc_html": "html", "doc_title": "title", "doc_url": "url"}


def read_jsonl_file(path: Path) -> Iterator[RawDocument | InputError]:
    """One RawDocument or InputError per non-blank line, read lazily."""
    seen = False
    with path.open("rb") as stream:
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
    for alias, key in ALIASES.items():
        if alias in record and record.get(key) is None:
            record[key] = record[alias]
    for key in ("id", "text", "html", *OPTIONAL, "date", "published"):
        value = record.get(key)
        allowed = (str, int) if key == "id" else (str,)
        if value is not None and (isinstance(value, bool) or not isinstance(value, allowed)):
            raise InputError(origin, f"field {key!r} must be a string, got {type(value).__name__}")
    doc_id = None if record.get("id") is None else str(record["id"])
    published = _date(record.get("date", record.get("published")), origin)
    text, html = record.get("text"), record.get("html")
    if text is not None and text.strip():
        return RawDocument(origin=origin, text=repair_text(text), id=doc_id, title=record.get("title"),
                           url=record.get("url"), published=published)
    if html is not None and html.strip():
        from heron.ingest.html import document_from_html

        return document_from_html(html, origin, url=record.get("url"), doc_id=doc_id,
                                  published=published, title=record.get("title"))
    raise InputError(origin, "no 'text' or 'html' field with content")


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
