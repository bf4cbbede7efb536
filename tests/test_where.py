"""Where events happened: `heron events --country/--near/--bbox`, and the place (name, lat,
lon, feature level) on every located event in listings and exports."""
from __future__ import annotations

import csv
import io
import json

import pytest

from heron.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def places(out: str) -> list[str]:
    return sorted(json.loads(line)["location_name"] for line in out.splitlines())


@pytest.mark.parametrize("args, expected", [
    (["--country", "UKR"], ["Kharkiv", "Kyiv"]),
    (["--country", "syr"], ["Syria"]),
    (["--near", "50.45,30.52,50"], ["Kyiv"]),  # Kharkiv is ~410 km away
    (["--near", "50.45,30.52,420"], ["Kharkiv", "Kyiv"]),  # Minsk is ~433 km away
    (["--bbox", "22,44,40,53"], ["Kharkiv", "Kyiv"]),  # Minsk (53.9 N) is north of it
    (["--bbox", "170,-25,-170,0"], ["Suva"]),  # over the 180th meridian
    (["--bbox", "-85,38,-80,42", "--event", "MOBILIZE"], ["Ohio"]),
])
def test_events_by_place(timeline_db, capsys, args, expected):
    code, out, err = run(capsys, "events", "--db", timeline_db, "--format", "jsonl", *args)
    assert code == 0, err
    assert places(out) == expected


def test_every_located_event_has_lat_lon_name_and_feature(timeline_db, capsys):
    code, out, _ = run(capsys, "events", "--db", timeline_db, "--format", "csv")
    rows = [r for r in csv.DictReader(io.StringIO(out)) if r["location_name"]]
    assert code == 0 and len(rows) == 6
    assert all(r["lat"] and r["lon"] for r in rows)
    assert {r["location_name"]: r["feature"] for r in rows} == {
        "Minsk": "city", "Kharkiv": "city", "Kyiv": "city", "Syria": "country", "Ohio": "admin1", "Suva": "city"}


def test_gdelt_action_geo_type_follows_the_feature(timeline_db, capsys):
    from heron.store.export import GDELT_COLUMNS

    code, out, _ = run(capsys, "export", "--db", timeline_db, "--format", "gdelt-tsv")
    col = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    geo = {cells[col["ActionGeo_FullName"]]: cells[col["ActionGeo_Type"]]
           for cells in (line.split("\t") for line in out.splitlines()) if cells[col["ActionGeo_FullName"]]}
    assert code == 0
    assert geo == {"Minsk": "4", "Kharkiv": "4", "Kyiv": "4", "Syria": "1", "Ohio": "2", "Suva": "4"}


def test_plover_export_and_parquet_carry_the_feature(timeline_db, capsys, tmp_path):
    import pyarrow.dataset as ds

    code, out, _ = run(capsys, "export", "--db", timeline_db, "--format", "plover-jsonl")
    locations = [json.loads(line)["event_loc"] for line in out.splitlines()]
    syria = next(loc for loc in locations if loc and loc["name"] == "Syria")
    assert code == 0 and (syria["feature"], syria["latitude"], syria["longitude"], syria["cc3"]) == ("country", 35.0, 38.0, "SYR")
    assert main(["export", "--db", timeline_db, "--format", "parquet", "--out", str(tmp_path / "pq")]) == 0
    table = ds.dataset(tmp_path / "pq", format="parquet", partitioning="hive").to_table()
    assert {"lat", "lon", "location_name", "feature"} <= set(table.column_names)
    assert sorted(f for f in table.column("feature").to_pylist() if f) == \
        ["admin1", "city", "city", "city", "city", "country"]


@pytest.mark.parametrize("args, message", [
    (["--near", "50.45,30.52"], "expected LAT,LON,KM"),
    (["--near", "95,30,10"], "latitude must be in -90..90"),
    (["--bbox", "22,53,40,44"], "SOUTH 53 is north of NORTH 44"),
    (["--country", "UKRR"], "did you mean UKR?"),
    (["--country", "UKR", "--unique"], "drop --unique"),
])
def test_bad_place_filters_are_usage_errors(timeline_db, capsys, args, message):
    code, _, err = run(capsys, "events", "--db", timeline_db, *args)
    assert code == 2 and message in err


@pytest.mark.parametrize("sentence, name, feature, country", [
    ("Thousands of people rallied in Syria on Friday against the government, witnesses said.", "Syria", "country", "SYR"),
    ("Thousands of workers protested in Ohio on Friday against the plant closure, union leaders said.", "Ohio", "admin1", "USA"),
    ("Thousands of people protested in Minsk on Friday against the government, witnesses said.", "Minsk", "city", "BLR"),
])
def test_coded_record_places_events_at_their_level(capsys, tmp_path, sentence, name, feature, country):
    path = tmp_path / "story.txt"
    path.write_text(f"Protest\n\n{sentence}\n", encoding="utf-8")
    assert main(["code", "--json", "--workers", "1", "--date", "2024-05-03", str(path)]) == 0
    record = json.loads(capsys.readouterr().out)
    located = [e["location"] for e in record["events"] if e["location"]]
    assert located, record["events"]
    place = located[0]
    assert (place["name"], place["feature"], place["country"]) == (name, feature, country)
    assert place["lat"] is not None and place["lon"] is not None
    if feature == "country":  # the centroid, not the capital (Damascus is at 33.5, 36.3)
        assert (round(place["lat"]), round(place["lon"])) == (35, 38)
