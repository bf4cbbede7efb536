"""The event lexicon: one YAML file per PLOVER type under the language's lexicon/, read once and indexed.

Each entry names verbs, phrasal verbs, verb + object phrases and nominal events; every coded
event carries ``lexicon/<type>.yaml:<entry id>:<pattern>`` so a reader can find what fired.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from heron.errors import DataFileError
from heron.pipeline.events.scores import PloverTable
from heron.pipeline.text.language import Language

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
ENTRY_KEYS = {"id", "verbs", "phrases", "nouns", "mode", "context", "cameo", "complement", "predicates",
              "needs_recipient", "needs_complement", "mutual", "objects", "light", "subjects", "except_objects",
              "target_preps"}


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
    needs_recipient: bool = False
    needs_complement: str | None = None  # "event" | "clause" | None
    mutual: bool = False
    light: frozenset[str] = frozenset()  # light verbs allowed for this entry's nouns (empty: the general list)
    target_preps: tuple[str, ...] = ()  # "complained to the UN over Israeli raids": these name the target first

    def rule(self, pattern: str) -> str:
        return f"lexicon/{self.file}:{self.id}:{pattern}"


@dataclass
class Lexicon:
    types: list[str] = field(default_factory=list)  # PLOVER types with a lexicon file
    verbs: dict[str, list[tuple[tuple[str, ...], LexiconEntry]]] = field(default_factory=dict)  # lemma -> (rest, entry)
    phrases: dict[str, list[tuple[tuple[str, ...], LexiconEntry]]] = field(default_factory=dict)  # verb -> (rest, entry)
    nouns: dict[str, list[tuple[tuple[str, ...], LexiconEntry]]] = field(default_factory=dict)  # last word -> (words, entry)
    light: dict[str, frozenset[str]] = field(default_factory=dict)
    modality: dict = field(default_factory=dict)
    contexts: dict[str, str] = field(default_factory=dict)  # word -> PLOVER context (modality.yaml)
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
    if raw.get("needs_complement") not in (None, "event", "clause"):
        raise DataFileError(f"lexicon/{name}", f"entry {raw['id']!r}: needs_complement must be event or clause")
    return LexiconEntry(event=event, id=str(raw["id"]), file=name, cameo=str(raw.get("cameo") or root_cameo),
                 mode=raw.get("mode"), context=tuple(raw.get("context") or ()), complement=raw.get("complement"),
                 predicates=frozenset(raw.get("predicates") or ()), objects=frozenset(raw.get("objects") or ()),
                 subjects=frozenset(raw.get("subjects") or ()),
                 except_objects=frozenset(raw.get("except_objects") or ()),
                 needs_recipient=bool(raw.get("needs_recipient")),
                 needs_complement=raw.get("needs_complement"), mutual=bool(raw.get("mutual")),
                 light=frozenset(raw.get("light") or ()), target_preps=tuple(raw.get("target_preps") or ()))


def _load_type(lexicon: Lexicon, event: str, language: Language, plover: PloverTable) -> None:
    name = f"{event.lower()}.yaml"
    data = _read_yaml(language, name)
    if not isinstance(data, dict) or data.get("event") != event or not isinstance(data.get("entries"), list):
        raise DataFileError(f"lexicon/{name}", f"needs 'event: {event}' and a list of 'entries'")
    lexicon.types.append(event)
    root_cameo = plover.scores_for(event)["cameo"]  # scores live in one table, data/plover.yaml
    for raw in data["entries"]:
        entry = _entry(raw, event, name, root_cameo)
        for pattern in raw.get("verbs") or ():
            lexicon.add(lexicon.verbs, str(pattern), False, entry)
        for pattern in raw.get("phrases") or ():
            lexicon.add(lexicon.phrases, str(pattern), False, entry)
        for pattern in raw.get("nouns") or ():
            lexicon.add(lexicon.nouns, str(pattern), True, entry)


def load_lexicon(language: Language, plover: PloverTable) -> Lexicon:
    """All sixteen type files plus the light verbs and modality words (read-only once built)."""
    lexicon = Lexicon()
    for event in TYPES:
        _load_type(lexicon, event, language, plover)
    light = _read_yaml(language, "light_verbs.yaml") or {}
    lexicon.light = {k: frozenset(light.get(k) or ()) for k in ("agentive", "undergoing", "intransitive", "quantifiers")}
    lexicon.modality = _read_yaml(language, "modality.yaml") or {}
    for context, words in (lexicon.modality.get("contexts") or {}).items():
        for word in words:
            lexicon.contexts.setdefault(str(word).lower(), context)
    return lexicon
