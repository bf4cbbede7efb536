"""WARC and WARC.gz web archives (warcio), as in Common Crawl's CC-NEWS.

Every HTTP ``response`` record is an input: one with status 200 and an HTML content type
becomes a RawDocument (html, the extracted text, url = WARC-Target-URI, published = the date
of WARC-Date); any other response (an image, a PDF, a redirect, a 404) becomes an InputError
naming the record and why, so it is counted among the problems. Records that are not responses
(warcinfo, request, metadata, revisit) carry no page; they are tallied and one warning line
on stderr reports them (beyond the warcinfo header), so nothing goes unaccounted for.
"""
from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from heron.errors import InputError
from heron.ingest.html import decode_html, document_from_html
from heron.types import RawDocument

log = logging.getLogger(__name__)
HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc_file(path: Path) -> Iterator[RawDocument | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    other: Counter[str] = Counter()
    responses = 0
    with path.open("rb") as stream:
        try:
            for record in ArchiveIterator(stream):
                if record.format != "warc":  # warcio falls back to the older ARC format on any text
                    raise InputError(str(path), "not a WARC archive (no WARC/1.x record header)")
                if record.rec_type != "response":
                    other[record.rec_type] += 1
                    continue
                responses += 1
                yield _document(record, path)
        except ArchiveLoadFailed as exc:
            raise InputError(str(path), f"not a readable WARC archive: {exc}") from exc
    if set(other) - {"warcinfo"}:  # a warcinfo header opens every archive; the rest is worth a line
        summary = ", ".join(f"{n} {kind}" for kind, n in sorted(other.items()))
        log.warning("%s: %d response records read; skipped records that hold no page: %s", path, responses, summary)
    if not responses:
        raise InputError(str(path), "WARC archive holds no HTTP response records"
                         + (f" (only {', '.join(sorted(other))})" if other else ""))


def record_ranges(path: Path, size: int) -> Iterator[tuple[int, list[str]]]:
    """(byte offset of the first, origins) of consecutive ranges of ``size`` response records,
    found by reading record headers only (and logging skipped record kinds as
    :func:`read_warc_file` does). Raises InputError when the archive cannot be read or split
    at records (one gzip stream for all records): read it whole."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    other: Counter[str] = Counter()
    start, origins, last = 0, [], -1
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        try:
            for record in records:
                offset = records.get_record_offset()
                if record.format != "warc" or offset <= last:
                    raise InputError(str(path), "cannot be read at record boundaries")
                last = offset
                if record.rec_type != "response":
                    other[record.rec_type] += 1
                    continue
                headers = record.rec_headers
                record_id = (headers.get_header("WARC-Record-ID") or "").strip("<>")
                if not origins:
                    start = offset
                origins.append(f"{path}#{record_id or headers.get_header('WARC-Target-URI')}")
                if len(origins) == size:
                    yield start, origins
                    origins = []
        except ArchiveLoadFailed as exc:
            raise InputError(str(path), f"not a readable WARC archive: {exc}") from exc
    if origins:
        yield start, origins
    if set(other) - {"warcinfo"} and last >= 0:
        summary = ", ".join(f"{n} {kind}" for kind, n in sorted(other.items()))
        log.warning("%s: skipped records that hold no page: %s", path, summary)


def read_record_range(path: Path, offset: int, count: int) -> Iterator[RawDocument | InputError]:
    """The ``count`` response records from byte ``offset``, as :func:`read_warc_file` reads them."""
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as stream:
        stream.seek(offset)
        for record in ArchiveIterator(stream):
            if count == 0:
                return
            if record.rec_type == "response":
                count -= 1
                yield _document(record, path)


def _document(record, path: Path) -> RawDocument | InputError:
    """One response record: a RawDocument when it is an HTML page, else an InputError."""
    headers = record.rec_headers
    record_id = (headers.get_header("WARC-Record-ID") or "").strip("<>")
    url = headers.get_header("WARC-Target-URI")
    origin = f"{path}#{record_id or url}"
    http = record.http_headers
    if http is None:
        return InputError(origin, "response record without HTTP headers; skipped")
    status = http.get_statuscode()
    media_type = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if status != "200":
        return InputError(origin, f"HTTP status {status} for {url}; no page to read")
    if media_type not in HTML_TYPES:
        return InputError(origin, f"{media_type or 'no content type'} at {url} is not an HTML page; skipped")
    try:
        html = decode_html(record.content_stream().read(), origin)
        warc_date = headers.get_header("WARC-Date") or ""
        return document_from_html(html, origin, url=url, published=warc_date[:10] or None)
    except InputError as exc:
        return exc
    except Exception as exc:  # a damaged record (bad chunking, bad gzip) must not end the archive
        return InputError(origin, f"damaged record: {type(exc).__name__}: {exc}")
