"""A language's word lists, read from its data folder into read-only objects the knowledge
object holds: speech words (speech.yaml), words that refer back to actors (references.yaml)
and the other named lists the stages use (words.yaml). Every list names its source there.
"""
from __future__ import annotations

import re

from heron.errors import DataFileError
from heron.pipeline.text.language import Language

SPEECH_FILE = "speech.yaml"
LISTS = ("verbs", "clause_verbs", "intent_verbs", "quote_verbs", "hedges", "hedge_subjects", "colon_labels",
         "passive_subjects", "addressee_verbs", "not_cues", "relative_pronouns", "title_small_words",
         "complementizers", "label_links", "label_addressees")
TABLES = ("prepositional", "demand_prepositions", "pronouns", "gendered_titles")


class SpeechWords:
    """The speech words of one language."""

    def __init__(self, language: Language) -> None:
        data = language.read_yaml(SPEECH_FILE)
        missing = [k for k in LISTS + TABLES if not isinstance((data or {}).get(k), list if k in LISTS else dict)]
        if missing:
            raise DataFileError(language.where(SPEECH_FILE), f"needs {', '.join(missing)}")
        # lemmas of verbs that introduce reported speech ("say", "note", "stress", ...)
        self.reporting_verbs = frozenset(data["verbs"])
        # lemmas that attribute content only with a clause ("the poll found that ...")
        self.clause_verbs = frozenset(data["clause_verbs"])
        # lemmas whose "to"-infinitive is reported content ("vowed to build ...")
        self.intent_verbs = frozenset(data["intent_verbs"])
        # reporting verbs plus those that name speech only beside a quote ("she continued")
        self.quote_verbs = self.reporting_verbs | frozenset(data["quote_verbs"])
        # cue word lemma -> its preposition ("accord" -> "to" for "according to X")
        self.prepositional: dict[str, str] = dict(data["prepositional"])
        # verb lemma -> the preposition whose object is what was called for ("call" -> "for")
        self.demand_prepositions: dict[str, str] = dict(data["demand_prepositions"])
        # words that open a line as a label before a colon ("Update:"), not a speaker
        self.colon_labels = frozenset(data["colon_labels"])
        # subjects of "This was stated by X" that point back to the sentence before
        self.passive_subjects = frozenset(data["passive_subjects"])
        # verbs whose object is the one addressed ('told NBC's "Today"'), not what was said
        self.addressee_verbs = frozenset(data["addressee_verbs"])
        # auxiliaries never taken for a cue beside a quote
        self.not_cues = frozenset(data["not_cues"])
        # relative pronouns opening a speaker phrase ("the senator, who said ...")
        self.relative_pronouns = frozenset(data["relative_pronouns"])
        # words title case leaves in lower case (a quoted title vs. quoted words)
        self.title_small_words = frozenset(data["title_small_words"])
        # words opening a reported clause that are not what was said ("that", "whether")
        self.complementizers = frozenset(data["complementizers"])
        # small words inside a "Name: words" label, and those that end the name ("X to Y:")
        self.label_links = frozenset(data["label_links"])
        self.label_addressees = frozenset(data["label_addressees"])
        self._hedges = frozenset(data["hedges"])
        self._hedge_subjects = frozenset(data["hedge_subjects"])
        self._pronouns: dict[str, str] = dict(data["pronouns"])
        self._title_genders = {word: gender for gender, words in data["gendered_titles"].items() for word in words}

    def is_hedge(self, verb_lemma: str, subject: str) -> bool:
        """True for "I think", "you know", "we believe": a hedge, not an attribution."""
        return verb_lemma.lower() in self._hedges and subject.lower() in self._hedge_subjects

    def pronoun_kind(self, word: str) -> str | None:
        """'male', 'female', 'plural', 'first' for a subject pronoun, else None."""
        return self._pronouns.get(word.lower())

    def gender_of_title(self, word: str) -> str | None:
        """'male' or 'female' for a gendered title or kinship word ("Mrs", "king"), else None."""
        return self._title_genders.get(word.lower().rstrip("."))


