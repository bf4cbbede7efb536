"""One exception tree. Messages name the input and say what to do."""
from __future__ import annotations


class HeronError(Exception):
    """Base of every error heron raises on purpose."""

    exit_code = 1


class UsageError(HeronError):
    """The command was called wrongly (bad option value, missing file list)."""

    exit_code = 2


class InputError(HeronError):
    """One input could not be read: unreadable, empty, binary or undecodable."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class OverBudget(HeronError):
    """One input used up its time budget (Settings.time_budget) in some stage."""


class ModelNotFound(HeronError):
    """No English spaCy model is installed."""


class DataFileError(HeronError):
    """A knowledge file (actors, lexicon, boilerplate) is malformed."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class StoreError(HeronError):
    """The DuckDB store could not be opened or written."""
