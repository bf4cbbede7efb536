"""The coding pipeline: clean -> parse -> actors -> quotes -> events. Pure; no storage.

Stages are grouped by what they find: ``text`` (cleaning, the parse, the language adapter),
``actors``, ``quotes`` and ``events``. One ``Knowledge`` object (knowledge.py) holds what the
stages know for the settings' language and is handed to each. See docs/architecture.md.
"""
from __future__ import annotations

from heron.config import Settings
from heron.pipeline.component import Pipeline, Stage
from heron.pipeline.knowledge import Knowledge, knowledge_for
from heron.pipeline.text.clean import Cleaner
from heron.registry import STAGES, resolve


def build_pipeline(settings: Settings, stages: list[str] | None = None, knowledge: Knowledge | None = None) -> Pipeline:
    """Build the pipeline with the named stages (default: all, in registry order) over
    ``knowledge`` (default: the one for the settings, ``knowledge_for``)."""
    knowledge = knowledge or knowledge_for(settings)
    names = stages if stages is not None else list(STAGES)
    built = [resolve(STAGES[name])(settings, knowledge) for name in names]
    return Pipeline(Cleaner(settings), built, knowledge, time_budget=settings.time_budget)


__all__ = ["Knowledge", "Pipeline", "Stage", "build_pipeline"]
