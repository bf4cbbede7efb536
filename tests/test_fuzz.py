"""scripts/fuzz.py: a few generated inputs go through cleanly, and a failure is caught and saved.
The long run is the script itself, not part of the tests."""
from __future__ import annotations

import json

from conftest import load_script


def _fuzz():
    return load_script("fuzz")


def test_text_and_markup_inputs_code_without_crashes(tmp_path, capsys):
    assert _fuzz().main(["--count", "8", "--kinds", "text,markup", "--out", str(tmp_path / "crashes")]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["inputs"] == 8 and summary["crashes"] == 0
    assert not (tmp_path / "crashes").exists()


def test_a_failing_stage_is_a_crash_with_a_saved_reproducer(tmp_path, capsys, monkeypatch):
    def broken(self, article):
        raise KeyError("planted")

    monkeypatch.setattr("heron.pipeline.events.stage.EventStage.__call__", broken)
    assert _fuzz().main(["--count", "4", "--kinds", "text", "--seed", "3", "--out", str(tmp_path)]) == 1
    summary = json.loads(capsys.readouterr().out)
    saved = sorted(tmp_path.glob("*.txt.txt"))
    assert summary["crashes"] >= 1 and saved
    assert "stage failed: events: KeyError: 'planted'" in saved[0].read_text(encoding="utf-8")
