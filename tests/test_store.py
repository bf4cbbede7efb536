"""The DuckDB store: migrations, the batch writer, story clusters and the unique_events view."""
from __future__ import annotations

import json

import pytest

from heron.errors import InputError, StoreError
from heron.store import SCHEMA_VERSION, InputRecord, Store
from heron.store.aggregate import UNIQUE_EVENTS_VIEW_V6, unique_events
from heron.store.dedup import signature
from heron.types import (Actor, Article, Claim, Event, Location, Participant, Problem, Quote, Removed,
                         Source, Speaker)

STORY = ("Talks held in Geneva\n\n"
         "GENEVA, May 6 (Wire) - The foreign ministers of Armenia and Azerbaijan held talks in Geneva on "
         "Monday, officials said.\n\n"
         "Police in Yerevan detained 40 protesters outside parliament on Tuesday, the interior ministry said.\n\n"
         "The two sides agreed to meet again next month to discuss the border, a spokesman told reporters.")
OTHER = ("Strike closes port\n\n"
         "ROTTERDAM, May 7 (Wire) - Dock workers walked off the job at Europe's largest port on Wednesday "
         "in a dispute over automation, a union leader said, halting container traffic for the day.")


def side(code, sector="GOV", text=None):
    return Participant(code=code, sector=sector, entity_text=text or code, actor=None)


def event(text, eid, kind, trigger, actor, recipient, date=None, **extra):
    start = max(0, text.find(trigger))  # hand-made events may sit on another story's text
    return Event(id=eid, event=kind, mode=extra.pop("mode", None), context=extra.pop("context", []),
                 date=date, date_text=None, actor=actor, recipient=recipient,
                 location=extra.pop("location", None), quad_code=1, event_scale=2.5, cameo="04",
                 goldstein=1.0, text=trigger, start=start, end=start + len(trigger), event_text=trigger,
                 rule=f"test:{kind.lower()}", **extra)


def story(article_id, text=STORY, publication="wire.example", repost=False, published="2024-05-06",
          consult_date="2024-05-06"):
    """An article coded by hand: one dated CONSULT, one undated COERCE, one negated AGREE."""
    return Article(
        id=article_id, text=text, title=text.split("\n\n")[0], url=f"https://{publication}/{article_id}",
        published=published, origin=f"{article_id}.txt",
        source=Source(publication=publication, repost=repost),
        removed=[Removed("Subscribe now", "subscribe", "test:subscribe")],
        actors=[Actor("a1", "Armenia", "ARM", "GOV", None, [(STORY.index("Armenia"), STORY.index("Armenia") + 7)], "country"),
                Actor("a2", "Azerbaijan", "AZE", "GOV")],
        quotes=[Quote("agreed to meet again", STORY.index("agreed"), STORY.index("agreed") + 20, False, "told",
                      Speaker("a spokesman", STORY.index("a spokesman"), STORY.index("a spokesman") + 11), "test:q")],
        events=[event(text, "e1", "CONSULT", "held talks", [side("ARM"), side("AZE")], [], consult_date,
                      mode="meet", location=Location("Geneva", "CHE", 46.2, 6.15, 2660646)),
                event(text, "e2", "COERCE", "detained", [side("ARM", "COP", "Police")], [side(None, "CVL", "protesters")]),
                event(text, "e3", "AGREE", "agreed to meet", [side("ARM")], [side("AZE")], negated=True,
                      asserted_by=Claim("a spokesman", None))],
        problems=[Problem("quotes", "speaker unresolved")])


def entry(result, origin=None, fp=None):
    text = result.text if isinstance(result, Article) else None
    return InputRecord(origin or getattr(result, "origin", None) or "x", fp or (origin or getattr(result, "id", "f")),
                 result, signature(text) if text else None)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "t.duckdb") as opened:
        yield opened


def test_new_store_is_migrated_to_the_current_version(store):
    versions = [v for v, _ in store.con.execute("SELECT version, description FROM schema_version").fetchall()]
    assert versions == list(range(1, SCHEMA_VERSION + 1))


def test_reopening_applies_no_migration_twice(tmp_path):
    Store(tmp_path / "t.duckdb").close()
    with Store(tmp_path / "t.duckdb") as again:
        assert again.con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == SCHEMA_VERSION


