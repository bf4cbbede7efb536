"""Event fields that other modules own: the date (events.dates), the place (events.places)
and the scores (events.scores, one pinned table). A failed date or place is a note on the
event's article, never a lost event.
"""
from __future__ import annotations

from heron.pipeline.events.dates import resolve_date
from heron.pipeline.events.places import Gazetteer, locate
from heron.pipeline.events.scores import PloverTable
from heron.pipeline.words import DateWords
from heron.types import Article, Location


def date_for(article: Article, words: DateWords, span: tuple[int, int], anchor: int,
             notes: set[str]) -> tuple[str | None, str | None]:
    try:
        return resolve_date(article, words, span[0], span[1], anchor)
    except Exception as exc:  # a date failure must not lose the event; it is reported
        notes.add(f"date not resolved ({type(exc).__name__}: {exc})")
        return None, None


def location_for(article: Article, span: tuple[int, int], anchor: int | None, gazetteer: Gazetteer,
                 notes: set[str]) -> Location | None:
    try:
        return locate(article, span[0], span[1], gazetteer, anchor)
    except Exception as exc:  # as above: keep the event, report the failure
        notes.add(f"place not resolved ({type(exc).__name__}: {exc})")
        return None


def scores(table: PloverTable, event: str, cameo: str | None, mode: str | None) -> dict:
    """quad_code, event_scale, cameo and goldstein for a type (and its CAMEO code when known)."""
    out = table.scores_for(event, cameo, mode)
    return {k: out[k] for k in ("quad_code", "event_scale", "cameo", "goldstein")}
