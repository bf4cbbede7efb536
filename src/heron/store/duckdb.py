"""The single writer of the DuckDB store: open and migrate, write a batch in ONE transaction.

Only the main process of an ingest holds a Store; worker processes code and return. A batch
(inputs rows, articles with their removed/actors/quotes/events, signatures and problems) is
committed whole or not at all, so a run killed at any moment leaves only complete batches, and
the next run skips every input already recorded in ``inputs``.

DuckDB's errors stop here: a commit that fails (full disk, read-only folder) leaves the store
as it was, and the caller gets one StoreError line that says what to do.
"""
from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from heron.errors import ForeignStore, InputError, StoreError
from heron.store.inputs import InputRecord
from heron.store.schema import DATA_TABLES, MIGRATIONS, SCHEMA_VERSION
from heron.types import Article, Event, Participant

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?:$|[T ])")
_PARTIAL_DATE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2]))?$")  # a year, or a year and month


@dataclass
class BatchCounts:
    """What one write added."""

    articles: int = 0
    duplicates: int = 0
    problems: int = 0
    failed_inputs: list[str] = field(default_factory=list)  # origins that became no article


def _reading(doing: str):
    """Method decorator: a DuckDB error while reading the store becomes one StoreError line."""
    def wrap(method):
        @functools.wraps(method)
        def run(self, *args, **kwargs):
            import duckdb

            try:
                return method(self, *args, **kwargs)
            except duckdb.Error as exc:
                raise store_error(self.path, doing, exc, "the store is unchanged") from exc
        return run
    return wrap


