"""The knowledge object: built once per settings, handed to every stage; --actors reaches them all."""
from __future__ import annotations

import json

import pytest

from heron.cli import main
from heron.config import Settings
from heron.pipeline import build_pipeline
from heron.pipeline.actors.stage import code_span
from heron.pipeline.knowledge import knowledge_for
from heron.types import RawDocument

# a made-up body: nothing shipped with heron knows it, so only the user's file can code it
USER_ACTORS = """- name: Velmora Basin Council
  variants: [VBC]
  kind: organisation
  code: IGO
  sector: GOV
"""
TEXT = "The Velmora Basin Council imposed sanctions on Russia on Monday."


@pytest.fixture(scope="module")
def actors_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("actors") / "basin.yaml"
    path.write_text(USER_ACTORS, encoding="utf-8")
    return path


def _sanction(article):
    return next(e for e in article.events if e.event == "SANCTION")


def test_the_users_entry_alone_codes_the_event_actor(actors_file):
    raw = RawDocument(origin="<test>", text=TEXT, published="2022-07-01")
    plain = _sanction(build_pipeline(Settings()).process(raw))
    assert [p.code for p in plain.actor] == [None]  # heron's own knowledge cannot code it

    coded = build_pipeline(Settings(actor_files=(actors_file,))).process(raw)
    event = _sanction(coded)
    assert [(p.code, p.sector) for p in event.actor] == [("IGO", "GOV")]
    actor = coded.actor_by_id(event.actor[0].actor)
    assert actor.rule == "basin.yaml:1:Velmora Basin Council"  # the entry that made it


def test_code_span_uses_the_pipelines_knowledge(actors_file):
    """Event participants no actor covers are coded by code_span: with the user's entries too."""
    pipeline = build_pipeline(Settings(actor_files=(actors_file,)))
    article = pipeline.process(RawDocument(origin="<test>", text=TEXT, published="2022-07-01"))
    article.actors = []  # no actor found: the span's own words decide
    end = TEXT.index(" imposed")
    assert code_span(article, 0, end, pipeline.knowledge) == ("IGO", "GOV")
    assert code_span(article, 0, end, knowledge_for(Settings())) == (None, None)


def test_the_users_entry_codes_the_event_actor_from_the_cli(actors_file, tmp_path, capsys):
    story = tmp_path / "story.txt"
    story.write_text(TEXT + "\n", encoding="utf-8")
    assert main(["code", "--json", "--date", "2022-07-01", "--actors", str(actors_file), str(story)]) == 0
    record = json.loads(capsys.readouterr().out)
    event = next(e for e in record["events"] if e["event"] == "SANCTION")
    assert [(p["code"], p["sector"]) for p in event["actor"]] == [("IGO", "GOV")]


def test_every_stage_holds_the_same_knowledge(actors_file):
    pipeline = build_pipeline(Settings(actor_files=(actors_file,)))
    assert {id(stage.knowledge) for stage in pipeline.stages} == {id(pipeline.knowledge)}
    assert any(e.name == "Velmora Basin Council" for e in pipeline.knowledge.actors.entries)


def test_knowledge_is_built_once_per_settings(actors_file):
    assert knowledge_for(Settings()) is knowledge_for(Settings(db="elsewhere.duckdb", workers=4))
    assert knowledge_for(Settings()) is not knowledge_for(Settings(actor_files=(actors_file,)))
    # what every language shares is read once
    assert knowledge_for(Settings()).places.by_iso3 is knowledge_for(Settings(actor_files=(actors_file,))).places.by_iso3


def test_an_unknown_language_is_a_clear_error():
    from heron.errors import HeronError

    with pytest.raises(HeronError, match="no language 'zz' is registered"):
        build_pipeline(Settings(language="zz"))
