"""The records heron passes between stages and prints: plain dataclasses, no I/O.

Offsets (``start``, ``end``, ``mentions``) are Python string indices into ``Article.text``,
end exclusive. Field names follow the article-record contract (docs/records.md).
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

from heron.errors import one_line

Span = tuple[int, int]
# actor codes that name no state (organisations, "the West", militarized groups, companies):
# such an actor has no government sector and is never a protest's home state
NON_STATE_CODES = frozenset({"IGO", "NGO", "WST", "IMG", "MNC"})


def _plain(value: Any) -> Any:
    """Turn dataclasses, tuples and lists into JSON-ready values (recursively)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value) if not f.metadata.get("transient")}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def transient(default: Any = None) -> Any:
    """A field that lives on the object during processing but is never serialised."""
    return field(default=default, repr=False, compare=False, metadata={"transient": True})


@dataclass
class RawDocument:
    """One input as read from disk, stdin, a feed or an archive, before cleaning."""

    origin: str  # what the user named: a path, "path:line", "<stdin>", a feed item link
    text: str | None = None  # plain text, already decoded
    html: str | None = None  # raw HTML when the input was a web page
    id: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD
    site: str | None = None  # site / outlet name from metadata
    language: str | None = None  # the language the input declares (ISO 639-1), if any


@dataclass
class Removed:
    text: str
    reason: str  # promo, subscribe, share, authors, tags, comments, source, navigation, ...
    rule: str | None = None  # which boilerplate pattern matched


@dataclass
class Source:
    publication: str | None = None  # the outlet that first published the story ("rbc.ru")
    repost: bool = False
    reposted_by: str | None = None  # the site the text was taken from, when known
    rule: str | None = None  # what named the publication: a boilerplate rule id, "site-metadata", "url"


@dataclass
class Problem:
    stage: str  # read, decode, clean, parse, actors, quotes, events, store, ...
    message: str

    def __post_init__(self) -> None:
        self.message = one_line(self.message)  # it may quote the input: one bounded line, as every error


@dataclass
class Actor:
    id: str  # "a1", "a2", ... unique within an article
    name: str
    code: str | None = None  # ISO 3166-1 alpha-3, IGO, WST, NGO, MNC; None when unknown
    sector: str | None = None  # GOV, MIL, COP, ...
    wikidata: str | None = None
    mentions: list[Span] = field(default_factory=list)
    kind: str = "person"  # person, country, organisation, group, role
    rule: str | None = None  # dictionary entry or rule that coded it


@dataclass
class Speaker:
    text: str
    start: int
    end: int
    actor: str | None = None  # Actor.id
    name: str | None = None  # who the mention refers to: the actor's name or a pronoun's antecedent


@dataclass
class Quote:
    text: str
    start: int
    end: int
    direct: bool
    cue: str | None
    speaker: Speaker | None
    rule: str | None = None


@dataclass
class Participant:
    code: str | None
    sector: str | None
    entity_text: str
    actor: str | None = None  # Actor.id
    start: int | None = None
    end: int | None = None
    inferred: str | None = None  # the rule that supplied this side from the story ("counterpart:reacted-to")


@dataclass
class Location:
    text: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    name: str | None = None  # the gazetteer's name ("Saint Petersburg" for "St. Petersburg")
    rule: str | None = None  # gazetteer rule that resolved it (gazetteer:city, gazetteer:country, ...)
    feature: str | None = None  # level: city, admin1 (state, province, region), country, continent


@dataclass
class Claim:
    text: str
    actor: str | None = None  # Actor.id


@dataclass
class EventMention:
    """One telling of an event in the article: the headline, the lead, a later retelling."""

    text: str  # the sentence
    start: int
    end: int
    event_text: str  # the words that triggered it
    rule: str  # the lexicon entry or rule that fired on this telling


@dataclass
class Event:
    id: str
    event: str  # PLOVER type
    mode: str | None
    context: list[str]
    date: str | None
    date_text: str | None
    actor: list[Participant]
    recipient: list[Participant]
    location: Location | None
    quad_code: int
    event_scale: float
    cameo: str
    goldstein: float
    text: str  # the sentence
    start: int
    end: int
    event_text: str
    asserted_by: Claim | None = None
    negated: bool = False
    confidence: float = 0.5
    rule: str = ""
    mentions: list[EventMention] = field(default_factory=list)  # every telling, in text order (story stage)
    status: str = "happened"  # happened | planned | expected | background (events/eventness.py) | commentary | unattributed
    due: str | None = None  # the date a planned or expected event is set for (never a past date)

    def __repr__(self) -> str:
        """Who did what to whom, negation spelled out: Event(e3: RUS NOT ACCUSE BLR, ...)."""
        def side(parts: list[Participant]) -> str:
            return "+".join(p.code or "?" for p in parts) or "-"

        what = f"NOT {self.event}" if self.negated else self.event
        return (f"Event({self.id}: {side(self.actor)} {what} {side(self.recipient)}, negated={self.negated}, "
                f"date={self.date!r}, event_text={self.event_text!r})")


# What an event's status says (pipeline/events/eventness.py, docs/records.md)
EVENT_STATUSES = ("happened", "planned", "expected", "background", "commentary", "unattributed")
# Event statuses an event data set counts: what happened (also as background) and what was
# decided, promised or scheduled by the actors; an "expected" event is others' forecast, no act;
# "commentary" is an analyst's statement, "unattributed" a statement or exchange no political
# actor is named for (pipeline/events/commentary.py).
COUNTED_STATUSES = ("happened", "planned", "background")


@dataclass
class Article:
    """The one object that flows through the pipeline; each stage adds its fields."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    language: str = "en"
    published: str | None = None
    origin: str | None = None  # where heron read it from
    source: Source = field(default_factory=Source)
    removed: list[Removed] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    doc: Any = transient()  # the spaCy Doc over ``text``, set by the parse stage
    stages: list[str] = transient(None)  # names of the stages that ran, in order
    budget: Any = transient()  # the input's time budget (pipeline.budget.Budget), set by the pipeline

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    def actor_by_id(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)
