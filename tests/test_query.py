"""Read-only store queries over a store written by the store writer from hand-built articles."""
from __future__ import annotations

import pytest

from heron.errors import StoreError, UsageError
from heron.store import query
from heron.store.dyads import dyad
from store_articles import build_store, minsk_talks


def test_stats_counts_every_table(con):
    counts = query.stats(con)
    assert counts["articles"] == 3
    assert counts["events"] == 9
    assert counts["negated_events"] == 1
    # the repost repeats three events; the negated one is not an event
    assert counts["unique_events"] == 5
    assert counts["quotes"] == 3
    assert counts["actors"] == 9
    assert counts["problems"] == 1  # the unreadable input
    assert counts["inputs"] == 4
    assert counts["clusters"] == 3
    assert (counts["first_published"], counts["last_published"]) == ("2022-06-21", "2022-07-13")


@pytest.mark.parametrize("flt, expected", [
    (query.EventFilter(), 9),
    (query.EventFilter(actor="rus"), 6),
    (query.EventFilter(actor="RUS", recipient="BLR", event="consult"), 2),
    (query.EventFilter(recipient="UKR"), 1),
    (query.EventFilter(since="2022-07-01"), 3),
    (query.EventFilter(until="2022-06-20"), 4),
    (query.EventFilter(since="2022-06-21", until="2022-06-21"), 2),
    (query.EventFilter(limit=2), 2),
    (query.EventFilter(unique=True), 5),
    (query.EventFilter(unique=True, actor="RUS", recipient="BLR"), 3),
    (query.EventFilter(actor="BLR", recipient="RUS", event="AGREE", unique=True), 1),
])
def test_event_filters(con, flt, expected):
    assert len(query.events(con, flt)) == expected


def test_event_without_date_takes_the_publication_date(con):
    mobilize = query.events(con, query.EventFilter(event="MOBILIZE"))
    assert {row["date"] for row in mobilize} == {"2022-06-21"}


def test_events_come_oldest_first_with_provenance(con):
    found = query.events(con)
    dates = [row["date"] for row in found]
    assert dates == sorted(dates)
    first = found[0]
    assert first["url"] == "https://wire.example/minsk-talks"
    assert first["text"].startswith("The presidents of Russia")
    assert first["rule"] == "test:consult"


def test_unique_event_merges_copies(con):
    consult = query.events(con, query.EventFilter(event="CONSULT", unique=True))
    assert len(consult) == 1
    assert consult[0]["num_articles"] == 2
    assert consult[0]["num_sources"] == 2


def test_bad_date_is_a_usage_error(con):
    with pytest.raises(UsageError, match="not YYYY-MM-DD"):
        query.events(con, query.EventFilter(since="21/06/2022"))


def test_dyad_per_week_counts_quads_and_goldstein(con):
    series = dyad(con, "rus", "blr", by="week")
    assert [p["period"] for p in series.periods] == ["2022-06-20", "2022-06-27", "2022-07-04", "2022-07-11"]
    assert [p["total"] for p in series.periods[1:3]] == [0, 0]  # weeks with no events are there, empty
    assert [p["goldstein"] for p in series.periods[1:3]] == [None, None]  # no mean of nothing
    june, july = series.periods[0], series.periods[3]
    assert (june["quad_1"], june["quad_4"], june["total"]) == (1, 1, 2)
    assert june["goldstein"] == pytest.approx((1.0 - 7.2) / 2)
    assert (july["quad_2"], july["total"]) == (1, 1)
    # the negated accusation is left out of every period
    assert sum(p["quad_3"] for p in series.periods) == 0


def test_dyad_both_directions_and_mentions(con):
    one_way = dyad(con, "RUS", "BLR", by="month")
    both = dyad(con, "RUS", "BLR", by="month", both_directions=True)
    mentions = dyad(con, "RUS", "BLR", by="month", unique=False)
    assert [p["period"] for p in one_way.periods] == ["2022-06", "2022-07"]
    assert both.periods[0]["total"] == one_way.periods[0]["total"] + 1  # Minsk's AGREE back to Moscow
    assert mentions.periods[0]["total"] == 4  # both copies of the story count
    assert both.to_dict()["both_directions"] is True


def test_dyad_rejects_unknown_period(con):
    with pytest.raises(UsageError, match="--by"):
        dyad(con, "RUS", "BLR", by="decade")


def test_dyad_counts_undated_events(tmp_path):
    article = minsk_talks("undated-story")
    article.published = None
    for event in article.events:
        event.date = None
    connection = query.connect(build_store(tmp_path / "undated.duckdb", [article]))
    series = dyad(connection, "RUS", "BLR", unique=False)
    assert series.periods == []
    assert series.undated == 2
    connection.close()


@pytest.mark.parametrize("speaker, expected", [(None, 3), ("lukashenko", 2), ("spokesman", 1), ("Putin", 0)])
def test_quotes_by_speaker(con, speaker, expected):
    found = query.quotes(con, speaker)
    assert len(found) == expected
    for row in found:
        assert row["text"] and row["article_id"]


def test_quote_rows_resolve_the_speaker(con):
    row = query.quotes(con, "Belarusian leader", limit=1)[0]
    assert (row["speaker_name"], row["speaker_code"], row["direct"]) == ("Alexander Lukashenko", "BLR", True)


def test_connect_missing_store(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        query.connect(tmp_path / "absent.duckdb")


def test_connect_not_a_database(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("not a database")
    with pytest.raises(StoreError, match="cannot open the store"):
        query.connect(path)


def test_connect_foreign_database(tmp_path):
    import duckdb

    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).execute("CREATE TABLE t (x INTEGER)").close()
    with pytest.raises(StoreError, match="not a heron store"):
        query.connect(path)


def _speaking(article_id: str, speaker: str):
    article = minsk_talks(article_id)
    article.quotes[0].speaker.text, article.quotes[0].speaker.actor = speaker, None
    return article


@pytest.mark.parametrize("wanted, expected", [
    ("%", ["100% Campaign"]),
    ("_", ["user_42"]),
    ("\\", ["C:\\press"]),
    ("100%", ["100% Campaign"]),
    ("r_4", ["user_42"]),
    ("ser", ["userX42", "user_42"]),
    ("s%c", []),  # a literal per cent sign between s and c: no speaker has it
    ("CAMPAIGN", ["100% Campaign"]),
])
def test_speaker_search_takes_like_wildcards_literally(tmp_path, wanted, expected):
    speakers = ["100% Campaign", "user_42", "C:\\press", "userX42", "Press office"]
    path = build_store(tmp_path / "speakers.duckdb", [_speaking(f"s{i}", s) for i, s in enumerate(speakers)])
    connection = query.connect(path)
    found = sorted(r["speaker_text"] for r in query.quotes(connection, wanted))
    connection.close()
    assert found == expected


def test_a_database_with_other_tables_is_a_usage_error_naming_them(tmp_path):
    import duckdb

    from heron.errors import ForeignStore

    path = tmp_path / "other.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE readings (x DOUBLE)")
    with pytest.raises(ForeignStore, match="holds the tables readings") as refused:
        query.connect(path)
    assert refused.value.exit_code == 2
