"""Settings as data: one frozen object handed to the runner and the stages."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DB = "heron.duckdb"


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
    db: Path = field(default_factory=lambda: Path(os.environ.get("HERON_DB", DEFAULT_DB)))
    progress: bool | None = None  # None: a bar only when stderr is a terminal