def test_store_newer_than_heron_is_refused(tmp_path):
    with Store(tmp_path / "t.duckdb") as first:
        first.con.execute("INSERT INTO schema_version VALUES (?, 'from the future')", [SCHEMA_VERSION + 1])
    with pytest.raises(StoreError, match="newer than this heron"):
        Store(tmp_path / "t.duckdb")


def test_batch_writes_every_part_of_an_article(store):
    counts = store.write_batch([entry(story("s1"))])
    assert (counts.articles, counts.problems) == (1, 1)
    row = store.con.execute("SELECT publication, repost, published, seq, record FROM articles").fetchone()
    assert row[:4] == ("wire.example", False, __import__("datetime").date(2024, 5, 6), 1)
    assert json.loads(row[4])["events"][0]["location"]["geonameid"] == 2660646
    events = store.con.execute("SELECT event_id, event, actor_codes, recipient_codes, recipient_sectors, "
                               "location_country, negated FROM events ORDER BY event_id").fetchall()
    assert events == [("e1", "CONSULT", "ARM;AZE", "", "", "CHE", False),
                      ("e2", "COERCE", "ARM", "", "CVL", None, False),
                      ("e3", "AGREE", "ARM", "AZE", "GOV", None, True)]
    assert store.con.execute("SELECT speaker_text, cue FROM quotes").fetchall() == [("a spokesman", "told")]
    start = STORY.index("Armenia")
    assert store.con.execute("SELECT mentions FROM actors WHERE actor_id = 'a1'").fetchone()[0] == f"[[{start}, {start + 7}]]"
    assert store.con.execute("SELECT reason FROM removed").fetchall() == [("subscribe",)]
    assert store.con.execute("SELECT stage, message FROM problems").fetchall() == [("quotes", "speaker unresolved")]
    assert store.con.execute("SELECT status, article_id FROM inputs").fetchall() == [("article", "s1")]


def test_failed_input_becomes_a_problem_row(store):
    counts = store.write_batch([InputRecord("gone.txt", "fp-gone", InputError("gone.txt", "no such file or folder"))])
    assert counts.failed_inputs == ["gone.txt"]
    assert store.con.execute("SELECT origin, article_id, stage, message FROM problems").fetchall() == [
        ("gone.txt", None, "input", "no such file or folder")]
    assert store.con.execute("SELECT status FROM inputs").fetchall() == [("problem",)]


def test_same_article_twice_is_a_duplicate_and_a_clashing_id_a_problem(store):
    store.write_batch([entry(story("s1"), "a.txt", "fp-a")])
    counts = store.write_batch([entry(story("s1"), "b.txt", "fp-b"),
                                entry(story("s1", text=OTHER), "c.txt", "fp-c")])
    assert (counts.articles, counts.duplicates, counts.failed_inputs) == (0, 1, ["c.txt"])
    assert store.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert store.con.execute("SELECT origin, status, article_id FROM inputs ORDER BY seq").fetchall() == [
        ("a.txt", "article", "s1"), ("b.txt", "duplicate", "s1"), ("c.txt", "problem", None)]
    assert "already used by a different article" in store.con.execute(
        "SELECT message FROM problems WHERE stage = 'store'").fetchone()[0]


def test_copy_of_an_input_points_at_the_stored_article(store):
    store.write_batch([entry(story("s1"), "a.txt", "same"), InputRecord("b.txt", "same", None)])
    assert store.con.execute("SELECT origin, status, article_id FROM inputs ORDER BY seq").fetchall() == [
        ("a.txt", "article", "s1"), ("b.txt", "duplicate", "s1")]
    assert store.known([("a.txt", "same"), ("c.txt", "same")]) == {("a.txt", "same")}
    assert store.known_fingerprints(["same", "new"]) == {"same"}


def test_bad_dates_are_stored_as_unknown_with_a_problem(store):
    article = story("s1", published="06/05/2024", consult_date="next week")
    counts = store.write_batch([entry(article)])
    assert counts.problems == 3  # the stage's problem and the two dates
    assert store.con.execute("SELECT published FROM articles").fetchone()[0] is None
    messages = [m for (m,) in store.con.execute("SELECT message FROM problems WHERE stage = 'store'").fetchall()]
    assert any("published date" in m for m in messages) and any("event e1 date" in m for m in messages)


