"""WARC and WARC.gz web archives (warcio), as in Common Crawl's CC-NEWS.

Every HTTP ``response`` record is an input: one with status 200 and an HTML content type
becomes a RawDocument (html, the extracted text, url = WARC-Target-URI, published = the date
of WARC-Date); any other response (an image, a PDF, a redirect, a 404) becomes an InputError
naming the record and why, so it is counted among the problems. Records that are not responses
(warcinfo, request, metadata, revisit) carry no page; they are tallied and one warning line
on stderr reports them (beyond the warcinfo header), so nothing goes unaccounted for.

A record's origin is ``archive#WARC-Record-ID`` (``archive#offset-N`` when the id is missing or
unusable): the same record has the same origin in a re-downloaded or repaired archive, so the
store recognises it. Archives are hostile input, so reading is bounded (``Limits``): no header
block over ``header_bytes`` is read (a gzip bomb has no line ends), no record body over
``record_bytes`` is read (it is a problem, streamed past), and a .warc.gz that inflates past
``inflation`` times the bytes read is stopped as a decompression bomb. A record the archive
ends inside (a truncated download) or whose length is wrong is a problem, never a document;
the records before it stand. Damage that leaves the rest of the archive unframed ends the
archive with one problem naming the byte where it happened.
"""
from __future__ import annotations

import logging
import re
import zlib
from collections import Counter
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import NamedTuple

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import BufferedReader, ChunkedDataReader, DecompressingBufferedReader
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParser

from heron.config import DEFAULT_LIMITS, MB, Limits
from heron.errors import InputError
from heron.ingest import usable_name
from heron.ingest.html import decode_html, document_from_html
from heron.types import RawDocument

log = logging.getLogger(__name__)
HTML_TYPES = ("text/html", "application/xhtml+xml")
INFLATION_FLOOR = 64 * MB  # archives smaller than this once inflated are never called bombs
_HTTP = StatusAndHeadersParser(["HTTP/1.0", "HTTP/1.1"], verify=False)
_DIGITS = re.compile(r"\d{1,18}", re.ASCII)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


