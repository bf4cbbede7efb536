"""Plain-text inputs (placeholder decoding: UTF-8 only)."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from heron.errors import InputError
from heron.types import RawDocument


def decode_bytes(data: bytes, origin: str) -> str:
    if not data.strip():
        raise InputError(origin, "empty input")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(origin, f"cannot decode: {exc.reason}") from exc


def read_text_file(path: Path) -> Iterator[RawDocument]:
    yield RawDocument(origin=str(path), text=decode_bytes(path.read_bytes(), str(path)))


def read_text_stream(stream: BinaryIO, origin: str) -> Iterator[RawDocument]:
    yield RawDocument(origin=origin, text=decode_bytes(stream.read(), origin))