def test_a_failing_batch_leaves_nothing_behind(store, monkeypatch):
    from heron.store import duckdb as writer

    store.write_batch([entry(story("s0", text=OTHER))])

    def explode(self, con, targets):
        con.execute("INSERT INTO inputs VALUES ('half', 'written', NULL, 'article', 99)")
        raise RuntimeError("disk full")

    monkeypatch.setattr(writer._Rows, "insert", explode)
    with pytest.raises(StoreError, match="could not write a batch"):
        store.write_batch([entry(story("s1"))])
    monkeypatch.undo()
    assert store.con.execute("SELECT count(*) FROM inputs").fetchone()[0] == 1
    store.write_batch([entry(story("s1"))])
    assert store.con.execute("SELECT seq FROM articles WHERE id = 's1'").fetchone()[0] == 2


def test_story_copies_count_once_with_num_articles_two(store):
    blog_text = "Menu | Latest | Subscribe\n\n" + STORY + "\n\nLeave a reply. Share on social media."
    store.write_batch([entry(story("wire", publication="wire.example")),
                       entry(story("blog", text=blog_text, publication="blog.example", repost=True,
                                   published="2024-05-07")),
                       entry(story("other", text=OTHER, publication="paper.example", published="2024-05-07",
                                   consult_date="2024-05-08"))])
    store.cluster_stories()
    clusters = dict(store.con.execute("SELECT id, cluster_id FROM articles").fetchall())
    assert clusters["blog"] == clusters["wire"] != clusters["other"]
    assert store.con.execute("SELECT original_id FROM articles WHERE id = 'blog'").fetchone()[0] == "wire"
    rows = {(r["event"], str(r["date"])): r for r in unique_events(store.con)}
    consult = rows[("CONSULT", "2024-05-06")]
    assert (consult["num_mentions"], consult["num_articles"], consult["num_stories"], consult["num_sources"]) == (2, 2, 1, 2)
    # undated: the story's earliest publication date, so both copies merge despite different dates
    coerce = rows[("COERCE", "2024-05-06")]
    assert coerce["num_articles"] == 2 and coerce["first_article_id"] == "wire"
    assert not any(r["event"] == "AGREE" for r in rows.values())  # negated
    assert store.con.execute("SELECT num_articles, original_id FROM stories WHERE cluster_id = 'wire'").fetchone() == (2, "wire")


def test_same_event_in_independent_stories_counts_two_stories(store):
    second = STORY.replace("Talks held in Geneva", "Ministers meet").replace("(Wire)", "(Agency)") + (
        "\n\nArmenia's prime minister later spoke by phone with the French president about the region, "
        "his office said, and both leaders called for calm along the border.") * 3
    store.write_batch([entry(story("one", publication="wire.example")),
                       entry(story("two", text=second, publication="agency.example"))])
    store.cluster_stories()
    consult = next(r for r in unique_events(store.con) if r["event"] == "CONSULT")
    assert (consult["num_articles"], consult["num_sources"]) == (2, 2)
    assert consult["num_stories"] == len(set(store.con.execute("SELECT cluster_id FROM articles").fetchall()))


def test_clustering_runs_only_when_an_article_lacks_a_cluster(store):
    store.write_batch([entry(story("s1"))])
    assert store.needs_clustering()
    store.cluster_stories()
    assert not store.needs_clustering()
    assert store.con.execute("SELECT cluster_id, original_id FROM articles").fetchall() == [("s1", None)]


@pytest.mark.parametrize("given, day, raw", [
    ("2024-05-06", "2024-05-06", "2024-05-06"),
    ("2024-05", None, "2024-05"),
    ("1992", None, "1992"),
])
def test_partial_event_dates_are_kept_raw_and_never_borrow_the_publication_day(store, given, day, raw):
    store.write_batch([entry(story("s1", consult_date=given))])
    store.cluster_stories()
    stored = store.con.execute("SELECT CAST(date AS VARCHAR), date_raw FROM events WHERE event_id = 'e1'").fetchone()
    assert stored == (day, raw)
    assert store.con.execute("SELECT count(*) FROM problems WHERE stage = 'store'").fetchone()[0] == 0
    consult = next(r for r in unique_events(store.con) if r["event"] == "CONSULT")
    assert (str(consult["date"]) if consult["date"] else None) == day


def test_a_duckdb_file_that_is_no_heron_store_is_refused(tmp_path):
    import duckdb

    duckdb.connect(str(tmp_path / "other.duckdb")).close()
    with pytest.raises(StoreError, match="not a heron store"):
        Store(tmp_path / "other.duckdb", read_only=True)


