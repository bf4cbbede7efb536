"""Stages and the pipeline that runs them: one Article flows through, each stage adds fields.

A stage declares what it ``requires`` (fields earlier stages wrote) and what it ``provides``;
the pipeline checks the order once when built. A stage that fails on one article records a
``Problem`` on it and the article goes on; stages that needed the failed one are skipped with
their own problem, so nothing is silently missing. Each input has a time budget (budget.py);
an input that uses it up comes out of ``code_batch`` as an InputError naming the stage.
"""
from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import Any, Callable, ClassVar

from heron.errors import HeronError, InputError
from heron.pipeline.budget import Budget, running, used_up
from heron.pipeline.text.identify import CODED
from heron.types import Article, Problem, RawDocument


class Stage:
    name: ClassVar[str] = "stage"
    requires: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ()

    def __call__(self, article: Article) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Run over a stream; stages with batch work (parsing) override this."""
        for article in articles:
            run_guarded(self, article, lambda a: self(a))
            yield article


def run_guarded(stage: Stage, article: Article, work: Callable[[Article], None]) -> None:
    """Run ``work`` unless a required field is missing; turn failures into problems. Text in a
    language heron does not code passes untouched (the cleaner recorded that as its problem)."""
    if article.language not in CODED:
        return
    missing = [r for r in stage.requires if r not in (article.stages or [])]
    if missing:
        article.problems.append(Problem(stage.name, f"skipped: needs {', '.join(missing)}"))
        return
    if used_up(article, stage.name):
        article.problems.append(Problem(stage.name, article.budget.reason()))
        return
    try:
        with running(article, stage.name):
            work(article)
    except Exception as exc:  # one article's failure must not end a batch
        message = str(exc) if isinstance(exc, HeronError) else f"{type(exc).__name__}: {exc}"
        article.problems.append(Problem(stage.name, message))
        return
    article.stages = (article.stages or []) + list(stage.provides)


class Pipeline:
    def __init__(self, cleaner: Callable[[RawDocument], Article], stages: list[Stage], knowledge: Any = None,
                 time_budget: float = 0.0) -> None:
        """``knowledge``: the Knowledge the stages were built with (for callers that code spans);
        ``time_budget``: seconds each input may take (0: no limit)."""
        provided = {"text", "title", "removed", "source"}
        for stage in stages:
            missing = set(stage.requires) - provided
            if missing:
                raise HeronError(f"stage {stage.name!r} needs {sorted(missing)}, which no earlier stage provides")
            provided |= set(stage.provides)
        self.cleaner = cleaner
        self.stages = stages
        self.knowledge = knowledge
        self.time_budget = time_budget

    @property
    def stage_names(self) -> list[str]:
        return [s.name for s in self.stages]

    def clean(self, raw: RawDocument) -> Article:
        """RawDocument -> Article; raises InputError when nothing usable is left."""
        started = time.monotonic()
        article = self.cleaner(raw)
        article.stages = ["text", "title", "removed", "source"]
        article.budget = Budget(self.time_budget, spent=time.monotonic() - started)
        return article

    def process(self, raw: RawDocument) -> Article:
        return next(self.pipe([self.clean(raw)]))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        stream: Iterable[Article] = articles
        for stage in self.stages:
            stream = stage.pipe(stream)
        yield from stream

    def code_batch(self, items: list[RawDocument | InputError]) -> list[Article | InputError]:
        """Clean and code one batch, keeping input order; failures stay in place as InputErrors."""
        cleaned: list[Article | InputError] = []
        for item in items:
            if isinstance(item, InputError):
                cleaned.append(item)
                continue
            try:
                cleaned.append(self.clean(item))
            except InputError as exc:
                cleaned.append(exc)
        coded = iter(self.pipe([c for c in cleaned if isinstance(c, Article)]))
        return [_ran_out(next(coded)) if isinstance(c, Article) else c for c in cleaned]


def _ran_out(article: Article) -> Article | InputError:
    """An article whose time budget ran out is an input that failed: its record is partial."""
    budget = article.budget
    if budget is None or budget.ran_out_in is None:
        return article
    return InputError(article.origin or article.id, budget.reason())
