"""The event lexicon: one YAML file per PLOVER type under the language's lexicon/, read once and indexed.

Each entry names verbs, phrasal verbs, verb + object phrases and nominal events; every coded
event carries ``lexicon/<type>.yaml:<entry id>:<pattern>`` so a reader can find what fired.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from heron.errors import DataFileError
from heron.pipeline.events.scores import PloverTable
from heron.pipeline.text.language import Language

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
LIGHT_LISTS = ("agentive", "undergoing", "intransitive", "observed", "quantifiers", "agentive_particles",
               "subject_preps", "object_preps", "manner_preps", "manner_types", "anaphoric_determiners",
               "patient_of_types", "not_news_alone", "resulting", "inflicting",
               "arriving")
ENTRY_KEYS = {"id", "verbs", "phrases", "nouns", "mode", "context", "cameo", "complement", "predicates",
              "needs_recipient", "needs_complement", "mutual", "objects", "light", "subjects", "except_objects",
              "target_preps", "intransitive", "when_between", "actor_preps",
              "except_subjects", "except_without", "when_unopposed", "go_between"}


@dataclass(frozen=True)
class LexiconEntry:
    event: str
    id: str
    file: str
    cameo: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    complement: str | None = None  # "absorb" | "judge" | None
    predicates: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    except_objects: frozenset[str] = frozenset()  # an object naming one of these rules the entry out
    subjects: frozenset[str] = frozenset()  # intransitive use needs one of these as subject
    except_subjects: frozenset[str] = frozenset()  # a subject naming one of these rules the entry out
    except_without: frozenset[str] = frozenset()  # "entered the town without fighting": these after "without" rule it out
    needs_recipient: bool = False
    needs_complement: str | None = None  # "event" | "clause" | None
    mutual: bool = False
    intransitive: bool = False  # "thousands turned out": no object or complement ("turned out to be", "took X to court")
    light: frozenset[str] = frozenset()  # light verbs allowed for this entry's nouns (empty: the general list)
    target_preps: tuple[str, ...] = ()  # "complained to the UN over Israeli raids": these name the target first
    source: str | None = None  # an imported entry's upstream file and line ("petrarch/CAMEO.2.0.txt:1234")
    needs_dyad: str | None = None  # "coded": only between actors with codes; "named": the recipient not a default
    actor_preps: tuple[str, ...] = ()  # "Kabul fell to the Taliban": these name the actor, the subject is the target
    when_between: str | None = None  # the type when a nominal event names both sides ("a truce between X and Y")
    when_unopposed: str | None = None  # the type when ``except_without`` holds: "entered the town without a fight"
    go_between: bool = False  # the subject brokers what the sides of "between" agree: "X brokered a truce between Y and Z"

    def rule(self, pattern: str) -> str:
        if self.source:
            return f"{self.source}:{pattern}"
        return f"lexicon/{self.file}:{self.id}:{pattern}"


@dataclass(frozen=True)
class Inflections:
    """Plain de-inflections of the language's lexicon/inflections.yaml: the small model mislemmatises
    some verbs ("staged" -> "stag", "hopes" -> "hop"), so a word's inflected form is undone by rule too."""

    suffixes: tuple[tuple[str, str], ...] = ()  # (ending, replacement), tried in order
    doubled: frozenset[str] = frozenset()  # endings of past forms with a doubled consonant ("stopped")
    irregular: dict[str, str] = field(default_factory=dict)  # past forms the model does not lemmatise

    def undo(self, word: str) -> list[str]:
        """The stems the word's endings may hide ("stopped" -> "stop"), irregular ones first."""
        out = [self.irregular[word]] if word in self.irregular else []
        out += [word[: -len(suffix)] + repl for suffix, repl in self.suffixes
                if word.endswith(suffix) and len(word) > len(suffix) + 2]
        if len(word) > 5 and word[-3:] in self.doubled and word[-4] == word[-3]:
            out.append(word[:-3])
        return out


def read_inflections(language: Language) -> Inflections:
    data = _read_yaml(language, "inflections.yaml") or {}
    return Inflections(tuple((str(a), str(b)) for a, b in data.get("suffixes") or ()),
                       frozenset(data.get("doubled") or ()),
                       {str(k).lower(): str(v).lower() for k, v in (data.get("irregular") or {}).items()})


