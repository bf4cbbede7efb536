"""The per-input time budget: a runaway input becomes one failed input, the batch goes on."""
import pickle
import time

import pytest

from heron.errors import InputError, OverBudget
from heron.pipeline.budget import check
from heron.pipeline.component import Pipeline, Stage
from heron.types import RawDocument


class Slow(Stage):
    """Works a minute on an article whose text says SLOW (a second with "BRIEF"), checking the
    budget as heavy stages do: only the budget ends the minute early."""

    name = "slow"
    provides = ("slow",)

    def __call__(self, article):
        until = time.monotonic() + (60.0 if "SLOW" in article.text else 1.0 if "BRIEF" in article.text else 0.0)
        while time.monotonic() < until:
            check()
            time.sleep(0.005)


class After(Stage):
    name = "after"
    requires = ("slow",)
    provides = ("after",)

    def __call__(self, article):
        article.title = "after ran"


@pytest.fixture
def slow_pipeline(settings):
    from heron.pipeline.text.clean import Cleaner

    def build(budget: float) -> Pipeline:
        return Pipeline(Cleaner(settings), [Slow(), After()], time_budget=budget)

    return build


def test_runaway_input_fails_alone_and_names_the_stage(slow_pipeline):
    items = [RawDocument("first.txt", text="A short story."), RawDocument("big.txt", text="A SLOW story."),
             RawDocument("last.txt", text="Another short story.")]
    out = slow_pipeline(0.1).code_batch(items)
    assert [type(r).__name__ for r in out] == ["Article", "InputError", "Article"]
    assert out[1].origin == "big.txt"
    assert "time budget of 0.1 s used up in stage slow" in out[1].reason
    assert out[0].title == out[2].title == "after ran"


def test_stopped_stage_is_a_problem_and_later_stages_are_skipped(slow_pipeline):
    article = slow_pipeline(0.1).process(RawDocument("big.txt", text="A SLOW story."))
    assert [p.stage for p in article.problems] == ["slow", "after"]
    assert "time budget" in article.problems[0].message
    assert article.title != "after ran" and "slow" not in article.stages


def test_no_stage_starts_once_the_budget_is_used_up(slow_pipeline):
    pipe = slow_pipeline(0.1)
    article = pipe.clean(RawDocument("x.txt", text="A short story."))
    article.budget.spent = 0.2
    [coded] = list(pipe.pipe([article]))
    assert [p.stage for p in coded.problems] == ["slow", "after"]
    assert coded.budget.ran_out_in == "slow"


def test_zero_budget_means_no_limit(slow_pipeline):
    [article] = slow_pipeline(0).code_batch([RawDocument("big.txt", text="A BRIEF story.")])
    assert article.title == "after ran" and not article.problems


def test_check_outside_a_stage_does_nothing():
    check()


def test_budget_errors_cross_process_boundaries():
    error = pickle.loads(pickle.dumps(OverBudget("time budget of 1 s used up in stage quotes")))
    assert str(error) == "time budget of 1 s used up in stage quotes"


def test_real_pipeline_records_an_overrun_per_input(settings):
    from dataclasses import replace

    from heron.pipeline import build_pipeline

    pipe = build_pipeline(replace(settings, time_budget=1e-9))
    [result] = pipe.code_batch([RawDocument("a.txt", text="Russia and Belarus held talks in Minsk on Monday.")])
    assert isinstance(result, InputError) and result.origin == "a.txt"
    assert "time budget of 1e-09 s used up in stage parse" in result.reason


def test_cli_reports_one_line_per_overrun_and_exits_1(tmp_path, capsys):
    from heron.cli import main

    paths = []
    for name in ("one.txt", "two.txt"):
        path = tmp_path / name
        path.write_text("Russia and Belarus held talks in Minsk on Monday.", encoding="utf-8")
        paths.append(str(path))
    assert main(["code", "--json", "--time-budget", "0.000000001", *paths]) == 1
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 2 and all("time budget" in line for line in lines)
    assert captured.out == ""
