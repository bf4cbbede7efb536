"""PETRARCH2's dictionaries as heron ships them (data/petrarch/, derived by
scripts/import_petrarch.py; formats in data/petrarch/README.md): actors with dated roles, agent
nouns, discards, verb synonym blocks and their patterns with CAMEO codes and PLOVER types.

Plain dataclasses and functions: `load()` reads every file each time it is called (callers keep
the result), and each entry names its upstream file and line (`source`). A malformed row is a
DataFileError naming the derived file, its line and the reason.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from heron.errors import DataFileError

ACTOR_FILES = {  # key in the derived files -> upstream file
    "countries": "Phoenix.Countries.actors.txt",
    "international": "Phoenix.International.actors.txt",
    "milnonstate": "Phoenix.MilNonState.actors.txt",
}
VERB_FILE = "CAMEO.2.0.txt"
AGENT_FILE = "Phoenix.agents.txt"
DISCARD_FILE = "Phoenix.discards.txt"
# CAMEO's international actor types take the first slot of a code where a state would stand
ACTOR_TYPES = frozenset({"IGO", "NGO", "IMG", "MNC"})


def data_folder() -> Traversable:
    return files("heron").joinpath("data/petrarch")


# --- structures -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Role:
    """One coded role of an actor; no dates = the default role, used when no dated one holds."""
    code: str  # the CAMEO actor code as upstream writes it (ARMGOV, IGOUNOKID, ELI)
    country: str | None  # its first trigram when that names a state, region or actor type
    agents: tuple[str, ...]  # the remaining trigrams: organisation and sector codes
    start: date | None
    end: date | None
    source: str

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def holds_on(self, day: date) -> bool:
        """Bounds are inclusive, as upstream documents them."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Actor:
    name: str
    variants: tuple[str, ...]
    kind: str  # country, person, group, igo, ngo, mnc, other, armed_group (see README.md)
    roles: tuple[Role, ...]
    source: str

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.variants)

    def roles_on(self, day: date | None) -> tuple[Role, ...]:
        """The dated roles that hold on `day`, else the default (undated) roles."""
        held = tuple(r for r in self.roles if r.dated and day is not None and r.holds_on(day))
        return held or tuple(r for r in self.roles if not r.dated)


@dataclass(frozen=True)
class Agent:
    phrase: str
    plural: str  # "" when upstream forms none
    code: str  # sector codes, e.g. GOVMIL, or an actor type (IGO) when placement is "prefix"
    placement: str  # "suffix": added after the actor's code (~GOV); "prefix": before it (IGO~)
    source: str


@dataclass(frozen=True)
class Discard:
    phrase: str
    scope: str  # "story" or "sentence": what is left uncoded when the phrase occurs
    whole_word: bool  # the phrase must end at a word boundary (else it matches as a stem)
    source: str


@dataclass(frozen=True)
class Plover:
    """A CAMEO code's PLOVER type, mode and context from the CAMEO-to-PLOVER table; `via` is
    the table's code that gave them (the code itself or its nearest listed parent)."""
    event: str
    mode: str | None
    context: str | None
    via: str


@dataclass(frozen=True)
class Verb:
    verb: str  # the lemma the parser marks as verb ("cordon" of "cordon off")
    before: str  # words before it in a multi-word verb ("wire" of "wire tap")
    particles: str  # words after it ("off" of "cordon off", "for" of "ask for")
    forms: tuple[str, ...]  # irregular forms upstream lists
    block: str  # the synonym block whose patterns apply to this verb
    cameo: str | None  # the verb's code when no pattern matches; None = no event
    passive: str | None  # code when the verb is passive, where upstream gives one
    plover: Plover | None
    source: str


@dataclass(frozen=True)
class PrepPhrase:
    prep: str
    nouns: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class VerbPattern:
    """A pattern of a synonym block. Noun phrases are word tuples whose last word is the head;
    "&NAME" names a synset, "a/b" offers alternatives, "+" marks the target, "$" the source and
    "^" any noun phrase. Subject parts stand before the verb, objects and preps after it."""
    block: str
    subject: tuple[tuple[str, ...], ...]
    subject_preps: tuple[PrepPhrase, ...]
    objects: tuple[tuple[str, ...], ...]
    preps: tuple[PrepPhrase, ...]
    cameo: str | None
    passive: str | None
    plover: Plover | None  # of `cameo`, or of `passive` when the pattern codes passives only
    note: str  # upstream comment: usually the verb the pattern was first written for
    source: str


