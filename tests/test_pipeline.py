import pytest

from heron.errors import HeronError
from heron.pipeline import build_pipeline
from heron.pipeline.component import Pipeline, Stage
from heron.types import RawDocument


class NeedsDoc(Stage):
    name = "needs_doc"
    requires = ("doc",)


def test_pipeline_rejects_stage_whose_requirement_nobody_provides(settings):
    from heron.pipeline.text.clean import Cleaner

    with pytest.raises(HeronError, match="needs_doc"):
        Pipeline(Cleaner(settings), [NeedsDoc()])


def test_stages_run_in_registry_order(pipeline):
    assert pipeline.stage_names == ["parse", "actors", "quotes", "events", "story"]


def test_failing_stage_becomes_problem_and_later_stages_are_skipped(settings):
    class Boom(Stage):
        name = "boom"
        provides = ("boom",)

        def __call__(self, article):
            raise ValueError("broken on purpose")

    class AfterBoom(Stage):
        name = "after"
        requires = ("boom",)

        def __call__(self, article):
            raise AssertionError("must not run")

    from heron.pipeline.text.clean import Cleaner

    pipe = Pipeline(Cleaner(settings), [Boom(), AfterBoom()])
    article = pipe.process(RawDocument(origin="<t>", text="Some text."))
    assert [(p.stage, p.message) for p in article.problems] == [
        ("boom", "ValueError: broken on purpose"),
        ("after", "skipped: needs boom"),
    ]


def test_code_batch_keeps_order_and_failures_in_place(pipeline):
    from heron.errors import InputError

    items = [RawDocument(origin="a", text="Russia and Belarus held talks."),
             InputError("b", "empty input"),
             RawDocument(origin="c", text="   ")]
    out = pipeline.code_batch(items)
    assert out[0].origin == "a" and out[0].doc is not None
    assert isinstance(out[1], InputError) and out[1].origin == "b"
    assert isinstance(out[2], InputError) and out[2].origin == "c"


def test_build_pipeline_with_subset_of_stages(settings):
    assert build_pipeline(settings, ["parse"]).stage_names == ["parse"]
