"""The embedded store: DuckDB tables (schema.py), the single writer (duckdb.py), story clusters
(dedup.py) and unique events (aggregate.py). Read it with plain SQL; see schema.py."""
from __future__ import annotations

from heron.store.dedup import signature as story_signature
from heron.store.duckdb import BatchCounts, Store, migrate
from heron.store.inputs import InputRecord, fingerprint
from heron.store.schema import DATA_TABLES, MIGRATIONS, SCHEMA_VERSION

__all__ = ["BatchCounts", "DATA_TABLES", "InputRecord", "MIGRATIONS", "SCHEMA_VERSION", "Store", "fingerprint", "migrate",
           "story_signature"]