@dataclass
class PetrarchDictionaries:
    actors: list[Actor] = field(default_factory=list)
    agents: list[Agent] = field(default_factory=list)
    discards: list[Discard] = field(default_factory=list)
    synsets: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "&NAME" -> phrases and plurals
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[VerbPattern] = field(default_factory=list)
    cameo_plover: dict[str, Plover | None] = field(default_factory=dict)

    def patterns_of(self, block: str) -> list[VerbPattern]:
        return [p for p in self.patterns if p.block == block]


# --- reading --------------------------------------------------------------------------------

def rows(folder: Path | Traversable, name: str) -> Iterator[tuple[str, dict[str, str]]]:
    """("petrarch/name:line", row) of a derived CSV file (line 1 is the header)."""
    try:
        text = folder.joinpath(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"petrarch/{name}", f"cannot read: {exc}") from exc
    reader = csv.reader(io.StringIO(text))
    header = next(reader, [])
    for number, values in enumerate(reader, 2):
        if len(values) != len(header):
            raise DataFileError(f"petrarch/{name}:{number}", f"expected the columns {', '.join(header)}")
        yield f"petrarch/{name}:{number}", dict(zip(header, values))


def read_day(text: str, where: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise DataFileError(where, f"not a date (YYYY-MM-DD): {text!r}") from exc


def sector_trigrams(suffix_codes: Iterable[str]) -> frozenset[str]:
    """The sector codes (GOV, MIL, ELI, ...): the trigrams of the codes of agents that are added
    after an actor's code (placement "suffix")."""
    return frozenset(code[i:i + 3] for code in suffix_codes for i in range(0, len(code), 3))


def split_code(code: str, sectors: frozenset[str]) -> tuple[str | None, tuple[str, ...]]:
    """(country, agents) of a CAMEO actor code. The first trigram names the state, region or
    actor type (IGO, NGO, IMG, MNC) unless the code is a bare sector (ELI, MEDHIN): a trigram that
    is a sector code and neither an actor type nor an ISO 3166 country (MUS is Mauritius)."""
    if code == "---":
        return None, ()
    trigrams = tuple(code[i:i + 3] for i in range(0, len(code), 3))
    if trigrams[0] in sectors and trigrams[0] not in ACTOR_TYPES and not is_country_code(trigrams[0]):
        return None, trigrams
    return trigrams[0], trigrams[1:]


def is_country_code(trigram: str) -> bool:
    import pycountry

    return pycountry.countries.get(alpha_3=trigram) is not None


def read_agents(folder: Path | Traversable) -> list[Agent]:
    out = []
    for where, row in rows(folder, "agents.csv"):
        if row["placement"] not in ("suffix", "prefix") or not row["code"]:
            raise DataFileError(where, "an agent needs a code and placement suffix or prefix")
        out.append(Agent(row["phrase"], row["plural"], row["code"], row["placement"],
                         f"{AGENT_FILE}:{_line(row['line'], where)}"))
    return out


def read_actors(folder: Path | Traversable, sectors: frozenset[str]) -> list[Actor]:
    """Actors with their roles, in upstream order."""
    roles: dict[tuple[str, str], list[Role]] = {}
    codes: dict[str, tuple[str | None, tuple[str, ...]]] = {}  # a few hundred codes, 37,000 roles
    for where, row in rows(folder, "actor_roles.csv"):
        upstream = _upstream(row["file"], where)
        if row["code"] not in codes:
            codes[row["code"]] = split_code(row["code"], sectors)
        country, agents = codes[row["code"]]
        roles.setdefault((row["file"], row["actor_line"]), []).append(
            Role(row["code"], country, agents, read_day(row["start"], where), read_day(row["end"], where),
                 f"{upstream}:{_line(row['line'], where)}"))
    out = []
    for where, row in rows(folder, "actors.csv"):
        upstream = _upstream(row["file"], where)
        variants = tuple(v for v in row["variants"].split("|") if v)
        out.append(Actor(row["name"], variants, row["kind"], tuple(roles.pop((row["file"], row["line"]), ())),
                         f"{upstream}:{_line(row['line'], where)}"))
    if roles:
        file, line = sorted(roles)[0]
        raise DataFileError("petrarch/actor_roles.csv", f"roles of an actor not in actors.csv ({file} line {line})")
    return out


def read_discards(folder: Path | Traversable) -> list[Discard]:
    out = []
    for where, row in rows(folder, "discards.csv"):
        if row["scope"] not in ("story", "sentence"):
            raise DataFileError(where, f"scope must be story or sentence, not {row['scope']!r}")
        out.append(Discard(row["phrase"], row["scope"], row["whole_word"] == "1",
                           f"{DISCARD_FILE}:{_line(row['line'], where)}"))
    return out


def read_synsets(folder: Path | Traversable) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for _, row in rows(folder, "synsets.csv"):
        out.setdefault(row["synset"], []).extend(w for w in (row["phrase"], row["plural"]) if w)
    return {name: tuple(dict.fromkeys(words)) for name, words in out.items()}


def read_cameo_plover(folder: Path | Traversable) -> dict[str, Plover | None]:
    out: dict[str, Plover | None] = {}
    for _, row in rows(folder, "cameo_plover.csv"):
        out[row["cameo"]] = Plover(row["plover"], row["mode"] or None, row["context"] or None,
                                   row["table_code"]) if row["plover"] else None
    return out


def read_verbs(folder: Path | Traversable, plover: dict[str, Plover | None]) -> list[Verb]:
    out = []
    for where, row in rows(folder, "verbs.csv"):
        cameo, passive = _code(row["cameo"]), _code(row["passive"])
        out.append(Verb(row["verb"], row["before"], row["particles"], tuple(f for f in row["forms"].split("|") if f),
                        row["block"], cameo, passive, _plover(cameo or passive, plover, where),
                        f"{VERB_FILE}:{_line(row['line'], where)}"))
    return out


def read_patterns(folder: Path | Traversable, plover: dict[str, Plover | None]) -> list[VerbPattern]:
    """verb_patterns.jsonl: one JSON object per line; empty parts are left out of the file."""
    name = "verb_patterns.jsonl"
    try:
        lines = folder.joinpath(name).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"petrarch/{name}", f"cannot read: {exc}") from exc
    out = []
    for number, line in enumerate(lines, 1):
        where = f"petrarch/{name}:{number}"
        try:
            out.append(_pattern(json.loads(line), plover, where))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise DataFileError(where, f"not a verb pattern record ({exc})") from exc
    return out


