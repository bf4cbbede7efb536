"""RSS and Atom feed files (feedparser): one RawDocument per item, or an InputError saying why not.

An item's full content (``content:encoded``, Atom ``content``) is preferred to its summary;
HTML is turned into paragraphs of plain text here (feed items are fragments, not whole pages,
so main-text extraction has nothing to strip). The item link is the url and the origin, the
published (else updated) date becomes YYYY-MM-DD, and the feed's title (else its link's host)
is the site. The file's bytes are handed to feedparser, so nothing is ever fetched.
"""
from __future__ import annotations

import re
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from heron.errors import InputError
from heron.ingest.text import repair_text
from heron.types import RawDocument

MAX_FEED_BYTES = 50 * 1024 * 1024
_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
           "tr", "table", "section", "article", "figure", "figcaption", "pre", "hr"}
_SKIP = {"script", "style", "noscript", "template"}
_HTML_HINT = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")


def read_feed_file(path: Path) -> Iterator[RawDocument | InputError]:
    import feedparser

    from heron.ingest.compressed import open_input

    with open_input(path) as stream:
        data = stream.read(MAX_FEED_BYTES + 1)
    if len(data) > MAX_FEED_BYTES:
        raise InputError(str(path), f"feed larger than {MAX_FEED_BYTES // (1024 * 1024)} MB")
    if not data.strip():
        raise InputError(str(path), "empty input")
    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        reason = f"not a readable RSS/Atom feed ({problem})" if problem else "feed holds no items"
        raise InputError(str(path), reason)
    site = _site(parsed.feed)
    for number, entry in enumerate(parsed.entries, start=1):
        origin = entry.get("link") or f"{path}#item{number}"
        try:
            yield document_from_entry(entry, origin, site)
        except InputError as exc:
            yield exc


def document_from_entry(entry, origin: str, site: str | None) -> RawDocument:
    """One feed item (a feedparser entry) as a RawDocument."""
    body, is_html = _body(entry)
    text = html_to_text(body) if is_html else repair_text(body).strip()
    if not text:
        raise InputError(origin, "feed item has no content or summary text")
    title = entry.get("title")
    return RawDocument(origin=origin, text=text, html=body if is_html else None,
                       title=repair_text(html_to_text(title)) if title else None,
                       url=entry.get("link"), published=_date(entry), site=site)


def _body(entry) -> tuple[str, bool]:
    """The fullest text the item carries, and whether it is HTML."""
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        if value.strip():
            return value, _is_html(content.get("type"), value)
    summary = entry.get("summary") or ""
    detail = entry.get("summary_detail") or {}
    return summary, _is_html(detail.get("type"), summary)


def _is_html(media_type: str | None, value: str) -> bool:
    if media_type and "html" in media_type:
        return True
    return bool(_HTML_HINT.search(value))


def _date(entry) -> str | None:
    parsed: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _site(feed) -> str | None:
    title = (feed.get("title") or "").strip()
    if title:
        return repair_text(title)
    host = urlsplit(feed.get("link") or "").hostname
    return host.removeprefix("www.") if host else None


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: block elements become paragraphs, spaces collapse."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    raw = "".join(collector.parts)  # character references are already decoded by the parser
    paragraphs = (re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", raw))
    return repair_text("\n\n".join(p for p in paragraphs if p))
