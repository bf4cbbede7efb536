"""The names a user may filter by (event types, modes, sectors, actor and country codes), and
the check that turns a misspelt one into a usage error naming the closest valid one.

An unknown name never returns an empty listing in silence: ``check("event", "ASSUALT")``
raises ``UsageError: unknown event type 'ASSUALT'; did you mean ASSAULT?``. Valid names come
from heron's data files (data/plover.yaml, data/lang/en/actors/*.csv), ISO 3166-1 (pycountry), and,
for a store, the codes and sectors it actually holds (a user's own actor dictionary may
bring codes heron does not ship).
"""
from __future__ import annotations

import csv
import difflib
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from heron.errors import UsageError
from heron.types import NON_STATE_CODES

ACTOR_FILES = ("roles.csv", "people.csv", "organisations.csv")
LABELS = {"event": "event type", "mode": "mode", "sector": "sector", "code": "actor code",
          "country": "country code"}


@dataclass(frozen=True)
class Codebook:
    events: frozenset[str]
    modes: frozenset[str]
    sectors: frozenset[str]
    codes: frozenset[str]  # actor codes: ISO3 countries, IGO/NGO/... and whatever a store holds
    countries: frozenset[str]  # ISO3 only

    def names(self, kind: str) -> frozenset[str]:
        return {"event": self.events, "mode": self.modes, "sector": self.sectors, "code": self.codes,
                "country": self.countries}[kind]

    def check(self, kind: str, value: str | None, option: str | None = None) -> str | None:
        """``value`` normalised (upper case; modes lower case), or a UsageError with a suggestion."""
        if value is None:
            return None
        wanted = value.strip().lower() if kind == "mode" else value.strip().upper()
        valid = self.names(kind)
        if wanted in valid:
            return wanted
        label = LABELS[kind] + (f" for {option}" if option else "")
        raise UsageError(f"unknown {label} {value!r}{suggestion(wanted, valid)}")


def suggestion(value: str, valid: frozenset[str]) -> str:
    """"; did you mean X?" for the closest valid name, else the list of valid names when short."""
    close = difflib.get_close_matches(value, sorted(valid), n=3, cutoff=0.6)
    if close:
        return f"; did you mean {' or '.join(close)}?"
    if len(valid) <= 20:
        return f"; valid: {', '.join(sorted(valid))}"
    return ""


@lru_cache(maxsize=1)
def _shipped() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    import pycountry

    from heron.pipeline.events.scores import read_plover_table

    types = read_plover_table().types
    modes = {m for row in types.values() for m in (row.get("modes") or [])}
    sectors, codes = set(), set(NON_STATE_CODES)
    for name in ACTOR_FILES:
        for row in _csv_rows(f"data/lang/en/actors/{name}"):
            sectors.update(s for s in (row.get("sector") or "").split(";") if s)
            codes.update(c for c in (row.get("code") or "").split(";") if c)
    countries = {c.alpha_3 for c in pycountry.countries}
    return (frozenset(types), frozenset(modes), frozenset(sectors), frozenset(codes | countries),
            frozenset(countries))


def _csv_rows(resource: str) -> list[dict]:
    text = files("heron").joinpath(resource).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def shipped_codebook() -> Codebook:
    """The names heron itself knows."""
    events, modes, sectors, codes, countries = _shipped()
    return Codebook(events, modes, sectors, codes, countries)


def store_codebook(con) -> Codebook:
    """heron's names plus the codes, sectors and modes a store holds."""
    events, modes, sectors, codes, countries = _shipped()
    held = con.execute("""
        SELECT list(DISTINCT c) FILTER (WHERE c <> '') FROM (
            SELECT unnest(string_split(actor_codes, ';')) AS c FROM events
            UNION ALL SELECT unnest(string_split(recipient_codes, ';')) FROM events)""").fetchall()[0][0]
    held_sectors = con.execute("""
        SELECT list(DISTINCT s) FILTER (WHERE s <> '') FROM (
            SELECT unnest(string_split(actor_sectors, ';')) AS s FROM events
            UNION ALL SELECT unnest(string_split(recipient_sectors, ';')) FROM events)""").fetchall()[0][0]
    held_modes = con.execute("SELECT list(DISTINCT mode) FILTER (WHERE mode IS NOT NULL) FROM events").fetchall()[0][0]
    return Codebook(events, modes | set(held_modes or ()), sectors | set(held_sectors or ()),
                    codes | set(held or ()), countries)