REFERENCES_FILE = "references.yaml"
REFERENCE_KINDS = ("people", "states", "sides")


class ReferenceWords:
    """Plural nouns that refer back to actors named before ("the two leaders") and what blocks them."""

    def __init__(self, language: Language) -> None:
        data = language.read_yaml(REFERENCES_FILE)
        keys = REFERENCE_KINDS + ("determiners", "blockers", "numbers", "window_sentences", "max_unnumbered", "pronouns",
                                  "organisations", "singular_determiners", "fighters")
        missing = [k for k in keys if (data or {}).get(k) is None]
        if missing:
            raise DataFileError(language.where(REFERENCES_FILE), f"needs {', '.join(missing)}")
        self.kinds = {term: kind for kind in REFERENCE_KINDS for term in data[kind]}
        self.determiners = frozenset(data["determiners"])
        self.blockers = frozenset(data["blockers"])
        self.numbers: dict[str, int] = {str(k): int(v) for k, v in data["numbers"].items()}
        self.window_sentences = int(data["window_sentences"])
        self.max_unnumbered = int(data["max_unnumbered"])
        self.pronouns: dict[str, str] = {str(k): str(v) for k, v in data["pronouns"].items()}  # word -> male|female|plural|first
        self.organisations = frozenset(data["organisations"])
        self.singular_determiners = frozenset(data["singular_determiners"])
        self.fighters = frozenset(data["fighters"])


WORDS_FILE = "words.yaml"
STORY_FILE = "story.yaml"


class WordLists:
    """The named word lists of the language's words.yaml: ``words["locative"]`` is a frozenset
    of lower-case words; a table (a mapping) keeps its values. Asking for a list the file does
    not have is an error naming the file, not an empty set."""

    def __init__(self, language: Language, name: str = WORDS_FILE) -> None:
        """``name``: the language's file of lists (words.yaml; story.yaml for the story stage)."""
        data = language.read_yaml(name) or {}
        if not isinstance(data, dict):
            raise DataFileError(language.where(name), "expected a mapping of list names to word lists")
        self.where = language.where(name)
        self._lists: dict[str, frozenset[str] | dict] = {}
        for name, value in data.items():
            if isinstance(value, dict):
                self._lists[name] = {str(k).lower(): v for k, v in value.items()}
            elif isinstance(value, int):  # a number the rules use (a window in sentences)
                self._lists[name] = value
            elif isinstance(value, list):
                self._lists[name] = frozenset(str(w).lower() for w in value)
            else:
                raise DataFileError(self.where, f"{name}: expected a list or a mapping")

    def __getitem__(self, name: str):
        try:
            return self._lists[name]
        except KeyError:
            raise DataFileError(self.where, f"has no word list {name!r}") from None

    def __contains__(self, name: str) -> bool:
        return name in self._lists


DATES_FILE = "dates.yaml"
DATE_KEYS = ("months", "month_abbreviations", "weekdays", "numbers", "month_parts", "relative_days",
             "period_words", "bare_period_word", "bare_period_units", "units", "weekday_words", "month_words",
             "ago", "not_event_date", "date_prepositions", "year_cues", "future_cues", "past_markers",
             "prepositions", "future_auxiliaries", "past_auxiliaries", "plan_heads", "plan_verbs",
             "present_auxiliaries", "patterns", "year", "day")


def _alternation(words, capitalised: bool = False) -> str:
    """A regex alternation of `words`, longest first so a longer phrase wins over its prefix;
    with `capitalised`, each word also as it opens a sentence ("Last", "On")."""
    forms = {str(w) for w in words}
    if capitalised:
        forms |= {w[:1].upper() + w[1:] for w in forms}
    return "|".join(re.escape(w) for w in sorted(forms, key=lambda w: (-len(w), w)))


