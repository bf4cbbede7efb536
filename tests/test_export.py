"""Exports: PLOVER JSON lines, GDELT 2.0 TSV and Parquet, from a store built by hand."""
from __future__ import annotations

import io
import json

import pytest

from heron.errors import UsageError
from heron.store import export, query
from store_articles import border_dispute, build_store, minsk_talks
from heron.types import Participant


def _plover(con, unique=False) -> tuple[list[dict], export.ExportResult]:
    out = io.StringIO()
    result = export.export_plover_jsonl(con, out, unique=unique)
    return [json.loads(line) for line in out.getvalue().splitlines()], result


def _gdelt(con, unique=False, header=False) -> tuple[list[list[str]], export.ExportResult]:
    out = io.StringIO()
    result = export.export_gdelt_tsv(con, out, unique=unique, header=header)
    return [line.split("\t") for line in out.getvalue().splitlines()], result


def test_plover_records_use_the_manual_field_names(con):
    records, result = _plover(con)
    assert result.records == len(records) == 8
    assert result.skipped_negated == 1
    for record in records:
        assert {"id", "date", "source", "recipient", "event", "mode", "context", "quad_code", "event_scale",
                "event_loc", "event_text", "text", "text_info", "cite_info"} <= set(record)
        assert isinstance(record["event"], list) and len(record["event"]) == 1
        for actor in record["source"] + record["recipient"]:
            assert set(actor) == {"code", "sector", "actor_text", "identifier_id", "identifier_text"}
    assert len({r["id"] for r in records}) == len(records)


def test_plover_record_carries_provenance(con):
    records, _ = _plover(con)
    consult = next(r for r in records if r["id"] == "minsk-talks:e1")
    assert consult["event"] == ["CONSULT"] and consult["mode"] == ["visit"]
    assert consult["source"][0]["identifier_id"] == "Q159"
    assert consult["event_loc"] == {"name": "Minsk", "geonameid": 625144, "latitude": 53.9, "longitude": 27.5667,
                                    "country code": "BY", "cc3": "BLR", "feature": "city", "text": "Minsk"}
    assert consult["cite_info"]["publication"] == "wire.example"
    assert consult["text_info"]["end"] - consult["text_info"]["start"] == len(consult["text"])
    agree = next(r for r in records if r["id"] == "minsk-talks:e2")
    assert agree["asserted_by"] == {"text": "the Belarusian leader", "actor": "a3"}
    assert agree["source"][0]["identifier_text"] == "Alexander Lukashenko"
    assert not any("did not accuse" in r["text"] for r in records)


def test_plover_unique_records_count_mentions(con):
    records, result = _plover(con, unique=True)
    assert result.records == 5
    consult = next(r for r in records if r["event"] == ["CONSULT"])
    assert consult["num_mentions"] == 2 and consult["num_sources"] == 2
    assert consult["source"] == [{"code": "RUS"}] and consult["recipient"] == [{"code": "BLR"}]
    assert consult["article_ids"] == ["minsk-talks", "minsk-talks-repost"]


