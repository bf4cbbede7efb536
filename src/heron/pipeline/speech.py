"""Reporting (speech) verbs and cues, shared by the quote and event stages.

Loaded from data/lexicon/speech.yaml.
"""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

import yaml


@lru_cache(maxsize=1)
def speech_lexicon() -> dict:
    text = files("heron").joinpath("data/lexicon/speech.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def reporting_verbs() -> frozenset[str]:
    """Lemmas of verbs that introduce reported speech ("say", "note", "stress", ...)."""
    return frozenset(speech_lexicon()["verbs"])
