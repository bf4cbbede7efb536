"""Web pages: main text and metadata (title, date, site, url) through trafilatura.

Other readers that meet HTML (feeds, WARC archives) call ``document_from_html`` so every page
is extracted the same way; the boilerplate cleaning that follows is the clean stage's job.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from heron.errors import InputError
from heron.ingest.text import decode_bytes, read_capped, repair_text
from heron.types import RawDocument

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_html(data: bytes, origin: str) -> str:
    """Decode a page by its declared charset when that works, else like any text input."""
    declared = _META_CHARSET.search(data[:4096])
    if declared and b"\x00" not in data:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: fall back to detection
    return decode_bytes(data, origin)


def document_from_html(html: str, origin: str, *, url: str | None = None, doc_id: str | None = None,
                       published: str | None = None, title: str | None = None) -> RawDocument:
    """Extract the article of one page; values given by the caller win over page metadata."""
    import trafilatura

    if not html.strip():
        raise InputError(origin, "empty input")
    found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    text = repair_text(found.text or "") if found is not None else ""
    if not text.strip():
        raise InputError(origin, "no article text found in the HTML page")
    return RawDocument(
        origin=origin, text=text, html=html, id=doc_id,
        title=title or _clean(found.title),
        url=url or _clean(found.url),
        published=published or _date(found.date),
        site=_clean(found.sitename) or _clean(found.hostname),
    )


def _clean(value: str | None) -> str | None:
    value = repair_text(value).strip() if value else None
    return value or None


def _date(value: str | None) -> str | None:
    return value[:10] if value and re.match(r"\d{4}-\d{2}-\d{2}", value) else None


def read_html_file(path: Path) -> Iterator[RawDocument]:
    from heron.ingest.compressed import open_input

    with open_input(path) as stream:
        data = read_capped(stream, str(path))
    yield document_from_html(decode_html(data, str(path)), str(path))
