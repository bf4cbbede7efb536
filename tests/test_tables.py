"""Tables for people: on a narrow terminal no word is broken in the middle (cut with "…"
instead), the event column shows the event's sentence, and negated events say so."""
from __future__ import annotations

import json
import re

import pytest

from heron.cli import main
from heron.tables import around_trigger, cell

BOX = re.compile(r"[\u2500-\u257f]")


def table_words(out: str) -> list[str]:
    """The words in the table's header and body rows (not its title or the note under it)."""
    rows = [line for line in out.splitlines() if line[:1] in ("\u2502", "\u2503")]
    return [w for line in rows for w in BOX.sub(" ", line).split()]


def vocabulary(rows: list[dict]) -> set[str]:
    words = set()
    for row in rows:
        for key, value in row.items():
            words.update(str(key).split())
            words.update(cell(value).split())
    return words


@pytest.mark.parametrize("width", [60, 90, 140])
@pytest.mark.parametrize("command", [["events"], ["quotes"], ["dyad", "RUS", "BLR"], ["counts"]])
def test_narrow_tables_never_break_a_word(con_path, capsys, monkeypatch, width, command):
    assert main([*command, "--db", con_path, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    rows = rows if isinstance(rows, list) else rows.get("periods") or rows.get("rows")
    known = vocabulary(rows) | {"not", "sentence", "actor", "recipient", "place", "dyad", "…"}
    monkeypatch.setenv("COLUMNS", str(width))
    assert main([*command, "--db", con_path, "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= width
    words = table_words(out)
    assert words
    for word in words:  # a whole word of the data, or the start of one cut with "…"
        if word.endswith("…"):
            assert any(k.startswith(word.rstrip("…")) for k in known), word
        else:
            assert word in known, word


def test_event_table_shows_the_sentence_and_negation(con_path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["events", "--db", con_path, "--format", "table", "--event", "ACCUSE"]) == 0
    out = capsys.readouterr().out
    assert "not ACCUSE" in out and "Russia did not accuse Belarus of anything" in out
    assert "Belarus accused Ukraine on July 4 of violating its airspace" in out


def test_window_around_the_trigger_of_a_long_sentence():
    sentence = ("In a long statement read out on state television late on Sunday evening after a meeting of the "
                "security council, the president said that the army had shelled the outskirts of the city of "
                "Kharkiv for the third night running, killing at least twelve civilians and wounding dozens more.")
    shown = around_trigger(sentence, "shelled", width=100)
    assert "shelled the outskirts" in shown and shown.startswith("… ") and shown.endswith(" …")
    assert len(shown) <= 104
    inner = shown.strip("… ")
    assert inner in sentence and sentence[sentence.index(inner) - 1] == " "  # cut between words


def test_negated_event_repr_says_so(con):
    from store_articles import border_dispute

    negated = next(e for e in border_dispute().events if e.negated)
    shown = repr(negated)
    assert "RUS NOT ACCUSE BLR" in shown and "negated=True" in shown


def flatten(value) -> list:
    if isinstance(value, dict):
        return [w for v in value.values() for w in flatten(v)] + list(value)
    if isinstance(value, list):
        return [w for v in value for w in flatten(v)]
    return [] if value is None else [cell(value)]


@pytest.mark.parametrize("width", [60, 80, 120])
def test_code_summary_on_a_narrow_terminal_breaks_no_word(capsys, monkeypatch, tmp_path, width):
    story = tmp_path / "story.txt"
    story.write_text("Leaders meet in Minsk\n\nThe presidents of Russia and Belarus held talks in Minsk on Monday, "
                     "officials said, and agreed to expand trade between the two countries next year.\n",
                     encoding="utf-8")
    assert main(["code", "--json", "--workers", "1", "--date", "2022-07-01", str(story)]) == 0
    record = json.loads(capsys.readouterr().out)
    known = {w for value in flatten(record) for w in value.split()}
    known |= {"date", "actor", "event", "recipient", "sentence", "where", "claimed", "by", "mode", "-", "not",
              "id", "name", "code", "sector", "wikidata", "mentions", "1", "2", "3", "speaker", "cue", "kind",
              "text", "direct", "indirect"}
    known |= {f"{a['code']}/{a['sector']}" for a in record["actors"] if a["code"] and a["sector"]}
    known |= {f"{w};" for w in known}  # a side of two participants reads "A; B" (summary.py)
    monkeypatch.setenv("COLUMNS", str(width))
    assert main(["code", "--workers", "1", "--date", "2022-07-01", str(story)]) == 0
    out = capsys.readouterr().out
    assert "CONSU" in out and "presidents" in out  # the event (cut with "…" at 60 columns) and its sentence
    assert max(len(line) for line in out.splitlines()) <= width
    for word in table_words(out):
        if word.endswith("…"):
            assert any(k.startswith(word.rstrip("…")) for k in known), word
        else:
            assert word in known, word
