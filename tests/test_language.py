"""Text in a language heron does not code keeps its detected language, gets a problem saying
so, and is not coded as English; relative dates without a publication date are warned about."""
from __future__ import annotations

import json

import pytest

from heron.cli import main
from heron.pipeline.text.identify import detect_language

TEXTS = {
    "ru": ("Протесты в Минске\n\nТысячи протестующих вышли на улицы Минска против правительства, сообщила "
           "полиция. Полиция задержала десятки демонстрантов, сообщило министерство внутренних дел."),
    "fr": ("Manifestations à Minsk\n\nDes milliers de manifestants ont défilé à Minsk contre le gouvernement, a "
           "indiqué la police. La police a arrêté des dizaines de manifestants, selon le ministère de l'Intérieur."),
    "de": ("Proteste in Minsk\n\nTausende Demonstranten sind in Minsk gegen die Regierung auf die Straße gegangen, "
           "teilte die Polizei mit. Die Polizei nahm Dutzende Demonstranten fest, so das Innenministerium."),
}
ENGLISH = ("Protesters rally in Minsk\n\nThousands of protesters rallied in Minsk against the government, police "
           "said. Police detained dozens of demonstrators, the interior ministry said.")


def code(capsys, tmp_path, name: str, text: str, *extra: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    status = main(["code", "--json", "--workers", "1", *extra, str(path)])
    out, err = capsys.readouterr()
    return status, json.loads(out), err


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_other_languages_are_detected_and_not_coded(capsys, tmp_path, language):
    status, record, err = code(capsys, tmp_path, f"{language}.txt", TEXTS[language], "--date", "2022-07-01")
    assert status == 0
    assert record["language"] == language
    assert record["events"] == [] and record["actors"] == [] and record["quotes"] == []
    assert [p["stage"] for p in record["problems"]] == ["language"]
    assert f"language '{language}' detected" in record["problems"][0]["message"]
    assert err.count("heron: warning:") == 1 and f"{language}.txt" in err


def test_english_is_coded(capsys, tmp_path):
    status, record, err = code(capsys, tmp_path, "en.txt", ENGLISH, "--date", "2022-07-01")
    assert status == 0 and record["language"] == "en" and record["events"] and not record["problems"]
    assert "warning" not in err


def test_seed_with_a_russian_source_line_stays_english(seed_path, capsys):
    assert main(["code", "--json", "--workers", "1", "--date", "2022-07-01", str(seed_path)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert "Источник" in record["text"] or any("Источник" in r["text"] for r in record["removed"])
    assert record["language"] == "en" and record["events"]


@pytest.mark.parametrize("text", ["Talks held.", "", "Minsk, 2 May"])
def test_too_short_to_tell_is_english_or_what_the_input_declares(text):
    assert detect_language(text) == "en"
    assert detect_language(text, "de") == "de"


def test_relative_dates_without_publication_date_warn_once_per_input(capsys, tmp_path):
    text = ENGLISH.replace("rallied in Minsk", "rallied in Minsk last week").replace("Police detained",
                                                                                   "On Monday police detained")
    status, record, err = code(capsys, tmp_path, "undated.txt", text)
    assert status == 0 and record["published"] is None
    assert [e["date"] for e in record["events"] if e["date_text"]] == [None] * len(
        [e for e in record["events"] if e["date_text"]]) and any(e["date_text"] for e in record["events"])
    warnings = [line for line in err.splitlines() if line.startswith("heron: warning:")]
    assert len(warnings) == 1 and "undated.txt" in warnings[0] and "pass --date YYYY-MM-DD" in warnings[0]
    assert [p["stage"] for p in record["problems"]] == ["dates"]
    status, record, err = code(capsys, tmp_path, "undated.txt", text, "--date", "2022-07-01")
    assert "warning" not in err and all(e["date"] for e in record["events"] if e["date_text"])


def test_plainly_english_text_needs_no_model():
    """The model costs ~100 MB per worker; English news never loads it."""
    import subprocess
    import sys

    script = ("from heron.pipeline.text.identify import Identifier, detect_language\n"
              "identifier = Identifier()\n"
              f"assert detect_language({ENGLISH!r}, None, identifier) == 'en'\n"
              "print(int(identifier.loaded))\n"
              f"assert detect_language({TEXTS['de']!r}, None, identifier) == 'de'\n"
              "print(int(identifier.loaded))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", "1"]


def test_ingest_warns_once_per_input_and_not_again_on_rerun(capsys, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ru.txt").write_text(TEXTS["ru"], encoding="utf-8")
    (folder / "undated.txt").write_text(ENGLISH.replace("rallied in Minsk", "rallied in Minsk on Monday"),
                                        encoding="utf-8")
    db = str(tmp_path / "store.duckdb")
    assert main(["ingest", str(folder), "--db", db, "--workers", "1"]) == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if line.startswith("heron: warning:")]
    assert len(warnings) == 2
    assert "ru.txt: language 'ru' detected" in warnings[0] and "undated.txt: relative dates" in warnings[1]
    assert main(["ingest", str(folder), "--db", db, "--workers", "1"]) == 0
    assert "warning" not in capsys.readouterr().err