def test_gdelt_rows_have_61_columns_in_codebook_order(con):
    rows, result = _gdelt(con, header=True)
    header, body = rows[0], rows[1:]
    assert len(export.GDELT_COLUMNS) == 61
    assert header == list(export.GDELT_COLUMNS)
    assert header[:5] == ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    assert header[26:35] == ["EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
                             "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    assert header[-2:] == ["DATEADDED", "SOURCEURL"]
    assert result.records == len(body) == 8
    assert all(len(row) == 61 for row in body)


def test_gdelt_row_fields(con):
    rows, _ = _gdelt(con)
    col = {name: i for i, name in enumerate(export.GDELT_COLUMNS)}
    consult = next(r for r in rows if r[col["EventRootCode"]] == "04"
                   and r[col["SOURCEURL"]] == "https://wire.example/minsk-talks")
    assert consult[col["SQLDATE"]] == "20220620"
    assert consult[col["MonthYear"]] == "202206" and consult[col["Year"]] == "2022"
    assert consult[col["Actor1Code"]] == "RUSGOV" and consult[col["Actor1CountryCode"]] == "RUS"
    assert consult[col["Actor1Name"]] == "RUSSIA"
    assert consult[col["Actor2Code"]] == "BLRGOV" and consult[col["Actor2Type1Code"]] == "GOV"
    assert (consult[col["EventCode"]], consult[col["QuadClass"]], consult[col["GoldsteinScale"]]) == ("040", "1", "1")
    assert consult[col["IsRootEvent"]] == "1"  # in the lead paragraph
    assert consult[col["ActionGeo_Type"]] == "4" and consult[col["ActionGeo_CountryCode"]] == "BO"  # FIPS
    assert consult[col["ActionGeo_FeatureID"]] == "625144"
    assert consult[col["AvgTone"]] == "" and consult[col["DATEADDED"]] == ""
    later = next(r for r in rows if r[col["EventRootCode"]] == "15")
    assert later[col["IsRootEvent"]] == "0"
    assert len({r[0] for r in rows}) == len(rows)


def test_gdelt_unique_rows_count_sources(con):
    rows, result = _gdelt(con, unique=True)
    col = {name: i for i, name in enumerate(export.GDELT_COLUMNS)}
    assert result.records == 5
    consult = next(r for r in rows if r[col["EventRootCode"]] == "04")
    assert (consult[col["NumMentions"]], consult[col["NumSources"]], consult[col["NumArticles"]]) == ("2", "2", "2")


def test_gdelt_expands_compound_actors(tmp_path):
    article = border_dispute()
    article.events[1].actor.append(Participant(code="UKR", sector="GOV", entity_text="Ukraine", actor="a2"))
    connection = query.connect(build_store(tmp_path / "compound.duckdb", [article]))
    rows, result = _gdelt(connection)
    connection.close()
    coop = [r for r in rows if r[28] == "06"]
    assert sorted(r[5] for r in coop) == ["RUSGOV", "UKRGOV"]
    assert result.records == 3


@pytest.mark.parametrize("cameo, expected", [
    ("04", ["040", "040", "04"]),
    ("042", ["042", "042", "04"]),
    ("1823", ["1823", "182", "18"]),
    ("18-20", ["180", "180", "18"]),
    ("", ["", "", ""]),
    (None, ["", "", ""]),
])
def test_event_codes(cameo, expected):
    assert export._event_codes(cameo) == expected


@pytest.mark.parametrize("day, expected", [
    ("2022-01-01", ["20220101", "202201", "2022", "2022.0000"]),
    ("2024-12-31", ["20241231", "202412", "2024", "2024.9973"]),
    ("2014-03", ["", "201403", "2014", ""]),
    ("1992", ["", "", "1992", ""]),
    (None, ["", "", "", ""]),
])
def test_date_fields(day, expected):
    assert export._date_fields(day) == expected


def test_parquet_partitions_by_year_and_month(con, tmp_path):
    import pyarrow.dataset as ds

    out = tmp_path / "events"
    result = export.export_parquet(con, out)
    assert result.records == 9  # negated events kept, with their flag
    assert sorted(p.name for p in (out / "year=2022").iterdir()) == ["month=6", "month=7"]
    table = ds.dataset(out, partitioning="hive").to_table()
    assert table.num_rows == 9
    assert sum(table.column("negated").to_pylist()) == 1
    assert {"event", "actor_codes", "goldstein", "event_date", "url"} <= set(table.column_names)


def test_parquet_unique_and_refuses_a_used_folder(con, tmp_path):
    out = tmp_path / "unique"
    assert export.export_parquet(con, out, unique=True).records == 5
    with pytest.raises(UsageError, match="not an empty folder"):
        export.export_parquet(con, out, unique=True)


def test_exporters_are_registered():
    from heron.registry import EXPORTERS, resolve

    assert resolve(EXPORTERS["plover-jsonl"]) is export.export_plover_jsonl
    assert resolve(EXPORTERS["gdelt-tsv"]) is export.export_gdelt_tsv
    assert resolve(EXPORTERS["parquet"]) is export.export_parquet


def test_export_of_empty_store(tmp_path):
    connection = query.connect(build_store(tmp_path / "empty.duckdb", [minsk_talks()][:0]))
    records, result = _plover(connection)
    connection.close()
    assert records == [] and result.records == 0


def test_event_dated_by_year_only_does_not_borrow_the_publication_day(tmp_path):
    article = border_dispute()
    article.events[0].date = "2014"
    connection = query.connect(build_store(tmp_path / "year.duckdb", [article]))
    records, _ = _plover(connection)
    rows, _ = _gdelt(connection)
    listed = query.events(connection, query.EventFilter(event="ACCUSE"))
    connection.close()
    first = next(r for r in records if r["event_id"] == "e1")
    assert first["date"] is None and first["date_raw"] == "2014"
    col = {name: i for i, name in enumerate(export.GDELT_COLUMNS)}
    accuse = next(r for r in rows if r[col["EventRootCode"]] == "11")
    assert (accuse[col["SQLDATE"]], accuse[col["Year"]]) == ("", "2014")
    assert [(r["date"], r["date_raw"]) for r in listed if not r["negated"]] == [(None, "2014")]


def test_status_is_stored_and_expected_events_are_not_counted(status_db):
    con = query.connect(status_db)
    try:
        stored = sorted(r["status"] for r in query.events(con))
        unique = query.events(con, query.EventFilter(unique=True))
        planned = query.events(con, query.EventFilter(status=("planned", "background")))
        out = io.StringIO()
        result = export.export_plover_jsonl(con, out)
    finally:
        con.close()
    assert stored == ["background", "expected", "happened", "planned"]
    assert len(unique) == 3  # the expected meeting is a forecast, not an act
    assert sorted(r["status"] for r in planned) == ["background", "planned"]
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert sorted(r["status"] for r in records) == ["background", "happened", "planned"]
    assert (result.records, result.skipped_expected) == (3, 1)


def test_status_filter_needs_event_records(status_db):
    con = query.connect(status_db)
    try:
        with pytest.raises(UsageError, match="--status"):
            query.events(con, query.EventFilter(unique=True, status=("planned",)))
    finally:
        con.close()
