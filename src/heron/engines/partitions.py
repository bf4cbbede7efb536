"""Inputs cut into partitions: small descriptions of work that any worker can read by itself.

A partition names pieces of input files (a whole file, a JSONL line range, a WARC record range,
a range of the parts of a .txt file over the one-article limit) so that only the description
crosses to a worker, which reads the bytes from the (shared) path. Inputs that have no path a
worker could open (stdin), feeds (small; their items' origins are links, which only reading
reveals), compressed files other than WARC (a gzip stream cannot be entered at a byte offset,
so the main process reads it, one partition at a time, and sends the documents) and inputs
that fail before reading (missing files, unknown types) travel as the documents or errors
themselves. Partitions come in input order, and reading them one after another gives exactly
what :func:`heron.ingest.read_paths` gives.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from heron.config import DEFAULT_LIMITS, Limits
from heron.errors import InputError
from heron.ingest import Item, guarded, read_path, walk
from heron.ingest.compressed import is_gzip_name
from heron.ingest.text import PartRange
from heron.registry import reader_for

_JSONL = "heron.ingest.jsonl:read_jsonl_file"
_WARC = "heron.ingest.warc:read_warc_file"
_FEED = "heron.ingest.feeds:read_feed_file"
_TEXT = "heron.ingest.text:read_text_file"
CARRIED_MAX = 1000  # documents per carried piece
# parts of a large .txt per partition: a part is a megabyte of text and its records some ten
# more, so a partition of them is a partition of its own, no larger than `heron code`'s
TEXT_PARTS = 8


@dataclass(frozen=True)
class Piece:
    """A whole file (``count`` None), a JSONL line range, a WARC record range or a range of
    text parts (``parts``) of ``path``, or documents carried along (``items``)."""

    path: str = ""
    offset: int = 0  # byte where the range starts
    before: int = 0  # JSONL: number of the line before ``offset``
    count: int | None = None  # lines or records in the range
    kind: str = "file"  # "file" | "jsonl" | "warc" | "text" | "items"
    items: tuple = ()
    origins: tuple[str, ...] = ()  # the range's origins, where reading is not needed to know them
    parts: PartRange | None = None  # "text": the planned parts

    @property
    def size(self) -> int:
        """Inputs in the piece (a whole file counts as one)."""
        return len(self.items) if self.kind == "items" else (1 if self.count is None else self.count)


@dataclass(frozen=True)
class Partition:
    number: int
    pieces: tuple[Piece, ...]

    @property
    def size(self) -> int:
        return sum(p.size for p in self.pieces)


def partitions(paths: Iterable[str], size: int, limits: Limits = DEFAULT_LIMITS) -> Iterator[Partition]:
    """Partitions of about ``size`` inputs each, in input order, planned lazily."""
    pending: list[Piece] = []
    number = filled = 0
    for piece in _pieces(paths, size, limits):
        weight = size if piece.kind == "text" else piece.size  # a range of text parts fills a partition
        if pending and filled + weight > size:
            yield Partition(number, tuple(pending))
            number, pending, filled = number + 1, [], 0
        pending.append(piece)
        filled += weight
    if pending:
        yield Partition(number, tuple(pending))


def count_inputs(paths: Iterable[str], limits: Limits = DEFAULT_LIMITS) -> int | None:
    """How many inputs the paths hold, for a progress total; None when stdin is among them.
    JSONL lines and WARC records are counted by scanning, feeds by reading them."""
    paths = list(paths)
    if "-" in paths:
        return None
    return sum(piece.size for piece in _pieces(paths, sys.maxsize, limits, warn=False))


def read_partition(partition: Partition, limits: Limits = DEFAULT_LIMITS) -> Iterator[Item]:
    for piece in partition.pieces:
        yield from read_piece(piece, limits)


def read_piece(piece: Piece, limits: Limits = DEFAULT_LIMITS) -> Iterator[Item]:
    """A piece's items; a file that changed or vanished since it was planned (or that breaks its
    reader) fails as an input, not the run."""
    if piece.kind == "items":
        yield from piece.items
    elif piece.kind == "jsonl":
        from heron.ingest.jsonl import read_line_range

        path = Path(piece.path)
        yield from guarded(piece.path, lambda: read_line_range(path, piece.offset, piece.before, piece.count, limits))
    elif piece.kind == "warc":
        from heron.ingest.warc import read_record_range

        yield from guarded(piece.path, lambda: read_record_range(Path(piece.path), piece.offset, piece.count, limits))
    elif piece.kind == "text":
        from heron.ingest.text import read_part_range

        yield from guarded(piece.path, lambda: read_part_range(Path(piece.path), piece.parts))
    else:
        yield from read_path(Path(piece.path), limits)


def _pieces(paths: Iterable[str], size: int, limits: Limits, warn: bool = True) -> Iterator[Piece]:
    """The pieces of the inputs; ``warn``: log what a scan finds worth a warning (a scan made
    only to count inputs, before the one that plans them, does not, so each warning is given once)."""
    for name in paths:
        if name == "-":
            from heron.ingest.text import read_text_stream

            yield from _carried(guarded("<stdin>", lambda: read_text_stream(sys.stdin.buffer, "<stdin>", limits)),
                                size)
            continue
        path = Path(name)
        if path.is_dir():
            found = sorted(walk(path), key=lambda entry: entry[0])  # as heron.ingest.read_folder
            if not found:
                yield Piece(kind="items", items=(InputError(name, "folder holds no readable inputs "
                                                                  "(.txt, .html, .jsonl, feeds, .warc)"),))
            for file, problem in found:
                if problem:
                    yield Piece(kind="items", items=(InputError(str(file), problem),))
                else:
                    yield from _file_pieces(file, size, limits, warn)
        else:
            yield from _file_pieces(path, size, limits, warn)


def _file_pieces(path: Path, size: int, limits: Limits, warn: bool) -> Iterator[Piece]:
    reader = reader_for(path.name) if path.is_file() else None
    if reader == _JSONL and not is_gzip_name(path.name):
        from heron.ingest.jsonl import line_ranges

        ranges = _scanned(line_ranges(path, size, limits), path)
        if isinstance(ranges, list) and ranges:
            for offset, before, count, last in ranges:
                origins = tuple(f"{path}:{n}" for n in range(before + 1, last + 1))
                yield Piece(str(path), offset, before, count, "jsonl", origins=origins)
            return
    elif reader == _WARC:
        from heron.ingest.warc import record_ranges

        ranges = _scanned(record_ranges(path, size, limits, warn), path)
        if isinstance(ranges, list) and ranges:
            for offset, origins in ranges:
                yield Piece(str(path), offset, count=len(origins), kind="warc", origins=tuple(origins))
            return
    elif reader == _TEXT and not is_gzip_name(path.name):
        from heron.ingest.text import part_ranges

        ranges = _scanned(part_ranges(path, min(size, TEXT_PARTS), limits), path)
        if isinstance(ranges, list) and ranges:  # none: one article, read whole
            for planned in ranges:
                yield Piece(str(path), planned.start, planned.before, len(planned.numbers), "text",
                            origins=planned.origins(path), parts=planned)
            return
    elif reader == _FEED or reader is None or is_gzip_name(path.name):
        # read here: feeds are small, failures need no worker, and a compressed stream cannot be
        # cut at byte offsets, so its documents travel to the workers themselves
        yield from _carried(read_path(path, limits), size)
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
