"""Inputs as crawlers write them: gzip-compressed files of every kind, streamed with a cap, and
JSON lines from news-please and trafilatura."""
from __future__ import annotations

import gzip
import json

import pytest

from heron.cli import main

STORY = ("Belarus and Russia sign customs protocol\n\n"
         "Belarus and Russia signed a protocol on a joint customs tariff in Minsk on Thursday, "
         "the Belarusian government said.")
HTML = (f"<html><head><title>Belarus and Russia sign customs protocol</title></head><body><article>"
        f"<h1>Belarus and Russia sign customs protocol</h1><p>{STORY.split(chr(10))[-1]}</p>"
        f"<p>The protocol takes effect next year, officials said.</p></article></body></html>")
FEED = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title><link>https://wire.example</link>"
        "<item><title>Belarus and Russia sign customs protocol</title><link>https://wire.example/a1</link>"
        f"<pubDate>Thu, 02 May 2024 10:00:00 GMT</pubDate><description>{STORY.split(chr(10))[-1]}</description>"
        "</item></channel></rss>")
NEWS_PLEASE = {"authors": ["Jane Doe"], "date_download": "2024-05-03 08:00:00", "date_modify": None,
               "date_publish": "2024-05-02 14:31:00", "description": "Customs tariff", "filename": "x.json",
               "image_url": None, "language": "en", "localpath": None, "maintext": STORY.split("\n")[-1],
               "source_domain": "www.wire.example", "title": "Belarus and Russia sign customs protocol",
               "title_page": None, "title_rss": None, "url": "https://www.wire.example/a1"}
TRAFILATURA = {"title": "Belarus and Russia sign customs protocol", "author": None, "hostname": "news.example",
               "date": "2024-05-02", "fingerprint": "3db8219efd601a6a", "id": None, "license": None,
               "comments": "", "raw_text": STORY.replace("\n", " "), "text": STORY, "language": None,
               "image": None, "pagetype": None, "filedate": "2024-05-03", "source": "https://news.example/a1",
               "source-hostname": "News Example", "excerpt": None, "categories": "", "tags": ""}


def code(capsys, *paths, date="2024-05-02"):
    status = main(["code", "--json", "--workers", "1", "--date", date, *map(str, paths)])
    out, err = capsys.readouterr()
    return status, [json.loads(line) for line in out.splitlines()], err


def comparable(record: dict) -> dict:
    return {k: v for k, v in record.items() if k not in ("origin",)}


@pytest.mark.parametrize("name, content", [
    ("story.txt", STORY), ("page.html", HTML), ("feed.rss", FEED),
    ("lines.jsonl", json.dumps({"id": "s1", "text": STORY}) + "\n"),
])
def test_gzipped_input_codes_like_the_plain_one(capsys, tmp_path, name, content):
    plain = tmp_path / name
    plain.write_text(content, encoding="utf-8")
    packed = tmp_path / "packed" / f"{name}.gz"
    packed.parent.mkdir()
    packed.write_bytes(gzip.compress(content.encode("utf-8")))
    status, plain_records, _ = code(capsys, plain)
    assert status == 0 and plain_records[0]["events"]
    status, packed_records, err = code(capsys, packed.parent)  # found in a folder walk too
    assert status == 0, err
    assert [comparable(r) for r in packed_records] == [comparable(r) for r in plain_records]
    if name != "feed.rss":  # a feed item's origin is its link
        assert packed_records[0]["origin"].startswith(str(packed))


def test_a_decompression_bomb_stops_at_the_cap(capsys, tmp_path, monkeypatch):
    import heron.ingest.compressed as compressed

    monkeypatch.setattr(compressed, "MAX_DECOMPRESSED_BYTES", 2000)
    lines = "".join(json.dumps({"id": f"s{i}", "text": STORY}) + "\n" for i in range(40))
    path = tmp_path / "many.jsonl.gz"
    path.write_bytes(gzip.compress(lines.encode("utf-8")))
    status, records, err = code(capsys, path)
    assert status == 1
    assert 0 < len(records) < 40  # what came before the cap was coded
    assert f"heron: error: {path}: decompresses to more than 2,000 bytes" in err


@pytest.mark.parametrize("data, message", [
    (lambda: gzip.compress(STORY.encode() * 50)[:-40], "damaged gzip data"),
    (lambda: STORY.encode(), "named .gz but not gzip data"),
])
def test_damaged_or_fake_gzip_is_one_error_line(capsys, tmp_path, data, message):
    path = tmp_path / "story.txt.gz"
    path.write_bytes(data())
    status, records, err = code(capsys, path)
    assert status == 1 and records == []
    assert err.strip().count("\n") == 0 and message in err and str(path) in err


def test_news_please_lines(capsys, tmp_path):
    path = tmp_path / "news-please.jsonl.gz"
    path.write_bytes(gzip.compress((json.dumps(NEWS_PLEASE) + "\n").encode("utf-8")))
    status, (record,), _ = code(capsys, path, date="2030-01-01")
    assert status == 0
    assert (record["published"], record["url"], record["title"], record["language"]) == (
        "2024-05-02", "https://www.wire.example/a1", "Belarus and Russia sign customs protocol", "en")
    assert record["source"]["publication"] == "wire.example" and record["events"]


def test_trafilatura_json_lines(capsys, tmp_path):
    path = tmp_path / "trafilatura.jsonl"
    without_text = {**TRAFILATURA, "text": None}
    path.write_text(json.dumps(TRAFILATURA) + "\n" + json.dumps(without_text) + "\n", encoding="utf-8")
    status, records, _ = code(capsys, path, date="2030-01-01")
    assert status == 0 and len(records) == 2
    first, second = records
    assert (first["published"], first["url"]) == ("2024-05-02", "https://news.example/a1")
    assert first["source"]["publication"] == "News Example" and first["events"]  # the site's name
    assert second["text"].endswith("the Belarusian government said.")  # raw_text when text is empty


def test_a_line_without_text_lists_the_accepted_field_names(capsys, tmp_path):
    path = tmp_path / "odd.jsonl"
    path.write_text(json.dumps({"headline": "Talks", "body": "Moscow and Minsk held talks."}) + "\n", encoding="utf-8")
    status, records, err = code(capsys, path)
    assert status == 1 and records == []
    assert err.strip() == (f"heron: error: {path}:1: no article text: expected a non-empty field among text, "
                           "maintext, doc_text, raw_text, html, doc_html (fields present: body, headline)")
