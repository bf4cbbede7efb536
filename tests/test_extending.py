"""The two walk-throughs of docs/extending.md, done: a made-up PLOVER mode from a user's lexicon
file, and a made-up language registered as a folder of data plus an adapter."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from heron import registry
from heron.cli import main
from heron.config import Settings
from heron.errors import DataFileError
from heron.pipeline import build_pipeline
from heron.pipeline.text.language import Language, language_for
from heron.types import RawDocument

# --- a made-up PLOVER mode ------------------------------------------------------------------
KAZOO_LEXICON = """# A made-up kind of demonstration, for the walk-through in docs/extending.md.
event: PROTEST
modes: {kazoo-parade: "141"}
entries:
  - id: kazoo_parade
    nouns: [kazoo parade]
    mode: kazoo-parade
"""
KAZOO_TEXT = "Kenyan students held a kazoo parade in Nairobi on Monday against the new tax."


@pytest.fixture(scope="module")
def kazoo_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("lexicon") / "kazoo.yaml"
    path.write_text(KAZOO_LEXICON, encoding="utf-8")
    return path


def test_a_user_lexicon_file_adds_a_mode_that_is_coded(kazoo_file):
    raw = RawDocument(origin="<test>", text=KAZOO_TEXT, published="2022-07-01")
    assert not [e for e in build_pipeline(Settings()).process(raw).events if e.mode == "kazoo-parade"]
    event = next(e for e in build_pipeline(Settings(lexicon_files=(kazoo_file,))).process(raw).events
                 if e.event == "PROTEST")
    assert (event.mode, event.cameo, event.quad_code) == ("kazoo-parade", "141", 4)
    assert event.rule.startswith("lexicon/kazoo.yaml:kazoo_parade:kazoo parade")
    assert [p.code for p in event.actor] == ["KEN"]


def test_the_mode_is_coded_from_the_cli(kazoo_file, tmp_path, capsys):
    story = tmp_path / "story.txt"
    story.write_text(KAZOO_TEXT + "\n", encoding="utf-8")
    assert main(["code", "--json", "--date", "2022-07-01", "--lexicon", str(kazoo_file), str(story)]) == 0
    events = json.loads(capsys.readouterr().out)["events"]
    assert [e["mode"] for e in events if e["event"] == "PROTEST"] == ["kazoo-parade"]


def test_an_undeclared_mode_is_refused_with_the_file_named(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(KAZOO_LEXICON.replace("modes: {kazoo-parade: \"141\"}\n", ""), encoding="utf-8")
    with pytest.raises(DataFileError, match="bad.yaml: entry 'kazoo_parade': 'kazoo-parade' is no mode of PROTEST"):
        build_pipeline(Settings(lexicon_files=(path,)))


# --- a made-up language -----------------------------------------------------------------------
STUB_CONSULT = """event: CONSULT
entries:
  - id: xx_meet
    verbs: [meet]
"""
STUB_ORGANISATION = "Zentoria League,ZL,organisation,IGO,GOV,,,,,\n"
STUB_LABELS = {"obj": "dobj", "obl": "pobj", "nsubj:pass": "nsubjpass"}


class StubLanguage(Language):
    """Language "xx": its own data folder, and the English parser borrowed for its model."""

    code = "xx"
    data: Path | None = None

    def folder(self):
        return self.data

    def load_model(self, name):
        return language_for("en").load_model(name)


@pytest.fixture
def stub_language(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "xx"
    shutil.copytree(language_for("en").folder(), folder)  # start from English, then change it
    (folder / "language.yaml").write_text(
        "code: xx\nname: Stub\nmodels: []\nlabels:\n  dep: " + json.dumps(STUB_LABELS) + "\n", encoding="utf-8")
    (folder / "lexicon" / "consult.yaml").write_text(STUB_CONSULT, encoding="utf-8")
    with open(folder / "actors" / "organisations.csv", "a", encoding="utf-8") as out:
        out.write(STUB_ORGANISATION)
    monkeypatch.setattr(StubLanguage, "data", folder)
    monkeypatch.setitem(registry.LANGUAGES, "xx", f"{__name__}:StubLanguage")
    return folder


def test_a_registered_stub_language_builds_and_codes(stub_language):
    pipeline = build_pipeline(Settings(language="xx"))
    assert pipeline.knowledge.language.code == "xx"
    article = pipeline.process(RawDocument(origin="<test>", published="2022-07-01",
                                           text="The Zentoria League met Russian officials in Geneva on Monday."))
    league = next(a for a in article.actors if a.name == "Zentoria League")
    assert (league.code, league.rule) == ("IGO", f"organisations.csv:{_last_line(stub_language)}:Zentoria League")
    event = next(e for e in article.events if e.event == "CONSULT")
    assert event.rule.startswith("lexicon/consult.yaml:xx_meet:meet")  # the stub's lexicon, not English's
    assert [p.code for p in event.actor] == ["IGO"]


def test_the_adapter_relabels_a_parse_into_herons_labels(stub_language):
    import spacy
    from spacy.tokens import Doc

    doc = Doc(spacy.blank("en").vocab, words=["Talks", "were", "held", "in", "Geneva"])
    for token, label in zip(doc, ["nsubj:pass", "aux:pass", "ROOT", "case", "obl"]):
        token.dep_ = label
    StubLanguage().adapt(doc)
    assert [t.dep_ for t in doc] == ["nsubjpass", "aux:pass", "ROOT", "case", "pobj"]


def test_a_mapping_to_an_unknown_label_is_refused(stub_language):
    (stub_language / "language.yaml").write_text("code: xx\nmodels: []\nlabels:\n  dep: {obj: object}\n",
                                                 encoding="utf-8")
    with pytest.raises(DataFileError, match="labels.dep maps to unknown heron labels"):
        StubLanguage()


def _last_line(folder: Path) -> int:
    return len((folder / "actors" / "organisations.csv").read_text(encoding="utf-8").splitlines())
