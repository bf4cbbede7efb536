"""Input fingerprints: how the store recognises an input it has already seen, before coding it."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from heron.errors import InputError
from heron.types import Article, RawDocument

_FIELDS = ("id", "title", "url", "published", "site", "text", "html")


def fingerprint(item: RawDocument | InputError) -> str:
    """sha1 over the raw document's fields (not its origin), or over origin+reason for a failure.

    Two inputs with the same content share a fingerprint: the second is stored as a
    duplicate of the first without being coded again.
    """
    digest = hashlib.sha1()
    if isinstance(item, InputError):
        parts = ("error", item.origin, item.reason)
    else:
        parts = tuple(getattr(item, name) or "" for name in _FIELDS)
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


@dataclass
class InputRecord:
    """One input's outcome, handed to the writer in input order.

    ``result`` is the coded Article, the InputError it raised, or None when the input is a
    byte-identical copy of one already stored (``fingerprint`` finds the stored one). The
    runner builds records before coding, so a new input's record holds its RawDocument until
    its Article replaces it; the writer only ever sees coded results.
    """

    origin: str
    fingerprint: str
    result: Article | InputError | None
    signature: bytes | None = None  # MinHash signature of the article's text
