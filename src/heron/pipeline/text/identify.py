"""Which language an article is written in: py3langid (an offline naive Bayes model shipped
inside the package, 97 languages, ISO 639-1 codes), on the article's letters.

heron's lexicons and model are English, so only English text is coded; any other language
keeps its code in ``Article.language`` and gets a problem saying it was not coded, rather than
being coded as if it were English. A mostly English text with a line in another language (a
Russian source line under a translated story) is English: the share of the text decides.

The model takes about 100 MB in each worker, so plainly English text does without it: when a
quarter or more of the words are English function words (spaCy's English stop-word list; news
in English has 30-45 %, French or German text under 12 %), the text is English.
"""
from __future__ import annotations

import re

CODED = ("en",)
SAMPLE_CHARS = 5000  # the opening of the text decides; enough for a sure call, fast on long texts
MIN_LETTERS = 40  # below this a guess is noise: such a short text is taken as English
MIN_PROBABILITY = 0.9
PLAINLY_ENGLISH = 0.25  # share of English function words above which no model is needed
_WORD = re.compile(r"[^\W\d_]+")


class Identifier:
    """The py3langid model, loaded on the first text that needs it (a cleaner holds one)."""

    def __init__(self) -> None:
        self._model = None

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def classify(self, sample: str) -> tuple[str, float]:
        if self._model is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            self._model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return self._model.classify(sample)


def detect_language(text: str, declared: str | None = None, identifier: Identifier | None = None) -> str:
    """ISO 639-1 code of the text's language. When the text is too short to tell or the model
    is unsure, the language the input declared (a crawler's ``language`` field), else "en"."""
    fallback = (declared or "en").strip().lower()[:2] or "en"
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return fallback
    if english_share(sample) >= PLAINLY_ENGLISH:
        return "en"
    language, probability = (identifier or Identifier()).classify(sample)
    return language if probability >= MIN_PROBABILITY else fallback


def english_share(text: str) -> float:
    """The share of the words that are English function words ("the", "of", "said", ...)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = [w.lower() for w in _WORD.findall(text)]
    return sum(w in STOP_WORDS for w in words) / len(words) if words else 0.0


def not_coded_message(language: str) -> str:
    return (f"language {language!r} detected: heron codes English text only, so no actors, quotes or "
            "events were coded (translate the text to English to code it)")
