"""The spaCy parse: loads the language's model once and parses articles in batches.

Each paragraph is parsed on its own and the pieces joined back into one Doc over the whole
text, so a sentence, and every dependency arc, ends where the paragraph ends: a title without
a final period never runs into the lede.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice

from heron.config import Settings
from heron.pipeline.component import Stage, run_guarded
from heron.pipeline.knowledge import Knowledge
from heron.pipeline.text.identify import CODED
from heron.types import Article

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def paragraphs(text: str) -> list[str]:
    """The text cut after each blank-line run; the pieces join back to exactly ``text``."""
    cuts = [m.end() for m in PARAGRAPH_BREAK.finditer(text) if m.end() < len(text)]
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:]) if b > a] or [text]


class ParseStage(Stage):
    name = "parse"
    provides = ("doc",)

    def __init__(self, settings: Settings, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.nlp = knowledge.nlp
        self.language = knowledge.language
        self.batch_size = settings.batch_size

    def __call__(self, article: Article) -> None:
        article.doc = self._join(list(self.nlp.pipe(paragraphs(article.text))))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        stream = iter(articles)
        while batch := list(islice(stream, self.batch_size)):
            # text in a language heron does not code is not parsed (run_guarded passes it by)
            pieces = [paragraphs(a.text) if a.language in CODED else [] for a in batch]
            parsed = iter(self.nlp.pipe([p for ps in pieces for p in ps], batch_size=self.batch_size * 8))
            for article, own in zip(batch, pieces):
                docs = [next(parsed) for _ in own]
                run_guarded(self, article, lambda a, d=docs: setattr(a, "doc", self._join(d)))
                yield article

    def _join(self, docs: list):
        from spacy.tokens import Doc

        doc = docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
        self.language.adapt(doc)
        return doc
