"""The schemas of what heron prints and exports: the article record (data/article.schema.json),
PLOVER JSON lines (data/schemas/plover-jsonl.schema.json), the GDELT TSV columns
(data/schemas/gdelt-tsv.yaml) and the Parquet columns, read from the export query itself run
on an empty in-memory store, so it always matches what `heron export` writes."""
from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

from heron.errors import UsageError

SCHEMA_FORMATS = ("article", "plover-jsonl", "gdelt-tsv", "parquet")


def article_schema() -> dict[str, Any]:
    return json.loads(files("heron").joinpath("data/article.schema.json").read_text(encoding="utf-8"))


def plover_schema() -> dict[str, Any]:
    return json.loads(files("heron").joinpath("data/schemas/plover-jsonl.schema.json").read_text(encoding="utf-8"))


def gdelt_schema() -> dict[str, Any]:
    import yaml

    return yaml.safe_load(files("heron").joinpath("data/schemas/gdelt-tsv.yaml").read_text(encoding="utf-8"))


def parquet_schema() -> dict[str, Any]:
    """Column names and Arrow types of the Parquet export, for event records and --unique."""
    import duckdb

    from heron.store.export import PARQUET_EVENTS_SQL, PARQUET_UNIQUE_SQL
    from heron.store.schema import MIGRATIONS

    con = duckdb.connect(":memory:")
    try:
        con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description VARCHAR)")
        for migration in MIGRATIONS:
            for step in migration.steps:
                con.execute(step)
        found = {}
        for name, sql in (("events", PARQUET_EVENTS_SQL), ("unique", PARQUET_UNIQUE_SQL)):
            arrow = con.sql(sql).to_arrow_reader(100).schema
            found[name] = [{"name": f.name, "type": arrow_type(f.type)} for f in arrow if f.name not in ("year", "month")]
    finally:
        con.close()
    return {"format": "parquet", "partitioning": "hive: year=YYYY/month=M (the event's year and month)",
            "events": found["events"], "unique": found["unique"]}


def arrow_type(kind) -> str:
    """An Arrow type as text, lists without their child field's name (Parquet renames it)."""
    import pyarrow as pa

    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        return f"list<{arrow_type(kind.value_type)}>"
    return str(kind)


def schema_for(fmt: str) -> dict[str, Any]:
    """The schema of an output format: article, plover-jsonl, gdelt-tsv or parquet."""
    makers = {"article": article_schema, "plover-jsonl": plover_schema, "gdelt-tsv": gdelt_schema,
              "parquet": parquet_schema}
    if fmt not in makers:
        raise UsageError(f"no schema for {fmt!r}; choose one of {', '.join(SCHEMA_FORMATS)}")
    return makers[fmt]()


def validate_record(record: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError when ``record`` breaks the contract."""
    import jsonschema

    jsonschema.validate(record, article_schema())
