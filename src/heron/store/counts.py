"""Time series of event counts per period, grouped by event type, location country or actor.

One row per (period, group) with ``events`` (the count), every period of the span present for
every group that occurs in it (zero where nothing happened), the tidy long form that pandas,
R and DuckDB pivot easily. Event records are counted (negated ones left out, as they report
that nothing happened); ``unique`` counts merged events instead (copies of a story once),
which can be grouped by type or actor but not by country (merged events have no one place).
Events with no day are counted in ``undated``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from heron.errors import UsageError
from heron.store import periods
from heron.store.aggregate import counted
from heron.store.query import EVENT_ROWS_SQL, has_code
from heron.store.where import Area, area_clauses

GROUPS = {"event": "event", "country": "location_country", "actor": "actor_codes"}


@dataclass(frozen=True)
class CountQuery:
    by: str = "month"  # a period name or "auto"
    group: str = "event"  # event | country | actor
    event: str | None = None
    actor: str | None = None  # among the event's actor codes
    country: str | None = None  # where it happened
    since: str | None = None
    until: str | None = None
    unique: bool = False


@dataclass
class Counts:
    by: str
    group: str
    rows: list[dict] = field(default_factory=list)  # period, <group>, events
    undated: int = 0

    def to_dict(self) -> dict:
        return {"by": self.by, "group": self.group, "undated": self.undated, "rows": self.rows}


def _source(query: CountQuery) -> tuple[str, list]:
    """The event rows to count (one key column per group) and their parameters."""
    if query.unique:
        if query.group == "country" or query.country:
            raise UsageError("unique events have no single place: count by country without --unique")
        base = "SELECT date, event, actor_codes FROM unique_events"
    else:
        base = f"SELECT * FROM ({EVENT_ROWS_SQL}) WHERE NOT coalesce(negated, false) AND {counted()}"
    clauses, params = [], []
    if query.event:
        clauses.append("event = ?")
        params.append(query.event)
    if query.actor:
        clauses.append(has_code("actor_codes"))
        params.append(query.actor)
    place, place_params = area_clauses(Area(country=query.country))
    where = " AND ".join(clauses + place)
    return f"SELECT * FROM ({base}){' WHERE ' + where if where else ''}", params + place_params


def _key_sql(group: str) -> str:
    if group not in GROUPS:
        raise UsageError(f"--group must be one of {', '.join(GROUPS)}, not {group!r}")
    if group == "actor":  # an event with two actor codes counts once for each
        return "unnest(CASE WHEN actor_codes = '' THEN [NULL] ELSE string_split(actor_codes, ';') END)"
    return GROUPS[group]


def counts(con, query: CountQuery) -> Counts:
    """Counts per period and group over the span of since/until (else of the events found)."""
    if query.by != "auto":
        periods.check_period(query.by)
    first, last = periods.check_span(query.since, query.until)
    source, params = _source(query)
    key = _key_sql(query.group)
    span, span_params = "", []
    for op, value in ((">=", first), ("<=", last)):
        if value:
            span += f" AND date {op} ?"
            span_params.append(value)
    found = con.execute(f"SELECT date, key, count(*) FROM (SELECT date, {key} AS key FROM ({source})) "
                        f"WHERE date IS NOT NULL{span} GROUP BY ALL ORDER BY 1, 2",
                        params + span_params).fetchall()
    undated = con.execute(f"SELECT count(*) FROM ({source}) WHERE date IS NULL", params).fetchall()[0][0]
    days = [row[0] for row in found]
    first, last = first or (min(days) if days else None), last or (max(days) if days else None)
    by = query.by
    if by == "auto":
        by = periods.readable_period(first, last) if first and last else "month"
    return Counts(by, query.group, _fill(found, first, last, by, query.group), int(undated))


def _fill(found: list[tuple], first, last, by: str, group: str) -> list[dict]:
    if not (first and last):
        return []
    keys = sorted({key for _, key, _ in found}, key=lambda k: (k is None, k or ""))
    table = {(start, key): 0 for start in periods.starts(first, last, by) for key in keys}
    for day, key, number in found:
        table[(periods.period_start(day, by), key)] += number
    return [{"period": periods.label(start, by), group: key, "events": number}
            for (start, key), number in table.items()]
