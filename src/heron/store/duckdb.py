"""The single writer of the DuckDB store: open and migrate, write a batch in ONE transaction.

Only the main process of an ingest holds a Store; worker processes code and return. A batch
(inputs rows, articles with their removed/actors/quotes/events, signatures and problems) is
committed whole or not at all, so a run killed at any moment leaves only complete batches, and
the next run skips every input already recorded in ``inputs``.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from heron.errors import InputError, StoreError
from heron.store.inputs import InputOutcome
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


class Store:
    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        import duckdb

        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open the store: {exc}") from exc
        if not read_only:
            migrate(self.con, self.path)
        try:
            self._seq = self.con.execute("SELECT coalesce(max(seq), 0) FROM inputs").fetchone()[0]
        except duckdb.CatalogException as exc:
            self.con.close()
            raise StoreError(f"{self.path}: not a heron store (no inputs table); run `heron ingest` to create one") from exc

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def known(self, keys: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
        """Which (origin, fingerprint) pairs are already recorded."""
        keys = set(keys)
        if not keys:
            return set()
        rows = self.con.execute("SELECT origin, fingerprint FROM inputs WHERE fingerprint IN (SELECT unnest(?))",
                                [sorted({k[1] for k in keys})]).fetchall()
        return {row for row in rows if row in keys}

    def known_fingerprints(self, fingerprints: Iterable[str]) -> set[str]:
        """Which fingerprints some stored input (under any origin) already has."""
        prints = list(set(fingerprints))
        if not prints:
            return set()
        rows = self.con.execute("SELECT DISTINCT fingerprint FROM inputs WHERE fingerprint IN (SELECT unnest(?))",
                                [prints]).fetchall()
        return {r[0] for r in rows}

    def write_batch(self, entries: list[InputOutcome]) -> BatchCounts:
        """Record one batch of input outcomes, in input order, in one transaction."""
        rows = _Rows()
        counts = BatchCounts()
        start_seq = self._seq
        stored = self._stored_texts([e.result.id for e in entries if isinstance(e.result, Article)])
        try:
            self.con.execute("BEGIN TRANSACTION")
            for entry in entries:
                self._seq += 1
                self._add(entry, rows, stored, counts)
            counts.problems = len(rows.tables["problems"])  # with the store's own (bad dates)
            rows.insert(self.con, self._duplicate_targets(rows))
            self.con.execute("COMMIT")
        except Exception as exc:
            self.con.execute("ROLLBACK")
            self._seq = start_seq
            raise StoreError(f"{self.path}: could not write a batch: {exc}") from exc
        return counts

    def _add(self, entry: InputOutcome, rows: _Rows, stored: dict[str, tuple[str, str]], counts: BatchCounts) -> None:
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

    def needs_clustering(self) -> bool:
        return self.con.execute("SELECT count(*) FROM articles WHERE cluster_id IS NULL").fetchone()[0] > 0

    def cluster_stories(self, force: bool = False) -> int:
        """Recompute story clusters over every stored signature when some article has none yet.

        Returns the number of copies in the store: articles linked to an original.
        """
        from heron.store.dedup import Member, candidate_pairs, cluster

        if not (force or self.needs_clustering()):
            return self.copies()
        rows = self.con.execute("SELECT a.id, a.seq, a.repost, a.published, m.signature FROM articles a "
                                "LEFT JOIN minhashes m ON m.article_id = a.id ORDER BY a.seq").fetchall()
        members = [Member(*row) for row in rows if row[4] is not None]
        pairs = candidate_pairs(members)
        assignments = cluster(members, pairs, self._texts({i for pair in pairs for i in pair}))
        for article_id, seq, *_ in rows:  # no signature (text unavailable to the worker): own story
            assignments.setdefault(article_id, _singleton(article_id))
        self.set_clusters(assignments)
        return self.copies()

    def copies(self) -> int:
        """Articles stored as a copy of another article's story."""
        return self.con.execute("SELECT count(*) FROM articles WHERE original_id IS NOT NULL").fetchone()[0]

    def set_clusters(self, assignments: dict) -> None:
        """Write every article's cluster and original (one transaction)."""
        import pyarrow as pa

        table = pa.table({"id": list(assignments),
                          "cluster_id": [a.cluster_id for a in assignments.values()],
                          "original_id": [a.original_id for a in assignments.values()]},
                         schema=pa.schema([("id", pa.string()), ("cluster_id", pa.string()),
                                           ("original_id", pa.string())]))
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.register("assigned", table)
            self.con.execute("UPDATE articles SET cluster_id = s.cluster_id, original_id = s.original_id "
                             "FROM assigned s WHERE articles.id = s.id")
            self.con.unregister("assigned")
            self.con.execute("COMMIT")
        except Exception as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: could not write story clusters: {exc}") from exc

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
        con.execute("BEGIN TRANSACTION")
        try:
            for step in migration.steps:
                con.execute(step)
            con.execute("INSERT INTO schema_version VALUES (?, ?)", [migration.version, migration.description])
            con.execute("COMMIT")
        except Exception as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"{path}: migration {migration.version} failed: {exc}") from exc
    return SCHEMA_VERSION


def _singleton(article_id: str):
    from heron.store.dedup import Assignment

    return Assignment(article_id, None)


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

    def input(self, entry: InputOutcome, article_id: str | None, status: str, seq: int) -> None:
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
            from heron.store.dedup import NUM_PERM

            self.tables["minhashes"].append({"article_id": article.id, "num_perm": NUM_PERM, "signature": signature})
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
            "geonameid": place.geonameid if place else None, "quad_code": event.quad_code,
            "event_scale": event.event_scale, "cameo": event.cameo, "goldstein": event.goldstein,
            "text": event.text, "start": event.start, "end": event.end, "event_text": event.event_text,
            "asserted_by_text": claim.text if claim else None, "asserted_by_actor": claim.actor if claim else None,
            "negated": bool(event.negated), "confidence": event.confidence, "rule": event.rule})

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
