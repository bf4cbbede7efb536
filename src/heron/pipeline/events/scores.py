"""Scores of a PLOVER event: quad class, PLOVER base scale, CAMEO code and Goldstein value.

The table lives in data/plover.yaml (PLOVER types and modes after the Open Event Data Alliance's
CAMEO-to-PLOVER table, CC BY-SA 4.0; Goldstein values from GDELT's CAMEO.goldsteinscale.txt).
It belongs to the ontology, not to a language: the pipeline reads it once into its knowledge
object (``Knowledge.plover``); the functions at the end read it afresh for callers outside one.
"""
from __future__ import annotations

from importlib.resources import files
from typing import Any

from heron.errors import DataFileError, HeronError

TABLE_FILE = "data/plover.yaml"
FIELDS = ("quad", "scale", "cameo")


class PloverTable:
    """The parsed data/plover.yaml: ``types`` {TYPE: {...}} and ``goldstein`` {code: value}."""

    def __init__(self, table: Any) -> None:
        if not isinstance(table, dict) or not all(isinstance(table.get(k), dict) for k in ("types", "goldstein")):
            raise DataFileError(TABLE_FILE, "needs the mappings 'types' and 'goldstein'")
        for name, row in table["types"].items():
            missing = [f for f in FIELDS if f not in (row or {})]
            if missing:
                raise DataFileError(TABLE_FILE, f"type {name} lacks {', '.join(missing)}")
        self.types: dict[str, dict[str, Any]] = table["types"]
        self.goldstein: dict[str, float] = table["goldstein"]

    def event_types(self) -> list[str]:
        """The PLOVER event types, in the table's order."""
        return list(self.types)

    def modes_for(self, event: str) -> list[str]:
        return list(self._row(event).get("modes") or [])

    def goldstein_for(self, cameo: str) -> float:
        """Goldstein value of a CAMEO code; a code missing from the table falls back to its parents."""
        code = cameo.strip()
        while code:
            if code in self.goldstein:
                return float(self.goldstein[code])
            code = code[:-1] if len(code) > 2 else ""
        raise HeronError(f"CAMEO code {cameo!r} is not in the Goldstein table of {TABLE_FILE}")

    def scores_for(self, event: str, cameo: str | None = None, mode: str | None = None) -> dict[str, Any]:
        """quad_code, event_scale, cameo and goldstein for a PLOVER type.

        ``cameo`` (a finer CAMEO code chosen by the caller) wins; else the type's mode picks its code
        (ASSAULT 18/19/20, RETREAT/CONCEDE 08); else the type's CAMEO root.
        """
        row = self._row(event)
        code = cameo or (row.get("mode_cameo") or {}).get(mode or "") or str(row["cameo"])
        if not code.isdigit() or len(code) < 2:
            raise HeronError(f"CAMEO code {code!r} for {event}: expected two to four digits")
        return {
            "quad_code": int(row["quad"]),
            "event_scale": float(row["scale"]),
            "cameo": code,
            "goldstein": self.goldstein_for(code),
        }

    def _row(self, event: str) -> dict[str, Any]:
        row = self.types.get(event.upper()) if isinstance(event, str) else None
        if row is None:
            raise HeronError(f"unknown PLOVER event type {event!r}; known: {', '.join(self.types)}")
        return row


def read_plover_table() -> PloverTable:
    import yaml

    return PloverTable(yaml.safe_load(files("heron").joinpath(TABLE_FILE).read_text(encoding="utf-8")))


# for callers that hold no knowledge object (evaluation, tests): the table read afresh
def event_types() -> list[str]:
    return read_plover_table().event_types()


def modes_for(event: str) -> list[str]:
    return read_plover_table().modes_for(event)


def goldstein_for(cameo: str) -> float:
    return read_plover_table().goldstein_for(cameo)


def scores_for(event: str, cameo: str | None = None, mode: str | None = None) -> dict[str, Any]:
    return read_plover_table().scores_for(event, cameo, mode)
