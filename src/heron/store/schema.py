"""The tables of the heron store and their versioned migrations (DuckDB, plain SQL, no ORM).

Read the store with any DuckDB client: ``duckdb heron.duckdb "SELECT * FROM unique_events"``.
Nothing here imports duckdb; :mod:`heron.store.duckdb` runs the steps.

Tables (one row per ...)
------------------------
``schema_version``  applied migration: ``version`` INTEGER (primary key), ``description``.

``inputs``  input document seen by ``heron ingest``, so reruns skip it before coding.
    ``origin`` (path, "path:line", feed item link, "archive.warc.gz#record-id"),
    ``fingerprint`` (sha1 of the raw document's fields, or of origin+reason for unreadable
    inputs), ``article_id`` (the article it became, or the stored copy it duplicates; NULL
    when it failed), ``status``: 'article' | 'duplicate' | 'problem', ``seq`` (ingest order).
    Primary key (origin, fingerprint).

``articles``  coded article.
    ``id`` (primary key; the input's id, else a hash of the cleaned text), ``url``, ``title``,
    ``text``, ``language``, ``published`` DATE, ``origin``, ``publication``, ``repost``
    BOOLEAN, ``reposted_by`` (the Source fields), ``seq`` BIGINT (order first stored, 1..n),
    ``cluster_id`` (story cluster: the id of the cluster's first-stored article; every
    article has one, singletons point to themselves), ``original_id`` (for a copy in a
    cluster of two or more: the id of the cluster's original; NULL for the original
    itself and for singletons), ``record`` JSON (the full article record of docs/records.md).

``minhashes``  article's MinHash signature over word shingles of its cleaned text:
    ``article_id``, ``num_perm``, ``signature`` BLOB (uint32 hash values, little-endian;
    datasketch scheme affine32, seed 1).

``lsh_bands``  one LSH band key of an article's signature (``dedup.BANDS`` per article), so an
    ingest finds the candidate copies of its new articles without rebuilding an index: ``seq``
    (the article's ``articles.seq``), ``key`` BLOB (the band's number as one byte, then its
    ``dedup.ROWS`` hash values as stored in the signature).

``removed``  boilerplate block the cleaner removed: ``article_id``, ``idx``, ``text``,
    ``reason``, ``rule``.

``actors``  actor of an article: ``article_id``, ``actor_id`` ("a1"), ``name``, ``code``,
    ``sector``, ``wikidata``, ``kind``, ``rule``, ``mentions`` JSON ([[start, end], ...]).

``quotes``  quote: ``article_id``, ``idx``, ``text``, ``start``, ``end``, ``direct``, ``cue``,
    ``speaker_text``, ``speaker_start``, ``speaker_end``, ``speaker_actor``, ``speaker_name``
    (who the speaker mention refers to), ``rule``.

``events``  coded event record: ``article_id``, ``event_id``, ``event`` (PLOVER type),
    ``mode``, ``context`` VARCHAR[], ``date`` DATE (the event's own day; NULL when it has
    none or only a month or year), ``date_raw`` (the event's date as coded: YYYY-MM-DD,
    YYYY-MM or YYYY; NULL when the event has no date), ``date_text``, ``actor_codes`` / ``recipient_codes`` (sorted distinct codes joined by
    ';', '' when none is known), ``actor_sectors`` / ``recipient_sectors`` (same form),
    ``actor`` / ``recipient`` JSON (the participant lists), ``location_text``,
    ``location_country``, ``lat``, ``lon``, ``geonameid``,
    ``location_name`` (the gazetteer's name), ``feature`` (city, admin1, country, continent), ``quad_code``, ``event_scale``,
    ``cameo``, ``goldstein``, ``text`` (the sentence), ``start``, ``end``, ``event_text``,
    ``asserted_by_text``, ``asserted_by_actor``, ``negated``, ``confidence``, ``rule``,
    ``status`` (heron.types.EVENT_STATUSES; see docs/records.md),
    ``due`` (YYYY-MM-DD, YYYY-MM or YYYY: the date a planned or expected event is set for) and
    ``mentions`` JSON (every telling of the event in the article: ``text``, ``start``, ``end``,
    ``event_text``, ``rule``; a participant the story stage inferred carries ``inferred`` in
    ``actor`` / ``recipient``).

``problems``  failure, never dropped: ``seq`` (ingest order), ``origin``, ``article_id``
    (NULL when the input never became an article), ``stage`` ('input' for unreadable or
    empty inputs, 'store' for id clashes, else the pipeline stage), ``message``.

Views
-----
``unique_events``  (defined in :mod:`heron.store.aggregate`) events merged across copies of a
    story and across articles, GDELT style; a view, so it is always current. Columns: ``id``,
    ``date``, ``actor_codes``, ``event``, ``mode``, ``recipient_codes``, ``story_scope``
    (set when the row can only merge within one story), ``num_mentions``, ``num_articles``,
    ``num_stories``, ``num_sources``, ``quad_code``, ``cameo``, ``goldstein``, ``event_scale``,
    ``first_article_id``, ``source_url``, ``article_ids``.
``stories``  one row per story cluster: ``cluster_id``, ``original_id``, ``num_articles``,
    ``num_sources``, ``first_published``.
"""
from __future__ import annotations

from dataclasses import dataclass

from heron.store.aggregate import STORIES_VIEW, UNIQUE_EVENTS_VIEW, UNIQUE_EVENTS_VIEW_V3, UNIQUE_EVENTS_VIEW_V6
from heron.store.dedup import BANDS, ROWS


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    steps: tuple[str, ...]


