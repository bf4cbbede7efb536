"""A small store for query, export and CLI tests: articles built by hand (events with codes),
written through the store writer, so the tests do not depend on what the coding stages find."""
from __future__ import annotations

from pathlib import Path

from heron.types import Actor, Article, Claim, Event, Location, Participant, Quote, Source, Speaker

# (type, quad, scale, cameo, goldstein) as the PLOVER table of docs/records.md gives them
_TYPES = {
    "CONSULT": (1, 2.5, "04", 1.0),
    "AGREE": (1, 2.5, "03", 4.0),
    "COOPERATE": (2, 9.5, "06", 6.0),
    "ACCUSE": (3, -3.0, "11", -2.0),
    "MOBILIZE": (4, -5.5, "15", -7.2),
}


def _side(text: str, code: str | None, sector: str | None, actor: str | None) -> Participant:
    return Participant(code=code, sector=sector, entity_text=text, actor=actor)


def _event(article_text: str, eid: str, kind: str, sentence: str, trigger: str, actor: list, recipient: list,
           date: str | None, **extra) -> Event:
    quad, scale, cameo, goldstein = _TYPES[kind]
    start = article_text.index(sentence)
    return Event(id=eid, event=kind, mode=extra.pop("mode", None), context=extra.pop("context", []),
                 date=date, date_text=extra.pop("date_text", None), actor=actor, recipient=recipient,
                 location=extra.pop("location", None), quad_code=quad, event_scale=scale, cameo=cameo,
                 goldstein=goldstein, text=sentence, start=start, end=start + len(sentence),
                 event_text=trigger, rule=f"test:{kind.lower()}", **extra)


def minsk_talks(article_id: str = "minsk-talks", publication: str = "wire.example") -> Article:
    title = "Leaders of Russia and Belarus meet in Minsk"
    s1 = "The presidents of Russia and Belarus held talks in Minsk on Monday, officials said."
    s2 = "\"We agreed to expand trade,\" the Belarusian leader told reporters after the meeting."
    s3 = "Moscow will send additional troops to joint exercises near the border, the Kremlin said."
    text = "\n\n".join([title, s1, s2, s3])
    russia, belarus = text.index("Russia and"), text.index("Belarus held")
    actors = [Actor("a1", "Russia", "RUS", "GOV", "Q159", [(russia, russia + 6)], "country"),
              Actor("a2", "Belarus", "BLR", "GOV", "Q184", [(belarus, belarus + 7)], "country"),
              Actor("a3", "Alexander Lukashenko", "BLR", "GOV", "Q51489", [], "person")]
    minsk = Location("Minsk", "BLR", 53.9, 27.5667, 625144, "Minsk", "test:city", "city")
    events = [
        _event(text, "e1", "CONSULT", s1, "held talks", [_side("Russia", "RUS", "GOV", "a1")],
               [_side("Belarus", "BLR", "GOV", "a2")], "2022-06-20", mode="visit", location=minsk,
               date_text="on Monday"),
        _event(text, "e2", "AGREE", s2, "agreed to expand", [_side("the Belarusian leader", "BLR", "GOV", "a3")],
               [_side("Russia", "RUS", "GOV", "a1")], "2022-06-20", context=["economic"],
               asserted_by=Claim("the Belarusian leader", "a3")),
        _event(text, "e3", "MOBILIZE", s3, "send additional troops", [_side("Moscow", "RUS", "MIL", "a1")],
               [_side("Belarus", "BLR", None, "a2")], None),
    ]
    q_start = text.index("We agreed")
    sp_start = text.index("the Belarusian leader")
    quotes = [Quote("We agreed to expand trade,", q_start, q_start + 26, True, "told",
                    Speaker("the Belarusian leader", sp_start, sp_start + 21, "a3"), "test:direct")]
    return Article(id=article_id, text=text, title=title, url=f"https://{publication}/{article_id}",
                   published="2022-06-21", origin=f"{article_id}.txt", source=Source(publication=publication),
                   actors=actors, quotes=quotes, events=events)


