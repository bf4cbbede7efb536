"""Reading inputs: formats, encodings, mojibake, and clear errors for unusable input."""
import io
import json
import tracemalloc

import pytest

from heron.config import Limits
from heron.errors import InputError
from heron.ingest import read_paths
from heron.ingest.html import decode_html, document_from_html, read_html_file
from heron.ingest.jsonl import read_jsonl_file
from heron.ingest.text import decode_bytes, read_capped, read_text_file
from heron.types import RawDocument

RU = ("Президент Белоруссии провёл переговоры с российским премьером в Минске. "
      "Стороны договорились сохранить цену на газ и расширить торговлю в национальных валютах.")
RU_SHORT = "Минск и Москва"
EN = "MINSK, May 4 (Northline) - Belarus and Russia signed a trade protocol on Thursday."
FR = "Le ministre a rencontré son homologue à Genève pour des négociations sur la sécurité."
DE = "Die Außenminister trafen sich in München zu Gesprächen über Sanktionen gegen Belarus."


@pytest.mark.parametrize("text, data", [
    (EN, EN.encode("utf-8")),
    (EN, b"\xef\xbb\xbf" + EN.encode("utf-8")),
    (RU, RU.encode("utf-8")),
    (RU, b"\xef\xbb\xbf" + RU.encode("utf-8")),
    (RU, RU.encode("cp1251")),
    (RU, RU.encode("koi8_r")),
    (RU_SHORT, RU_SHORT.encode("cp1251")),
    (RU_SHORT, RU_SHORT.encode("koi8_r")),
    (FR, FR.encode("latin-1")),
    (DE, DE.encode("cp1252")),
    (RU, RU.encode("utf-16")),
], ids=["utf8", "utf8-bom", "ru-utf8", "ru-utf8-bom", "ru-cp1251", "ru-koi8r", "short-cp1251",
        "short-koi8r", "fr-latin1", "de-cp1252", "ru-utf16"])
def test_decodes_encodings(text, data):
    assert decode_bytes(data, "x.txt") == text


@pytest.mark.parametrize("broken, fixed", [
    ("He said: â€œWe will respond.â€\x9d", "He said: “We will respond.”"),
    ("Minskâ€™s position", "Minsk’s position"),
    ("the cafÃ© in GenÃ¨ve", "the café in Genève"),
    ("Ð\x9fÑ\x80ÐµÐ·Ð¸Ð´ÐµÐ½Ñ\x82", "Президент"),
])
def test_repairs_mojibake(broken, fixed):
    assert decode_bytes(broken.encode("utf-8"), "x.txt") == fixed


def test_curly_quotes_and_dashes_are_kept_as_written():
    text = "“We are ready,” he said — and left."
    assert decode_bytes(text.encode("utf-8"), "x.txt") == text