class DateWords:
    """How the language writes dates (dates.yaml): month and weekday names, relative words
    with their offsets, the cues around a date and the compiled date patterns."""

    def __init__(self, language: Language) -> None:
        data = language.read_yaml(DATES_FILE) or {}
        missing = [k for k in DATE_KEYS if k not in data]
        if missing:
            raise DataFileError(language.where(DATES_FILE), f"needs {', '.join(missing)}")
        self.months: dict[str, int] = {**data["months"], **data["month_abbreviations"]}
        self.weekdays: dict[str, int] = {day: i for i, day in enumerate(data["weekdays"])}
        self.numbers: dict[str, int] = {str(k): int(v) for k, v in data["numbers"].items()}
        self.month_parts: dict[str, str] = dict(data["month_parts"])  # part -> "middle" | "month"
        self.relative_days: dict[str, int] = dict(data["relative_days"])
        self.period_steps: dict[str, int] = dict(data["period_words"])
        self.bare_period_word = str(data["bare_period_word"])
        self.bare_period_units = frozenset(data["bare_period_units"])
        self.units: dict[str, str] = dict(data["units"])  # as written -> day | week | weekend | month | year
        # before a weekday or a month: -1 last, 0 this, 1 next, None a plain preposition ("on", "in")
        self.weekday_steps: dict[str, int | None] = dict(data["weekday_words"])
        self.month_steps: dict[str, int | None] = dict(data["month_words"])
        self.prepositions: dict[str, str] = dict(data["prepositions"])  # rule -> preposition kept in date_text
        self.future_auxiliaries = frozenset(data["future_auxiliaries"])
        self.past_auxiliaries = frozenset(data["past_auxiliaries"])
        self.plan_heads = frozenset(data["plan_heads"])
        self.plan_verbs = frozenset(data["plan_verbs"])
        self.present_auxiliaries = frozenset(data["present_auxiliaries"])
        self._compile(data, language.where(DATES_FILE))

    def _compile(self, data: dict, where: str) -> None:
        names = [m.capitalize() for m in data["months"]]
        abbreviations = [a.capitalize() + r"\.?" for a in sorted(data["month_abbreviations"], key=lambda a: -len(a))]
        fill = {
            "MONTH": "(?P<month>" + "|".join(names + abbreviations) + ")",
            "WEEKDAY": "(?P<weekday>" + "|".join(d.capitalize() for d in data["weekdays"]) + ")",
            "YEAR": data["year"], "DAY": data["day"],
            "NUMBER": r"(?P<number>\d{1,3}|" + _alternation(self.numbers) + ")",
            "PART": _alternation(self.month_parts), "AGO": re.escape(str(data["ago"])),
            "RELATIVE_DAY": _alternation(self.relative_days), "PERIOD_WORD": _alternation(self.period_steps),
            "WEEKDAY_WORD": _alternation(self.weekday_steps, capitalised=True),
            "MONTH_WORD": _alternation(self.month_steps, capitalised=True),
        }
        self.patterns: list[tuple[str, re.Pattern[str]]] = []
        for item in data["patterns"]:
            try:
                regex = re.sub(r"\{([A-Z_]+)\}", lambda m: fill[m.group(1)], item["regex"])
                self.patterns.append((item["rule"], re.compile(regex, re.I if item.get("ignore_case") else 0)))
            except (KeyError, TypeError, re.error) as exc:
                raise DataFileError(where, f"pattern {item!r}: {exc}") from exc
        self.not_event_date = re.compile(
            r"\b(?:" + _alternation(data["not_event_date"]) + r")\s+(?:(?:"
            + _alternation(data["date_prepositions"]) + r")[\s-]+)?$", re.I)
        self.year_cue = re.compile(r"\b(?:" + _alternation(data["year_cues"]) + r")[\s-]+$", re.I)
        self.future_cue = re.compile(r"\b(?:" + _alternation(data["future_cues"]) + r")\b", re.I)
        self.past_marker = re.compile(r"\b(?:" + _alternation(data["past_markers"]) + r")\b")
        self.preposition_before = {p: re.compile(r"\b(?:" + _alternation([p], capitalised=True) + r")\s+$")
                                   for p in set(self.prepositions.values())}

    def month(self, name: str) -> int:
        return int(name) if name.isdigit() else self.months[name.lower().rstrip(".")]
