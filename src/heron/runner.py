"""Batches of inputs through the pipeline, in this process or in worker processes."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from heron.config import Settings
from heron.errors import InputError
from heron.ingest import Item, read_paths
from heron.types import Article

Result = Article | InputError


def batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    stream = iter(items)
    while batch := list(islice(stream, size)):
        yield batch


def code_items(items: Iterable[Item], settings: Settings) -> Iterator[Result]:
    """Code a stream of documents; yields one Article or InputError per input, in order."""
    from heron.pipeline import build_pipeline

    pipeline = build_pipeline(settings)
    for batch in batches(items, settings.batch_size):
        yield from pipeline.code_batch(batch)


def code_paths(paths: Iterable[str], settings: Settings) -> Iterator[Result]:
    yield from code_items(read_paths(paths), settings)
