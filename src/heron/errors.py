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

    def __reduce__(self):  # rebuilt from its fields when it crosses to or from a worker process
        return type(self), (self.origin, self.reason)


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

    def __reduce__(self):
        return type(self), (self.path, self.reason)


class StoreError(HeronError):
    """The DuckDB store could not be opened or written."""


class ForeignStore(StoreError):
    """``--db`` names a database that is not a heron store: heron neither reads it nor adds
    its tables to it. A usage error: the option names the wrong file."""

    exit_code = 2


class OutputError(HeronError):
    """An export could not be written (full disk, read-only folder); nothing partial is left."""
