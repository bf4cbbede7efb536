"""Stage `actors`: placeholder until implemented."""
from __future__ import annotations

from heron.config import Settings
from heron.pipeline.component import Stage
from heron.types import Article


class ActorStage(Stage):
    name = "actors"
    requires = ("doc",)
    provides = ("actors",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, article: Article) -> None:
        return None


def actors_in_span(article: Article, start: int, end: int) -> list:
    """Actors with a mention overlapping [start, end), in order of first overlap."""
    found = []
    for actor in article.actors:
        if any(s < end and start < e for s, e in actor.mentions) and actor not in found:
            found.append(actor)
    return found


def actor_for_span(article: Article, start: int, end: int):
    """The actor best covering [start, end), or None."""
    found = actors_in_span(article, start, end)
    return found[0] if found else None
