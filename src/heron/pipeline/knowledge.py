"""What a pipeline knows for one language, in one object built once from its Settings.

``Knowledge`` holds the spaCy model, the language adapter (label names, data folder), the actor
dictionary with the user's ``--actors`` files and the matchers built over it, the place
gazetteer, the event lexicon, the speech and reference words, the other word lists and the
PLOVER table. ``build_pipeline`` makes one and hands it to every stage; no stage loads
knowledge of its own, so whatever the settings add reaches every place that uses it.

Two things are read once per process and shared, because they are large and the same for any
settings: the GeoNames tables and the PLOVER table (``shared_tables``). A knowledge object is
kept per (language, model, actor files, lexicon files) (``load_knowledge``). What is built from
data files is also kept on disk between runs (``knowledge_cache``) unless the settings say no;
a cached knowledge object is the same, field for field, as one built afresh. See
docs/architecture.md.
"""
from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from heron.config import Settings
from heron.pipeline.actors.dictionary import ActorDictionary, load_roles
from heron.pipeline.actors.matcher import ActorMatcher, clear_places, matcher_names
from heron.pipeline.actors.petrarch_layer import build_base_layer
from heron.pipeline.events.eventness import EventnessWords, load_eventness
from heron.pipeline.events.lexicon import Lexicon, load_lexicon
from heron.pipeline.events.patterns import VerbIndex, load_verb_index
from heron.pipeline.events.places import Gazetteer, GeoNames, load_gazetteer, read_geonames
from heron.pipeline.events.scores import PloverTable, read_plover_table
from heron.pipeline.knowledge_cache import KnowledgeCache, environment, files_digest, folder_digest, package_digest
from heron.pipeline.knowledge_cache import key as cache_key
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


# the fields of Knowledge built from data files: what the knowledge cache holds for one settings
BUILT = ("actors", "places", "lexicon", "verbs", "speech", "references", "words", "dates", "eventness", "story")


@lru_cache(maxsize=2)
def shared_tables(cache_dir: Path | None = None, source: str = "") -> SharedTables:
    """The tables every language shares, once per process: from the cache in ``cache_dir`` when
    it holds them, else read and built (and cached there); ``source``: the key of what heron
    builds from (``source_key``)."""
    if cache_dir is None:
        return SharedTables(read_geonames(), read_plover_table())
    cache, key = KnowledgeCache(cache_dir), cache_key("shared", source)
    shared = cache.read("shared", key)
    if not isinstance(shared, SharedTables):
        shared = SharedTables(read_geonames(), read_plover_table())
        cache.write("shared", key, shared)
    return shared


def source_key() -> str:
    """The cache format, Python, the libraries' versions and every file of the heron package."""
    return cache_key(environment(), package_digest())


def knowledge_for(settings: Settings) -> Knowledge:
    """The knowledge object for these settings (built once per language, model and actor files)."""
    return load_knowledge(settings.language, settings.model, tuple(Path(p) for p in settings.actor_files),
                          tuple(Path(p) for p in settings.lexicon_files),
                          settings.cache_dir if settings.cache else None)


