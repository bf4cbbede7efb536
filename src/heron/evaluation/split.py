"""The blind part of a development set: a fixed third of its items, chosen by a seeded hash of the
item id, that nobody looks at while changing rules (docs/evaluation.md).

An item is blind when ``int(sha256("heron-blind-v1:" + str(id)).hexdigest(), 16) % 3 == 0``.
The rule and its seed are recorded in eval/README.md; changing either would mix items that rules
were tuned on into the blind part, so a new rule needs a new seed name and fresh figures.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

SEED = "heron-blind-v1"
PARTS = ("tune", "blind", "all")

T = TypeVar("T")


def is_blind(item_id: Any) -> bool:
    """True when the item with this id belongs to the blind part (about one item in three)."""
    digest = hashlib.sha256(f"{SEED}:{item_id}".encode()).hexdigest()
    return int(digest, 16) % 3 == 0


def part_of(item_id: Any) -> str:
    return "blind" if is_blind(item_id) else "tune"


def split(items: Iterable[T], key: Callable[[T], Any]) -> tuple[list[T], list[T]]:
    """(tune, blind): the items in their original order, divided by the id that `key` returns."""
    tune: list[T] = []
    blind: list[T] = []
    for item in items:
        (blind if is_blind(key(item)) else tune).append(item)
    return tune, blind


def select(items: Iterable[T], key: Callable[[T], Any], part: str) -> list[T]:
    """The items of one part: "tune", "blind" or "all"."""
    if part not in PARTS:
        raise ValueError(f"part must be one of {', '.join(PARTS)}, not {part!r}")
    items = list(items)
    if part == "all":
        return items
    return [item for item in items if (part_of(key(item)) == part)]


def score_parts(items: list[T], key: Callable[[T], Any], score: Callable[[list[T]], dict[str, Any]],
                part: str = "all") -> dict[str, dict[str, Any]]:
    """part name -> score of that part's items. With part "all" the tune, blind and all parts are
    scored; only the tune part keeps its per-item and per-type rows, the others keep their totals,
    so no report built from this lists or breaks down blind items."""
    if part not in PARTS:
        raise ValueError(f"part must be one of {', '.join(PARTS)}, not {part!r}")
    tune, blind = split(items, key)
    members = {"tune": tune, "blind": blind, "all": list(items)}
    out: dict[str, dict[str, Any]] = {}
    for name in (PARTS if part == "all" else (part,)):
        result = score(members[name])
        out[name] = result if name == "tune" else {"totals": result["totals"]}
    return out


def format_totals(parts: dict[str, dict[str, Any]], rows: list[tuple[str, Callable[[dict[str, Any]], str]]]) -> str:
    """The parts' totals side by side: one line per (label, formatter of a totals dict)."""
    names = [name for name in PARTS if name in parts]
    lines = [f"{'':<16}" + "".join(f"{name:>10}" for name in names)]
    for label, cell in rows:
        lines.append(f"{label:<16}" + "".join(f"{cell(parts[name]['totals']):>10}" for name in names))
    return "\n".join(lines)
