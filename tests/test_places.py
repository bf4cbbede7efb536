"""Event places: a place named in the clause, resolved through the offline gazetteer."""
from __future__ import annotations

import pytest

from heron.config import Settings
from heron.pipeline.events import places
from heron.pipeline.events.places import normalise_name
from heron.pipeline.knowledge import knowledge_for
from heron.types import Actor, Article


def locate(article: Article, start: int, end: int, anchor: int | None = None):
    """places.locate with the gazetteer of the default settings' knowledge."""
    return places.locate(article, start, end, knowledge_for(Settings()).places, anchor)


def resolve_place(name: str):
    return places.resolve_place(name, knowledge_for(Settings()).places)


def _article(nlp, text: str) -> Article:
    return Article(id="t", text=text, published="2022-07-01", doc=nlp(text) if nlp else None)


@pytest.mark.parametrize("text, name, country, geonameid", [
    ("The presidents held talks in St. Petersburg on Saturday.", "Saint Petersburg", "RUS", 498817),
    ("Protesters gathered in Minsk on Sunday.", "Minsk", "BLR", 625144),
    ("Artillery struck apartment blocks near Kharkiv, officials said.", "Kharkiv", "UKR", 706483),
    ("Police detained dozens of people in Paris on Saturday.", "Paris", "FRA", 2988507),
    ("The secretary of state travelled to Beijing for talks.", "Beijing", "CHN", 1816670),
    ("Gunmen attacked a hotel outside Mogadishu.", "Mogadishu", "SOM", 53654),
    ("The two delegations met in Kiev.", "Kyiv", "UKR", 703448),
])
def test_city(nlp, text, name, country, geonameid):
    location = locate(_article(nlp, text), 0, len(text))
    assert location is not None
    assert (location.name, location.country, location.geonameid) == (name, country, geonameid)
    assert location.rule in ("gazetteer:city", "gazetteer:city-alternate-name")


def test_seed_st_petersburg(seed_article):
    text = seed_article.text
    start = text.index("On June 25")
    location = locate(seed_article, start, text.index("Petersburg.", start) + len("Petersburg."))
    assert location.text == "St. Petersburg"
    assert location.name == "Saint Petersburg" and location.country == "RUS" and location.geonameid == 498817
    assert location.lat == pytest.approx(59.94, abs=0.01) and location.lon == pytest.approx(30.31, abs=0.01)


@pytest.mark.parametrize("text, country, lat, lon", [
    ("Fighting continued in Ukraine on Tuesday.", "UKR", 49.0, 32.0),
    ("Thousands rallied in Syria on Friday.", "SYR", 35.0, 38.0),
])
def test_country_named_as_the_place_is_at_its_centroid_not_its_capital(nlp, text, country, lat, lon):
    location = locate(_article(nlp, text), 0, len(text))
    assert (location.country, location.rule, location.feature) == (country, "gazetteer:country", "country")
    assert (location.lat, location.lon) == (pytest.approx(lat, abs=0.5), pytest.approx(lon, abs=0.5))


@pytest.mark.parametrize("text, name, feature", [
    ("Hundreds of workers went on strike in Ohio on Monday.", "Ohio", "admin1"),
    ("Police arrested protesters in Texas last week.", "Texas", "admin1"),
    ("Police arrested protesters in New York last week.", "New York City", "city"),
])
def test_us_states_are_admin1_but_big_cities_win(nlp, text, name, feature):
    location = locate(_article(nlp, text), 0, len(text))
    assert (location.name, location.country, location.feature) == (name, "USA", feature)
    assert location.lat is not None and location.lon is not None


def test_every_city_location_says_city(nlp):
    text = "Protesters gathered in Minsk on Sunday."
    assert locate(_article(nlp, text), 0, len(text)).feature == "city"


@pytest.mark.parametrize("text, shown, city", [
    ("Fighting intensified in the Donetsk region overnight.", "Donetsk region", "Donetsk"),
    ("Shelling hit the Kherson region on Friday.", "Kherson region", "Kherson"),
])
def test_region_named_after_a_city(nlp, text, shown, city):
    location = locate(_article(nlp, text), 0, len(text))
    assert (location.text, location.name, location.country) == (shown, city, "UKR")
    assert location.rule == "gazetteer:region-by-city" and location.geonameid is None
    assert location.feature == "admin1"


