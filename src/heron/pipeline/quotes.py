"""Stage `quotes`: placeholder until implemented."""
from __future__ import annotations

from heron.config import Settings
from heron.pipeline.component import Stage
from heron.types import Article


class QuoteStage(Stage):
    name = "quotes"
    requires = ("doc",)
    provides = ("quotes",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, article: Article) -> None:
        return None
