"""What a pipeline knows for one language, in one object built once from its Settings.

``Knowledge`` holds the spaCy model, the language adapter (label names, data folder), the actor
dictionary with the user's ``--actors`` files and the matchers built over it, the place
gazetteer, the event lexicon, the speech and reference words, the other word lists and the
PLOVER table. ``build_pipeline`` makes one and hands it to every stage; no stage loads
knowledge of its own, so whatever the settings add reaches every place that uses it.

Two things are read once per process and shared, because they are large and the same for any
settings: the GeoNames tables and the PLOVER table (``shared_tables``). A knowledge object is
kept per (language, model, actor files, lexicon files) (``load_knowledge``). See docs/architecture.md.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from heron.config import Settings
from heron.pipeline.actors.dictionary import ActorDictionary, load_roles
from heron.pipeline.actors.matcher import ActorMatcher, clear_places
from heron.pipeline.actors.petrarch_layer import build_base_layer
from heron.pipeline.events.eventness import EventnessWords, load_eventness
from heron.pipeline.events.lexicon import Lexicon, load_lexicon
from heron.pipeline.events.patterns import VerbIndex, load_verb_index
from heron.pipeline.events.places import Gazetteer, GeoNames, load_gazetteer, read_geonames
from heron.pipeline.events.scores import PloverTable, read_plover_table
from heron.pipeline.text.language import Language, language_for
from heron.pipeline.words import STORY_FILE, DateWords, ReferenceWords, SpeechWords, WordLists


@dataclass(frozen=True, eq=False)
class Knowledge:
    """Everything the stages know for one language; read-only once built."""

    language: Language
    nlp: Any  # the spaCy Language pipeline
    actors: ActorDictionary  # shipped actor files plus the user's
    matcher: ActorMatcher  # phrase matchers over ``actors``
    places: Gazetteer
    lexicon: Lexicon  # shipped lexicon plus the user's --lexicon files
    verbs: VerbIndex  # PETRARCH2's verb dictionary, the base layer under ``lexicon``
    speech: SpeechWords
    references: ReferenceWords
    words: WordLists
    dates: DateWords  # how the language writes dates
    plover: PloverTable
    eventness: EventnessWords  # what is no event, and what has not happened (eventness.yaml)
    story: WordLists  # the story stage's lists (story.yaml): coreference, claims, counterparts


@dataclass(frozen=True)
class SharedTables:
    """Knowledge that is the same for every language and every settings."""

    geonames: GeoNames
    plover: PloverTable


@lru_cache(maxsize=1)
def shared_tables() -> SharedTables:
    return SharedTables(read_geonames(), read_plover_table())


def knowledge_for(settings: Settings) -> Knowledge:
    """The knowledge object for these settings (built once per language, model and actor files)."""
    return load_knowledge(settings.language, settings.model, tuple(Path(p) for p in settings.actor_files),
                          tuple(Path(p) for p in settings.lexicon_files))


@lru_cache(maxsize=4)
def load_knowledge(code: str, model: str | None, actor_files: tuple[Path, ...] = (),
                   lexicon_files: tuple[Path, ...] = ()) -> Knowledge:
    language = language_for(code)
    shared = shared_tables()
    nlp = language.load_model(model)
    folder = Path(str(language.path("actors")))
    base = build_base_layer(shared.geonames.city_countries, set(load_roles(folder / "roles.csv")),
                            frozenset(nlp.Defaults.stop_words)) if language.base_actors == "petrarch" else None
    actors = ActorDictionary(folder, actor_files, base)
    return Knowledge(
        language=language, nlp=nlp, actors=actors,
        matcher=ActorMatcher(actors, nlp, shared.geonames.city_countries, clear_places(shared.geonames.cities)),
        places=load_gazetteer(shared.geonames, language),
        lexicon=load_lexicon(language, shared.plover, lexicon_files),
        verbs=load_verb_index(language, shared.plover),
        speech=SpeechWords(language), references=ReferenceWords(language), words=WordLists(language), dates=DateWords(language),
        plover=shared.plover, eventness=load_eventness(language), story=WordLists(language, STORY_FILE),
    )