@lru_cache(maxsize=4)
def load_knowledge(code: str, model: str | None, actor_files: tuple[Path, ...] = (),
                   lexicon_files: tuple[Path, ...] = (), cache_dir: Path | None = None) -> Knowledge:
    """Build the knowledge object, or read its tables from the cache in ``cache_dir`` (None: no
    cache) and rebuild only the spaCy matchers over the model's vocabulary.

    The garbage collector is paused meanwhile (the build makes millions of objects and almost
    no garbage: collections walking them cost a third of the build) and what was built is
    then frozen out of its sight (``gc.freeze``): it lives as long as the process, and later
    collections, in this process and in workers forked from it, need not walk it again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        knowledge = _load(code, model, actor_files, lexicon_files, cache_dir)
    finally:
        if enabled:
            gc.enable()
    gc.freeze()
    return knowledge


def _load(code: str, model: str | None, actor_files: tuple[Path, ...], lexicon_files: tuple[Path, ...],
          cache_dir: Path | None) -> Knowledge:
    language = language_for(code)
    nlp = language.load_model(model)
    if cache_dir is None:
        shared = shared_tables()
        return _assemble(language, nlp, shared, _build(language, nlp, shared, actor_files, lexicon_files))
    source = source_key()
    shared = shared_tables(cache_dir, source)
    cache, key = KnowledgeCache(cache_dir), knowledge_key(source, language, nlp, actor_files, lexicon_files)
    references = _SharedReferences(shared)
    built = cache.read(f"knowledge-{code}", key, references.load) if key else None
    if not isinstance(built, dict) or set(built) != {*BUILT, "matcher"}:
        built = _build(language, nlp, shared, actor_files, lexicon_files)
        if key:
            cache.write(f"knowledge-{code}", key, built, references.ids())
    return _assemble(language, nlp, shared, built)


def _build(language: Language, nlp, shared: SharedTables, actor_files: tuple[Path, ...],
           lexicon_files: tuple[Path, ...]) -> dict[str, Any]:
    """The fields of ``BUILT`` and the matcher's plain tables, from the data files."""
    folder = Path(str(language.path("actors")))
    base = build_base_layer(shared.geonames.city_countries, set(load_roles(folder / "roles.csv")),
                            frozenset(nlp.Defaults.stop_words)) if language.base_actors == "petrarch" else None
    actors = ActorDictionary(folder, actor_files, base)
    lexicon = load_lexicon(language, shared.plover, lexicon_files)
    return dict(
        actors=actors, matcher=(matcher_names(actors, nlp), clear_places(shared.geonames.cities)),
        places=load_gazetteer(shared.geonames, language),
        lexicon=lexicon,
        verbs=load_verb_index(language, shared.plover),
        speech=SpeechWords(language), references=ReferenceWords(language), words=WordLists(language),
        dates=DateWords(language), eventness=load_eventness(language, lexicon.inflections), story=WordLists(language, STORY_FILE),
    )


def _assemble(language: Language, nlp, shared: SharedTables, built: dict[str, Any]) -> Knowledge:
    names, clear = built["matcher"]
    matcher = ActorMatcher(built["actors"], nlp, shared.geonames.city_countries, clear, names)
    return Knowledge(language=language, nlp=nlp, matcher=matcher, plover=shared.plover,
                     **{name: built[name] for name in BUILT})


def knowledge_key(source: str, language: Language, nlp, actor_files: tuple[Path, ...],
                  lexicon_files: tuple[Path, ...]) -> str | None:
    """What a language's knowledge is built from (``source``: ``source_key()``); None when a
    user file cannot be read (the build then names the file and the reason)."""
    folder = Path(str(language.folder()))
    try:
        own_data = "" if folder.is_relative_to(Path(str(files("heron")))) else folder_digest(folder)
        user = (files_digest(actor_files), files_digest(lexicon_files))
    except OSError:
        return None
    model = (nlp.meta.get("lang"), nlp.meta.get("name"), nlp.meta.get("version"))
    return cache_key("knowledge", source, type(language).__qualname__, language.code, own_data, model, user)


class _SharedReferences:
    """Pickle the shared tables' objects in a knowledge entry as references (by name) to the
    tables this process holds, so every knowledge object shares one copy (and entries stay
    small): the tables' fields, each city name's places, each place."""

    def __init__(self, shared: SharedTables) -> None:
        self.shared = shared

    def ids(self) -> Callable[[Any], tuple | None]:
        geonames = self.shared.geonames
        named: dict[tuple, Any] = {("plover",): self.shared.plover}
        named.update({("geonames", f.name): getattr(geonames, f.name) for f in fields(geonames)})
        named.update({("city", name): places for name, places in geonames.cities.items()})
        named.update({("place", place.geonameid): place for place in geonames.by_id.values()})
        named.update({("country", iso3): place for iso3, place in geonames.by_iso3.items()})
        by_id = {id(value): token for token, value in named.items()}
        return lambda value: by_id.get(id(value))

    def load(self, token: tuple) -> Any:
        kind, *name = token
        geonames = self.shared.geonames
        if kind == "plover":
            return self.shared.plover
        table = {"geonames": None, "city": geonames.cities, "place": geonames.by_id, "country": geonames.by_iso3}[kind]
        return getattr(geonames, name[0]) if table is None else table[name[0]]
