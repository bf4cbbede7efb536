"""Where coding runs: worker processes on this machine, or a Dask cluster.

An engine maps one function over a stream of tasks (partitions of the inputs) and yields the
results in task order, with a bounded number in flight so memory stays flat on any corpus.
The main process alone reads the results and writes the store; engines never touch it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

ENGINES = ("local", "dask")


class Engine(Protocol):
    workers: int

    def map(self, function: Callable, tasks: Iterable[tuple]) -> Iterator[Any]:
        """``function(*task)`` for every task, in task order."""

    def close(self) -> None:
        """Stop whatever workers the engine started."""


def open_engine(kind: str = "local", workers: int = 1, scheduler: str | None = None,
                preload: Callable[[], object] | None = None) -> Engine:
    """An engine of ``kind``: "local" (``workers`` processes; 1 codes in this process) or
    "dask" (a cluster at ``scheduler``, else a LocalCluster of ``workers`` processes).
    ``preload`` (local engine only) loads in this process what workers need before they are
    forked from it (see LocalEngine)."""
    if kind == "dask":
        from heron.engines.dask import DaskEngine

        return DaskEngine(workers, scheduler)
    if kind != "local":
        from heron.errors import UsageError

        raise UsageError(f"unknown engine {kind!r}; choose one of {', '.join(ENGINES)}")
    from heron.engines.local import LocalEngine

    return LocalEngine(workers, preload)