def test_a_file_that_is_no_database_is_refused(tmp_path):
    (tmp_path / "notes.duckdb").write_text("shopping list\n")
    with pytest.raises(StoreError, match="cannot open the store"):
        Store(tmp_path / "notes.duckdb")


def test_undated_events_merge_within_a_story_but_not_across_stories(store):
    undated = dict(published=None, consult_date=None)
    blog_text = "Menu | Latest\n\n" + STORY + "\n\nLeave a reply."
    store.write_batch([entry(story("wire", **undated)), entry(story("blog", text=blog_text, repost=True, **undated)),
                       entry(story("other", text=OTHER, **undated))])
    store.cluster_stories()
    consults = [r for r in unique_events(store.con) if r["event"] == "CONSULT"]
    assert sorted((r["num_articles"], r["story_scope"]) for r in consults) == [(1, "other"), (2, "wire")]
    assert all(r["date"] is None for r in consults)


def test_events_with_no_coded_participant_merge_only_within_a_story(store):
    def uncoded(article_id, text, publication):
        article = story(article_id, text=text, publication=publication)
        for ev in article.events:
            ev.actor = [side(None, "COP", "police")]
            ev.recipient = []
        return article

    store.write_batch([entry(uncoded("one", STORY, "wire.example")), entry(uncoded("two", OTHER, "paper.example"))])
    store.cluster_stories()
    consults = [r for r in unique_events(store.con) if r["event"] == "CONSULT"]
    assert sorted(r["story_scope"] for r in consults) == ["one", "two"]
    assert all(str(r["date"]) == "2024-05-06" for r in consults)


def test_an_older_store_is_migrated_forward_on_open(tmp_path):
    with Store(tmp_path / "t.duckdb") as first:  # make it look like a store of schema version 2
        first.con.execute("DELETE FROM schema_version WHERE version > 2")
        first.con.execute("DROP TABLE lsh_bands")
        first.con.execute("CREATE OR REPLACE VIEW unique_events AS SELECT 1 AS outdated")
    with Store(tmp_path / "t.duckdb") as again:
        columns = [d[0] for d in again.con.execute("SELECT * FROM unique_events").description]
        assert "story_scope" in columns and "outdated" not in columns
        assert again.con.execute("SELECT max(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION


def _clusters(store) -> list[tuple]:
    return store.con.execute("SELECT id, seq, cluster_id, original_id FROM articles ORDER BY seq").fetchall()


def test_clustering_in_several_ingests_gives_the_clusters_of_one(tmp_path):
    """A repost arriving in a later ingest joins the stored story, and a later non-repost copy
    takes over as the original, as when everything is clustered at once."""
    blog_text = "Menu | Latest | Subscribe\n\n" + STORY + "\n\nLeave a reply. Share on social media."
    arrivals = [[entry(story("blog", text=blog_text, publication="blog.example", repost=True))],
                [entry(story("other", text=OTHER, publication="paper.example"))],
                [entry(story("wire", publication="wire.example", published="2024-05-05"))]]
    with Store(tmp_path / "once.duckdb") as once, Store(tmp_path / "fed.duckdb") as fed:
        for batch in arrivals:
            once.write_batch(batch)
            fed.write_batch(batch)
            fed.cluster_stories()
        once.cluster_stories()
        assert _clusters(fed) == _clusters(once)
        assert [row[2:] for row in _clusters(fed)] == [("blog", "wire"), ("other", None), ("blog", None)]
        assert fed.snapshot() == once.snapshot()
        once.cluster_stories(force=True)
        assert once.snapshot() == fed.snapshot()


def test_a_store_from_before_band_keys_gets_them_on_open(tmp_path):
    from heron.store.dedup import BANDS, band_keys

    with Store(tmp_path / "t.duckdb") as first:
        first.write_batch([entry(story("s1")), entry(story("s2", text=OTHER))])
        first.cluster_stories()
        expected = first.con.execute("SELECT * FROM lsh_bands ORDER BY seq, key").fetchall()
        first.con.execute("DELETE FROM schema_version WHERE version > 3")
        first.con.execute("DROP TABLE lsh_bands")
    with Store(tmp_path / "t.duckdb") as again:
        assert again.con.execute("SELECT * FROM lsh_bands ORDER BY seq, key").fetchall() == expected
    assert len(expected) == 2 * BANDS and expected[0] == (1, band_keys(signature(STORY))[0])


class FailingCommit:
    """A store connection whose COMMIT fails as DuckDB's does when the disk is full or the
    folder read-only: the transaction is gone and a TransactionException says why."""

    def __init__(self, con, reason: str) -> None:
        self._con, self._reason = con, reason

    def execute(self, sql, *args):
        if sql.strip().upper() == "COMMIT":
            import duckdb

            self._con.execute("ROLLBACK")
            raise duckdb.TransactionException(f"TransactionContext Error: Failed to commit: {self._reason}")
        return self._con.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._con, name)


