"""`heron schema --format ...`: the schemas of the article record and of every export format,
each checked against what heron actually writes."""
from __future__ import annotations

import json

import jsonschema
import pytest

from heron.cli import main
from heron.schema import arrow_type


def printed_schema(capsys, fmt: str) -> dict:
    assert main(["schema", "--format", fmt]) == 0
    return json.loads(capsys.readouterr().out)


def test_default_is_the_article_schema(capsys):
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == printed_schema(capsys, "article")


@pytest.mark.parametrize("unique", [[], ["--unique"]])
def test_plover_export_validates_against_its_schema(timeline_db, capsys, unique):
    schema = printed_schema(capsys, "plover-jsonl")
    jsonschema.Draft202012Validator.check_schema(schema)
    assert main(["export", "--db", timeline_db, "--format", "plover-jsonl", *unique]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records
    for record in records:
        jsonschema.validate(record, schema)


def test_gdelt_schema_lists_the_exported_columns(timeline_db, capsys):
    schema = printed_schema(capsys, "gdelt-tsv")
    assert main(["export", "--db", timeline_db, "--format", "gdelt-tsv", "--header"]) == 0
    header = capsys.readouterr().out.splitlines()[0].split("\t")
    assert [c["name"] for c in schema["columns"]] == header and len(header) == 61
    assert all(c["type"] in ("integer", "float", "string") and c["heron"] for c in schema["columns"])


@pytest.mark.parametrize("unique, part", [([], "events"), (["--unique"], "unique")])
def test_parquet_schema_matches_the_written_files(timeline_db, capsys, tmp_path, unique, part):
    import pyarrow.dataset as ds

    schema = printed_schema(capsys, "parquet")
    out = tmp_path / "pq"
    assert main(["export", "--db", timeline_db, "--format", "parquet", "--out", str(out), *unique]) == 0
    written = ds.dataset(out, format="parquet").schema
    assert [(f.name, arrow_type(f.type)) for f in written] == [(c["name"], c["type"]) for c in schema[part]]


def test_unknown_schema_format_is_a_usage_error(capsys):
    assert main(["schema", "--format", "csv"]) == 2