def _pattern(record: dict[str, Any], plover: dict[str, Plover | None], where: str) -> VerbPattern:
    cameo, passive = _code(record.get("cameo", "")), _code(record.get("passive", ""))
    return VerbPattern(
        block=record["block"], subject=_nouns(record.get("subject", [])),
        subject_preps=_preps(record.get("subject_preps", [])), objects=_nouns(record.get("objects", [])),
        preps=_preps(record.get("preps", [])), cameo=cameo, passive=passive,
        plover=_plover(cameo or passive, plover, where), note=record.get("note", ""),
        source=f"{VERB_FILE}:{int(record['line'])}")


def _nouns(raw: list[list[str]]) -> tuple[tuple[str, ...], ...]:
    if not all(isinstance(np, list) and np and all(isinstance(w, str) for w in np) for np in raw):
        raise ValueError(f"noun phrases must be lists of words: {raw!r}")
    return tuple(tuple(np) for np in raw)


def _preps(raw: list[dict[str, Any]]) -> tuple[PrepPhrase, ...]:
    return tuple(PrepPhrase(str(pp["prep"]), _nouns(pp.get("nouns", []))) for pp in raw)


def _code(text: str) -> str | None:
    return None if text in ("", "---") else text


def _plover(code: str | None, table: dict[str, Plover | None], where: str) -> Plover | None:
    if code is None:
        return None
    if code not in table:
        raise DataFileError(where, f"CAMEO code {code} is not in cameo_plover.csv")
    return table[code]


def _upstream(key: str, where: str) -> str:
    if key not in ACTOR_FILES:
        raise DataFileError(where, f"file must be one of {', '.join(ACTOR_FILES)}, not {key!r}")
    return ACTOR_FILES[key]


def _line(text: str, where: str) -> int:
    if not text.isdigit():
        raise DataFileError(where, f"line must be a number, not {text!r}")
    return int(text)


def load(folder: Path | Traversable | None = None) -> PetrarchDictionaries:
    """Every derived file of `folder` (default: the package's data/petrarch)."""
    folder = folder if folder is not None else data_folder()
    agents = read_agents(folder)
    plover = read_cameo_plover(folder)
    return PetrarchDictionaries(
        actors=read_actors(folder, sector_trigrams(a.code for a in agents if a.placement == "suffix")), agents=agents, discards=read_discards(folder),
        synsets=read_synsets(folder), verbs=read_verbs(folder, plover), patterns=read_patterns(folder, plover),
        cameo_plover=plover)