def test_more_specific_place_wins(nlp):
    text = "Troops clashed near the city of Kharkiv in Ukraine."
    assert locate(_article(nlp, text), 0, len(text)).name == "Kharkiv"


@pytest.mark.parametrize("text", [
    "Moscow accused Washington of meddling in the vote.",
    "The sanctions pressure on Russia is growing, the minister said.",
    "The minister said the talks were useful.",
])
def test_no_place(nlp, text):
    assert locate(_article(nlp, text), 0, len(text)) is None


def test_ambiguous_name_goes_to_a_country_the_article_mentions(nlp):
    plain = "Police detained protesters in Hyderabad on Monday."
    assert locate(_article(nlp, plain), 0, len(plain)).country == "IND"  # the bigger city
    text = "Pakistani police detained protesters in Hyderabad on Monday."
    article = _article(nlp, text)
    article.actors.append(Actor(id="a1", name="Pakistani police", code="PAK", sector="COP"))
    assert locate(article, 0, len(text)).country == "PAK"


def test_without_a_parse():
    text = "Talks were held in Minsk on Friday."
    location = locate(_article(None, text), 0, len(text))
    assert (location.name, location.country) == ("Minsk", "BLR")


@pytest.mark.parametrize("name, country", [("U.S.", "USA"), ("Britain", "GBR"), ("the Gaza Strip", "PSE"),
                                           ("Russia", "RUS"), ("Czech Republic", "CZE")])
def test_country_names_and_aliases(name, country):
    assert resolve_place(name).country == country


def test_normalise_name():
    assert normalise_name("St. Petersburg") == normalise_name("Saint-Petersburg") == "saint petersburg"
    assert normalise_name("the Kremlin's") == "kremlin"


@pytest.mark.evaluation
def test_plover_gsr_locations(shared_dir, nlp):
    """Recall of the places annotated in the PLOVER gold-standard dev sentences.

    A gold place is found when the place heron gives for the sentence has the same name (as
    written, or the gazetteer's) or resolves to the same GeoNames entry. Most sentences carry
    no annotation although they name a place, so only recall is measured."""
    import json

    path = shared_dir / "eval" / "plover-gsr" / "dev.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r.get("location") and r["location"].get("name")]
    found = 0
    for row, doc in zip(rows, nlp.pipe([r["text"] for r in rows])):
        location = locate(Article(id=row["id"], text=row["text"], doc=doc), 0, len(row["text"]))
        if location is None:
            continue
        gold = row["location"]["name"]
        names = {normalise_name(location.text), normalise_name(location.name or "")}
        resolved = resolve_place(gold)
        same_entry = resolved is not None and resolved.geonameid is not None and resolved.geonameid == location.geonameid
        found += normalise_name(gold) in names or same_entry
    assert len(rows) >= 20
    assert found / len(rows) >= 0.72  # measured 19/25 = 0.76


@pytest.mark.parametrize("text, trigger, expected", [
    ("The two countries came under sanctions after Moscow recognised the breakaway regions and began "
     "the military operation in Ukraine.", "came", None),
    ("The two countries came under sanctions after Moscow recognised the breakaway regions and began "
     "the military operation in Ukraine.", "began", "UKR"),
    ("In Minsk, police said they detained 20 protesters.", "detained", "BLR"),
    ("The presidents held talks in St. Petersburg.", "talks", "RUS"),
])
def test_anchor_keeps_places_of_the_trigger(nlp, text, trigger, expected):
    location = locate(_article(nlp, text), 0, len(text), anchor=text.index(trigger))
    assert (location.country if location else None) == expected


@pytest.mark.parametrize("text", [
    "The minister, born in Detroit, resigned on Monday.",
    "The group, based in London, issued a statement.",
])
def test_birthplaces_and_bases_are_not_event_places(nlp, text):
    assert locate(_article(nlp, text), 0, len(text)) is None
