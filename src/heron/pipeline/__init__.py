"""The coding pipeline: clean -> parse -> actors -> quotes -> events. Pure; no storage."""
from __future__ import annotations

from heron.config import Settings
from heron.pipeline.component import Pipeline, Stage
from heron.registry import STAGES, resolve


def build_pipeline(settings: Settings, stages: list[str] | None = None) -> Pipeline:
    """Build the pipeline with the named stages (default: all, in registry order)."""
    from heron.pipeline.clean import Cleaner

    names = stages if stages is not None else list(STAGES)
    built = [resolve(STAGES[name])(settings) for name in names]
    return Pipeline(Cleaner(settings), built, settings.time_budget)


__all__ = ["Pipeline", "Stage", "build_pipeline"]