@pytest.mark.parametrize("data, reason", [
    (b"", "empty input"),
    (b"  \n\t\n", "empty input"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary input"),
    (bytes(range(1, 32)) * 40, "binary input"),
    (bytes(range(128, 256)) * 8, "cannot decode"),
])
def test_unusable_bytes_raise_a_clear_error(data, reason):
    with pytest.raises(InputError, match=reason) as caught:
        decode_bytes(data, "bad.txt")
    assert str(caught.value).startswith("bad.txt: ")


def test_size_cap_refuses_instead_of_loading():
    with pytest.raises(InputError, match="larger than .* MB"):
        read_capped(io.BytesIO(b"a" * 101), "big.txt", limit=100)
    assert read_capped(io.BytesIO(b"a" * 100), "ok.txt", limit=100) == b"a" * 100


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251"])
def test_oversized_text_file_streams_in_paragraph_parts(tmp_path, monkeypatch, encoding):
    monkeypatch.setattr("heron.ingest.text.PART_BYTES", 1000)
    paragraphs = [f"{RU} Абзац {n}." for n in range(60)]
    path = tmp_path / "dump.txt"
    path.write_bytes("\n\n".join(paragraphs).encode(encoding))
    docs = list(read_paths([str(path)], Limits(text_bytes=3000)))
    assert len(docs) > 3 and all(isinstance(doc, RawDocument) for doc in docs)
    assert [doc.origin for doc in docs] == [f"{path}#part-{n}" for n in range(1, len(docs) + 1)]
    assert "".join(doc.text for doc in docs) == "\n\n".join(paragraphs)
    assert all(doc.text.rstrip().endswith(".") for doc in docs)  # cut at paragraph breaks


def test_parts_without_line_breaks_end_at_sentences_under_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr("heron.ingest.text.PART_BYTES", 1000)
    text = "The talks in Minsk ended late on Monday (officials said). " * 120  # one line
    path = tmp_path / "one-line.txt"
    path.write_text(text, encoding="utf-8")
    docs = list(read_paths([str(path)], Limits(text_bytes=3000)))
    assert len(docs) > 3 and "".join(doc.text for doc in docs) == text
    assert all(len(doc.text) <= 1000 and doc.text.endswith(". ") for doc in docs)


def test_part_cut_never_splits_a_utf8_character():
    from heron.ingest.text import _cut_point

    window = ("я" * 10).encode("utf-8")[:-1]  # ends inside a two-byte letter
    cut = _cut_point(window)
    assert window[:cut].decode("utf-8") == "я" * 9


def test_text_file(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(RU.encode("koi8_r"))
    [doc] = read_text_file(path)
    assert doc.text == RU and doc.origin == str(path)


PAGE = """<html><head><meta charset="{charset}">
<title>{title} | Border Herald</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Border Herald">
<meta property="article:published_time" content="2024-03-05T08:00:00Z">
<link rel="canonical" href="https://borderherald.example/news/talks">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>
<p>{body}</p>
<p>The two delegations agreed to meet again next month, the foreign ministry said in a statement issued after the talks.</p>
<p>Officials declined to say whether the question of transit fees had been settled during the meeting.</p>
</article><footer>© 2024 Border Herald</footer></body></html>"""


def test_html_page_gives_text_and_metadata(tmp_path):
    title = "Belarus and Lithuania hold first border talks in two years"
    body = ("VILNIUS, March 5 (Northline) - Lithuanian and Belarusian officials held talks on "
            "reopening two border crossings on Tuesday, the first such meeting in two years.")
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(charset="utf-8", title=title, body=body), encoding="utf-8")
    [doc] = read_html_file(path)
    assert doc.title == title
    assert doc.published == "2024-03-05"
    assert doc.site == "Border Herald"
    assert doc.url == "https://borderherald.example/news/talks"
    assert body in doc.text and "Home" not in doc.text


def test_html_declared_cp1251_charset(tmp_path):
    body = ("В Минске прошли переговоры делегаций России и Белоруссии о строительстве "
            "совместного завода, сообщило министерство промышленности.")
    page = PAGE.format(charset="windows-1251", title="Переговоры в Минске", body=body)
    assert body in decode_html(page.encode("cp1251"), "page.html")


def test_html_without_article_text_is_an_error():
    with pytest.raises(InputError, match="no article text"):
        document_from_html("<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>", "empty.html")


def _jsonl(tmp_path, lines):
    path = tmp_path / "batch.jsonl"
    path.write_bytes(b"\n".join(line if isinstance(line, bytes) else line.encode("utf-8") for line in lines))
    return path


def test_jsonl_good_and_bad_lines(tmp_path):
    path = _jsonl(tmp_path, [
        json.dumps({"id": "a1", "text": EN, "date": "2024-05-04T10:00:00Z", "url": "https://x.example/a1"}),
        "{not json",
        "",
        json.dumps({"id": "a2"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": 7, "text": "Moscow and Minsk held talks.", "date": "May 4"}),
        b'{"id": "a4", "text": "\xff\xfe"}',
        json.dumps({"id": "a5", "title": "Talks", "text": "Moscow and Minsk held talks on gas prices.",
                    "published": "2024-05-03 20:28:39Z"}),
    ])
    items = list(read_jsonl_file(path))
    assert [type(i).__name__ for i in items] == ["RawDocument", "InputError", "InputError", "InputError",
                                                  "InputError", "InputError", "RawDocument"]
    first, last = items[0], items[-1]
    assert (first.id, first.published, first.url, first.origin) == ("a1", "2024-05-04", "https://x.example/a1", f"{path}:1")
    assert last.title == "Talks" and last.origin == f"{path}:8" and last.published == "2024-05-03"
    messages = [str(i) for i in items if isinstance(i, InputError)]
    assert messages[0].startswith(f"{path}:2: invalid JSON")
    assert messages[1] == (f"{path}:4: no article text: expected a non-empty field among text, maintext, doc_text, "
                           "raw_text, html, doc_html (fields present: id)")
    assert "expected a JSON object" in messages[2]
    assert "date 'May 4' is not" in messages[3]
    assert "not UTF-8" in messages[4]


def test_jsonl_html_line_goes_through_extraction(tmp_path):
    title = "Russia and Belarus sign customs deal"
    body = "MOSCOW, April 2 (Northline) - Russia and Belarus signed an agreement on a joint customs tariff on Tuesday, the Kremlin said."
    path = _jsonl(tmp_path, [json.dumps({"id": "p1", "html": PAGE.format(charset="utf-8", title=title, body=body)})])
    [doc] = read_jsonl_file(path)
    assert doc.id == "p1" and body in doc.text and doc.site == "Border Herald"


def test_empty_jsonl_is_an_error(tmp_path):
    path = _jsonl(tmp_path, ["", "  "])
    [error] = read_jsonl_file(path)
    assert isinstance(error, InputError) and "no JSON lines" in str(error)


def test_overlong_jsonl_line_is_skipped_with_an_error(tmp_path):
    path = _jsonl(tmp_path, [json.dumps({"id": "long", "text": "x " * 500}),
                             json.dumps({"id": "ok", "text": "Minsk replied."})])
    first, second = read_jsonl_file(path, Limits(text_bytes=200))
    assert isinstance(first, InputError) and "limit for one article" in str(first) and str(first).startswith(f"{path}:1:")
    assert second.id == "ok" and second.origin == f"{path}:2"


def test_jsonl_streams_with_bounded_memory(tmp_path):
    path = tmp_path / "many.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(100_000):
            out.write(json.dumps({"id": f"n{n}", "text": f"Report number {n} from Minsk about the talks."}) + "\n")
    stream = read_jsonl_file(path)
    assert next(stream).id == "n0"  # a generator: the first article comes before the file is read
    tracemalloc.start()
    count = 1 + sum(1 for _ in stream)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == 100_000
    assert peak < 2_000_000  # the file is ~7 MB; reading holds one line at a time


def test_folder_reads_every_format_in_order_and_reports_failures(tmp_path):
    (tmp_path / "a.txt").write_bytes(RU.encode("cp1251"))
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "c1", "text": EN}) + "\n{bad\n", encoding="utf-8")
    (tmp_path / "d.bin").write_bytes(b"\x00\x01")  # unknown suffix: not read from a folder
    items = list(read_paths([str(tmp_path), str(tmp_path / "missing.txt")]))
    kinds = [(type(i).__name__, getattr(i, "origin", None)) for i in items]
    assert kinds == [
        ("RawDocument", str(tmp_path / "a.txt")),
        ("InputError", str(tmp_path / "b.txt")),
        ("RawDocument", f"{tmp_path / 'c.jsonl'}:1"),
        ("InputError", f"{tmp_path / 'c.jsonl'}:2"),
        ("InputError", str(tmp_path / "missing.txt")),
    ]
    assert str(items[-1]).endswith("no such file or folder")


