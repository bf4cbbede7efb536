"""The Dask engine: partitions coded on the workers of a Dask cluster (dask.distributed).

Without a scheduler address a ``LocalCluster`` of ``workers`` single-threaded processes is
started here and stopped at the end; with one, the engine connects to a running cluster
(``dask scheduler`` on one machine, ``dask worker ADDRESS`` on each of the others) and leaves
it running. What crosses the network: a reading task is a partition's description (file paths
and byte offsets, or the documents themselves for stdin and feeds) plus the settings, and
returns the partition's fingerprints and the documents not stored yet; a coding task takes
the new documents and returns their coded article records. Workers read the input files from the
same paths, so inputs must be on storage every worker sees at the same path (NFS, a shared
volume, or the same copy on each machine), and every worker needs heron and its model installed.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from heron.errors import HeronError, UsageError


class DaskEngine:
    def __init__(self, workers: int = 1, scheduler: str | None = None, timeout: str = "30s") -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - a pinned dependency
            raise UsageError(f"--engine dask needs dask.distributed: {exc}") from exc
        self._cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout=timeout)
            else:
                self._cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                             dashboard_address=None)
                self.client = Client(self._cluster)
        except (OSError, TimeoutError) as exc:
            self.close()
            raise HeronError(f"cannot reach the Dask scheduler {scheduler or '(local cluster)'}: {exc}") from exc
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or workers)

    @classmethod
    def in_process(cls, workers: int = 1) -> DaskEngine:
        """A LocalCluster of threads in this process: the same scheduling, no process start-up
        (for tests and small runs)."""
        from distributed import Client, LocalCluster

        engine = cls.__new__(cls)
        engine._cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=False,
                                       dashboard_address=None)
        engine.client = Client(engine._cluster)
        engine.workers = max(1, workers)
        return engine

    def map(self, function: Callable, tasks: Iterable[tuple]) -> Iterator[Any]:
        """Ordered results; at most two tasks per worker are queued at any time."""
        in_flight = self.workers * 2
        pending: deque = deque()
        try:
            for task in tasks:
                pending.append(self.client.submit(function, *task, pure=False))
                while len(pending) >= in_flight:
                    yield _result(pending.popleft())
            while pending:
                yield _result(pending.popleft())
        finally:
            for future in pending:
                future.cancel()

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
            self.client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _result(future) -> Any:
    from distributed import KilledWorker

    try:
        return future.result()
    except KilledWorker as exc:
        raise HeronError(f"a Dask worker died coding a partition ({exc}); completed batches are stored, "
                         "rerun the same command to resume") from exc
