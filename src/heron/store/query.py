"""Read-only questions to a heron store: counts, event lists, dyad series, quotes.

Plain functions over a DuckDB connection; every row comes back as a JSON-ready dict (dates as
ISO strings). Tables and views are those of :mod:`heron.store.schema`. An event's date is its
own day, else (when it has no date at all) its article's publication day, as in the
``unique_events`` view; events left without a day are counted, never hidden.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from heron.errors import StoreError, UsageError
from heron.store.periods import check_span
from heron.store.where import Area, area_clauses

# The day an event record counts under: its own day; with no date at all, its article's
# publication day; an event dated only by month or year ("in 1992", date_raw) has no day.
EVENT_DAY_SQL = "CASE WHEN e.date_raw IS NULL THEN a.published ELSE e.date END"

# One event record, with the date it is counted under and where it was reported.
EVENT_ROWS_SQL = f"""
SELECT e.article_id, e.event_id, {EVENT_DAY_SQL} AS date, e.date_raw, e.event, e.mode,
       e.actor_codes, e.actor_sectors, e.recipient_codes, e.recipient_sectors,
       e.quad_code, e.cameo, e.goldstein, e.event_scale, e.event_text, e.text,
       e.location_text, e.location_name, e.location_country, e.feature, e.lat, e.lon,
       e.asserted_by_text, e.negated, e.status, e.due, e.confidence, e.rule,
       a.url, coalesce(a.publication, a.reposted_by) AS publication, a.seq, e.start
FROM events e JOIN articles a ON a.id = e.article_id"""


def connect(db: str | Path):
    """Open a store read-only; a missing or foreign file is a one-line StoreError."""
    import duckdb

    from heron.store.duckdb import check_heron_store, store_error

    path = Path(db)
    if not path.is_file():
        raise StoreError(f"{path}: no such store; create one with `heron ingest INPUTS --db {path}`")
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise store_error(str(path), "open the store", exc) from exc
    try:
        check_heron_store(con, str(path), empty_ok=False)
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if not {"events", "articles", "unique_events"} <= tables:
            raise StoreError(f"{path}: not a heron store yet (its first ingest did not finish); "
                             f"run `heron ingest INPUTS --db {path}`")
    except BaseException:
        con.close()
        raise
    return con


def contains_pattern(value: str) -> str:
    """An ILIKE pattern (with ``ESCAPE '\\'``) matching ``value`` anywhere, its own % and _ literal."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _plain(value):
    if isinstance(value, date):  # datetime too: both give ISO 8601
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def rows(con, sql: str, params: list | None = None) -> list[dict]:
    """Run ``sql`` and return its rows as JSON-ready dicts."""
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [{n: _plain(v) for n, v in zip(names, row)} for row in cursor.fetchall()]


def _scalar(con, sql: str) -> int:
    return int(con.execute(sql).fetchall()[0][0] or 0)


def stats(con) -> dict:
    """What the store holds: counts of articles, story clusters, events, quotes, actors, problems."""
    first, last = con.execute("SELECT min(published), max(published) FROM articles").fetchall()[0]
    return {
        "articles": _scalar(con, "SELECT count(*) FROM articles"),
        "clusters": _scalar(con, "SELECT count(DISTINCT coalesce(cluster_id, id)) FROM articles"),
        "events": _scalar(con, "SELECT count(*) FROM events"),
        "negated_events": _scalar(con, "SELECT count(*) FROM events WHERE negated"),
        "unique_events": _scalar(con, "SELECT count(*) FROM unique_events"),
        "quotes": _scalar(con, "SELECT count(*) FROM quotes"),
        "actors": _scalar(con, "SELECT count(*) FROM actors"),
        "problems": _scalar(con, "SELECT count(*) FROM problems"),
        "inputs": _scalar(con, "SELECT count(*) FROM inputs"),
        "first_published": _plain(first),
        "last_published": _plain(last),
    }


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None  # an actor code that must be among the event's actor codes
    recipient: str | None = None
    event: str | None = None  # PLOVER type
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None  # YYYY-MM-DD, inclusive
    unique: bool = False  # rows of the unique_events view instead of every event record
    limit: int | None = None
    mode: str | None = None
    sector: str | None = None  # a sector among the actor's or the recipient's
    area: Area = Area()  # where it happened (event records only)
    status: tuple[str, ...] = ()  # event statuses to keep (heron.types.EVENT_STATUSES); () keeps all


