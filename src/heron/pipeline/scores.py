"""Scores of a PLOVER event: quad class, PLOVER base scale, CAMEO code and Goldstein value.

The table lives in data/plover.yaml (PLOVER types and modes after the Open Event Data Alliance's
CAMEO-to-PLOVER table, CC BY-SA 4.0; Goldstein values from GDELT's CAMEO.goldsteinscale.txt).
"""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import Any

from heron.errors import DataFileError, HeronError

TABLE_FILE = "data/plover.yaml"
FIELDS = ("quad", "scale", "cameo")


@lru_cache(maxsize=1)
def plover_table() -> dict[str, Any]:
    """The parsed data/plover.yaml: {"types": {TYPE: {...}}, "goldstein": {code: value}}."""
    import yaml

    resource = files("heron").joinpath(TABLE_FILE)
    table = yaml.safe_load(resource.read_text(encoding="utf-8"))
    if not isinstance(table, dict) or not all(isinstance(table.get(k), dict) for k in ("types", "goldstein")):
        raise DataFileError(TABLE_FILE, "needs the mappings 'types' and 'goldstein'")
    for name, row in table["types"].items():
        missing = [f for f in FIELDS if f not in (row or {})]
        if missing:
            raise DataFileError(TABLE_FILE, f"type {name} lacks {', '.join(missing)}")
    return table


def event_types() -> list[str]:
    """The PLOVER event types, in the table's order."""
    return list(plover_table()["types"])


def modes_for(event: str) -> list[str]:
    return list(_row(event).get("modes") or [])


def goldstein_for(cameo: str) -> float:
    """Goldstein value of a CAMEO code; a code missing from the table falls back to its parents."""
    values = plover_table()["goldstein"]
    code = cameo.strip()
    while code:
        if code in values:
            return float(values[code])
        code = code[:-1] if len(code) > 2 else ""
    raise HeronError(f"CAMEO code {cameo!r} is not in the Goldstein table of {TABLE_FILE}")


def scores_for(event: str, cameo: str | None = None, mode: str | None = None) -> dict[str, Any]:
    """quad_code, event_scale, cameo and goldstein for a PLOVER type.

    ``cameo`` (a finer CAMEO code chosen by the caller) wins; else the type's mode picks its code
    (ASSAULT 18/19/20, RETREAT/CONCEDE 08); else the type's CAMEO root.
    """
    row = _row(event)
    code = cameo or (row.get("mode_cameo") or {}).get(mode or "") or str(row["cameo"])
    if not code.isdigit() or len(code) < 2:
        raise HeronError(f"CAMEO code {code!r} for {event}: expected two to four digits")
    return {
        "quad_code": int(row["quad"]),
        "event_scale": float(row["scale"]),
        "cameo": code,
        "goldstein": goldstein_for(code),
    }


def _row(event: str) -> dict[str, Any]:
    types = plover_table()["types"]
    row = types.get(event.upper()) if isinstance(event, str) else None
    if row is None:
        raise HeronError(f"unknown PLOVER event type {event!r}; known: {', '.join(types)}")
    return row
