"""Unique events: event records merged across copies of a story and across articles.

``unique_events`` is a DuckDB VIEW (not a table rebuilt after ingest), so it is always in step
with ``events`` and ``articles``. One row per (date, actor codes, event, mode, recipient codes),
GDELT style (events that cannot be matched across stories: per story, see ``story_scope``):

- ``date``: the event's own day; for an event with no date at all, the earliest published
  date of its story cluster (so two copies of one story published on different days still
  merge), else the article's. An event dated only by month or year ("in 1992") keeps a NULL
  date rather than borrowing the publication day; its ``date_raw`` is in ``events``.
- ``story_scope``: NULL for most rows. Events with no date, or with no coded actor or
  recipient at all, cannot be told apart across independent reports ("police arrested two
  men" in 300 undated stories is not one arrest), so they merge only within one story
  cluster, whose id this column then holds.
- ``num_mentions``: tellings behind the row (GDELT NumMentions): an article that tells one
  event in its headline, its lead and a later paragraph gives one event record with three
  mentions, and counts three.
- ``num_articles``: distinct articles; the same event in two copies of one story is ONE row
  with num_articles 2.
- ``num_stories``: distinct story clusters (independent reports, copies counted once).
- ``num_sources``: distinct known publications (Source.publication, else reposted_by, else the
  URL host); 0 when no article behind the row names its outlet.
- ``first_article_id`` / ``source_url``: the first-stored article that reported it.

Negated events ("denied that troops crossed") are left out: they report that nothing happened;
so are events with status "expected" (others' forecasts), "commentary" (an analyst's view) or
"unattributed" (no political actor named). Planned and background events stay (docs/records.md,
"Status").
"""
from __future__ import annotations

from heron.types import COUNTED_STATUSES

# the outlet an article stands for; used by both views
# (NULL when none is known: an article of unknown outlet is not counted as a source of its own)
SOURCE_SQL = (
    "coalesce(a.publication, a.reposted_by, "
    r"nullif(regexp_extract(a.url, '^[A-Za-z][A-Za-z0-9+.-]*://(?:www\.)?([^/:?#]+)', 1), ''))"
)

STORIES_VIEW = f"""CREATE OR REPLACE VIEW stories AS
SELECT a.cluster_id,
       min(a.id) FILTER (WHERE a.original_id IS NULL) AS original_id,
       count(*) AS num_articles,
       count(DISTINCT {SOURCE_SQL}) AS num_sources,
       min(a.published) AS first_published
FROM articles a
WHERE a.cluster_id IS NOT NULL
GROUP BY a.cluster_id"""



def counted(column: str = "status") -> str:
    """SQL: the event's status is one an event data set counts (heron.types.COUNTED_STATUSES: what
    happened, also as background, and what the actors decided, promised or scheduled; not others'
    expectations). Rows stored before statuses existed count as happened."""
    names = ", ".join(f"'{s}'" for s in COUNTED_STATUSES)
    return f"coalesce({column}, 'happened') IN ({names})"


def _unique_events_view(kept: str, mentions: str) -> str:
    return f"""CREATE OR REPLACE VIEW unique_events AS
WITH story AS (
    SELECT cluster_id, min(published) AS story_published FROM articles GROUP BY cluster_id
), mention AS (
    SELECT e.*, a.cluster_id, a.seq AS article_seq, a.url AS article_url,
           {SOURCE_SQL} AS source_name,
           CASE WHEN e.date_raw IS NULL THEN coalesce(s.story_published, a.published)
                ELSE e.date END AS event_date
    FROM events e
    JOIN articles a ON a.id = e.article_id
    LEFT JOIN story s ON s.cluster_id = a.cluster_id
    WHERE {kept}
), keyed AS (
    SELECT *, CASE WHEN event_date IS NULL OR (actor_codes = '' AND recipient_codes = '')
                   THEN coalesce(cluster_id, article_id) END AS story_scope
    FROM mention
)
SELECT substr(md5(concat_ws('|', coalesce(CAST(event_date AS VARCHAR), ''), actor_codes, event,
                            coalesce(mode, ''), recipient_codes, coalesce(story_scope, ''))), 1, 16) AS id,
       event_date AS date, actor_codes, event, mode, recipient_codes, story_scope,
       {mentions} AS num_mentions,
       count(DISTINCT article_id) AS num_articles,
       count(DISTINCT cluster_id) AS num_stories,
       count(DISTINCT source_name) AS num_sources,
       min(quad_code) AS quad_code, min(cameo) AS cameo,
       avg(goldstein) AS goldstein, avg(event_scale) AS event_scale,
       arg_min(article_id, article_seq) AS first_article_id,
       arg_min(article_url, article_seq) AS source_url,
       list(DISTINCT article_id ORDER BY article_id) AS article_ids
FROM keyed
GROUP BY event_date, actor_codes, event, mode, recipient_codes, story_scope"""


# migrations 2 and 3 built the view before events had a status (migration 6), and migration 6
# before events had mentions (migration 7): those views count records, not tellings
_KEPT = f"NOT coalesce(e.negated, false) AND {counted('e.status')}"
UNIQUE_EVENTS_VIEW_V3 = _unique_events_view("NOT coalesce(e.negated, false)", "count(*)")
UNIQUE_EVENTS_VIEW_V6 = _unique_events_view(_KEPT, "count(*)")
# a record with no mentions listed (stored before they existed, or built by hand) is one telling
UNIQUE_EVENTS_VIEW = _unique_events_view(_KEPT, "CAST(sum(greatest(coalesce(json_array_length(mentions), 0), 1)) AS BIGINT)")


def unique_events(con, limit: int | None = None) -> list[dict]:
    """Rows of the unique_events view as dicts, most-mentioned first (for callers and tests)."""
    sql = "SELECT * FROM unique_events ORDER BY num_mentions DESC, date, id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]
