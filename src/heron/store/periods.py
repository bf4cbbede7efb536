"""Calendar periods for time series: their SQL bucket, their label, every period of a span
(so periods without events appear with zero counts), and the period a chart should use.

Weeks start on Monday (ISO 8601, DuckDB's ``date_trunc('week', ...)``). Labels: a day or
week is its first day (``2022-06-20``), a month ``2022-06``, a quarter ``2022-Q2``, a year
``2022``.
"""
from __future__ import annotations

from datetime import date, timedelta

from heron.errors import UsageError

PERIODS = ("day", "week", "month", "quarter", "year")
# the chart's period: the finest one that keeps a span within this many bars
READABLE_BARS = 60


def check_period(by: str) -> str:
    if by not in PERIODS:
        raise UsageError(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
    return by


def bucket_sql(by: str, column: str = "date") -> str:
    """SQL for the first day of ``column``'s period."""
    return f"CAST(date_trunc('{check_period(by)}', {column}) AS DATE)"


def period_start(day: date, by: str) -> date:
    if by == "day":
        return day
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    if by == "quarter":
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return date(day.year, 1, 1)


def next_start(start: date, by: str) -> date:
    if by == "day":
        return start + timedelta(days=1)
    if by == "week":
        return start + timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[check_period(by)]
    index = start.year * 12 + start.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def label(start: date, by: str) -> str:
    if by in ("day", "week"):
        return start.isoformat()
    if by == "month":
        return start.strftime("%Y-%m")
    if by == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return str(start.year)


def starts(first: date, last: date, by: str) -> list[date]:
    """The first day of every period from the one holding ``first`` to the one holding ``last``."""
    out, current = [], period_start(first, by)
    while current <= last:
        out.append(current)
        current = next_start(current, by)
    return out


def readable_period(first: date, last: date) -> str:
    """The finest period that shows the span in at most READABLE_BARS bars
    (3 months -> week, 10 years -> quarter)."""
    for by in PERIODS:
        if len(starts(first, last, by)) <= READABLE_BARS:
            return by
    return "year"


def check_span(since: str | None, until: str | None) -> tuple[date | None, date | None]:
    """``--since``/``--until`` as dates; a bad date or since after until is a UsageError."""
    first, last = _day(since, "--since"), _day(until, "--until")
    if first and last and first > last:
        raise UsageError(f"--since {first} is after --until {last}: no day can match")
    return first, last


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"{option}: date {value!r} is not YYYY-MM-DD") from exc
