"""The Python API: plain functions over the runner."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from heron.config import Settings
from heron.types import Article, RawDocument


@lru_cache(maxsize=4)
def _pipeline(settings: Settings):
    from heron.pipeline import build_pipeline

    return build_pipeline(settings)


def code(text: str, published: str | None = None, *, title: str | None = None,
         url: str | None = None, settings: Settings | None = None) -> Article:
    """Code one article given as text (or reposted page text) and return its record."""
    raw = RawDocument(origin="<text>", text=text, title=title, url=url, published=published)
    return _pipeline(settings or Settings()).process(raw)


def code_file(path: str | Path, settings: Settings | None = None) -> list[Article]:
    """Code every article in one file (text, HTML, JSONL, feed or WARC).

    Inputs that fail to read raise ``heron.errors.InputError``.
    """
    from heron.errors import InputError
    from heron.ingest import read_path

    settings = settings or Settings()
    pipeline = _pipeline(settings)
    articles = []
    for item in read_path(Path(path), settings.limits):
        if isinstance(item, InputError):
            raise item
        articles.append(pipeline.process(item))
    return articles
