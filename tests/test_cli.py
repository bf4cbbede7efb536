"""The `heron code` and `heron schema` commands: output contract, error lines, exit codes."""
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest

from heron.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
STORY = ("Belarus and Russia sign customs protocol\n\n"
         "MINSK, May 2 (Northline) - Belarus and Russia signed a protocol on a joint customs tariff on Thursday, "
         "the Belarusian government said.\n\nSource: Northline\n\nShare this:\n")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def records(out):
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def schema():
    from heron.schema import article_schema

    return article_schema()


def test_schema_command_prints_a_valid_schema(capsys, schema):
    code, out, _ = run(capsys, "schema")
    assert code == 0
    printed = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(printed)
    assert printed == schema


def test_examples_validate_against_the_schema(capsys, schema):
    code, out, err = run(capsys, "code", "--json", "--date", "2024-06-01", str(EXAMPLES))
    assert code == 0, err
    found = records(out)
    assert len(found) == len([p for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".html"}])
    for record in found:
        jsonschema.validate(record, schema)
        assert record["text"].startswith(record["title"] + "\n\n")
    by_name = {Path(r["origin"]).name: r for r in found}
    copy, original = by_name["minsk-moscow-energy-repost.txt"], by_name["minsk-moscow-energy.txt"]
    assert copy["source"]["repost"] and original["source"]["repost"]
    assert copy["title"] == original["title"]
    assert by_name["belarus-russia-drills.html"]["published"] == "2024-09-12"
    assert by_name["drone-attack-oil-depot.txt"]["published"] == "2024-06-05"  # the input's own date beats --date
    assert "â€" not in by_name["protest-arrests-mojibake.txt"]["text"]