@pytest.mark.parametrize("reason, advice", [
    ('Could not write file "t.duckdb.wal": No space left on device', "the disk is full: free space"),
    ('Cannot open file "t.duckdb.wal": Read-only file system', "the folder is read-only"),
    ('Cannot open file "t.duckdb.wal": Permission denied', "no permission to write there"),
    ("something DuckDB has not said before", "rerun the same command once that is fixed"),
])
def test_a_failed_commit_leaves_the_store_as_it_was_and_says_what_to_do(store, reason, advice):
    store.write_batch([entry(story("s0", text=OTHER))])
    before = store.snapshot()
    real = store.con
    store.con = FailingCommit(real, reason)
    with pytest.raises(StoreError) as failure:
        store.write_batch([entry(story("s1"))])
    message = str(failure.value)
    assert "\n" not in message and message.startswith(f"{store.path}: could not write a batch")
    assert advice in message and "nothing of it was stored" in message
    store.con = real
    assert store.snapshot() == before
    store.write_batch([entry(story("s1"))])  # the connection still works; seq goes on from the store's
    assert store.con.execute("SELECT seq FROM articles WHERE id = 's1'").fetchone()[0] == 2


def test_clustering_that_fails_midway_leaves_the_store_as_it_was(tmp_path, monkeypatch):
    from heron.store import duckdb as writer

    batch = [entry(story("wire")), entry(story("blog", text="Menu\n\n" + STORY, repost=True)),
             entry(story("other", text=OTHER))]
    with Store(tmp_path / "whole.duckdb") as whole:
        whole.write_batch(batch)
        whole.cluster_stories()
        expected = whole.snapshot()
    write = writer.Store._write_clusters

    def write_then_fail(self, assignments):
        write(self, assignments)  # every row updated, the transaction not yet committed
        raise RuntimeError("killed while writing clusters")

    with Store(tmp_path / "t.duckdb") as store:
        store.write_batch(batch)
        before = store.snapshot()
        monkeypatch.setattr(writer.Store, "_write_clusters", write_then_fail)
        with pytest.raises(StoreError, match="could not write story clusters: killed while writing"):
            store.cluster_stories()
        assert store.snapshot() == before
        assert store.needs_clustering()
        monkeypatch.undo()
        assert store.cluster_stories() == 1
        assert store.snapshot() == expected


@pytest.mark.parametrize("read_only", [False, True])
def test_a_database_with_other_tables_is_refused_and_left_alone(tmp_path, read_only):
    import duckdb

    from heron.errors import ForeignStore

    path = tmp_path / "sales.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE orders (id INTEGER)")
        con.execute("CREATE TABLE customers (name VARCHAR)")
    with pytest.raises(ForeignStore) as refused:
        Store(path, read_only=read_only)
    message = str(refused.value)
    assert message.startswith(str(path)) and "not a heron store" in message
    assert "customers, orders" in message and "\n" not in message
    assert refused.value.exit_code == 2
    with duckdb.connect(str(path), read_only=True) as con:
        assert sorted(r[0] for r in con.execute("SHOW TABLES").fetchall()) == ["customers", "orders"]


def test_a_heron_store_may_hold_tables_of_its_user(tmp_path):
    Store(tmp_path / "t.duckdb").close()
    with Store(tmp_path / "t.duckdb") as store:
        store.con.execute("CREATE TABLE my_notes (article_id VARCHAR, note VARCHAR)")
    with Store(tmp_path / "t.duckdb") as again:
        assert again.stats()["articles"] == 0