class _Stop(Exception):
    """The archive cannot be read past this point; the records before it stand."""

    def __init__(self, reason: str, origin: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.origin = origin
        self.before: RawDocument | InputError | None = None  # a whole record read just before the damage


class _Truncated(_Stop):
    """The file ends inside a gzip member."""


class _HeaderTooLong(_Stop):
    """A header block (or a line between records) is over ``Limits.header_bytes``."""


class _PayloadDamaged(Exception):
    """A record's content encoding (gzip, deflate) is broken; the archive itself is fine."""


class _ArchiveReader(DecompressingBufferedReader):
    """warcio's reader of the archive bytes, bounded: lines are capped at ``header_bytes`` (and a
    header block while ``header_budget`` is set), gzip damage and a file that ends inside a gzip
    member raise instead of printing to stderr, and inflating past ``inflation`` times the bytes
    read raises as a bomb."""

    def __init__(self, stream, limits: Limits) -> None:
        self.limits = limits
        self.header_budget: int | None = None  # bytes left for the header block being parsed
        super().__init__(stream)

    def _init_decomp(self, decomp_type) -> None:
        super()._init_decomp(decomp_type)
        self.fed = False  # whether this gzip member's decompressor has taken any bytes

    def _decompress(self, data: bytes) -> bytes:
        if not (self.decompressor and data):
            return data
        try:
            out = self.decompressor.decompress(data)
        except zlib.error as exc:
            if not self.fed:  # no gzip here at all: read the bytes as they are (warcio's rule)
                self.decompressor = None
                return data
            raise _Stop(f"gzip data damaged near byte {self.stream.tell()} ({exc})") from exc
        self.fed = True
        return out

    def _process_read(self, data: bytes) -> None:
        if not data and self.decompressor is not None and self.fed and not self.decompressor.eof:
            raise _Truncated("the archive ends inside this record (a truncated download?); "
                             "the records before it are read")
        super()._process_read(data)
        read = self.stream.tell()
        if self.num_read > INFLATION_FLOOR and self.num_read > self.limits.inflation * read:
            raise _Stop(f"inflates to over {self.limits.inflation} times its size ({self.num_read // MB} MB "
                        f"from {read // 1024} kB): a decompression bomb, not read further")

    def readline(self, length: int | None = None) -> bytes:
        cap = self.limits.header_bytes if self.header_budget is None else self.header_budget
        want = cap + 1 if length is None else min(length, cap + 1)
        pieces, size = [], 0
        while size < want:
            self._fillbuff()
            if self.empty():
                break
            piece = self.buff.readline(want - size)
            pieces.append(piece)
            size += len(piece)
            if piece.endswith(b"\n"):
                break
        if size > cap:
            raise _HeaderTooLong(f"a header block or line runs over {_mb(self.limits.header_bytes)} near byte "
                                 f"{self.stream.tell()}: not a WARC archive, or a damaged one")
        if self.header_budget is not None:
            self.header_budget -= size
        return b"".join(pieces)


class _StrictDecoding:
    """warcio prints a failed content decoding to stderr and returns nothing; here it raises."""

    def _decompress(self, data: bytes) -> bytes:
        if not (self.decompressor and data):
            return data
        try:
            return self.decompressor.decompress(data)
        except Exception as exc:
            if self.num_block_read:
                raise _PayloadDamaged(f"{self.decomp_type} content encoding damaged ({exc})") from exc
            if self.decomp_type == "deflate":  # raw deflate without a zlib header (warcio's rule)
                self._init_decomp("deflate_alt")
                return self._decompress(data)
            self.decompressor = None  # declared but not compressed: read as it is
            return data


class _Decoder(_StrictDecoding, BufferedReader):
    pass


class _ChunkedDecoder(_StrictDecoding, ChunkedDataReader):
    pass


class _Archive(ArchiveIterator):
    """warcio's record iterator over an ``_ArchiveReader``; heron parses HTTP headers itself,
    after checking the record's WARC headers, so a malformed record is that record's problem."""

    def __init__(self, stream, limits: Limits) -> None:
        super().__init__(stream, no_record_parse=True)
        self.reader = _ArchiveReader(self.fh, limits)
        self.limits = limits
        self.stray = False  # bytes followed the last record where blank lines belong

    def _next_record(self, next_line):
        self.stray = False
        self.reader.header_budget = self.limits.header_bytes - len(next_line or b"")
        try:
            return super()._next_record(next_line)
        finally:
            self.reader.header_budget = None

    def _consume_blanklines(self):
        """warcio's, without its stderr warning: a non-blank first line marks the record as damaged,
        and the lines between two records share one header budget (megabytes of blank lines are no
        archive either)."""
        empty_size, first_line = 0, True
        self.reader.header_budget = self.limits.header_bytes
        try:
            while True:
                line = self.reader.readline()
                if not line:
                    return None, empty_size
                if not line.rstrip() or first_line:
                    empty_size += len(line)
                    self.stray = self.stray or bool(line.rstrip())
                    first_line = False
                    continue
                return line, empty_size
        finally:
            self.reader.header_budget = None


class _Page(NamedTuple):
    body: bytes
    url: str
    published: str | None  # YYYY-MM-DD of WARC-Date


def read_warc_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[RawDocument | InputError]:
    kinds: Counter[str] = Counter()
    with path.open("rb") as stream:
        given = yield from _items(_Archive(stream, limits), path, limits, kinds)
    if given is not None:
        _report(path, kinds, given)


def read_record_range(path: Path, offset: int, count: int,
                      limits: Limits = DEFAULT_LIMITS) -> Iterator[RawDocument | InputError]:
    """The items of the records from byte ``offset`` up to the ``count``-th response record, as
    :func:`read_warc_file` reads them (a range found by :func:`record_ranges`)."""
    with path.open("rb") as stream:
        stream.seek(offset)
        yield from _items(_Archive(stream, limits), path, limits, Counter(), responses=count)


def record_ranges(path: Path, size: int, limits: Limits = DEFAULT_LIMITS,
                  warn: bool = True) -> Iterator[tuple[int, list[str]]]:
    """(byte offset, origins) of consecutive ranges of ``size`` response records, found by
    reading record headers and skipping bodies (bounded as any read), so that workers can read
    ranges apart. Each range starts right after the previous one's last response; with
    ``warn``, the records that hold no page are then reported (workers reading ranges do not).
    Raises InputError on anything but a well-formed archive: that one is read whole, which
    reports its damage record by record."""
    kinds: Counter[str] = Counter()
    start, origins = 0, []
    with path.open("rb") as stream:
        archive = _Archive(stream, limits)
        try:
            for record in archive:
                offset = archive.offset
                if record.format != "warc" or not record.rec_type or _content_length(record) is None:
                    raise InputError(str(path), "cannot be read at record boundaries")
                archive.read_to_end()
                if getattr(record.raw_stream, "limit", 0) or archive.stray:
                    raise InputError(str(path), "cannot be read at record boundaries")
                kinds[record.rec_type] += 1
                if record.rec_type == "response":
                    origins.append(_origin(record, path, offset))
                if len(origins) == size:
                    yield start, origins
                    start, origins = archive.offset, []
        except (_Stop, ArchiveLoadFailed) as exc:
            raise InputError(str(path), "cannot be read at record boundaries") from exc
    if origins:
        yield start, origins
    if kinds["response"] and warn:
        _log_skipped(path, kinds)


def _items(archive: _Archive, path: Path, limits: Limits, kinds: Counter[str],
           responses: int | None = None) -> Generator[RawDocument | InputError, None, int | None]:
    """The items of the archive's records in order (up to the ``responses``-th response record
    when given), tallying record kinds. Returns how many items were given, or None when damage
    ended the archive (the last item says so)."""
    given = 0
    try:
        for record in archive:
            if responses is not None and kinds["response"] >= responses:
                break
            if isinstance(record.rec_type, str):
                kinds[record.rec_type] += 1
            item = _read_record(archive, record, path, limits)
            if item is not None:
                given += 1
                yield item
    except _Stop as stop:
        if stop.before is not None:
            yield stop.before
        at_record = stop.origin or f"{path}#offset-{archive.offset}"
        yield InputError(at_record if isinstance(stop, _Truncated) else str(path), stop.reason)
        return None
    except ArchiveLoadFailed as exc:
        yield InputError(str(path), _load_failure(exc, archive.offset))
        return None
    return given


def _origin(record, path: Path, offset: int) -> str:
    record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip().strip("<>")
    return f"{path}#{usable_name(record_id) or f'offset-{offset}'}"


def _read_record(archive: _Archive, record, path: Path, limits: Limits) -> RawDocument | InputError | None:
    """One record, read to its end: a document, a problem, or None for a record that holds no page."""
    if record.format != "warc":  # warcio falls back to the older ARC format on any text
        raise _Stop("not a WARC archive (no WARC/1.x record header)")
    offset = archive.offset
    origin = _origin(record, path, offset)
    length = _content_length(record)
    if length is None and archive.reader.decompressor is None:
        raise _Stop(f"the record at byte {offset} has no valid Content-Length, so the records after it "
                    "cannot be found")
    try:
        page = _page(record, origin, length, archive.reader, limits)
    except _Truncated as stop:
        stop.origin = origin
        raise
    except InputError as exc:
        page = exc
    except Exception as exc:  # a damaged record (bad chunking, bad encoding) must not end the archive
        page = InputError(origin, f"damaged record: {type(exc).__name__}: {exc}")
    try:
        unframed = _drain_member(archive.reader) if length is None else 0
        archive.read_to_end()  # the rest of the record, so that one cut short is known before it counts
    except _Truncated as stop:
        stop.origin = origin
        raise
    except _Stop as stop:
        if length is not None and not getattr(record.raw_stream, "limit", 1):  # whole: the damage follows it
            stop.before = _document(page, origin) if isinstance(page, _Page) else page
        raise
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        return InputError(origin, f"record cut short: {missing} of its {length} bytes are missing "
                                  "(a truncated or damaged archive)")
    if archive.stray:
        return InputError(origin, "record runs on past its Content-Length (a damaged archive); skipped")
    if length is None:
        return InputError(origin, f"record without a valid Content-Length; skipped the {unframed} bytes "
                                  "of its gzip member")
    return _document(page, origin) if isinstance(page, _Page) else page


def _drain_member(reader: _ArchiveReader) -> int:
    """Read to the end of the current gzip member (where a record without a usable length ends)."""
    total = 0
    while chunk := reader.read(64 * 1024):
        total += len(chunk)
    return total


def _page(record, origin: str, length: int | None, reader: _ArchiveReader,
          limits: Limits) -> _Page | InputError | None:
    """The HTML bytes of a response record with an HTML page, else why not (None: not a response)."""
    if not record.rec_type:
        return InputError(origin, "record without WARC-Type; skipped")
    if record.rec_type != "response" or length is None:
        return None
    if length > limits.record_bytes:
        return InputError(origin, f"record of {_mb(length)} is over the {_mb(limits.record_bytes)} limit for one "
                                  "record; skipped unread")
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    if not url.lower().startswith(("http:", "https:")):
        return InputError(origin, f"response for {url or 'no WARC-Target-URI'} is not a web page; skipped")
    http = _http_headers(record, origin, reader, limits)
    status = http.get_statuscode()
    media_type = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if status != "200":
        return InputError(origin, f"HTTP status {status} for {url}; no page to read")
    if media_type not in HTML_TYPES:
        return InputError(origin, f"{media_type or 'no content type'} at {url} is not an HTML page; skipped")
    try:
        body = _payload(record, http).read(limits.record_bytes + 1)
    except _PayloadDamaged as exc:
        return InputError(origin, f"{exc} at {url}; skipped")
    if len(body) > limits.record_bytes:
        return InputError(origin, f"page over {_mb(limits.record_bytes)} once its content encoding is undone; skipped")
    warc_date = _DATE.match(record.rec_headers.get_header("WARC-Date") or "")
    return _Page(body, url, warc_date.group(0) if warc_date else None)


def _http_headers(record, origin: str, reader: _ArchiveReader, limits: Limits):
    reader.header_budget = limits.header_bytes
    try:
        return _HTTP.parse(record.raw_stream)
    except EOFError as exc:
        raise InputError(origin, "response record without content; skipped") from exc
    except _HeaderTooLong as exc:
        raise InputError(origin, f"HTTP header over {_mb(limits.header_bytes)}; skipped") from exc
    finally:
        reader.header_budget = None


def _payload(record, http):
    """The page bytes with transfer and content encodings undone (as warcio's content_stream)."""
    encoding = (http.get_header("Content-Encoding") or "").strip().lower() or None
    if encoding not in BufferedReader.get_supported_decompressors():
        encoding = None
    if (http.get_header("Transfer-Encoding") or "").strip().lower() == "chunked":
        return _ChunkedDecoder(record.raw_stream, decomp_type=encoding)
    return _Decoder(record.raw_stream, decomp_type=encoding) if encoding else record.raw_stream


def _document(page: _Page, origin: str) -> RawDocument | InputError:
    try:
        html = decode_html(page.body, origin)
        return document_from_html(html, origin, url=page.url, published=page.published)
    except InputError as exc:
        return exc
    except Exception as exc:  # extraction failing on one strange page must not end the archive
        return InputError(origin, f"page could not be read: {type(exc).__name__}: {exc}")


def _content_length(record) -> int | None:
    value = (record.rec_headers.get_header("Content-Length") or "").strip()
    return int(value) if _DIGITS.fullmatch(value) else None


def _load_failure(exc: ArchiveLoadFailed, offset: int) -> str:
    if "non-chunked gzip" in str(exc):
        return (f"one gzip member holds more than one record (at byte {offset}); "
                "rewrite it with `warcio recompress` to read every record")
    return f"not a WARC record at byte {offset} (no WARC/1.x header): not a WARC archive, or a damaged one"


def _report(path: Path, kinds: Counter[str], given: int) -> None:
    """A warning line for records that hold no page; an error when the archive gave nothing at all."""
    _log_skipped(path, kinds)
    kinds.pop("response", None)
    if not given:
        raise InputError(str(path), "WARC archive holds no HTTP response records"
                         + (f" (only {', '.join(sorted(kinds))})" if kinds else ""))


def _log_skipped(path: Path, kinds: Counter[str]) -> None:
    other = {kind: n for kind, n in kinds.items() if kind != "response"}
    if set(other) - {"warcinfo"}:  # a warcinfo header opens every archive; the rest is worth a line
        summary = ", ".join(f"{n} {kind}" for kind, n in sorted(other.items()))
        log.warning("%s: %d response records read; skipped records that hold no page: %s",
                    path, kinds["response"], summary)


def _mb(size: int) -> str:
    return f"{size / MB:g} MB" if size >= MB else f"{size // 1024} kB" if size >= 1024 else f"{size} bytes"