class Store:
    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        import duckdb

        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise store_error(self.path, "open the store", exc) from exc
        try:
            check_heron_store(self.con, self.path, empty_ok=not read_only)
            if not read_only:
                migrate(self.con, self.path)
            self._seq = self.con.execute("SELECT coalesce(max(seq), 0) FROM inputs").fetchone()[0]
        except duckdb.CatalogException as exc:
            self.con.close()
            raise StoreError(f"{self.path}: not a heron store (no inputs table); run `heron ingest` to create one") from exc
        except duckdb.Error as exc:
            self.con.close()
            raise store_error(self.path, "prepare the store", exc, "the file is unchanged") from exc
        except BaseException:
            self.con.close()
            raise

    def close(self) -> None:
        """Close; DuckDB writes the last changes into the file here, which can fail on a full disk."""
        import duckdb

        try:
            self.con.close()
        except duckdb.Error as exc:
            raise store_error(self.path, "save the last changes into the file", exc,
                              f"they stay in {self.path}.wal and are read back when the store is next opened") from exc

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind, *exc) -> None:
        try:
            self.close()
        except StoreError:
            if kind is None:  # an error already on its way says more than this one
                raise

    @_reading("read the stored inputs")
    def known(self, keys: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
        """Which (origin, fingerprint) pairs are already recorded."""
        keys = set(keys)
        if not keys:
            return set()
        rows = self.con.execute("SELECT origin, fingerprint FROM inputs WHERE fingerprint IN (SELECT unnest(?))",
                                [sorted({k[1] for k in keys})]).fetchall()
        return {row for row in rows if row in keys}

    @_reading("read the stored inputs")
    def known_origins(self, origins: Iterable[str]) -> frozenset[tuple[str, str]]:
        """The recorded (origin, fingerprint) pairs of these origins: what a worker need not code."""
        origins = sorted(set(origins))
        if not origins:
            return frozenset()
        return frozenset(self.con.execute("SELECT origin, fingerprint FROM inputs WHERE origin IN (SELECT unnest(?))",
                                          [origins]).fetchall())

    @_reading("read the stored inputs")
    def known_fingerprints(self, fingerprints: Iterable[str]) -> set[str]:
        """Which fingerprints some stored input (under any origin) already has."""
        prints = list(set(fingerprints))
        if not prints:
            return set()
        rows = self.con.execute("SELECT DISTINCT fingerprint FROM inputs WHERE fingerprint IN (SELECT unnest(?))",
                                [prints]).fetchall()
        return {r[0] for r in rows}

    @_reading("write a batch")
    def write_batch(self, entries: list[InputRecord]) -> BatchCounts:
        """Record one batch of input outcomes, in input order, in one transaction."""
        rows = _Rows()
        counts = BatchCounts()
        start_seq = self._seq
        stored = self._stored_texts([e.result.id for e in entries if isinstance(e.result, Article)])
        try:
            with transaction(self.con, self.path, "write a batch"):
                for entry in entries:
                    self._seq += 1
                    self._add(entry, rows, stored, counts)
                counts.problems = len(rows.tables["problems"])  # with the store's own (bad dates)
                rows.insert(self.con, self._duplicate_targets(rows))
        except BaseException:
            self._seq = start_seq
            raise
        return counts

    def _add(self, entry: InputRecord, rows: _Rows, stored: dict[str, tuple[str, str]], counts: BatchCounts) -> None:
        seq, result = self._seq, entry.result
        if isinstance(result, InputError):
            rows.input(entry, None, "problem", seq)
            rows.problem(seq, entry.origin, None, "input", result.reason)
            counts.failed_inputs.append(entry.origin)
        elif result is None:  # a byte-identical copy of an input stored earlier
            rows.input(entry, None, "duplicate", seq)
            counts.duplicates += 1
        elif result.id in stored:
            text, origin = stored[result.id]
            if text == result.text:
                rows.input(entry, result.id, "duplicate", seq)
                counts.duplicates += 1
            else:
                rows.input(entry, None, "problem", seq)
                rows.problem(seq, entry.origin, result.id, "store",
                             f"article id {result.id!r} is already used by a different article "
                             f"(from {origin}); kept the stored one, give this input another id")
                counts.failed_inputs.append(entry.origin)
        else:
            stored[result.id] = (result.text, entry.origin)
            rows.input(entry, result.id, "article", seq)
            rows.article(result, seq, entry.signature)
            counts.articles += 1

    def _texts(self, ids: set[str]) -> dict[str, str]:
        if not ids:
            return {}
        return dict(self.con.execute("SELECT id, text FROM articles WHERE id IN (SELECT unnest(?))",
                                     [sorted(ids)]).fetchall())

    def _stored_texts(self, ids: list[str]) -> dict[str, tuple[str, str]]:
        if not ids:
            return {}
        rows = self.con.execute("SELECT id, text, origin FROM articles WHERE id IN (SELECT unnest(?))",
                                [list(set(ids))]).fetchall()
        return {i: (t, o) for i, t, o in rows}

    def _duplicate_targets(self, rows: _Rows) -> dict[str, str]:
        """fingerprint -> article id, for byte-identical copies (stored earlier or in this batch)."""
        wanted = {r["fingerprint"] for r in rows.tables["inputs"] if r["status"] == "duplicate" and not r["article_id"]}
        found = {r["fingerprint"]: r["article_id"] for r in rows.tables["inputs"]
                 if r["fingerprint"] in wanted and r["article_id"]}
        missing = list(wanted - set(found))
        if missing:
            found.update(self.con.execute(
                "SELECT fingerprint, min(article_id) FROM inputs WHERE article_id IS NOT NULL "
                "AND fingerprint IN (SELECT unnest(?)) GROUP BY fingerprint", [missing]).fetchall())
        return found

    # reading back, for clustering and stats

    @_reading("read the story clusters")
    def needs_clustering(self) -> bool:
        return self.con.execute("SELECT count(*) FROM articles WHERE cluster_id IS NULL").fetchone()[0] > 0

    def cluster_stories(self, force: bool = False) -> int:
        """Place every article that has no story cluster yet; with ``force``, every article.

        The new articles' band keys are looked up in ``lsh_bands``: candidates that pass the
        exact check join the new articles to each other and to stored clusters, and only the
        articles of the clusters that change are rewritten, so the cost follows the new
        articles. One transaction, reading and writing: a run stopped here (an error, a kill)
        leaves the clusters as they were, and the next run computes them again from the same
        rows. Returns the number of copies in the store: articles linked to an original.
        """
        if not (force or self.needs_clustering()):
            return self.copies()
        with transaction(self.con, self.path, "write story clusters"):
            if force:
                self.con.execute("UPDATE articles SET cluster_id = NULL, original_id = NULL")
            self._write_clusters(self._assign_clusters())
        return self.copies()

    def _assign_clusters(self) -> dict:
        from heron.store.dedup import cluster

        pairs = self._candidate_pairs()
        members = self._members_to_place({i for pair in pairs for i in pair})
        joined = [(m.id, cluster_id) for m, cluster_id in members if cluster_id and m.id != cluster_id]
        texts = self._texts({i for pair in pairs for i in pair})
        return cluster([m for m, _ in members], pairs, texts, joined=joined)

    def _candidate_pairs(self) -> list[tuple[str, str]]:
        """(earlier, later) article ids sharing a band key, where one of them has no cluster yet.
        New articles are the last stored, so the seq bound lets DuckDB skip older row groups."""
        return self.con.execute("""
            WITH pending AS (SELECT seq FROM articles WHERE cluster_id IS NULL),
            fresh AS (SELECT b.seq, b.key FROM lsh_bands b SEMI JOIN pending p ON p.seq = b.seq
                      WHERE b.seq >= (SELECT min(seq) FROM pending)),
            hits AS (SELECT DISTINCT least(f.seq, o.seq) AS first, greatest(f.seq, o.seq) AS later
                     FROM fresh f JOIN lsh_bands o ON o.key = f.key AND o.seq <> f.seq)
            SELECT x.id, y.id FROM hits JOIN articles x ON x.seq = hits.first JOIN articles y ON y.seq = hits.later
            ORDER BY hits.first, hits.later""").fetchall()

    def _members_to_place(self, paired: set[str]):
        """(Member, stored cluster id) for every unclustered article and every article of a stored
        cluster that a candidate pair touches: a cluster that grows gets its original re-chosen."""
        from heron.store.dedup import Member

        rows = self.con.execute("""
            WITH touched AS (SELECT DISTINCT cluster_id FROM articles
                             WHERE id IN (SELECT unnest(?)) AND cluster_id IS NOT NULL)
            SELECT id, seq, repost, published, cluster_id FROM articles
            WHERE cluster_id IS NULL OR cluster_id IN (SELECT cluster_id FROM touched)
            ORDER BY seq""", [sorted(paired)]).fetchall()
        return [(Member(i, seq, repost, published, b""), cluster_id) for i, seq, repost, published, cluster_id in rows]

    @_reading("read the story clusters")
    def copies(self) -> int:
        """Articles stored as a copy of another article's story."""
        return self.con.execute("SELECT count(*) FROM articles WHERE original_id IS NOT NULL").fetchone()[0]

    def _write_clusters(self, assignments: dict) -> None:
        """Set every article's cluster and original; the caller holds the transaction."""
        import pyarrow as pa

        table = pa.table({"id": list(assignments),
                          "cluster_id": [a.cluster_id for a in assignments.values()],
                          "original_id": [a.original_id for a in assignments.values()]},
                         schema=pa.schema([("id", pa.string()), ("cluster_id", pa.string()),
                                           ("original_id", pa.string())]))
        self.con.register("assigned", table)
        try:
            self.con.execute("UPDATE articles SET cluster_id = s.cluster_id, original_id = s.original_id "
                             "FROM assigned s WHERE articles.id = s.id")
        finally:
            self.con.unregister("assigned")

    def snapshot(self) -> dict[str, list[tuple]]:
        """Every row of every data table and view, sorted: two stores are equal when these are."""
        tables = (*DATA_TABLES, "schema_version", "stories", "unique_events")
        return {t: sorted(self.con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}

    def stats(self) -> dict[str, int]:
        """Row counts of every data table and of the views."""
        counts = {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in (*DATA_TABLES, "stories", "unique_events")}
        counts["inputs_by_status"] = dict(self.con.execute(
            "SELECT status, count(*) FROM inputs GROUP BY status ORDER BY status").fetchall())
        return counts


def migrate(con, path: str) -> int:
    """Bring the store to SCHEMA_VERSION, one migration per transaction; returns the version."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description VARCHAR)")
    current = con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]
    if current > SCHEMA_VERSION:
        raise StoreError(f"{path}: store has schema version {current}, newer than this heron "
                         f"({SCHEMA_VERSION}); upgrade heron to open it")
    for migration in MIGRATIONS:
        if migration.version <= current:
            continue
        with transaction(con, path, f"apply migration {migration.version}"):
            for step in migration.steps:
                con.execute(step)
            con.execute("INSERT INTO schema_version VALUES (?, ?)", [migration.version, migration.description])
    return SCHEMA_VERSION


def check_heron_store(con, path: str, empty_ok: bool) -> None:
    """Refuse a DuckDB database that holds tables but not heron's: never add heron's tables to it.

    A heron store has a ``schema_version`` table of (version, description); an empty database
    becomes one only when ``empty_ok`` (ingest creates the tables).
    """
    tables = sorted(r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database()").fetchall())
    columns = {r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_catalog = current_database() "
        "AND table_name = 'schema_version'").fetchall()}
    if columns == {"version", "description"} or (empty_ok and not tables):
        return
    shown = ", ".join(tables[:5]) + (f" and {len(tables) - 5} more" if len(tables) > 5 else "")
    found = f"it holds the tables {shown}" if tables else "it holds no tables"
    raise ForeignStore(f"{path}: a DuckDB database that is not a heron store ({found}); heron adds nothing "
                       "to another database: give --db a heron store or a new file")


@contextmanager
def transaction(con, path: str, doing: str) -> Iterator[None]:
    """BEGIN ... COMMIT; on any failure the store is left as it was and DuckDB's error becomes
    one StoreError line (``doing`` says what failed, e.g. "write a batch")."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
        con.execute("COMMIT")
    except BaseException as exc:
        _rollback(con)
        if isinstance(exc, StoreError) or not isinstance(exc, Exception):
            raise
        raise store_error(path, doing, exc) from exc


def _rollback(con) -> None:
    """Roll back what is open; a COMMIT that failed has already ended its transaction."""
    import duckdb

    try:
        con.execute("ROLLBACK")
    except duckdb.Error:
        pass  # no transaction active (failed COMMIT) or a connection DuckDB has invalidated


# what to do about the operating-system errors DuckDB reports in its messages
_ADVICE = (
    ("No space left on device", "the disk is full: free space"),
    ("Disk quota exceeded", "the disk quota is used up: free space"),
    ("Read-only file system", "the folder is read-only: give --db a store in a writable folder"),
    ("Permission denied", "no permission to write there: give --db a store in a writable folder"),
)
_MESSAGE_CHARS = 300


def store_error(path: str, doing: str, exc: BaseException,
                outcome: str = "nothing of it was stored, what was stored before is kept") -> StoreError:
    """One line: what failed, DuckDB's reason (first line, shortened), what became of the
    data, and what to do."""
    reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    if len(reason) > _MESSAGE_CHARS:
        reason = reason[:_MESSAGE_CHARS] + "..."
    advice = next((a for key, a in _ADVICE if key.lower() in str(exc).lower()), None)
    if doing == "open the store":
        return StoreError(f"{path}: cannot open the store: {reason}" + (f"; {advice}" if advice else ""))
    then = (f"{advice}, then rerun the same command (it resumes)" if advice
            else "rerun the same command once that is fixed (it resumes)")
    return StoreError(f"{path}: could not {doing}: {reason}; {outcome}; {then}")


def _iso_date(value: str | None) -> date | None:
    """The day a YYYY-MM-DD string (or ISO timestamp) names; None for anything else."""
    if not value or not _DAY.match(value):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _codes(parts: list[Participant], attr: str) -> str:
    return ";".join(sorted({getattr(p, attr) for p in parts if getattr(p, attr)}))


def _plain_json(parts: list[Participant]) -> str:
    return json.dumps([asdict(p) for p in parts], ensure_ascii=False)


class _Rows:
    """Rows of one batch, per table, inserted with one Arrow table per table."""

    def __init__(self) -> None:
        self.tables: dict[str, list[dict]] = {t: [] for t in DATA_TABLES}

    def input(self, entry: InputRecord, article_id: str | None, status: str, seq: int) -> None:
        self.tables["inputs"].append({"origin": entry.origin, "fingerprint": entry.fingerprint,
                                      "article_id": article_id, "status": status, "seq": seq})

    def problem(self, seq: int, origin: str | None, article_id: str | None, stage: str, message: str) -> None:
        self.tables["problems"].append({"seq": seq, "origin": origin, "article_id": article_id,
                                        "stage": stage, "message": message})

    def article(self, article: Article, seq: int, signature: bytes | None) -> None:
        published = _iso_date(article.published)
        if article.published and published is None:
            self.problem(seq, article.origin, article.id, "store",
                         f"published date {article.published!r} is not YYYY-MM-DD; stored as unknown")
        self.tables["articles"].append({
            "id": article.id, "url": article.url, "title": article.title, "text": article.text,
            "language": article.language, "published": published, "origin": article.origin,
            "publication": article.source.publication, "repost": bool(article.source.repost),
            "reposted_by": article.source.reposted_by, "seq": seq,
            "record": json.dumps(article.to_dict(), ensure_ascii=False)})
        if signature is not None:
            from heron.store.dedup import NUM_PERM, band_keys

            self.tables["minhashes"].append({"article_id": article.id, "num_perm": NUM_PERM, "signature": signature})
            self.tables["lsh_bands"].extend({"seq": seq, "key": key} for key in band_keys(signature))
        for idx, removed in enumerate(article.removed):
            self.tables["removed"].append({"article_id": article.id, "idx": idx, "text": removed.text,
                                           "reason": removed.reason, "rule": removed.rule})
        for actor in article.actors:
            self.tables["actors"].append({
                "article_id": article.id, "actor_id": actor.id, "name": actor.name, "code": actor.code,
                "sector": actor.sector, "wikidata": actor.wikidata, "kind": actor.kind, "rule": actor.rule,
                "mentions": json.dumps([list(m) for m in actor.mentions])})
        for idx, quote in enumerate(article.quotes):
            speaker = quote.speaker
            self.tables["quotes"].append({
                "article_id": article.id, "idx": idx, "text": quote.text, "start": quote.start,
                "end": quote.end, "direct": quote.direct, "cue": quote.cue,
                "speaker_text": speaker.text if speaker else None,
                "speaker_start": speaker.start if speaker else None,
                "speaker_end": speaker.end if speaker else None,
                "speaker_actor": speaker.actor if speaker else None,
                "speaker_name": getattr(speaker, "name", None), "rule": quote.rule})
        for event in article.events:
            self.event(article, event, seq)
        for problem in article.problems:
            self.problem(seq, article.origin, article.id, problem.stage, problem.message)

    def event(self, article: Article, event: Event, seq: int) -> None:
        when = _iso_date(event.date)
        raw = event.date or None
        if raw and when is None and not _PARTIAL_DATE.match(raw):
            self.problem(seq, article.origin, article.id, "store",
                         f"event {event.id} date {raw!r} is not YYYY-MM-DD, YYYY-MM or YYYY; stored as unknown")
            raw = None
        place, claim = event.location, event.asserted_by
        self.tables["events"].append({
            "article_id": article.id, "event_id": event.id, "event": event.event, "mode": event.mode,
            "context": list(event.context or []), "date": when, "date_raw": raw,
            "date_text": event.date_text,
            "actor_codes": _codes(event.actor, "code"), "recipient_codes": _codes(event.recipient, "code"),
            "actor_sectors": _codes(event.actor, "sector"), "recipient_sectors": _codes(event.recipient, "sector"),
            "actor": _plain_json(event.actor), "recipient": _plain_json(event.recipient),
            "location_text": place.text if place else None, "location_country": place.country if place else None,
            "lat": place.lat if place else None, "lon": place.lon if place else None,
            "geonameid": place.geonameid if place else None,
            "location_name": place.name if place else None, "feature": place.feature if place else None,
            "quad_code": event.quad_code,
            "event_scale": event.event_scale, "cameo": event.cameo, "goldstein": event.goldstein,
            "text": event.text, "start": event.start, "end": event.end, "event_text": event.event_text,
            "asserted_by_text": claim.text if claim else None, "asserted_by_actor": claim.actor if claim else None,
            "negated": bool(event.negated), "confidence": event.confidence, "rule": event.rule,
            "status": event.status, "due": event.due,
            "mentions": json.dumps([asdict(m) for m in event.mentions], ensure_ascii=False)})

    def insert(self, con, duplicate_targets: dict[str, str]) -> None:
        import pyarrow as pa

        for row in self.tables["inputs"]:
            if row["status"] == "duplicate" and not row["article_id"]:
                row["article_id"] = duplicate_targets.get(row["fingerprint"])
        for name, rows in self.tables.items():
            if not rows:
                continue
            columns = {key: [r[key] for r in rows] for key in rows[0]}
            arrow = pa.table({k: _arrow_column(v) for k, v in columns.items()})
            con.register("batch_rows", arrow)
            try:
                con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM batch_rows")
            finally:
                con.unregister("batch_rows")


def _arrow_column(values: list):
    """An Arrow array; all-null and all-empty-list columns get a string type so DuckDB can cast."""
    import pyarrow as pa

    if all(v is None for v in values):
        return pa.array(values, type=pa.string())
    if all(isinstance(v, list) for v in values) and not any(values):
        return pa.array(values, type=pa.list_(pa.string()))
    if any(isinstance(v, bytes) for v in values):
        return pa.array(values, type=pa.binary())
    return pa.array(values)
