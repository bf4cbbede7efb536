"""An actor being assembled by the actors stage, before it is given an id."""
from __future__ import annotations

from dataclasses import dataclass, field

from heron.pipeline.actors.dictionary import ActorEntry


@dataclass
class ActorDraft:
    """An actor being assembled: token-span mentions until ids are given."""

    name: str
    kind: str
    code: str | None
    sector: str | None
    rule: str
    entry: ActorEntry | None = None
    office: str | None = None
    wikidata: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