@dataclass
class Lexicon:
    types: list[str] = field(default_factory=list)  # PLOVER types with a lexicon file
    verbs: dict[str, list[tuple[tuple[str, ...], LexiconEntry]]] = field(default_factory=dict)  # lemma -> (rest, entry)
    phrases: dict[str, list[tuple[tuple[str, ...], LexiconEntry]]] = field(default_factory=dict)  # verb -> (rest, entry)
    nouns: dict[str, list[tuple[tuple[str, ...], LexiconEntry]]] = field(default_factory=dict)  # last word -> (words, entry)
    light: dict[str, frozenset[str]] = field(default_factory=dict)
    modality: dict = field(default_factory=dict)
    contexts: dict[str, str] = field(default_factory=dict)  # word -> PLOVER context (modality.yaml)
    take_part: dict = field(default_factory=dict)  # "took part in": noun, verbs, preposition (light_verbs.yaml)
    inflections: Inflections = field(default_factory=Inflections)  # tried after the lemma (inflections.yaml)
    _word_sets: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    def words(self, key: str) -> frozenset[str]:
        """A word list of modality.yaml, lower-cased; built once per list, not per token."""
        found = self._word_sets.get(key)
        if found is None:
            found = self._word_sets[key] = frozenset(str(w).lower() for w in self.modality.get(key) or ())
        return found

    def add(self, table: dict, pattern: str, key_last: bool, entry: LexiconEntry) -> None:
        words = tuple(pattern.lower().split())
        if not words:
            raise DataFileError(entry.file, f"entry {entry.id!r} has an empty pattern")
        if key_last:
            table.setdefault(words[-1], []).append((words, entry))
        else:
            table.setdefault(words[0], []).append((words[1:], entry))


def _read_yaml(language: Language, name: str):
    try:
        return language.read_yaml(f"lexicon/{name}")
    except DataFileError as exc:
        raise DataFileError(f"lexicon/{name}", f"cannot read: {exc.reason}") from exc


def _entry(raw: dict, event: str, name: str, root_cameo: str) -> LexiconEntry:
    if not isinstance(raw, dict) or "id" not in raw:
        raise DataFileError(f"lexicon/{name}", f"every entry needs an id (got {raw!r})")
    unknown = set(raw) - ENTRY_KEYS
    if unknown:
        raise DataFileError(f"lexicon/{name}", f"entry {raw['id']!r} has unknown keys {sorted(unknown)}")
    if raw.get("complement") not in (None, "absorb", "judge"):
        raise DataFileError(f"lexicon/{name}", f"entry {raw['id']!r}: complement must be absorb or judge")
    if raw.get("when_between") not in (None, *TYPES):
        raise DataFileError(f"lexicon/{name}", f"entry {raw['id']!r}: when_between must be a PLOVER type")
    if raw.get("when_unopposed") not in (None, *TYPES):
        raise DataFileError(f"lexicon/{name}", f"entry {raw['id']!r}: when_unopposed must be a PLOVER type")
    if raw.get("needs_complement") not in (None, "event", "clause"):
        raise DataFileError(f"lexicon/{name}", f"entry {raw['id']!r}: needs_complement must be event or clause")
    return LexiconEntry(event=event, id=str(raw["id"]), file=name, cameo=str(raw.get("cameo") or root_cameo),
                 mode=raw.get("mode"), context=tuple(raw.get("context") or ()), complement=raw.get("complement"),
                 predicates=frozenset(raw.get("predicates") or ()), objects=frozenset(raw.get("objects") or ()),
                 subjects=frozenset(raw.get("subjects") or ()),
                 except_subjects=frozenset(raw.get("except_subjects") or ()),
                 except_without=frozenset(raw.get("except_without") or ()),
                 except_objects=frozenset(raw.get("except_objects") or ()),
                 needs_recipient=bool(raw.get("needs_recipient")),
                 needs_complement=raw.get("needs_complement"), mutual=bool(raw.get("mutual")),
                 intransitive=bool(raw.get("intransitive")),
                 light=frozenset(raw.get("light") or ()), target_preps=tuple(raw.get("target_preps") or ()),
                 when_between=raw.get("when_between"), actor_preps=tuple(raw.get("actor_preps") or ()),
                 when_unopposed=raw.get("when_unopposed"), go_between=bool(raw.get("go_between")))


