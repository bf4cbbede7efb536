"""The per-input time budget: a runaway input becomes a recorded problem, the batch goes on.

Python cannot stop running code from outside without risk: a signal or an asynchronous
exception lands at any bytecode, possibly inside spaCy or while a shared cache (a lexicon, the
gazetteer) is being built, and a thread cannot be killed at all. So stages stop themselves, at
points where stopping is safe:

- each Article carries a ``Budget`` (seconds allowed, seconds used so far);
- ``run_guarded`` (component.py) charges every stage's time on an article to its budget, does
  not start a stage once the budget is used up, and while a stage works makes the budget the
  current one (a ContextVar, so it needs no threading through every helper's arguments and
  never leaks to another article);
- the heavier loops (each text piece in parse; each sentence, quote and token in actors,
  quotes and events) call ``check()``, which raises ``OverBudget`` once the time is up.

The exception unwinds one stage's work on one article. Stages write their result onto the
Article only when they finish, and no check sits inside the builders of shared caches, so
nothing is left half-made: ``run_guarded`` records the stage and reason as a ``Problem``, later
stages that need the missing field are skipped, and ``Pipeline.code_batch`` turns the article
into an ``InputError`` naming the stage, so the CLI prints one line and exits 1, the store records
the input as a problem, and the rest of the batch is coded. A budget of 0 means no limit.
"""
from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from heron.errors import OverBudget
from heron.types import Article


@dataclass
class Budget:
    seconds: float  # allowed for the whole input; 0: no limit
    spent: float = 0.0
    ran_out_in: str | None = None  # the stage that was stopped

    @property
    def used_up(self) -> bool:
        return self.seconds > 0 and self.spent >= self.seconds

    def reason(self) -> str:
        return (f"time budget of {self.seconds:g} s used up in stage {self.ran_out_in}; nothing kept from this input "
                "(raise --time-budget, 0 for no limit, or split the input)")


@dataclass
class _Running:
    budget: Budget
    stage: str
    started: float

    def over(self) -> bool:
        return self.budget.seconds > 0 and self.budget.spent + time.monotonic() - self.started > self.budget.seconds


_CURRENT: ContextVar[_Running | None] = ContextVar("heron_budget", default=None)


def check() -> None:
    """Raise OverBudget when the article being worked on has used up its time."""
    running = _CURRENT.get()
    if running is not None and running.over():
        running.budget.ran_out_in = running.stage
        raise OverBudget(running.budget.reason())


def charge(article: Article, seconds: float) -> None:
    """Add time spent on the article outside a stage's own work (a shared parse batch)."""
    if article.budget is not None:
        article.budget.spent += seconds


def used_up(article: Article, stage: str) -> bool:
    """True (and the stage noted) when no time is left for ``stage`` on this article."""
    budget = article.budget
    if budget is None or not budget.used_up:
        return False
    budget.ran_out_in = budget.ran_out_in or stage
    return True


@contextmanager
def running(article: Article, stage: str):
    """Make the article's budget current while ``stage`` works on it; charge the time after."""
    budget = article.budget
    if budget is None:
        yield
        return
    token = _CURRENT.set(_Running(budget, stage, time.monotonic()))
    started = time.monotonic()
    try:
        yield
    finally:
        budget.spent += time.monotonic() - started
        _CURRENT.reset(token)
