"""Where an export goes: checked before anything is written, then written atomically.

A line-format export is written to a temporary file beside the target and renamed onto it only
when complete; a Parquet export is written to a temporary folder and renamed the same way. A
failure (full disk, read-only folder, Ctrl-C) leaves no partial output and any old output as
it was. Nothing is ever written onto the store (or its write-ahead log), an existing output is
replaced only with ``force``, and ``force`` replaces a folder only when it holds nothing but an
earlier Parquet export.
"""
from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from heron.errors import OutputError, UsageError
from heron.store.duckdb import store_error

_TEMP_SUFFIX = ".part"
_MESSAGE_CHARS = 300
_ADVICE = (("No space left", "the disk is full: free space and export again"),
           ("quota", "the disk quota is used up: free space and export again"),
           ("Read-only", "the folder is read-only: give --out a path in a writable folder"),
           ("Permission denied", "no permission to write there: give --out a path in a writable folder"))


@dataclass(frozen=True)
class Target:
    """A checked export destination: ``path`` resolved (symlinks followed), ``given`` as typed."""

    path: Path
    given: str
    folder: bool  # Parquet: a folder of files

    def write(self, exporter: Callable, con, **options):
        """Run ``exporter(con, stream_or_folder, **options)`` into a temporary file or folder,
        then rename it into place; an OSError becomes one OutputError line."""
        existed = self.path.exists()
        try:
            if self.folder:
                with _atomic_folder(self.path) as folder:
                    return exporter(con, folder, **options)
            with _atomic_file(self.path) as stream:
                return exporter(con, stream, **options)
        except OSError as exc:
            reason = exc.strerror or (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            advice = next((a for key, a in _ADVICE if key.lower() in str(exc).lower()), None)
            kept = "; the existing output is unchanged" if existed else ""
            raise OutputError(f"{self.given}: could not write the export: {reason[:_MESSAGE_CHARS]}; "
                              f"nothing was written{kept}" + (f"; {advice}" if advice else "")) from exc


def run_export(exporter: Callable, con, db: Path, target: Target | None, stdout: TextIO, **options):
    """Export into ``target`` (atomically), or to ``stdout`` when there is none; a DuckDB error
    while reading the store becomes one StoreError line."""
    import duckdb

    try:
        if target is None:
            return exporter(con, stdout, **options)
        return target.write(exporter, con, **options)
    except duckdb.Error as exc:
        outcome = "nothing was written to --out" if target else "the output on stdout is incomplete"
        raise store_error(str(db), "read the store for the export", exc, outcome) from exc


def export_target(out: Path, db: Path, folder: bool = False, force: bool = False) -> Target:
    """The destination ``--out`` names, or a UsageError saying why it must not be written."""
    given, real = str(out), out.resolve()
    refuse_the_store("--out", out, db)
    if folder and real.exists() and not real.is_dir():
        raise UsageError(f"--out {given} is a file; --format parquet writes a folder: give a new folder path")
    if not folder and real.is_dir():
        raise UsageError(f"--out {given} is a folder; give a file path (only --format parquet writes a folder)")
    if not real.parent.is_dir():
        raise UsageError(f"--out {given}: the folder {real.parent} does not exist; create it first")
    if folder:
        _check_folder(given, real, db, force)
    elif real.is_file() and not force:
        raise UsageError(f"--out {given} exists; add --force to replace it")
    return Target(real, given, folder)


def refuse_the_store(option: str, out: Path, db: Path) -> None:
    """A UsageError when ``out`` names the store or its write-ahead log, however it is spelled
    (relative, through a symlink, a hard link)."""
    real, store = out.resolve(), db.resolve()
    same = real == store or (real.exists() and store.exists() and os.path.samefile(real, store))
    if same or real == Path(f"{store}.wal"):
        what = "the store" if same else "the write-ahead log of the store"
        raise UsageError(f"{option} {out} is {what} --db {db}; writing onto it would destroy the store: "
                         f"give another {option} path")


def _check_folder(given: str, real: Path, db: Path, force: bool) -> None:
    if not real.is_dir() or not any(real.iterdir()):
        return
    store = db.resolve()
    if store.is_relative_to(real):
        raise UsageError(f"--out {given} holds the store --db {db}; give another --out folder")
    if not force:
        raise UsageError(f"--out {given} is a folder that is not empty; give a new folder, or add --force "
                         "to replace an earlier Parquet export")
    stray = _not_parquet(real)
    if stray:
        raise UsageError(f"--out {given} holds {stray}, which is not Parquet; --force replaces only "
                         "the folder of an earlier Parquet export")


def _not_parquet(folder: Path) -> str | None:
    """The first entry under ``folder`` that an earlier Parquet export would not have written."""
    for top, dirs, files in os.walk(folder):
        for name in dirs:
            if os.path.islink(os.path.join(top, name)):
                return os.path.relpath(os.path.join(top, name), folder)
        for name in files:
            if not name.endswith(".parquet"):
                return os.path.relpath(os.path.join(top, name), folder)
    return None


def _new_mode(path: Path, default: int) -> int:
    """Keep the mode of the output being replaced; else the mode the umask gives a new one."""
    with suppress(FileNotFoundError):
        return stat.S_IMODE(path.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return default & ~umask


@contextmanager
def _atomic_file(path: Path) -> Iterator[TextIO]:
    if path.exists() and not path.is_file():  # a device or pipe (/dev/null, a FIFO): written straight
        with open(path, "w", encoding="utf-8", newline="") as stream:
            yield stream
        return
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=_TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, _new_mode(path, 0o666))
        os.replace(temp, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temp)
        raise


@contextmanager
def _atomic_folder(path: Path) -> Iterator[Path]:
    temp = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=_TEMP_SUFFIX))
    try:
        yield temp
        temp.chmod(_new_mode(path, 0o777))
        _swap_in(temp, path)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise


def _swap_in(new: Path, path: Path) -> None:
    """Rename ``new`` onto ``path``; an earlier non-empty folder there is moved aside first and
    deleted only once the new one is in place."""
    if not (path.is_dir() and any(path.iterdir())):
        os.rename(new, path)  # onto nothing, or onto an empty folder
        return
    old = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=".old"))
    os.rename(path, old / path.name)
    try:
        os.rename(new, path)
    except BaseException:
        os.rename(old / path.name, path)
        raise
    shutil.rmtree(old, ignore_errors=True)
