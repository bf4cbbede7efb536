"""Inputs cut into partitions: small descriptions of work that any worker can read by itself.

A partition names pieces of input files (a whole file, a JSONL line range, a WARC record range)
so that only the description crosses to a worker, which reads the bytes from the (shared) path.
Inputs that have no path a worker could open (stdin), feeds (small; their items' origins are
links, which only reading reveals) and inputs that fail before reading (missing files, unknown
types) travel as the documents or errors themselves. Partitions come in input order, and
reading them one after another gives exactly what :func:`heron.ingest.read_paths` gives.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from heron.errors import InputError
from heron.ingest import Item, read_path
from heron.ingest.compressed import is_gzip_name
from heron.registry import reader_for

_JSONL = "heron.ingest.jsonl:read_jsonl_file"
_WARC = "heron.ingest.warc:read_warc_file"
_FEED = "heron.ingest.feeds:read_feed_file"
CARRIED_MAX = 1000  # documents per carried piece


@dataclass(frozen=True)
class Piece:
    """A whole file (``count`` None), a JSONL line range or a WARC record range of ``path``,
    or documents carried along (``items``)."""

    path: str = ""
    offset: int = 0  # byte where the range starts
    before: int = 0  # JSONL: number of the line before ``offset``
    count: int | None = None  # lines or records in the range
    kind: str = "file"  # "file" | "jsonl" | "warc" | "items"
    items: tuple = ()
    origins: tuple[str, ...] = ()  # the range's origins, where reading is not needed to know them

    @property
    def size(self) -> int:
        """Inputs in the piece (a text file too large for one article counts as one)."""
        return len(self.items) if self.kind == "items" else (1 if self.count is None else self.count)


@dataclass(frozen=True)
class Partition:
    number: int
    pieces: tuple[Piece, ...]

    @property
    def size(self) -> int:
        return sum(p.size for p in self.pieces)


def partitions(paths: Iterable[str], size: int) -> Iterator[Partition]:
    """Partitions of about ``size`` inputs each, in input order, planned lazily."""
    pending: list[Piece] = []
    number = 0
    for piece in _pieces(paths, size):
        if pending and sum(p.size for p in pending) + piece.size > size:
            yield Partition(number, tuple(pending))
            number, pending = number + 1, []
        pending.append(piece)
    if pending:
        yield Partition(number, tuple(pending))


def count_inputs(paths: Iterable[str]) -> int | None:
    """How many inputs the paths hold, for a progress total; None when stdin is among them.
    JSONL lines and WARC records are counted by scanning, feeds by reading them."""
    paths = list(paths)
    if "-" in paths:
        return None
    return sum(piece.size for piece in _pieces(paths, sys.maxsize))


def read_partition(partition: Partition) -> Iterator[Item]:
    for piece in partition.pieces:
        yield from read_piece(piece)


def read_piece(piece: Piece) -> Iterator[Item]:
    if piece.kind == "items":
        yield from piece.items
    elif piece.kind == "jsonl":
        from heron.ingest.jsonl import read_line_range

        yield from _guarded(read_line_range(Path(piece.path), piece.offset, piece.before, piece.count), piece.path)
    elif piece.kind == "warc":
        from heron.ingest.warc import read_record_range

        yield from _guarded(read_record_range(Path(piece.path), piece.offset, piece.count), piece.path)
    else:
        yield from read_path(Path(piece.path))


def _guarded(items: Iterator[Item], path: str) -> Iterator[Item]:
    """A file that changed or vanished since it was planned fails as an input, not the run."""
    try:
        yield from items
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(path, f"cannot read: {exc.strerror or exc}")


def _pieces(paths: Iterable[str], size: int) -> Iterator[Piece]:
    for name in paths:
        if name == "-":
            from heron.ingest.text import read_text_stream

            yield from _carried(read_text_stream(sys.stdin.buffer, "<stdin>"), size)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and reader_for(p.name))
            if not files:
                yield Piece(kind="items", items=(InputError(name, "folder holds no readable inputs "
                                                                  "(.txt, .html, .jsonl, feeds, .warc)"),))
            for file in files:
                yield from _file_pieces(file, size)
        else:
            yield from _file_pieces(path, size)


def _file_pieces(path: Path, size: int) -> Iterator[Piece]:
    reader = reader_for(path.name) if path.is_file() else None
    if reader == _JSONL and not is_gzip_name(path.name):
        from heron.ingest.jsonl import line_ranges

        ranges = _scanned(line_ranges(path, size), path)
        if isinstance(ranges, list) and ranges:
            for offset, before, count, last in ranges:
                origins = tuple(f"{path}:{n}" for n in range(before + 1, last + 1))
                yield Piece(str(path), offset, before, count, "jsonl", origins=origins)
            return
    elif reader == _WARC:
        from heron.ingest.warc import record_ranges

        ranges = _scanned(record_ranges(path, size), path)
        if isinstance(ranges, list) and ranges:
            for offset, origins in ranges:
                yield Piece(str(path), offset, count=len(origins), kind="warc", origins=tuple(origins))
            return
    elif reader == _FEED or reader is None or is_gzip_name(path.name):
        # read here: feeds are small, failures need no worker, and a compressed stream cannot be
        # cut at byte offsets, so its documents travel to the workers themselves
        yield from _carried(read_path(path), size)
        return
    yield Piece(str(path))  # a plain file, or a scan that failed: the reader reports why


def _scanned(ranges: Iterator, path: Path) -> list | None:
    try:
        return list(ranges)
    except (InputError, OSError):
        return None


def _carried(items: Iterator[Item], size: int) -> Iterator[Piece]:
    stream = iter(items)
    size = min(size, CARRIED_MAX)  # counting a large compressed file holds no more than this at once
    while chunk := tuple(islice(stream, size)):
        yield Piece(kind="items", items=chunk)
