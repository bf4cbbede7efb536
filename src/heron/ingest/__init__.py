"""Reading inputs: paths, folders and stdin become RawDocuments (or InputErrors, never dropped).

Every reader runs guarded: whatever goes wrong inside one input (an unreadable file, a damaged
archive, a bug a strange input finds) becomes an InputError naming it, after the documents the
reader already gave, and the next input is read. Folders are walked in sorted order; what a
walk cannot read (a folder without permission, a broken link, a pipe) is an InputError too.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from heron.config import DEFAULT_LIMITS, Limits
from heron.errors import InputError
from heron.registry import reader_for, resolve
from heron.types import RawDocument

Item = RawDocument | InputError
NAME_CHARS = 300  # longest WARC-Record-ID or feed link used to name an input


def read_paths(paths: Iterable[str], limits: Limits = DEFAULT_LIMITS) -> Iterator[Item]:
    """Every document in the named inputs, in order; ``-`` is stdin, read as text."""
    for name in paths:
        if name == "-":
            from heron.ingest.text import read_text_stream

            yield from guarded("<stdin>", lambda: read_text_stream(sys.stdin.buffer, "<stdin>", limits))
        elif Path(name).is_dir():
            yield from read_folder(Path(name), limits)
        else:
            yield from read_path(Path(name), limits)


def read_path(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[Item]:
    """The documents of one named file (any kind of file the user names, pipes included)."""
    if not path.exists():
        broken = path.is_symlink()
        yield InputError(str(path), "broken symbolic link: its target does not exist" if broken
                         else "no such file or folder")
        return
    target = reader_for(path.name)
    if target is None:
        yield InputError(str(path), f"unknown input type {path.suffix or '(no suffix)'!r}; heron reads .txt, .html, "
                                    ".jsonl, .rss/.atom/.xml, .warc, each also as .gz")
        return
    yield from guarded(str(path), lambda: resolve(target)(path, limits))


def guarded(origin: str, read: Callable[[], Iterable[Item]]) -> Iterator[Item]:
    """The items ``read()`` yields, then an InputError for ``origin`` if reading failed."""
    try:
        yield from read()
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(origin, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # a reader's failure on one strange input must not end the batch
        yield InputError(origin, f"could not be read: {type(exc).__name__}: {exc}")


def read_folder(folder: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[Item]:
    """The documents of every readable file under ``folder``, by path; problems in their place."""
    found = sorted(walk(folder), key=lambda entry: entry[0])
    if not found:
        yield InputError(str(folder), "folder holds no readable inputs (.txt, .html, .jsonl, feeds, .warc)")
    for path, problem in found:
        if problem:
            yield InputError(str(path), problem)
        else:
            yield from read_path(path, limits)


def walk(folder: Path) -> Iterator[tuple[Path, str | None]]:
    """(path, None) for each regular file a reader takes; (path, reason) for each one that cannot
    be read and each folder that cannot be listed. Links to folders are followed, once each."""
    failures: list[OSError] = []
    seen: set[str] = set()
    for root, folders, files in os.walk(folder, onerror=failures.append, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:  # a link loop, or a second link to a folder already read
            folders.clear()
            yield Path(root), "folder already read under another name (a symbolic link loop?); skipped"
            continue
        seen.add(real)
        for name in files:
            if reader_for(name):
                yield _file_entry(Path(root, name))
        yield from _failures(failures)
    yield from _failures(failures)


def _file_entry(path: Path) -> tuple[Path, str | None]:
    if path.is_symlink() and not path.exists():
        return path, "broken symbolic link: its target does not exist"
    if not path.is_file():
        return path, "not a regular file (a pipe, socket or device); name it on its own to read it"
    return path, None


def _failures(failures: list[OSError]) -> Iterator[tuple[Path, str]]:
    while failures:
        exc = failures.pop(0)
        yield Path(exc.filename or "."), f"cannot read folder: {exc.strerror or exc}"


def usable_name(value: str | None) -> str | None:
    """``value`` when it can name an input inside an origin (short, printable, no spaces), else None."""
    if value and len(value) <= NAME_CHARS and value.isprintable() and not any(c.isspace() for c in value):
        return value
    return None