def test_failed_inputs_are_error_lines_and_the_rest_is_coded(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" * 20)
    (tmp_path / "garbled.txt").write_bytes(bytes(range(128, 256)) * 4)
    (tmp_path / "only-boilerplate.txt").write_text("Share this:\n\nSubscribe to our newsletter\n", encoding="utf-8")
    (tmp_path / "batch.jsonl").write_text(
        json.dumps({"id": "j1", "text": STORY}) + "\n{oops\n" + json.dumps({"id": "j3"}) + "\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    code, out, err = run(capsys, "code", "--json", str(tmp_path), str(missing))
    assert code == 1
    coded = records(out)
    assert len(coded) == 2 and coded[0]["id"] == "j1" and coded[1]["origin"] == str(tmp_path / "good.txt")
    assert all(r["source"]["publication"] == "Northline" for r in coded)
    lines = [line for line in err.strip().splitlines() if not line.startswith("heron: warning:")]
    warned = [line.split(": ")[2] for line in err.splitlines() if line.startswith("heron: warning:")]
    # "on Thursday" with no publication date: one warning per input, naming it
    assert warned == [f"{tmp_path / 'batch.jsonl'}:1", str(tmp_path / "good.txt")]
    assert lines == [
        f"heron: error: {tmp_path / 'batch.jsonl'}:2: invalid JSON: Expecting property name enclosed in double quotes (column 2)",
        f"heron: error: {tmp_path / 'batch.jsonl'}:3: no article text: expected a non-empty field among text, "
        "maintext, doc_text, raw_text, html, doc_html (fields present: id)",
        f"heron: error: {tmp_path / 'binary.txt'}: binary input (NUL bytes): not a text file",
        f"heron: error: {tmp_path / 'empty.txt'}: empty input",
        f"heron: error: {tmp_path / 'garbled.txt'}: cannot decode: not UTF-8 and the best guess (koi8_r) gives garbled text",
        f"heron: error: {tmp_path / 'only-boilerplate.txt'}: no text left after cleaning (2 boilerplate pieces removed)",
        f"heron: error: {missing}: no such file or folder",
    ]


def test_stdin(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(STORY.encode("cp1252"))))
    code, out, _ = run(capsys, "code", "--json", "--date", "2024-05-02", "-")
    [record] = records(out)
    assert code == 0 and record["origin"] == "<stdin>" and record["published"] == "2024-05-02"
    assert [r["reason"] for r in record["removed"]] == ["source", "share"]


def test_boilerplate_option(tmp_path, capsys):
    rules = tmp_path / "rules.yaml"
    rules.write_text("rules:\n  - id: local.protocol\n    reason: promo\n    pattern: 'Belarus and Russia sign'\n",
                     encoding="utf-8")
    story = tmp_path / "s.txt"
    story.write_text(STORY, encoding="utf-8")
    code, out, _ = run(capsys, "code", "--json", "--boilerplate", str(rules), str(story))
    [record] = records(out)
    assert code == 0 and record["removed"][0]["rule"] == "local.protocol"


@pytest.mark.parametrize("argv", [
    ["code"],
    ["code", "--date", "yesterday", "x.txt"],
    ["code", "--no-such-option", "x.txt"],
    ["code", "--boilerplate", "does-not-exist.yaml", "x.txt"],
    ["no-such-command"],
])
def test_usage_errors_exit_2(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and err.strip()


def test_code_help_mentions_every_option_in_the_readme(capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = {opt for line in readme.splitlines() if re.match(r"\s*heron code\b", line)
                  for opt in re.findall(r"(?<![\w-])--[a-z][a-z-]*", line)}
    code, out, _ = run(capsys, "code", "--help")
    assert code == 0 and documented >= {"--json", "--date", "--boilerplate"}
    assert {opt for opt in documented if opt not in out} == set()


def test_binary_stdin_is_one_error_line_and_the_other_inputs_are_coded(tmp_path, monkeypatch, capsys):
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    binary = b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 200  # as `< /bin/ls`
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(binary)))
    code, out, err = run(capsys, "code", "--json", "--date", "2024-05-02", str(good), "-")
    assert code == 1
    assert [r["origin"] for r in records(out)] == [str(good)]
    assert err.splitlines() == ["heron: error: <stdin>: binary input (NUL bytes): not a text file"]


def test_control_bytes_from_inputs_never_reach_stderr(tmp_path, capsys):
    from warc_records import archive, record, response

    (tmp_path / "evil\x1b]0;pwned\x07\rname.txt").write_bytes(b"")
    (tmp_path / "dates.jsonl").write_text(json.dumps({"id": "d", "text": STORY, "date": "\x1b[2J\x9b\u202e"}) + "\n",
                                          encoding="utf-8")
    moved = response(1, http_head=b"HTTP/1.1 301 \x1b[31mMoved\r\n")
    request = record({"WARC-Type": "request", "Content-Length": 2}, b"GE")
    (tmp_path / "crawl\x1b[8m.warc").write_bytes(archive([request, moved], gz=False)[0])
    code, out, err = run(capsys, "code", "--json", str(tmp_path))
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert [line.split(": ")[1] for line in lines] == ["warning", "error", "error", "error"], err
    assert all(line.isprintable() for line in lines)
    assert "crawl\\x1b[8m.warc: 1 response records read; skipped records that hold no page: 1 request" in lines[0]
    assert "HTTP status 301 for https://news.example.net/report-1" in lines[1] and "crawl\\x1b[8m.warc#urn" in lines[1]
    assert "evil\\x1b]0;pwned\\x07\\rname.txt: empty input" in err
    assert "'\\x1b[2J\\x9b\\u202e' is not a YYYY-MM-DD date" in err


def test_no_inferred_leaves_recipients_the_story_would_supply_out(capsys, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Pakistan accused India of backing the militants. India rejected the accusations.\n", encoding="utf-8")

    def rejections(*options):
        code, out, _ = run(capsys, "code", "--json", "--date", "2025-03-11", *options, str(story))
        assert code == 0
        return [e for e in json.loads(out)["events"] if e["event"] == "REJECT"]

    (inferred,) = rejections()
    assert [p["inferred"] for p in inferred["recipient"] if p["code"]] == ["counterpart:reacted-to"]
    (plain,) = rejections("--no-inferred")
    assert not any(p["code"] or p.get("inferred") for p in plain["recipient"])
