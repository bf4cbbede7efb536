"""A language as heron sees it: a folder of data and a small adapter for its parser.

The folder (``heron/data/lang/<code>/``) holds every word list, dictionary and lexicon the
stages use for that language, and ``language.yaml``: the spaCy models to try and how the
model's labels map to heron's. heron's rules are written against one label set, the one
spaCy's English models use (see ``HERON_DEPS``); a model with another scheme is relabelled
once, right after parsing, so no stage spells out another language's labels. A language
with needs beyond data subclasses ``Language`` and registers it in ``heron.registry.LANGUAGES``.
See docs/architecture.md.
"""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any, ClassVar

import yaml

from heron.errors import DataFileError, HeronError, ModelNotFound
from heron.registry import LANGUAGES, resolve

# heron's dependency labels (ClearNLP, as spaCy's English models emit them)
HERON_DEPS = frozenset({
    "ROOT", "acl", "acomp", "advcl", "advmod", "agent", "amod", "appos", "attr", "aux", "auxpass", "case",
    "cc", "ccomp", "compound", "conj", "csubj", "csubjpass", "dative", "dep", "det", "dobj", "expl", "intj",
    "mark", "meta", "neg", "nmod", "npadvmod", "nsubj", "nsubjpass", "nummod", "oprd", "parataxis", "pcomp",
    "pobj", "poss", "preconj", "predet", "prep", "prt", "punct", "quantmod", "relcl", "xcomp", "flat"})
# heron's entity labels (OntoNotes)
HERON_ENTS = frozenset({
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE",
    "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
LABEL_KINDS = ("dep", "ent", "tag")


def lemma(token) -> str:
    """A token's lemma in lower case: how every stage compares a word with its word lists."""
    return token.lemma_.lower()


class Language:
    """The data folder, models and label mapping of one language (English by default)."""

    code: ClassVar[str] = "en"

    def __init__(self) -> None:
        data = self.read_yaml("language.yaml")
        if not isinstance(data, dict) or not isinstance(data.get("models"), list):
            raise DataFileError(self.where("language.yaml"), "needs a 'models' list")
        self.name = str(data.get("name") or self.code)
        self.models = tuple(str(m) for m in data["models"])
        self.install_hint = str(data.get("install_hint") or "")
        # an imported dictionary under the curated actor files ("petrarch": PETRARCH2's, English)
        self.base_actors = str(data.get("base_actors") or "") or None
        labels = data.get("labels") or {}
        self.labels = {kind: dict(labels.get(kind) or {}) for kind in LABEL_KINDS}
        self._check_labels()

    # -- the data folder ---------------------------------------------------------------
    def folder(self) -> Traversable:
        """Where this language's data files live."""
        return files("heron").joinpath("data", "lang", self.code)

    def where(self, relative: str) -> str:
        """How error messages name a data file of this language."""
        return f"lang/{self.code}/{relative}"

    def path(self, relative: str) -> Traversable:
        node = self.folder()
        for part in relative.split("/"):
            node = node.joinpath(part)
        return node

    def read_text(self, relative: str) -> str:
        try:
            return self.path(relative).read_text(encoding="utf-8")
        except OSError as exc:
            raise DataFileError(self.where(relative), f"cannot read: {exc.strerror or exc}") from exc

    def read_yaml(self, relative: str) -> Any:
        try:
            return yaml.safe_load(self.read_text(relative))
        except yaml.YAMLError as exc:
            raise DataFileError(self.where(relative), f"not valid YAML: {exc}") from exc

    # -- the parser ----------------------------------------------------------------------
    def load_model(self, name: str | None):
        """The spaCy pipeline for this language: ``name``, else the first known model installed."""
        return load_model(name, self.models, self.install_hint)

    def adapt(self, doc) -> None:
        """Relabel a parsed Doc into heron's label set; nothing to do when the model uses it."""
        deps, ents, tags = (self.labels[k] for k in LABEL_KINDS)
        if deps or tags:
            for token in doc:
                token.dep_ = deps.get(token.dep_, token.dep_)
                token.tag_ = tags.get(token.tag_, token.tag_)
        if ents:
            from spacy.tokens import Span

            doc.ents = [Span(doc, e.start, e.end, label=ents.get(e.label_, e.label_)) for e in doc.ents]

    def _check_labels(self) -> None:
        known = {"dep": HERON_DEPS, "ent": HERON_ENTS}
        for kind, table in known.items():
            wrong = sorted(v for v in self.labels[kind].values() if v not in table)
            if wrong:
                raise DataFileError(self.where("language.yaml"), f"labels.{kind} maps to unknown heron labels {wrong}")


@lru_cache(maxsize=2)
def load_model(name: str | None, known: tuple[str, ...], install_hint: str = ""):
    """Load the named spaCy model, or the first of the language's ``known`` models installed."""
    import spacy

    names = (name,) if name else known
    for candidate in names:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    hint = f"; install one: {install_hint}" if install_hint else ""
    raise ModelNotFound(f"no spaCy model found (tried {', '.join(names)}){hint}")


def language_for(code: str) -> Language:
    """The registered language adapter for a language code ("en")."""
    if code not in LANGUAGES:
        raise HeronError(f"no language {code!r} is registered (known: {', '.join(sorted(LANGUAGES))})")
    return resolve(LANGUAGES[code])()
