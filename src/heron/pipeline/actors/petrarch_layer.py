"""PETRARCH2's actor and agent dictionaries as heron's base layer of actor knowledge.

``heron.knowledge.petrarch`` reads the derived files (data/petrarch/); this module turns them
into heron's own entries: office holders with their dated roles, national bodies, international
organisations, non-state armed groups, extra country names and the agent nouns ("farmers",
"insurgents") as role nouns. CAMEO codes become heron's code and sector by the table in
``data/cameo_actors.yaml``. Every entry names its upstream file and line
(``petrarch/Phoenix.Countries.actors.txt:105``).

The dictionaries were built for recall over wire copy; heron keeps their precision:
- people need a name of two words or more (a longer name also gives its first and last words,
  "WILLIAM SAMOEI RUTO" -> "William Ruto"), and a two-word name whose words are both common
  in the dictionary's own names ("Jorge Rodriguez") is left out, as is a name given to people of
  different countries; a variant that starts with a title ("PRESIDENT KARZAI") is left to the
  title rules, which know the date;
- a single-word name must not be a common word (spaCy's stop words, a role noun or an agent
  noun), and a single-word company name is kept only as an abbreviation;
- the country lists' variants mix official names with cities, provinces, mountains and
  nicknames: a variant becomes a region form (it places a group, "Logar Province police", never
  stands for the government) when GeoNames places it in that country or it has several words,
  and is dropped otherwise (the curated files and pycountry hold the names of states);
- matching asks for capitals on every word of four letters or more (``matcher.strict``).
Which of these a curated entry overrides is decided in ``ActorDictionary``.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from importlib.resources import files

from heron.errors import DataFileError
from heron.knowledge import petrarch
from heron.pipeline.actors.dictionary import ActorEntry, CountryForm, Office, Role

CODES_FILE = "data/cameo_actors.yaml"
COMMON_NAME_WORD = 25  # a name word used this often across the dictionary's people is common
ABBREVIATION_LETTERS = 4  # single upstream words this short are abbreviations, matched as written
KINDS = {"person": "person", "igo": "organisation", "ngo": "organisation", "mnc": "organisation",
         "other": "organisation", "armed_group": "group"}


@dataclass(frozen=True)
class CameoCodes:
    """The CAMEO-to-heron code table (data/cameo_actors.yaml)."""

    actor_types: frozenset[str]
    sectors: dict[str, str]
    religions: frozenset[str]
    armed_group_sector: str
    articles: frozenset[str]
    surname_particles: frozenset[str]

    def convert(self, role: petrarch.Role, states: frozenset[str]) -> tuple[str | None, str | None]:
        """(code, sector) of one upstream role; a region (MEA, SAS) gives no code."""
        code = role.country if role.country in states or role.country in self.actor_types else None
        sector = next((self.sectors[t] for t in role.agents if t in self.sectors), None)
        if sector is None and any(t in self.religions for t in role.agents):
            sector = "REL"
        return code, sector


def read_cameo_codes() -> CameoCodes:
    import yaml

    path = files("heron").joinpath(CODES_FILE)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return CameoCodes(frozenset(data["actor_types"]), dict(data["sectors"]), frozenset(data["religions"]),
                          str(data["armed_group_sector"]), frozenset(data["articles"]),
                          frozenset(data["surname_particles"]))
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise DataFileError(CODES_FILE, f"not a CAMEO code table ({exc})") from exc


@dataclass
class BaseLayer:
    """The imported entries, country forms and role nouns, and what was left out and why."""

    entries: list[ActorEntry] = field(default_factory=list)
    forms: list[CountryForm] = field(default_factory=list)
    roles: dict[str, Role] = field(default_factory=dict)
    left_out: Counter = field(default_factory=Counter)


def display_name(upstream: str, stop_words: frozenset[str]) -> str:
    """Upstream's capitals as news writes them: "ABU NIDAL ORGANIZATION" -> "Abu Nidal Organization";
    short words without a vowel or with a full stop stay capitals (NPFL, U.N.)."""
    words = []
    if " " not in upstream and len(upstream) <= ABBREVIATION_LETTERS:
        return upstream  # an abbreviation (AFP, NPFL)
    for word in upstream.split():
        if "." in word or (len(word) <= 4 and not any(c in "AEIOUY" for c in word)):
            words.append(word)
        elif word.lower() in stop_words and len(word) <= 3:  # "of", "the"; not "FRONT"
            words.append(word.lower())
        else:  # str.title capitalises after a hyphen (Al-Qaeda) and after an apostrophe ('S)
            titled = word.title()
            words.append(titled[:-1] + "s" if titled.endswith("'S") else titled)
    return " ".join(words)


def phrase_text(upstream: str, stop_words: frozenset[str]) -> str:
    """The text handed to the matcher: short single words as written (matched case-sensitively),
    everything else in news capitals (matched in any case, capitals checked)."""
    if " " not in upstream and (len(upstream) <= ABBREVIATION_LETTERS or "." in upstream):
        return upstream
    return display_name(upstream, stop_words)


class LayerBuilder:
    """Builds a BaseLayer from the shipped dictionaries; ``cities``: GeoNames name -> ISO3."""

    def __init__(self, cities: dict[str, str], role_terms: set[str], stop_words: frozenset[str]) -> None:
        import pycountry

        self.cities = cities
        self.stop_words = stop_words
        self.codes = read_cameo_codes()
        self.states = frozenset(c.alpha_3 for c in pycountry.countries)
        folder = petrarch.data_folder()
        self.agents = petrarch.read_agents(folder)
        sectors = petrarch.sector_trigrams(a.code for a in self.agents if a.placement == "suffix")
        self.actors = petrarch.read_actors(folder, sectors)
        agent_terms = {a.phrase.lower() for a in self.agents} | {a.plural.lower() for a in self.agents if a.plural}
        self.role_terms = role_terms
        self.common_words = {w.lower() for w in stop_words} | role_terms | agent_terms
        self.layer = BaseLayer()

    def build(self) -> BaseLayer:
        self.layer.roles = self.agent_roles()
        name_words = Counter(w for a in self.actors if self.is_person(a)
                             for n in set(a.names) for w in set(n.split()))
        self.common_name_words = {w for w, n in name_words.items() if n >= COMMON_NAME_WORD}
        entries = []
        for actor in self.actors:
            if actor.kind == "country":
                self.layer.forms += self.country_forms(actor)
            else:
                entry = self.entry(actor)
                if entry is not None:
                    entries.append(entry)
        self.layer.entries = self.unambiguous(entries)
        return self.layer

    # -- role nouns --------------------------------------------------------------------------
    def agent_roles(self) -> dict[str, Role]:
        roles: dict[str, Role] = {}
        for agent in self.agents:
            term = agent.phrase.lower()
            code = None
            if agent.placement == "prefix":
                code = agent.code[:3] if agent.code[:3] in self.codes.actor_types else None
                sector = None
            else:
                sector = next((self.codes.sectors[agent.code[i:i + 3]] for i in range(0, len(agent.code), 3)
                               if agent.code[i:i + 3] in self.codes.sectors), None)
            if term in roles or (sector is None and code is None) or not term.strip():
                self.layer.left_out["agent without a heron sector or duplicate"] += 1
                continue
            if len(term.split()) > 1 and term.split()[-1] in self.role_terms:
                self.layer.left_out["agent phrase the curated role nouns compose"] += 1
                continue  # "opposition leader": the curated "opposition" + "leader" decide
            # weak: the noun gives a sector; it makes an actor only with a country ("Afghan farmers")
            roles[term] = Role(term, sector, None, False, True, code, source=f"petrarch/{agent.source}")
        return roles

    # -- countries ---------------------------------------------------------------------------
    def country_forms(self, actor: petrarch.Actor) -> list[CountryForm]:
        codes = {r.country for r in actor.roles if r.country in self.states}
        if len(codes) != 1:
            self.layer.left_out["country entry without one state code"] += 1
            return []
        code = codes.pop()
        source = f"petrarch/{actor.source}"
        forms = []
        for upstream in dict.fromkeys(map(self.bare, actor.names)):
            text = display_name(upstream, self.stop_words)
            place = self.cities.get(text.lower())
            # variants mix official names with provinces, cities and nicknames ("New York",
            # "Logar Province"): each may place a group, none stands for the government
            if place == code or (place is None and len(upstream.split()) > 1):
                forms.append(CountryForm(code, "region", text, source))
            else:
                self.layer.left_out["country variant of one word (spelling, nickname) or elsewhere"] += 1
        return forms

    def bare(self, upstream: str) -> str:
        """Without a leading article ("THE UK" -> "UK"): news writes it in lower case, and the
        curated names match without it."""
        words = upstream.split()
        while len(words) > 1 and words[0] in self.codes.articles:
            words = words[1:]
        return " ".join(words)

    # -- people, bodies, organisations, groups ----------------------------------------------
    def is_person(self, actor: petrarch.Actor) -> bool:
        if actor.kind == "person":
            return True
        return actor.kind == "national" and any(r.dated or "ELI" in r.agents for r in actor.roles)

    def kind_of(self, actor: petrarch.Actor) -> str:
        if self.is_person(actor):
            return "person"
        return KINDS.get(actor.kind, "organisation")

    def entry(self, actor: petrarch.Actor) -> ActorEntry | None:
        kind = self.kind_of(actor)
        offices = self.offices(actor, kind)
        if not any(o.code or o.sector for o in offices):
            self.layer.left_out["entry without a usable code"] += 1
            return None
        names = list(dict.fromkeys(map(self.bare, actor.names)))
        if kind == "person":
            names += [s for s in map(self.first_and_last, names) if s is not None]
        names = [n for n in dict.fromkeys(names) if self.name_ok(n, kind, actor.kind)]
        if not names:
            self.layer.left_out[f"{kind} without a precise name"] += 1
            return None
        texts = [phrase_text(n, self.stop_words) for n in names]
        entry = ActorEntry(display_name(names[0], self.stop_words), kind, f"petrarch/{actor.source}")
        entry.variants = [t for t in dict.fromkeys(texts) if t != entry.name]
        entry.offices = offices
        return entry

    def first_and_last(self, upstream: str) -> str | None:
        """A person's first and last names without the middle ones, as news mostly writes them:
        "WILLIAM SAMOEI RUTO" -> "WILLIAM RUTO", "MAHATHIR BIN MOHAMAD" -> "MAHATHIR MOHAMAD",
        "OMAR HASSAN AHMAD AL BASHIR" -> "OMAR AL BASHIR" (a surname particle stays); None for
        names of two words. The variant passes the same checks as upstream's own names."""
        words = upstream.split()
        last = len(words) - 1
        while last > 1 and words[last - 1] in self.codes.surname_particles:
            last -= 1
        if last <= 1:
            return None
        return " ".join([words[0], *words[last:]])

    def offices(self, actor: petrarch.Actor, kind: str) -> list[Office]:
        """Dated roles first (the one holding on the publication date wins), then the default."""
        dated, default = [], []
        for role in actor.roles:
            code, sector = self.codes.convert(role, self.states)
            if actor.kind == "armed_group" and (sector is None or (sector == "REL" and "REL" not in role.agents)):
                sector = self.codes.armed_group_sector  # an armed group's faith is not its sector
            if code is None and sector is None:
                continue
            # upstream bounds are inclusive, heron's end is exclusive
            end = (role.end + timedelta(days=1)).isoformat() if role.end else None
            office = Office(code, sector, None, role.start.isoformat() if role.start else None, end)
            (dated if role.dated else default).append(office)
        return dated + default

    def name_ok(self, upstream: str, kind: str, upstream_kind: str) -> bool:
        words = upstream.split()
        if words[0].lower() in self.common_words and kind == "person":
            return False  # "PRESIDENT KARZAI", "ACTING MINISTER ...": the title rules read these
        if kind == "person":
            if len(words) < 2:
                return False
            return not (len(words) == 2 and all(w in self.common_name_words for w in words))
        if len(words) == 1:
            if upstream.lower() in self.common_words:
                return False
            if upstream_kind == "mnc":
                return len(upstream) <= ABBREVIATION_LETTERS  # "APPLE", "SHELL": words before names
        return True

    def unambiguous(self, entries: list[ActorEntry]) -> list[ActorEntry]:
        """Drop the names that upstream gives to actors of different countries."""
        codes: dict[str, set] = {}
        for entry in entries:
            for text in (entry.name, *entry.variants):
                codes.setdefault(text.lower(), set()).update(o.code for o in entry.offices)
        ambiguous = {text for text, found in codes.items() if len(found) > 1}
        kept = []
        for entry in entries:
            names = [t for t in (entry.name, *entry.variants) if t.lower() not in ambiguous]
            if not names:
                self.layer.left_out["name shared by actors of different countries"] += 1
                continue
            entry.name, entry.variants = names[0], names[1:]
            kept.append(entry)
        return kept


def build_base_layer(cities: dict[str, str], role_terms: set[str], stop_words: frozenset[str]) -> BaseLayer:
    """The base layer from the package's PETRARCH2 files."""
    return LayerBuilder(cities, role_terms, stop_words).build()
