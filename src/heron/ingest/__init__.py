"""Reading inputs: paths, folders and stdin become RawDocuments (or InputErrors, never dropped)."""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from heron.errors import InputError
from heron.registry import reader_for, resolve
from heron.types import RawDocument

Item = RawDocument | InputError


def read_paths(paths: Iterable[str]) -> Iterator[Item]:
    """Every document in the named inputs, in order; folders are walked in sorted order."""
    for name in paths:
        if name == "-":
            from heron.ingest.text import read_text_stream

            yield from read_text_stream(sys.stdin.buffer, "<stdin>")
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and reader_for(p.name))
            if not files:
                yield InputError(name, "folder holds no readable inputs (.txt, .html, .jsonl, feeds, .warc)")
            for file in files:
                yield from read_path(file)
        else:
            yield from read_path(path)


def read_path(path: Path) -> Iterator[Item]:
    if not path.exists():
        yield InputError(str(path), "no such file or folder")
        return
    target = reader_for(path.name)
    if target is None:
        yield InputError(str(path), f"unknown input type {path.suffix or '(no suffix)'!r}; heron reads .txt, .html, .jsonl, .rss/.atom/.xml, .warc, each also as .gz")
        return
    try:
        yield from resolve(target)(path)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
