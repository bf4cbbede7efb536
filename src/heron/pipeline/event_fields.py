"""Event fields that other stages own: the date (pipeline.dates), the place (pipeline.places)
and the scores (pipeline.scores). Until a module is present, date and place stay None and the
scores come from the PLOVER base values in the event lexicon's type files.
"""
from __future__ import annotations

import importlib

from heron.pipeline.event_lexicon import Lexicon
from heron.types import Article, Location


def _function(module: str, name: str):
    try:
        return getattr(importlib.import_module(f"heron.pipeline.{module}"), name, None)
    except ImportError:
        return None


def date_for(article: Article, span: tuple[int, int], anchor: int, notes: set[str]) -> tuple[str | None, str | None]:
    resolve = _function("dates", "resolve_date")
    if resolve is None:
        return article.published, None
    try:
        date, text = resolve(article, span[0], span[1], anchor)
    except Exception as exc:  # a date failure must not lose the event; it is reported
        notes.add(f"date not resolved ({type(exc).__name__}: {exc})")
        return None, None
    return date, text


def location_for(article: Article, span: tuple[int, int], notes: set[str]) -> Location | None:
    locate = _function("places", "locate")
    if locate is None:
        return None
    try:
        return locate(article, *span)
    except Exception as exc:  # as above: keep the event, report the failure
        notes.add(f"place not resolved ({type(exc).__name__}: {exc})")
        return None


def scores(event: str, cameo: str | None, mode: str | None, lexicon: Lexicon) -> dict:
    """quad_code, event_scale, cameo and goldstein for a type (and its CAMEO code when known)."""
    scores_for = _function("scores", "scores_for")
    if scores_for is not None:
        out = scores_for(event, cameo, mode)
        return {k: out[k] for k in ("quad_code", "event_scale", "cameo", "goldstein")}
    info = lexicon.types[event]
    return {"quad_code": info.quad, "event_scale": info.scale, "cameo": cameo or info.cameo,
            "goldstein": info.goldstein}