def _load_type(lexicon: Lexicon, event: str, language: Language, plover: PloverTable) -> None:
    name = f"{event.lower()}.yaml"
    data = _read_yaml(language, name)
    if not isinstance(data, dict) or data.get("event") != event or not isinstance(data.get("entries"), list):
        raise DataFileError(f"lexicon/{name}", f"needs 'event: {event}' and a list of 'entries'")
    lexicon.types.append(event)
    root_cameo = plover.scores_for(event)["cameo"]  # scores live in one table, data/plover.yaml
    _add_entries(lexicon, data["entries"], event, name, {}, root_cameo)


def load_user_file(lexicon: Lexicon, path: Path, plover: PloverTable) -> None:
    """A user's lexicon file (``--lexicon``): a type file as in lexicon/, whose ``modes`` mapping
    may add modes to the type (mode name -> CAMEO code). Its entries follow the shipped ones."""
    import yaml

    where = str(path)
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataFileError(where, f"cannot read: {exc}") from exc
    if not isinstance(data, dict) or data.get("event") not in lexicon.types or not isinstance(data.get("entries"), list):
        raise DataFileError(where, f"needs 'event:' (one of {', '.join(lexicon.types)}) and a list of 'entries'")
    event, modes = data["event"], data.get("modes") or {}
    if not isinstance(modes, dict) or not all(str(c).isdigit() and len(str(c)) >= 2 for c in modes.values()):
        raise DataFileError(where, "'modes' maps each new mode to its CAMEO code (two to four digits)")
    known = set(plover.modes_for(event)) | set(modes)
    for raw in data["entries"]:
        if isinstance(raw, dict) and raw.get("mode") and raw["mode"] not in known:
            raise DataFileError(where, f"entry {raw.get('id')!r}: {raw['mode']!r} is no mode of {event}; "
                                       f"declare it under 'modes:'")
    _add_entries(lexicon, data["entries"], event, Path(path).name, {str(k): str(v) for k, v in modes.items()},
                 plover.scores_for(event)["cameo"])


def _add_entries(lexicon: Lexicon, entries: list, event: str, name: str, mode_cameo: dict[str, str],
                 root_cameo: str) -> None:
    for raw in entries:
        entry = _entry(raw, event, name, mode_cameo.get(str((raw or {}).get("mode")), root_cameo)
                       if isinstance(raw, dict) else root_cameo)
        for pattern in raw.get("verbs") or ():
            lexicon.add(lexicon.verbs, _verb_first(str(pattern)), False, entry)
        for pattern in raw.get("phrases") or ():
            lexicon.add(lexicon.phrases, str(pattern), False, entry)
        for pattern in raw.get("nouns") or ():
            lexicon.add(lexicon.nouns, str(pattern), True, entry)


# endings of manner adverbs ("sexually", "forcibly", "violently"); not of verbs such as "apply",
# "supply", "rally", "fly", which the short or "-ply" forms keep out
MANNER_ENDINGS = ("ally", "ibly", "ably", "ully", "ntly", "ily", "ely", "tly")


def _verb_first(pattern: str) -> str:
    """"sexually assault", "forcibly return": a manner adverb written before its verb is found
    among the verb's dependents, so the verb is the key ("assault sexually")."""
    words = pattern.split()
    if len(words) > 1 and len(words[0]) >= 6 and words[0].lower().endswith(MANNER_ENDINGS):
        return " ".join([words[1], words[0], *words[2:]])
    return pattern


def load_lexicon(language: Language, plover: PloverTable, user_files: tuple[Path, ...] = ()) -> Lexicon:
    """All sixteen type files plus the light verbs, modality words and inflections (read-only once built)."""
    lexicon = Lexicon()
    for event in TYPES:
        _load_type(lexicon, event, language, plover)
    light = _read_yaml(language, "light_verbs.yaml") or {}
    lexicon.light = {k: frozenset(light.get(k) or ()) for k in LIGHT_LISTS}
    lexicon.take_part = dict(light.get("take_part") or {})
    lexicon.modality = _read_yaml(language, "modality.yaml") or {}
    for context, words in (lexicon.modality.get("contexts") or {}).items():
        for word in words:
            lexicon.contexts.setdefault(str(word).lower(), context)
    lexicon.inflections = read_inflections(language)
    for path in user_files:
        load_user_file(lexicon, path, plover)
    return lexicon
