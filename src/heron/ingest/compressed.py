"""Inputs as crawlers store them: any input heron reads may come gzip-compressed (``.txt.gz``,
``.html.gz``, ``.jsonl.gz``, ``.rss.gz``, ...; ``.warc.gz`` is read by warcio itself).

``open_input(path)`` is the one way readers open a file: plain files as they are, ``.gz``
files as a stream that decompresses as it is read, never as a whole, and refuses to give
more than ``MAX_DECOMPRESSED_BYTES`` (a "zip bomb" stops there with an InputError instead of
filling the disk or the clock). A damaged or truncated archive is an InputError naming the
file; what was read before the damage has already been handed on.
"""
from __future__ import annotations

import gzip
import zlib
from contextlib import contextmanager
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from heron.errors import InputError

GZIP_MAGIC = b"\x1f\x8b"
MAX_DECOMPRESSED_BYTES = 4 * 1024 ** 3  # 4 GiB from one compressed input


def is_gzip_name(name: str) -> bool:
    return name.lower().endswith(".gz")


class CappedGzip:
    """A read-only binary stream over a gzip file that counts what it hands out."""

    def __init__(self, raw: BinaryIO, origin: str, limit: int | None = None) -> None:
        self._gzip = gzip.GzipFile(fileobj=raw, mode="rb")
        self.origin = origin
        self.limit = MAX_DECOMPRESSED_BYTES if limit is None else limit
        self.given = 0

    def _count(self, data: bytes) -> bytes:
        self.given += len(data)
        if self.given > self.limit:
            raise InputError(self.origin, f"decompresses to more than {self.limit:,} bytes, the limit for one "
                                          "compressed input (a damaged or hostile archive?); split it")
        return data

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            size = self.limit + 1 - self.given  # never more than the cap, even for read()
        return self._guard(lambda: self._gzip.read(size))

    def readline(self, size: int = -1) -> bytes:
        return self._guard(lambda: self._gzip.readline(size))

    def _guard(self, read) -> bytes:
        try:
            return self._count(read())
        except (OSError, EOFError, zlib.error) as exc:
            raise InputError(self.origin, f"damaged gzip data: {exc}") from exc

    def close(self) -> None:
        self._gzip.close()


@contextmanager
def open_input(path: Path, limit: int | None = None) -> Iterator[BinaryIO]:
    """A binary stream of the file's content, decompressed on the fly for ``.gz`` names."""
    with path.open("rb") as raw:
        if not is_gzip_name(path.name):
            yield raw
            return
        if raw.read(2) != GZIP_MAGIC:
            raise InputError(str(path), "named .gz but not gzip data (no gzip header)")
        raw.seek(0)
        stream = CappedGzip(raw, str(path), limit)
        try:
            yield stream  # type: ignore[misc]
        finally:
            stream.close()
