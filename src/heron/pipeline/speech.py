"""Reporting (speech) verbs and cues, shared by the quote and event stages.

Loaded from data/lexicon/speech.yaml; every list there names its source.
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


def clause_verbs() -> frozenset[str]:
    """Lemmas that attribute content only with a clause ("the poll found that ...")."""
    return frozenset(speech_lexicon()["clause_verbs"])


def intent_verbs() -> frozenset[str]:
    """Lemmas whose "to"-infinitive is reported content ("vowed to build ...")."""
    return frozenset(speech_lexicon()["intent_verbs"])


def quote_verbs() -> frozenset[str]:
    """Reporting verbs plus those that name speech only beside a quote ("she continued")."""
    return reporting_verbs() | frozenset(speech_lexicon()["quote_verbs"])


def is_hedge(verb_lemma: str, subject: str) -> bool:
    """True for "I think", "you know", "we believe": a hedge, not an attribution."""
    lexicon = speech_lexicon()
    return verb_lemma.lower() in lexicon["hedges"] and subject.lower() in lexicon["hedge_subjects"]


def prepositional_cues() -> dict[str, str]:
    """Cue word lemma -> its preposition ("accord" -> "to" for "according to X")."""
    return dict(speech_lexicon()["prepositional"])


def demand_prepositions() -> dict[str, str]:
    """Verb lemma -> the preposition whose object is what was called for ("call" -> "for")."""
    return dict(speech_lexicon()["demand_prepositions"])


def colon_labels() -> frozenset[str]:
    """Words that open a line as a label before a colon ("Update:"), not a speaker."""
    return frozenset(speech_lexicon()["colon_labels"])


def pronoun_kind(word: str) -> str | None:
    """'male', 'female', 'plural', 'first' for a subject pronoun, else None."""
    return speech_lexicon()["pronouns"].get(word.lower())


@lru_cache(maxsize=1)
def _title_genders() -> dict[str, str]:
    table = speech_lexicon()["gendered_titles"]
    return {word: gender for gender, words in table.items() for word in words}


def gender_of_title(word: str) -> str | None:
    """'male' or 'female' for a gendered title or kinship word ("Mrs", "king"), else None."""
    return _title_genders().get(word.lower().rstrip("."))
