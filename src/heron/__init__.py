"""heron: news articles in, verifiable PLOVER event data out.

    >>> import heron
    >>> article = heron.code("Putin met Lukashenko in Minsk on Monday.", published="2022-07-01")
    >>> [e.event for e in article.events]
"""
from __future__ import annotations

from heron.api import code, code_file
from heron.types import Article

__all__ = ["Article", "code", "code_file"]
__version__ = "0.1.0"