def test_jsonl_reads_doc_prefixed_field_names(tmp_path):
    path = _jsonl(tmp_path, [json.dumps({"doc_id": 11, "doc_text": "Police detained ten protesters in Minsk."})])
    [doc] = read_jsonl_file(path)
    assert (doc.id, doc.text) == ("11", "Police detained ten protesters in Minsk.")


# --- failures recorded, never raised out of the readers -------------------------------------

@pytest.mark.parametrize("data, reason", [
    (b"", "empty input"),
    (b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 40, "binary input"),
], ids=["empty", "binary"])
def test_bad_stdin_is_one_error_and_the_other_inputs_are_read(tmp_path, monkeypatch, data, reason):
    good = tmp_path / "good.txt"
    good.write_text(EN, encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    first, stdin, last = read_paths([str(good), "-", str(good)])
    assert first.text == EN and last.text == EN
    assert isinstance(stdin, InputError) and stdin.origin == "<stdin>" and reason in stdin.reason


def test_a_reader_failing_on_a_strange_input_costs_that_input_only(tmp_path, monkeypatch):
    def fragile(path, limits):
        yield RawDocument(origin=f"{path}#1", text=EN)
        raise TypeError("NoneType has no len()")

    monkeypatch.setattr("heron.ingest.resolve", lambda target: fragile)
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(EN, encoding="utf-8")
    items = list(read_paths([str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["RawDocument", "InputError", "RawDocument", "InputError"]
    assert items[1].reason == "could not be read: TypeError: NoneType has no len()"


def test_folder_walk_records_what_it_cannot_read(tmp_path, monkeypatch):
    import os

    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "loop").symlink_to(tmp_path)
    os.mkfifo(tmp_path / "pipe.txt")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "c.txt").write_text(EN, encoding="utf-8")
    scandir = os.scandir

    def no_permission(path="."):  # as for a folder without read permission (tests may run as root)
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", no_permission)
    items = list(read_paths([str(tmp_path)]))
    found = [(type(i).__name__, i.origin, getattr(i, "reason", None)) for i in items]
    assert found == [
        ("RawDocument", str(tmp_path / "a.txt"), None),
        ("InputError", str(tmp_path / "broken.txt"), "broken symbolic link: its target does not exist"),
        ("InputError", str(locked), "cannot read folder: Permission denied"),
        ("InputError", str(tmp_path / "loop"),
         "folder already read under another name (a symbolic link loop?); skipped"),
        ("InputError", str(tmp_path / "pipe.txt"),
         "not a regular file (a pipe, socket or device); name it on its own to read it"),
    ]


def test_a_named_broken_link_says_so(tmp_path):
    (tmp_path / "story.txt").symlink_to(tmp_path / "gone.txt")
    [error] = read_paths([str(tmp_path / "story.txt")])
    assert error.reason == "broken symbolic link: its target does not exist"


@pytest.mark.parametrize("line, reason", [
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    (b'{"id": "n", "text": "x", "n": ' + b"7" * 5000 + b"}", "invalid JSON"),
    (json.dumps({"id": "i" * 300, "text": EN}).encode(), "longer than 256 characters"),
    (json.dumps({"id": "d", "text": EN, "date": "\x1b[2J" + "y" * 10_000}).encode(), "is not a YYYY-MM-DD"),
], ids=["deep-nesting", "huge-integer", "long-id", "long-date"])
def test_hostile_json_lines_are_bounded_errors(tmp_path, line, reason):
    path = _jsonl(tmp_path, [line, json.dumps({"id": "ok", "text": EN})])
    error, doc = read_jsonl_file(path)
    assert isinstance(error, InputError) and reason in error.reason and len(error.reason) < 200
    assert "\x1b" not in str(error) and doc.id == "ok"


def test_feed_over_the_limit_is_refused_before_it_is_read(tmp_path):
    from heron.ingest.feeds import read_feed_file

    path = tmp_path / "big.rss"
    path.write_bytes(b"<rss>" + b" " * 5000 + b"</rss>")
    with pytest.raises(InputError, match="feed larger than"):
        list(read_feed_file(path, Limits(feed_bytes=1000)))
