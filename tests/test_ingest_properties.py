"""Property-based tests of the readers: whatever bytes, markup, Unicode or JSON a file holds, a
reader gives documents and recorded InputErrors (one bounded line each) and raises nothing else.

Example counts come from the "heron" hypothesis profile in conftest.py (kept moderate for
`make test`); scripts/fuzz_readers.py runs the same properties for much longer.
"""
from __future__ import annotations

import gzip
import json
import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from heron.errors import MESSAGE_CHARS, ORIGIN_CHARS, InputError
from heron.ingest.feeds import read_feed_file
from heron.ingest.html import read_html_file
from heron.ingest.jsonl import read_jsonl_file
from heron.ingest.text import read_text_file
from heron.ingest.warc import read_warc_file
from heron.types import RawDocument
from warc_records import archive, response, warcinfo


# what a message must never carry raw: controls (C0, DEL, C1), surrogates, line and paragraph
# separators, bidi overrides and isolates (spaces such as U+00A0 are harmless and stay)
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """One folder for all examples (hypothesis runs many examples in one test call)."""
    return tmp_path_factory.mktemp("fuzz")


def outcome(reader, path) -> list:
    """Everything a reader gives for a file; an InputError it raises counts as its one item.
    Any other exception fails the property."""
    try:
        items = list(reader(path))
    except InputError as exc:
        items = [exc]
    for item in items:
        assert isinstance(item, (RawDocument, InputError)), item
        if isinstance(item, InputError):
            message = str(item)
            assert not UNSAFE.search(message) and len(message) <= ORIGIN_CHARS + MESSAGE_CHARS + 2, message
        else:
            assert isinstance(item.text, str) and item.text.strip()
    return items


def write(folder, name: str, data: bytes):
    path = folder / name
    path.write_bytes(data)
    return path


TAGS = ["p", "div", "article", "script", "style", "title", "meta", "br", "a", "h1", "table", "td", "html",
        "body", "head", "nav", "footer", "![CDATA[", "!--", "?xml", "!DOCTYPE", "svg", "math", "template"]
WORDS = st.text(alphabet=st.characters(codec="utf-8"), max_size=30) | st.sampled_from(
    ["Minsk", "Moscow said on Tuesday that talks resumed.", "&amp;", "&#0;", "&#x110000;", "&bogus;", "<", ">",
     "\"", "'", "=", "charset=koi8-r", "charset=utf-16", "charset=base64", "charset=idna", "\x00", "\ufeff"])


@st.composite
def markup(draw) -> str:
    """Random HTML/XML-ish text: tags from a vocabulary, attributes and text, often unbalanced."""
    parts = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.integers(0, 3))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            attrs = " ".join(f'{draw(st.sampled_from(["charset", "content", "href", "type", "id"]))}="{draw(WORDS)}"'
                             for _ in range(draw(st.integers(0, 2))))
            parts.append(f"<{tag} {attrs}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        else:
            parts.append(draw(WORDS))
    return "".join(parts)


ENCODINGS = st.sampled_from(["utf-8", "utf-16", "cp1251", "latin-1"])


@st.composite
def encoded(draw, text_strategy) -> bytes:
    text = draw(text_strategy)
    return text.encode(draw(ENCODINGS), errors="replace")


ANY_BYTES = st.binary(max_size=4000)
ANY_TEXT = encoded(st.text(max_size=2000))


@given(data=ANY_BYTES | ANY_TEXT)
def test_text_reader_never_raises_anything_else(folder, data):
    items = outcome(read_text_file, write(folder, "x.txt", data))
    assert len(items) == 1


@given(data=ANY_BYTES | encoded(markup()))
def test_html_reader_never_raises_anything_else(folder, data):
    items = outcome(read_html_file, write(folder, "x.html", data))
    assert len(items) == 1


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["id", "text", "html", "title", "date", "published", "url", "doc_id", "doc_text"])
        | st.text(max_size=8), inner, max_size=6),
    max_leaves=20)
JSON_LINE = JSON_VALUES.map(json.dumps) | st.text(max_size=200) | WORDS.map(
    lambda html: json.dumps({"id": "h", "html": f"<p>{html}</p>"}))


@given(lines=st.lists(JSON_LINE, min_size=1, max_size=8))
def test_jsonl_reader_accounts_for_every_line(folder, lines):
    assume(all("\n" not in line and "\r" not in line for line in lines))
    path = write(folder, "x.jsonl", "\n".join(lines).encode("utf-8", "surrogatepass"))
    items = outcome(read_jsonl_file, path)
    numbered = [n for n, line in enumerate(lines, start=1) if line.encode("utf-8", "surrogatepass").strip()]
    if numbered:  # one item per non-blank line, named by its line number
        assert [item.origin for item in items] == [f"{path}:{n}" for n in numbered]
    else:
        assert [item.reason for item in items] == ["empty input: no JSON lines"]


@given(data=ANY_BYTES)
def test_jsonl_reader_on_random_bytes(folder, data):
    outcome(read_jsonl_file, write(folder, "y.jsonl", data))


FEED = ('<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        '<item><title>{title}</title><link>{link}</link><description>{body}</description></item>'
        '<item><link>https://x.example/2</link><description><![CDATA[{body}]]></description></item>'
        '</channel></rss>')


@given(data=ANY_BYTES | encoded(markup()) | st.builds(
    lambda title, link, body: FEED.format(title=title, link=link, body=body).encode("utf-8", "replace"),
    WORDS, WORDS | st.text(max_size=400), markup()))
def test_feed_reader_never_raises_anything_else(folder, data):
    outcome(read_feed_file, write(folder, "x.rss", data))


VALID_WARC = {gz: archive([warcinfo(), response(1), response(2)], gz)[0] for gz in (False, True)}


@st.composite
def damaged_warc(draw) -> tuple[bytes, bool]:
    """A valid archive cut, overwritten or spliced at random places (as crawls and downloads break)."""
    gz = draw(st.booleans())
    data = bytearray(VALID_WARC[gz])
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["cut", "flip", "insert"]))
        if action == "cut":
            del data[at:]
        elif action == "flip" and at < len(data):
            data[at] ^= draw(st.integers(1, 255))
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=40))
    return bytes(data), gz


@given(case=damaged_warc())
def test_warc_reader_on_damaged_archives(folder, case):
    data, gz = case
    outcome(read_warc_file, write(folder, "x.warc.gz" if gz else "x.warc", data))


@given(data=ANY_BYTES, gz=st.booleans())
def test_warc_reader_on_random_bytes(folder, data, gz):
    outcome(read_warc_file, write(folder, "y.warc.gz", gzip.compress(data) if gz else data))


@given(page=encoded(markup()), status=st.sampled_from([b"200 OK", b"404 Not Found", b"", b"abc"]),
       head=st.lists(st.sampled_from([b"Content-Type: text/html", b"Content-Encoding: gzip", b"Content-Type:",
                                      b"Transfer-Encoding: chunked", b"Content-Encoding: br", b": :"]), max_size=3))
def test_warc_reader_on_random_pages_and_http_headers(folder, page, status, head):
    http = b"HTTP/1.1 " + status + b"\r\n" + b"".join(h + b"\r\n" for h in head)
    data, _ = archive([response(1, http_head=http, body=page), response(2)], gz=True)
    items = outcome(read_warc_file, write(folder, "z.warc.gz", data))
    assert items[-1].origin.endswith("000000000002")  # the record after the strange one is read
