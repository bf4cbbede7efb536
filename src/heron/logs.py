"""Warnings as heron prints them, whichever process logged them.

heron's modules log under the ``heron`` logger; the command line (cli.py) turns each record
into one ``heron: warning: ...`` line on stderr through :class:`LineHandler`. A record logged on
a worker (a spawned process has no such handler, a forked one would write around the main
process's progress bar, a Dask worker may run on another machine) is held instead: a worker
runs each task inside :func:`collected` and sends the records back with its result; the main
process replays them (:func:`replay`), so they reach the one handler, in input order. Other libraries'
records are collected too, so that a worker never prints them raw either: replayed, they meet
what the main process does with them (cli.py silences them).
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from heron.errors import one_line

LOGGER = "heron"


@dataclass(frozen=True)
class Logged:
    """One log record as plain values, to cross back from a worker."""

    name: str  # the logger it was logged under
    level: int
    message: str

    def replay(self) -> None:
        logging.getLogger(self.name).log(self.level, "%s", self.message)


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[Logged] = []

    def emit(self, record: logging.LogRecord) -> None:
        if _collecting.get() is self:  # handlers of other threads' tasks see the record too
            self.records.append(Logged(record.name, record.levelno, record.getMessage()))


# the collector of the task running in this context (thread), if any
_collecting: ContextVar[_Collector | None] = ContextVar("heron_collecting", default=None)


def log_line(level: str, message: str) -> str:
    """The one line a warning (or error) is printed as: ``heron: LEVEL: message``."""
    return f"heron: {level.lower()}: {one_line(message)}"


class LineHandler(logging.Handler):
    """heron's records as one line each, handed to ``write``; records a task is collecting
    are left to the process that replays them."""

    def __init__(self, write: Callable[[str], None], level: int = logging.WARNING) -> None:
        super().__init__(level)
        self.write = write

    def emit(self, record: logging.LogRecord) -> None:
        if _collecting.get() is not None:
            return
        try:
            self.write(log_line(record.levelname, record.getMessage()))
        except Exception:
            self.handleError(record)


@contextmanager
def collected() -> Iterator[list[Logged]]:
    """The warnings logged in this context (heron's and other libraries'), held, not printed,
    in the list given."""
    logger = logging.getLogger()  # the root: every record that propagates, so none reaches logging's last resort
    collector = _Collector()
    logger.addHandler(collector)
    token = _collecting.set(collector)
    try:
        yield collector.records
    finally:
        _collecting.reset(token)
        logger.removeHandler(collector)


def replay(records: Iterable[Logged]) -> None:
    """Log records a worker collected, here, as if they were logged here."""
    for record in records:
        record.replay()
