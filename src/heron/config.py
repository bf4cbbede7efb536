"""Settings as data: one frozen object handed to the runner and the stages."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DB = "heron.duckdb"
MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What one input may cost the readers. Past a limit the input (or the archive record) is a
    recorded problem; nothing over a limit is ever read whole into memory."""

    text_bytes: int = 10 * MB  # one article: an HTML page, a JSON line; a larger .txt is read in parts
    feed_bytes: int = 50 * MB  # one RSS/Atom file (the feed parser holds it whole)
    record_bytes: int = 10 * MB  # one WARC record's body, and the page in it once decoded
    header_bytes: int = 1 * MB  # one WARC or HTTP header block (or any line between records)
    inflation: int = 100  # a .warc.gz may inflate to this many times the bytes read (checked past 64 MB)


DEFAULT_LIMITS = Limits()


def default_cache_dir() -> Path:
    """Where built knowledge is cached: $HERON_CACHE_DIR, else the platform's user cache folder
    ($XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows)."""
    chosen = os.environ.get("HERON_CACHE_DIR")
    if chosen:
        return Path(chosen).expanduser()
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "heron" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "heron"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "heron"


def cache_enabled() -> bool:
    """False when $HERON_NO_CACHE is set to anything but "" or "0"."""
    return os.environ.get("HERON_NO_CACHE", "") in ("", "0")


@dataclass(frozen=True)
class Settings:
    language: str = "en"  # code of a registered language (heron.registry.LANGUAGES)
    model: str | None = None  # spaCy model name; None tries the language's known models in order
    actor_files: tuple[Path, ...] = ()  # user dictionaries added to the shipped ones
    lexicon_files: tuple[Path, ...] = ()  # user event lexicon files (a PLOVER type each) after the shipped ones
    boilerplate_files: tuple[Path, ...] = ()  # user boilerplate rules, tried before the shipped ones
    default_date: str | None = None  # YYYY-MM-DD, used when an input carries no date
    batch_size: int = 32
    time_budget: float = 120.0  # seconds one input may take to code; 0: no limit (pipeline/budget.py)
    workers: int = 1
    full_parse: bool = True  # False: the selective parse, only paragraphs that hold a cue (pipeline/text/cues.py)
    db: Path = field(default_factory=lambda: Path(os.environ.get("HERON_DB", DEFAULT_DB)))
    progress: bool | None = None  # None: a bar only when stderr is a terminal
    limits: Limits = field(default_factory=Limits)  # caps on what one input may cost the readers
    infer_counterparts: bool = True  # give events with no named recipient one from the story (story stage)
    cache: bool = field(default_factory=cache_enabled)  # read and write built knowledge in cache_dir
    cache_dir: Path = field(default_factory=default_cache_dir)  # knowledge_cache.py; `heron cache` shows it