_V1_TABLES = (
    """CREATE TABLE inputs (
        origin VARCHAR NOT NULL, fingerprint VARCHAR NOT NULL, article_id VARCHAR,
        status VARCHAR NOT NULL, seq BIGINT NOT NULL, PRIMARY KEY (origin, fingerprint))""",
    """CREATE TABLE articles (
        id VARCHAR PRIMARY KEY, url VARCHAR, title VARCHAR, text VARCHAR NOT NULL,
        language VARCHAR, published DATE, origin VARCHAR, publication VARCHAR,
        repost BOOLEAN NOT NULL, reposted_by VARCHAR, seq BIGINT NOT NULL,
        cluster_id VARCHAR, original_id VARCHAR, record JSON NOT NULL)""",
    """CREATE TABLE minhashes (
        article_id VARCHAR PRIMARY KEY, num_perm INTEGER NOT NULL, signature BLOB NOT NULL)""",
    """CREATE TABLE removed (
        article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR, reason VARCHAR,
        rule VARCHAR, PRIMARY KEY (article_id, idx))""",
    """CREATE TABLE actors (
        article_id VARCHAR NOT NULL, actor_id VARCHAR NOT NULL, name VARCHAR, code VARCHAR,
        sector VARCHAR, wikidata VARCHAR, kind VARCHAR, rule VARCHAR, mentions JSON,
        PRIMARY KEY (article_id, actor_id))""",
    """CREATE TABLE quotes (
        article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR, start INTEGER,
        "end" INTEGER, direct BOOLEAN, cue VARCHAR, speaker_text VARCHAR,
        speaker_start INTEGER, speaker_end INTEGER, speaker_actor VARCHAR, speaker_name VARCHAR,
        rule VARCHAR,
        PRIMARY KEY (article_id, idx))""",
    """CREATE TABLE events (
        article_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL, event VARCHAR NOT NULL,
        mode VARCHAR, context VARCHAR[], date DATE, date_raw VARCHAR, date_text VARCHAR,
        actor_codes VARCHAR NOT NULL, recipient_codes VARCHAR NOT NULL,
        actor_sectors VARCHAR NOT NULL, recipient_sectors VARCHAR NOT NULL,
        actor JSON, recipient JSON, location_text VARCHAR, location_country VARCHAR,
        lat DOUBLE, lon DOUBLE, geonameid BIGINT, quad_code INTEGER, event_scale DOUBLE,
        cameo VARCHAR, goldstein DOUBLE, text VARCHAR, start INTEGER, "end" INTEGER,
        event_text VARCHAR, asserted_by_text VARCHAR, asserted_by_actor VARCHAR,
        negated BOOLEAN, confidence DOUBLE, rule VARCHAR, PRIMARY KEY (article_id, event_id))""",
    """CREATE TABLE problems (
        seq BIGINT NOT NULL, origin VARCHAR, article_id VARCHAR, stage VARCHAR NOT NULL,
        message VARCHAR NOT NULL)""",
)
# No secondary indexes: DuckDB scans and hash-joins fast without them, and an index on
# articles.cluster_id made rewriting the clusters after an ingest ~300 times slower.

# The band keys of signatures stored before version 4, cut in SQL as dedup.band_keys cuts them.
_V4_BANDS = (
    "CREATE TABLE lsh_bands (seq BIGINT NOT NULL, key BLOB NOT NULL)",
    f"""INSERT INTO lsh_bands
        SELECT a.seq, unhex(printf('%02X', b.band) || substring(hex(m.signature), b.band * {ROWS * 8} + 1, {ROWS * 8}))
        FROM minhashes m JOIN articles a ON a.id = m.article_id, range({BANDS}) b(band)
        ORDER BY a.seq, b.band""",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, inputs, minhashes, removed, actors, quotes, events, problems",
              _V1_TABLES),
    Migration(2, "views: stories, unique_events", (STORIES_VIEW, UNIQUE_EVENTS_VIEW_V3)),
    # views are plain SQL over the tables: when their definition changes, a migration re-creates them
    Migration(3, "unique_events: events with no date or no coded participant merge only within a story",
              (UNIQUE_EVENTS_VIEW_V3,)),
    Migration(4, "lsh_bands: stored LSH band keys, so clustering an ingest looks up only its new articles",
              _V4_BANDS),
    Migration(5, "events: location_name (the gazetteer's name) and feature (city, admin1, country)",
              ("ALTER TABLE events ADD COLUMN IF NOT EXISTS location_name VARCHAR",
               "ALTER TABLE events ADD COLUMN IF NOT EXISTS feature VARCHAR")),
    # events stored before version 6 were coded without eventness: they count as happened
    Migration(6, "events: status (happened, planned, expected, background) and due; unique_events "
                 "leaves expected events out",
              ("ALTER TABLE events ADD COLUMN IF NOT EXISTS status VARCHAR DEFAULT 'happened'",
               "ALTER TABLE events ADD COLUMN IF NOT EXISTS due VARCHAR",
               UNIQUE_EVENTS_VIEW_V6)),
    # events stored before version 7 were told once each: their one mention is the event itself
    Migration(7, "events: mentions (every telling of the event in its article)",
              ("ALTER TABLE events ADD COLUMN IF NOT EXISTS mentions JSON",
               """UPDATE events SET mentions = json_array(json_object('text', text, 'start', start, 'end', "end",
                      'event_text', event_text, 'rule', rule)) WHERE mentions IS NULL""")),
    Migration(8, "unique_events: num_mentions counts every telling of an event (its mentions), not its records",
              (UNIQUE_EVENTS_VIEW,)),
)

SCHEMA_VERSION = MIGRATIONS[-1].version

# tables whose rows an ingest writes, in the order a reader would join them
DATA_TABLES = ("inputs", "articles", "minhashes", "lsh_bands", "removed", "actors", "quotes", "events", "problems")
