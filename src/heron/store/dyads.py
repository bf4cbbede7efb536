"""Dyad time series: events from one actor to another per period, counted per quad class with
their mean Goldstein score, every period of the span present (zero counts where nothing
happened, and no Goldstein mean there: there is nothing to average).

Several dyads asked together share one period and one span, so they line up on a chart.
Negated events report that nothing happened and are left out; events with no day are
counted in ``undated``, never hidden.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from heron.store import periods
from heron.store.aggregate import counted
from heron.store.query import EVENT_ROWS_SQL, has_code

QUAD_CLASSES = (1, 2, 3, 4)


@dataclass
class DyadSeries:
    actor: str
    recipient: str
    by: str
    both_directions: bool
    unique: bool
    periods: list[dict] = field(default_factory=list)  # period, quad_1..quad_4, total, goldstein
    undated: int = 0  # matching events with no date, left out of the periods
    since: str | None = None  # first day of the span shown
    until: str | None = None

    @property
    def name(self) -> str:
        return f"{self.actor}{'<->' if self.both_directions else '->'}{self.recipient}"

    def to_dict(self) -> dict:
        return {"actor": self.actor, "recipient": self.recipient, "by": self.by,
                "both_directions": self.both_directions, "unique": self.unique, "since": self.since,
                "until": self.until, "undated": self.undated, "periods": self.periods}


@dataclass
class _Days:
    """One dyad's events per day, before they are put into periods."""

    actor: str
    recipient: str
    rows: list[tuple]  # (day, quad_1, quad_2, quad_3, quad_4, goldstein sum, goldstein count)
    undated: int


def dyad(con, actor: str, recipient: str, by: str = "month", both_directions: bool = False,
         unique: bool = True, since: str | None = None, until: str | None = None) -> DyadSeries:
    """One dyad per period; ``by`` is a period name or "auto" (the readable one for the span)."""
    return dyads(con, [(actor, recipient)], by, both_directions, unique, since, until)[0]


def dyads(con, pairs: list[tuple[str, str]], by: str = "auto", both_directions: bool = False,
          unique: bool = True, since: str | None = None, until: str | None = None) -> list[DyadSeries]:
    """Several dyads over one common span and period (the span of ``since``/``until``, else of
    the events found); ``unique`` counts merged events (copies of a story once)."""
    if by != "auto":
        periods.check_period(by)
    first, last = periods.check_span(since, until)
    found = [_days(con, a.upper(), b.upper(), both_directions, unique, first, last) for a, b in pairs]
    days = [row[0] for one in found for row in one.rows]
    first = first or (min(days) if days else None)
    last = last or (max(days) if days else None)
    if by == "auto":
        by = periods.readable_period(first, last) if first and last else "month"
    series = []
    for one in found:
        rows = _fill(one.rows, first, last, by) if first and last else []
        series.append(DyadSeries(one.actor, one.recipient, by, both_directions, unique, rows, one.undated,
                                 first and first.isoformat(), last and last.isoformat()))
    return series


def _days(con, a: str, b: str, both_directions: bool, unique: bool, first: date | None,
          last: date | None) -> _Days:
    source = ("SELECT date, quad_code, goldstein, actor_codes, recipient_codes FROM unique_events" if unique
              else f"SELECT * FROM ({EVENT_ROWS_SQL}) WHERE NOT coalesce(negated, false) AND {counted()}")
    match = f"({has_code('actor_codes')} AND {has_code('recipient_codes')})"
    params: list = [a, b]
    if both_directions:
        match = f"({match} OR ({has_code('actor_codes')} AND {has_code('recipient_codes')}))"
        params += [b, a]
    span, span_params = "", []
    for op, value in ((">=", first), ("<=", last)):
        if value:
            span += f" AND date {op} ?"
            span_params.append(value)
    quads = ", ".join(f"count(*) FILTER (WHERE quad_code = {q})" for q in QUAD_CLASSES)
    rows = con.execute(f"SELECT date, {quads}, sum(goldstein), count(goldstein) FROM ({source}) "
                       f"WHERE {match} AND date IS NOT NULL{span} GROUP BY 1 ORDER BY 1",
                       params + span_params).fetchall()
    undated = con.execute(f"SELECT count(*) FROM ({source}) WHERE {match} AND date IS NULL", params).fetchall()[0][0]
    return _Days(a, b, rows, int(undated))


def _fill(rows: list[tuple], first: date, last: date, by: str) -> list[dict]:
    """Every period from first to last, with the day rows added up into it."""
    out = {start: [0, 0, 0, 0, 0.0, 0] for start in periods.starts(first, last, by)}
    for day, *values in rows:
        acc = out[periods.period_start(day, by)]
        for i, value in enumerate(values):
            acc[i] += value or 0
    result = []
    for start, (q1, q2, q3, q4, gsum, gcount) in out.items():
        total = q1 + q2 + q3 + q4
        result.append({"period": periods.label(start, by), "quad_1": q1, "quad_2": q2, "quad_3": q3,
                       "quad_4": q4, "total": total,
                       "goldstein": round(gsum / gcount, 3) if gcount else None})
    return result
