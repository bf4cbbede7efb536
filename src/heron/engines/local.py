"""The local engine: this process, or a pool of worker processes on this machine."""
from __future__ import annotations

import gc
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from heron.errors import HeronError


class LocalEngine:
    """``workers`` processes (1: run in this process), started on the first task.

    Without ``preload`` workers are spawned and each loads the pipeline when it first codes, so
    the main process never loads the model, and a rerun over a stored corpus loads it nowhere;
    spawned, not forked, because a worker must not inherit the main process's DuckDB connection
    and its threads. With ``preload`` (on Linux) this process calls it once, to load what the
    workers need (the model and the knowledge object), then forks them: they share its memory
    copy-on-write instead of each starting an interpreter and loading several seconds' worth of
    model, gazetteer and dictionaries. Only for a main process that holds no store connection
    (`heron code`).
    """

    def __init__(self, workers: int = 1, preload: Callable[[], object] | None = None) -> None:
        self.workers = max(1, workers)
        self.preload = preload if sys.platform.startswith("linux") else None
        self._pool = None

    def map(self, function: Callable, tasks: Iterable[tuple]) -> Iterator[Any]:
        if self.workers == 1:
            return (function(*task) for task in tasks)
        return self._in_pool(function, tasks, in_flight=self.workers * 2)

    def _in_pool(self, function: Callable, tasks: Iterable[tuple], in_flight: int) -> Iterator[Any]:
        """Ordered results with at most ``in_flight`` tasks queued, so memory stays bounded."""
        from concurrent.futures.process import BrokenProcessPool

        pending: deque = deque()
        try:
            for task in tasks:
                pending.append(self._start().submit(function, *task))
                while len(pending) >= in_flight:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        except BrokenProcessPool as exc:
            raise HeronError(f"a worker process died ({exc}); completed batches are stored, "
                             "rerun the same command to resume") from exc
        finally:
            for future in pending:
                future.cancel()

    def _start(self):
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            method = "spawn"
            if self.preload is not None:
                self.preload()
                method = "fork"
                gc.freeze()  # loaded objects stay out of the workers' collections: fewer pages copied
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context(method),
                                             initializer=_watch_parent, initargs=(os.getpid(),))
            if method == "fork":
                self._pool.submit(int).result()  # a fork pool starts all its workers at the first task
                gc.unfreeze()
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _watch_parent(parent: int) -> None:
    """Worker initializer: a worker whose main process was killed (SIGKILL gives it no chance to
    stop the pool) would wait for work forever; it leaves as soon as it is orphaned."""
    import threading

    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)