def border_dispute() -> Article:
    title = "Belarus accuses Ukraine over border incident"
    s1 = "Belarus accused Ukraine on July 4 of violating its airspace, the foreign ministry said."
    s2 = "Russia and Belarus signed a gas supply deal on July 12, Interfax reported."
    s3 = "Russia did not accuse Belarus of anything, a spokesman said."
    text = "\n\n".join([title, s1, s2, s3])
    actors = [Actor("a1", "Belarus", "BLR", "GOV", None, [], "country"),
              Actor("a2", "Ukraine", "UKR", "GOV", None, [], "country"),
              Actor("a3", "Russia", "RUS", "GOV", None, [], "country")]
    events = [
        _event(text, "e1", "ACCUSE", s1, "accused", [_side("Belarus", "BLR", "GOV", "a1")],
               [_side("Ukraine", "UKR", "GOV", "a2")], "2022-07-04", date_text="on July 4"),
        _event(text, "e2", "COOPERATE", s2, "signed a gas supply deal", [_side("Russia", "RUS", "GOV", "a3")],
               [_side("Belarus", "BLR", "GOV", "a1")], "2022-07-12", context=["economic"]),
        _event(text, "e3", "ACCUSE", s3, "did not accuse", [_side("Russia", "RUS", "GOV", "a3")],
               [_side("Belarus", "BLR", "GOV", "a1")], "2022-07-20", negated=True),
    ]
    s_start = text.index("a spokesman")
    quotes = [Quote("Russia did not accuse Belarus of anything", text.index(s3), text.index(s3) + 41, False, "said",
                    Speaker("a spokesman", s_start, s_start + 11, None), "test:indirect")]
    return Article(id="border-dispute", text=text, title=title, url=None, published="2022-07-13",
                   origin="border.txt", source=Source(publication="news.example"), actors=actors,
                   quotes=quotes, events=events)


def articles() -> list[Article]:
    """Three articles: a wire story, a copy of it on another site, and an unrelated one."""
    return [minsk_talks(), minsk_talks("minsk-talks-repost", "repost.example"), border_dispute()]


def build_store(path: Path, items: list[Article] | None = None) -> Path:
    """Write the articles (and one unreadable input) through the store writer."""
    from heron.errors import InputError
    from heron.store.duckdb import Store
    from heron.store import InputRecord

    entries = [InputRecord(a.origin or a.id, f"fp-{a.id}", a) for a in (items if items is not None else articles())]
    entries.append(InputRecord("broken.txt", "fp-broken", InputError("broken.txt", "empty input")))
    with Store(path) as store:
        store.write_batch(entries)
    return path


# (day, type, actor code, recipient code, place) -> one article with one event, for time series
# and place filters; places are (name, country, lat, lon, feature).
PLACES = {
    "Minsk": ("Minsk", "BLR", 53.9, 27.5667, "city"),
    "Kyiv": ("Kyiv", "UKR", 50.45, 30.5233, "city"),
    "Kharkiv": ("Kharkiv", "UKR", 49.9808, 36.2527, "city"),
    "Syria": ("Syria", "SYR", 35.0, 38.0, "country"),
    "Ohio": ("Ohio", "USA", 40.2, -82.9, "admin1"),
    "Suva": ("Suva", "FJI", -18.1416, 178.4415, "city"),
}


def dated_event(day: str, kind: str, actor: str, recipient: str, place: str | None = None,
                negated: bool = False) -> Article:
    """An article with one event between two countries on ``day``, optionally placed."""
    where = f" in {place}" if place else ""
    sentence = f"Officials of {actor} and {recipient} took part in an event of type {kind}{where} on {day}."
    title = f"{actor} {kind} {recipient} {day}"
    text = "\n\n".join([title, sentence])
    location = None
    if place:
        name, country, lat, lon, feature = PLACES[place]
        location = Location(place, country, lat, lon, None, name, "test:place", feature)
    event = _event(text, "e1", kind, sentence, "took part", [_side(actor, actor, "GOV", None)],
                   [_side(recipient, recipient, "GOV", None)], day, location=location, negated=negated)
    article_id = f"{actor}-{kind}-{recipient}-{day}-{place or 'nowhere'}-{int(negated)}".lower()
    return Article(id=article_id, text=text, title=title, url=f"https://wire.example/{article_id}",
                   published=day, origin=f"{article_id}.txt", source=Source(publication="wire.example"),
                   events=[event])
