"""Cues: what tells that a paragraph may hold something a later stage reads from the parse.

The dependency parse is the dearest part of spaCy's pipeline that heron can do without
somewhere. Every stage that reads it starts from a word or a mark it can see without it: an
event from a lexicon trigger (or a modal verb, a crowd noun, a light verb), a quote from a
quotation mark or a speech word, an actor from a name (a dictionary hit, a proper noun), a role
term or a word that refers back to one; places and dates are read only for events.
A paragraph with none of these is parsed by no stage, so the parse stage may leave it out
(pipeline/text/parse.py). The words come from the knowledge object, so they grow with the
lexicon and the user's files; nothing here is a word list of its own.

A paragraph is the unit, not a sentence: the parser sets the sentence boundaries, and spaCy's
parse of a sentence depends on its neighbours in the same text, so only a whole text handed to
the parser alone (a paragraph; see parse.py) parses the same with or without the others.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property

from heron.pipeline.knowledge import Knowledge
from heron.pipeline.quotes.marks import DOUBLE_MARKS

LEAD_IN = ":"  # a paragraph ending so leads into a quote opening the next (quotes/stage.py, _lead_in)
NAME_POS = "PROPN"  # the part of speech of a word that may be (part of) a name the actor stage joins


class Cues:
    """The cue words of one knowledge object (lower case), and the model's ways from a word to
    its possible lemmas, gathered once per parse stage.

    ``in_text`` reads a Doc that has been tagged but not parsed, lemmatised or labelled with
    entities (in spaCy's English models the attribute ruler and the lemmatiser read the parse,
    and the entity recogniser keeps an entity within one of the parser's sentences). A name is
    seen by its tag (a proper noun) or the actor dictionary; where a stage would compare a lemma,
    every lemma the lemmatiser could give the word counts: its exceptions and suffix rules for
    any part of speech, and the lexicon's own de-inflections."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.words = frozenset(w.lower() for w in _words(knowledge) if w)
        # pronouns that refer back to actors: a closed class, matched as written ("is" is no "i")
        self.pronouns = frozenset(w.lower() for w in knowledge.references.pronouns)
        self.marks = frozenset(DOUBLE_MARKS)
        tables = _lemma_tables(knowledge.nlp)
        self.usable = tables is not None and bool(self.name_tags)
        self.exceptions, self.rules, self.known = tables or ({}, (), frozenset())

    @cached_property
    def name_tags(self) -> frozenset[str]:
        """Fine-grained tags the attribute ruler maps to a proper noun (NNP, NNPS)."""
        if "attribute_ruler" not in self.knowledge.nlp.component_names:
            return frozenset()
        ruler = self.knowledge.nlp.get_pipe("attribute_ruler")
        return frozenset(token["TAG"] for rule in ruler.patterns if rule["attrs"].get("POS") == NAME_POS
                         for pattern in rule["patterns"] for token in pattern if set(token) == {"TAG"})

    def in_text(self, doc) -> bool:
        """True when the Doc (tagged, not parsed) holds a cue, ends in a colon (the quote stage
        reads the clause before it as the lead-in to a quote below), or a run of symbols ("___",
        "@name_1"): the parser may split a sentence there, and the sentence recogniser that
        marks the sentences of an unparsed piece would not, so sentence numbers would differ."""
        matcher = self.knowledge.matcher
        text = doc.text
        if self.marks.intersection(text) or text.rstrip().endswith(LEAD_IN) or matcher.cased(doc) or matcher.uncased(doc):
            return True
        speech = self.knowledge.speech
        if not any(token.is_alpha for token in doc):
            return True
        return any(token.tag_ in self.name_tags or token.lower_ in self.pronouns or speech.pronoun_kind(token.text)
                   or not (token.is_alpha or token.is_space or len(token.text) == 1) or self._cued(token.lower_)
                   for token in doc)

    def _cued(self, word: str) -> bool:
        if word in self.words:
            return True
        return any(form in self.words for form in self.lemmas(word))

    def lemmas(self, word: str) -> set[str]:
        """Every lemma the model's rule lemmatiser or the lexicon's de-inflections could give."""
        found = set(self.exceptions.get(word, ()))
        for old, new in self.rules:  # as the rule lemmatiser: a form it knows, or one not all letters
            form = word[: len(word) - len(old)] + new
            if word.endswith(old) and (form in self.known or not form.isalpha()):
                found.add(form)
        found.update(self.knowledge.lexicon.inflections.undo(word))
        return found


def _lemma_tables(nlp) -> tuple[dict[str, tuple[str, ...]], tuple[tuple[str, str], ...], frozenset[str]] | None:
    """The rule lemmatiser's exceptions (word -> lemmas), suffix rules and known lemmas, over
    every part of speech; None when the model has no such lemmatiser."""
    if "lemmatizer" not in nlp.component_names:
        return None
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not all(lookups.has_table(name) for name in ("lemma_exc", "lemma_rules", "lemma_index")):
        return None
    exceptions: dict[str, set[str]] = {}
    for table in lookups.get_table("lemma_exc").values():
        for word, lemmas in table.items():
            exceptions.setdefault(word.lower(), set()).update(l.lower() for l in lemmas)
    rules = {(old, new) for table in lookups.get_table("lemma_rules").values() for old, new in table}
    known = frozenset(w.lower() for table in lookups.get_table("lemma_index").values() for w in table)
    return {w: tuple(ls) for w, ls in exceptions.items()}, tuple(sorted(rules)), known


def _words(knowledge: Knowledge) -> Iterable[str]:
    """The words that open a stage's rule: the lexicon's trigger words (the verb of a verb or
    verb + object entry, the last word of a nominal event; an entry's other words only count
    beside it), the imported verb dictionary's verbs, the speech words, the nouns that refer
    back to actors and the last content word of each role term. Modal and light verbs need a trigger or a speaker beside them, "this was
    said by" and colon labels ("Q:") a name."""
    lexicon, speech, references = knowledge.lexicon, knowledge.speech, knowledge.references
    yield from lexicon.verbs
    yield from lexicon.phrases
    yield from lexicon.nouns
    for group in (speech.reporting_verbs, speech.clause_verbs, speech.intent_verbs, speech.quote_verbs,
                  speech.prepositional, speech.demand_prepositions, speech.addressee_verbs):
        yield from group
    yield from references.kinds
    stop_words = knowledge.nlp.Defaults.stop_words
    # the imported verb dictionary's lemmas; "is", "make", "take" code only in a pattern, between
    # coded actors, whose names are cues of their own
    yield from (verb for verb in knowledge.verbs.verbs if verb not in stop_words)
    for term in knowledge.actors.roles:  # its last content word: "central jail of" -> "jail"
        content = [w for w in term.split() if w.lower() not in stop_words]
        if content:
            yield content[-1]