class FailingClose:
    """A connection whose close fails as DuckDB's final checkpoint does on a full disk."""

    def __init__(self, con) -> None:
        self._con = con

    def close(self):
        import duckdb

        self._con.close()
        raise duckdb.IOException('IO Error: Could not write file "t.duckdb": No space left on device')

    def __getattr__(self, name):
        return getattr(self._con, name)


def test_a_close_that_fails_is_one_line_unless_another_error_is_on_its_way(tmp_path):
    store = Store(tmp_path / "t.duckdb")
    store.con = FailingClose(store.con)
    with pytest.raises(StoreError, match=r"could not save the last changes into the file: .*t\.duckdb\.wal"):
        with store:
            pass
    store = Store(tmp_path / "t.duckdb")
    store.con = FailingClose(store.con)
    with pytest.raises(KeyError):
        with store:
            raise KeyError("the first error")


def test_events_keep_their_mentions_and_inferred_sides(store):
    from heron.types import EventMention

    article = story("told")
    told = article.events[0]
    told.mentions = [EventMention("Talks held in Geneva", 0, 20, "Talks", "test:consult"),
                     EventMention(told.text, told.start, told.end, told.event_text, told.rule)]
    told.recipient = [Participant("AZE", "GOV", "Azerbaijan", "a2", None, None, "counterpart:main-dyad")]
    store.write_batch([entry(article)])
    mentions, recipient = store.con.execute(
        "SELECT mentions, recipient FROM events WHERE event_id = 'e1'").fetchone()
    assert [m["start"] for m in json.loads(mentions)] == [0, told.start]
    assert json.loads(recipient)[0]["inferred"] == "counterpart:main-dyad"


def test_num_mentions_counts_every_telling_not_every_record(store):
    from heron.types import EventMention

    article = story("told")
    told = article.events[0]
    told.mentions = [EventMention("Talks held in Geneva", 0, 20, "Talks", "test:consult"),
                     EventMention(told.text, told.start, told.end, told.event_text, told.rule)]
    store.write_batch([entry(article), entry(story("copy", text=OTHER, publication="paper.example"))])
    consult = next(r for r in unique_events(store.con) if r["event"] == "CONSULT")
    assert (consult["num_mentions"], consult["num_articles"]) == (3, 2)


def test_a_store_from_before_counted_tellings_counts_them_on_open(tmp_path):
    """Migration 8: the view is rebuilt to count an event's mentions instead of its records."""
    from heron.types import EventMention

    article = story("old")
    told = article.events[0]
    told.mentions = [EventMention("Talks held in Geneva", 0, 20, "Talks", "test:consult"),
                     EventMention(told.text, told.start, told.end, told.event_text, told.rule)]
    with Store(tmp_path / "t.duckdb") as first:
        first.write_batch([entry(article)])
        first.con.execute(UNIQUE_EVENTS_VIEW_V6)  # as a version 7 store left it
        first.con.execute("DELETE FROM schema_version WHERE version = 8")
        assert next(r for r in unique_events(first.con) if r["event"] == "CONSULT")["num_mentions"] == 1
    with Store(tmp_path / "t.duckdb") as again:
        assert next(r for r in unique_events(again.con) if r["event"] == "CONSULT")["num_mentions"] == 2
        again.con.execute("UPDATE events SET mentions = NULL")  # a record without mentions is one telling
        assert next(r for r in unique_events(again.con) if r["event"] == "CONSULT")["num_mentions"] == 1


def test_a_store_from_before_event_statuses_gets_them_on_open(tmp_path):
    """Migration 6: events stored without a status count as happened; the view is rebuilt."""
    from heron.store.aggregate import UNIQUE_EVENTS_VIEW_V3

    with Store(tmp_path / "t.duckdb") as first:
        first.write_batch([entry(story("s1"))])
        first.con.execute("DELETE FROM schema_version WHERE version > 5")
        first.con.execute(UNIQUE_EVENTS_VIEW_V3)
        first.con.execute("ALTER TABLE events DROP COLUMN status")
        first.con.execute("ALTER TABLE events DROP COLUMN due")
        before = first.con.execute("SELECT count(*) FROM unique_events").fetchone()[0]
    with Store(tmp_path / "t.duckdb") as again:
        statuses = {r[0] for r in again.con.execute("SELECT status FROM events").fetchall()}
        assert statuses == {"happened"} and before > 0
        assert again.con.execute("SELECT count(*) FROM unique_events").fetchone()[0] == before
        assert again.con.execute("SELECT max(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION
