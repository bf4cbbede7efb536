"""Stage `story`: the article's events read as one story, after the events stage coded each sentence.

Tellings of one occurrence become one event with all its mentions (coreference.py); claims of
responsibility and identifications ("the attack was carried out by X") name the author of the
event they speak of; events with no named recipient get one from the story (counterparts.py)
unless the settings turn that off; statements no political actor made (an analyst's, an uncoded
speaker's) get status ``commentary`` (commentary.py). Every change is visible in the record: ``mentions``, the
participant's ``inferred`` rule and the additions to the event's ``rule``.
"""
from __future__ import annotations

from heron.config import Settings
from heron.pipeline.component import Stage
from heron.pipeline.events.commentary import mark_commentary
from heron.pipeline.events.coreference import apply_claims, claims, merge_story, sentence_index
from heron.pipeline.events.counterparts import infer_counterparts
from heron.pipeline.knowledge import Knowledge
from heron.types import Article


class StoryStage(Stage):
    name = "story"
    requires = ("doc", "actors", "events")
    provides = ("mentions",)

    def __init__(self, settings: Settings, knowledge: Knowledge) -> None:
        self.settings = settings
        self.knowledge = knowledge

    def __call__(self, article: Article) -> None:
        index = sentence_index(article)
        events = merge_story(article, self.knowledge)
        events = apply_claims(events, claims(article, self.knowledge), index)
        events = mark_commentary(article, events, self.knowledge)
        if self.settings.infer_counterparts:
            events = infer_counterparts(article, events, self.knowledge, index)
        article.events = events