def has_code(column: str) -> str:
    return f"list_contains(string_split({column}, ';'), ?)"


def _where(flt: EventFilter) -> tuple[str, list]:
    clauses, params = [], []
    for column, value in (("actor_codes", flt.actor), ("recipient_codes", flt.recipient)):
        if value:
            clauses.append(has_code(column))
            params.append(value.upper())
    if flt.event:
        clauses.append("event = ?")
        params.append(flt.event.upper())
    if flt.mode:
        clauses.append("mode = ?")
        params.append(flt.mode)
    if flt.sector:
        clauses.append(f"({has_code('actor_sectors')} OR {has_code('recipient_sectors')})")
        params += [flt.sector.upper()] * 2
    if flt.status:
        if flt.unique:
            raise UsageError("--status filters event records; unique events count only happened, planned and "
                             "background events, so drop --unique")
        clauses.append(f"coalesce(status, 'happened') IN ({', '.join('?' for _ in flt.status)})")
        params += list(flt.status)
    first, last = check_span(flt.since, flt.until)
    for op, value in ((">=", first), ("<=", last)):
        if value:
            clauses.append(f"date {op} ?")
            params.append(value)
    if flt.unique and (flt.area or flt.sector):
        raise UsageError("--country, --near, --bbox and --sector filter event records; "
                         "unique events merge records across places and sectors, so drop --unique")
    place, place_params = area_clauses(flt.area)
    return (" WHERE " + " AND ".join(clauses + place)) if clauses or place else "", params + place_params


def events(con, flt: EventFilter = EventFilter()) -> list[dict]:
    """Event records (or unique events) matching the filter, oldest first."""
    where, params = _where(flt)
    if flt.unique:
        sql = (f"SELECT id, date, actor_codes, event, mode, recipient_codes, quad_code, cameo, goldstein, "
               f"num_mentions, num_articles, num_stories, num_sources, source_url, first_article_id "
               f"FROM unique_events{where} ORDER BY date NULLS LAST, id")
    else:
        sql = (f"SELECT * EXCLUDE (seq, start) FROM ({EVENT_ROWS_SQL}){where} "
               f"ORDER BY date NULLS LAST, seq, start")
    if flt.limit is not None:
        sql += f" LIMIT {int(flt.limit)}"
    return rows(con, sql, params)


def quotes(con, speaker: str | None = None, limit: int | None = None, since: str | None = None,
           until: str | None = None) -> list[dict]:
    """Quotes with their speaker (mention and resolved actor), optionally for one speaker name
    and for articles published from ``since`` to ``until`` (inclusive)."""
    sql = """
SELECT q.article_id, q.idx, a.published, q.speaker_text, s.name AS speaker_name, s.code AS speaker_code,
       q.cue, q.direct, q.text, q.start, q."end", q.rule, a.url
FROM quotes q JOIN articles a ON a.id = q.article_id
LEFT JOIN actors s ON s.article_id = q.article_id AND s.actor_id = q.speaker_actor"""
    params: list = []
    if speaker:
        sql += " WHERE (q.speaker_text ILIKE ? ESCAPE '\\' OR s.name ILIKE ? ESCAPE '\\')"
        params = [contains_pattern(speaker)] * 2
    for op, value in zip((">=", "<="), check_span(since, until)):
        if value:
            sql += f" {'AND' if params else 'WHERE'} a.published {op} ?"
            params.append(value)
    sql += " ORDER BY a.published NULLS LAST, a.seq, q.idx"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return rows(con, sql, params)


def last_input_seq(con) -> int:
    """The ingest order number of the last input stored (0 for an empty store)."""
    return int(con.execute("SELECT coalesce(max(seq), 0) FROM inputs").fetchall()[0][0])


def problems_after(con, seq: int, stages: tuple[str, ...]) -> list[dict]:
    """Problems of the given stages recorded for inputs stored after ``seq``, in ingest order."""
    marks = ", ".join("?" for _ in stages)
    return rows(con, f"SELECT seq, origin, stage, message FROM problems WHERE seq > ? AND stage IN ({marks}) "
                     "ORDER BY seq", [seq, *stages])
