"""A language's word lists, read from its data folder into read-only objects the knowledge
object holds: speech words (speech.yaml), words that refer back to actors (references.yaml)
and the other named lists the stages use (words.yaml). Every list names its source there.
"""
from __future__ import annotations

from heron.errors import DataFileError
from heron.pipeline.text.language import Language

SPEECH_FILE = "speech.yaml"
LISTS = ("verbs", "clause_verbs", "intent_verbs", "quote_verbs", "hedges", "hedge_subjects", "colon_labels",
         "passive_subjects", "addressee_verbs", "not_cues", "relative_pronouns", "title_small_words")
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
        keys = REFERENCE_KINDS + ("determiners", "blockers", "numbers", "window_sentences", "max_unnumbered", "pronouns")
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
