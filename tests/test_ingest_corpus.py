"""`heron ingest`: feeds, WARC archives, idempotent reruns, duplicates, and resuming after SIGKILL."""
from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from heron.config import Settings
from heron.errors import InputError
from heron.ingest import read_paths
from heron.runner import ingest_paths
from heron.store import Store
from heron.types import RawDocument

ROOT = Path(__file__).resolve().parents[1]

ARTICLES = [
    "Ministers agree on grain corridor\n\nISTANBUL, June 3 (Wire) - The defence ministers of Turkey and "
    "Ukraine agreed on Friday to set up a joint centre to monitor grain shipments, a Turkish official said.",
    "Police detain protesters in Dhaka\n\nDHAKA, June 3 (Wire) - Police in Bangladesh detained at least 30 "
    "opposition supporters on Saturday during a march against rising fuel prices, witnesses said.",
    "Germany pledges aid to Moldova\n\nBERLIN, June 4 (Wire) - Germany will give Moldova 40 million euros in "
    "energy aid this winter, the foreign ministry in Berlin said on Sunday.",
    "Peru recalls ambassador\n\nLIMA, June 4 (Wire) - Peru recalled its ambassador to Mexico on Sunday after "
    "the Mexican president criticised the Peruvian government, the foreign ministry said.",
    "Nurses strike in Nairobi\n\nNAIROBI, June 5 (Wire) - Thousands of nurses went on strike across Kenya on "
    "Monday to demand higher pay and the hiring of more staff, their union said.",
    "Seoul and Tokyo hold talks\n\nSEOUL, June 5 (Wire) - South Korea and Japan held talks in Seoul on Monday "
    "on export controls and agreed to meet again next month, officials from both sides said.",
    "Troops deployed to border\n\nQUITO, June 6 (Wire) - Ecuador deployed 2,000 soldiers to its northern "
    "border on Tuesday after attacks on police posts, the defence minister said.",
]
BLOG = ("Home | World | Subscribe to our newsletter\n\n{body}\n\nShare this post. Leave a comment below; "
        "your email address will not be published.")


def write_corpus(folder: Path) -> Path:
    """Seven stories, a blog repost of one, a byte copy of another, and an empty file."""
    folder.mkdir(parents=True, exist_ok=True)
    for number, body in enumerate(ARTICLES, start=1):
        (folder / f"a{number:02d}.txt").write_text(body, encoding="utf-8")
    (folder / "a08_repost.txt").write_text(BLOG.format(body=ARTICLES[0]), encoding="utf-8")
    (folder / "a09_copy.txt").write_text(ARTICLES[2], encoding="utf-8")
    (folder / "a10_empty.txt").write_text("  \n", encoding="utf-8")
    return folder


def settings_for(db: Path, **extra) -> Settings:
    return Settings(db=db, batch_size=extra.pop("batch_size", 3), workers=extra.pop("workers", 1),
                    default_date=extra.pop("default_date", "2023-06-05"), progress=False, **extra)


def snapshot(db: Path) -> dict:
    with Store(db, read_only=True) as store:
        return store.snapshot()


# --- feeds ----------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Gazette</title><link>https://gazette.example.com/</link>
<item><title>Port workers strike</title><link>https://gazette.example.com/strike</link>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description>Short teaser.</description>
<content:encoded><![CDATA[<p>Dock workers walked out on Tuesday.</p><p>The union said talks &amp; pay were the issue.</p>
<script>track()</script>]]></content:encoded></item>
<item><title>Minister resigns</title><link>https://gazette.example.com/resigns</link>
<pubDate>Wed, 06 Mar 2024 09:00:00 +0100</pubDate>
<description>The transport minister resigned on Wednesday after the strike.</description></item>
<item><title>Empty item</title><link>https://gazette.example.com/empty</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>River Post</title>
<link href="https://riverpost.example.org/"/><id>urn:x</id><updated>2024-04-01T00:00:00Z</updated>
<entry><title>Talks on dam</title><link href="https://riverpost.example.org/dam"/><id>urn:1</id>
<updated>2024-04-01T08:00:00Z</updated><published>2024-03-31T22:00:00Z</published>
<content type="html">&lt;p&gt;Egypt and Ethiopia held talks on the dam on Sunday.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_items_become_documents_and_empty_items_errors(tmp_path):
    (tmp_path / "gazette.rss").write_text(RSS, encoding="utf-8")
    items = list(read_paths([str(tmp_path / "gazette.rss")]))
    first, second, third = items
    assert first.text == "Dock workers walked out on Tuesday.\n\nThe union said talks & pay were the issue."
    assert (first.url, first.published, first.title, first.site) == (
        "https://gazette.example.com/strike", "2024-03-05", "Port workers strike", "Harbour Gazette")
    assert second.text == "The transport minister resigned on Wednesday after the strike."
    assert second.published == "2024-03-06"
    assert isinstance(third, InputError) and "no content or summary" in third.reason


def test_atom_entry_uses_published_date_and_html_content(tmp_path):
    (tmp_path / "river.atom").write_text(ATOM, encoding="utf-8")
    [doc] = list(read_paths([str(tmp_path / "river.atom")]))
    assert (doc.text, doc.published, doc.site) == ("Egypt and Ethiopia held talks on the dam on Sunday.", "2024-03-31", "River Post")


@pytest.mark.parametrize("content, reason", [
    ('<?xml version="1.0"?><catalog><book id="1"/></catalog>', "feed holds no items"),
    ("", "empty input"),
])
def test_files_that_are_no_feed_are_input_errors(tmp_path, content, reason):
    (tmp_path / "thing.xml").write_text(content, encoding="utf-8")
    [item] = list(read_paths([str(tmp_path / "thing.xml")]))
    assert isinstance(item, InputError) and reason in item.reason


# --- WARC -----------------------------------------------------------------------------------

PAGE = ("<html><head><title>Ceasefire talks resume</title></head><body><nav>Home | World</nav><article>"
        "<h1>Ceasefire talks resume</h1>" + "".join(
            f"<p>{s}</p>" for s in [
                "Negotiators from Sudan's army and the Rapid Support Forces resumed ceasefire talks in Jeddah "
                "on Thursday, mediators from Saudi Arabia and the United States said.",
                "The talks broke down last month after both sides accused each other of violating a truce "
                "that was meant to let aid convoys reach the capital, Khartoum.",
                "Aid groups say millions of people have fled the fighting and urged both sides to open "
                "humanitarian corridors without conditions."]) + "</article></body></html>")


def write_warc(path: Path) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def response(writer, url, body, content_type="text/html; charset=utf-8", status="200 OK"):
        http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                                      warc_headers_dict={"WARC-Date": "2024-05-02T06:30:00Z"}))

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "heron tests"}))
        response(writer, "https://news.example.net/sudan-talks", PAGE.encode("utf-8"))
        writer.write_record(writer.create_warc_record("https://news.example.net/sudan-talks", "request",
                                                      payload=io.BytesIO(b"GET /sudan-talks HTTP/1.1\r\n\r\n")))
        response(writer, "https://news.example.net/logo.png", b"\x89PNG\r\n", content_type="image/png")
        response(writer, "https://news.example.net/moved", b"", status="301 Moved Permanently")
    return path


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses_become_documents_others_errors(tmp_path, name, caplog):
    archive = write_warc(tmp_path / name)
    page, image, moved = list(read_paths([str(archive)]))
    assert isinstance(page, RawDocument)
    assert (page.url, page.published) == ("https://news.example.net/sudan-talks", "2024-05-02")
    assert "resumed ceasefire talks in Jeddah" in page.text and page.html.startswith("<html>")
    assert page.origin.startswith(f"{archive}#urn:uuid:")
    assert isinstance(image, InputError) and "image/png" in image.reason
    assert isinstance(moved, InputError) and "HTTP status 301" in moved.reason
    assert "1 request" in caplog.text  # records that hold no page are reported, not dropped silently


def test_file_that_is_no_warc_is_an_input_error(tmp_path):
    (tmp_path / "bad.warc").write_bytes(b"this is not an archive\n")
    [item] = list(read_paths([str(tmp_path / "bad.warc")]))
    assert isinstance(item, InputError) and "WARC" in item.reason



def on_screen(line: str) -> str:
    """What a terminal shows for one line: each carriage return writes over what came before."""
    screen = ""
    for segment in line.split("\r"):
        screen = segment + screen[len(segment):]
    return screen.rstrip()


@pytest.mark.parametrize("command", [["ingest", "--db", "{tmp}/t.duckdb"], ["code", "--json"]])
def test_a_warc_warning_is_one_line_beside_the_progress_bar_on_a_terminal(tmp_path, capsys, monkeypatch, command):
    from heron.cli import main

    archive = write_warc(tmp_path / "crawl.warc")
    capsys.readouterr()
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)  # the bar is shown on a terminal only
    main([command[0], str(archive), "--workers", "1", *(a.format(tmp=tmp_path) for a in command[1:])])
    err = capsys.readouterr().err
    assert "3/3" in err  # the bar was drawn, with its total
    shown = [on_screen(line) for line in err.split("\n")]
    assert [line for line in shown if "hold no page" in line] == [
        f"heron: warning: {archive}: 3 response records read; skipped records that hold no page: 1 request, 1 warcinfo"]
    assert err.count("hold no page") == 1


def test_the_bar_total_grows_when_an_input_yields_more_documents_than_counted():
    """A WARC that cannot be cut into ranges counts as one input and gives many documents: the bar
    never passes its total."""
    import io

    from tqdm import tqdm

    from heron.cli import _advance

    with tqdm(total=2, file=io.StringIO()) as bar:
        _advance(bar, 1)
        assert bar.total == 2
        _advance(bar, 4)
        assert (bar.n, bar.total) == (5, 5)


# --- ingest ---------------------------------------------------------------------------------

def test_ingest_stores_articles_duplicates_and_problems(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    report = ingest_paths([str(corpus), str(tmp_path / "missing.txt")], settings_for(tmp_path / "h.duckdb"))
    assert (report.inputs, report.articles, report.duplicates, len(report.failed)) == (11, 8, 1, 2)
    with Store(tmp_path / "h.duckdb", read_only=True) as store:
        statuses = dict(store.con.execute("SELECT origin, status FROM inputs").fetchall())
        assert statuses[str(corpus / "a09_copy.txt")] == "duplicate"
        problems = store.con.execute("SELECT origin, stage FROM problems WHERE article_id IS NULL ORDER BY seq").fetchall()
        assert problems == [(str(corpus / "a10_empty.txt"), "input"), (str(tmp_path / "missing.txt"), "input")]
        clusters = dict(store.con.execute(
            "SELECT origin, cluster_id FROM articles").fetchall())
        assert clusters[str(corpus / "a08_repost.txt")] == clusters[str(corpus / "a01.txt")]
        assert len(set(clusters.values())) == 7


def test_ingest_twice_adds_nothing(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    settings = settings_for(tmp_path / "h.duckdb")
    ingest_paths([str(corpus)], settings)
    before = snapshot(settings.db)
    again = ingest_paths([str(corpus)], settings)
    assert (again.articles, again.duplicates, again.problems, again.skipped) == (0, 0, 0, 10)
    assert snapshot(settings.db) == before


def test_ingest_resumes_a_partial_store_to_the_same_result(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    full, part = settings_for(tmp_path / "full.duckdb"), settings_for(tmp_path / "part.duckdb")
    ingest_paths([str(corpus)], full)
    ingest_paths([str(p) for p in sorted(corpus.iterdir())[:4]], part)  # as if stopped after 4 inputs
    ingest_paths([str(p) for p in sorted(corpus.iterdir())], part)
    assert snapshot(part.db) == snapshot(full.db)


KILLED_RUN = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from heron.config import Settings
    from heron.runner import ingest_paths
    from heron.store import duckdb as writer

    corpus, db, moment = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    insert = writer._Rows.insert
    batches = []

    def insert_then_wait(self, con, targets):
        insert(self, con, targets)
        batches.append(1)
        if moment == "inside-transaction" and len(batches) == 2:
            print("waiting", flush=True)  # rows written, COMMIT not yet run
            time.sleep(120)

    def after_commit(n, counts):
        if moment == "between-batches":
            print("waiting", flush=True)
            time.sleep(120)

    def cluster_then_wait(*args, **kwargs):
        print("waiting", flush=True)  # inside the clustering transaction, computing
        time.sleep(120)

    write_clusters = writer.Store._write_clusters

    def write_clusters_then_wait(self, assignments):
        write_clusters(self, assignments)
        print("waiting", flush=True)  # every cluster written, COMMIT not yet run
        time.sleep(120)

    writer._Rows.insert = insert_then_wait
    if moment == "computing-clusters":
        from heron.store import dedup
        dedup.cluster = cluster_then_wait
    if moment == "writing-clusters":
        writer.Store._write_clusters = write_clusters_then_wait
    ingest_paths([corpus], Settings(db=db, batch_size=3, workers=1, default_date="2023-06-05", progress=False),
                 on_batch=after_commit)
""")


@pytest.mark.parametrize("moment", ["between-batches", "inside-transaction"])
def test_sigkill_then_rerun_equals_an_uninterrupted_run(tmp_path, moment):
    corpus = write_corpus(tmp_path / "corpus")
    killed, full = settings_for(tmp_path / "killed.duckdb"), settings_for(tmp_path / "full.duckdb")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    child = subprocess.Popen([sys.executable, "-c", KILLED_RUN, str(corpus), str(killed.db), moment],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = child.stdout.readline()
        assert line.strip() == "waiting", child.stderr.read()
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL
    stored = snapshot(killed.db)
    assert len(stored["inputs"]) == 3  # exactly the first batch survived
    assert not any(row[-3] for row in stored["articles"])  # killed before clustering
    ingest_paths([str(corpus)], killed)
    ingest_paths([str(corpus)], full)
    assert snapshot(killed.db) == snapshot(full.db)


def _killed_at(moment: str, corpus: Path, db: Path) -> None:
    """Run an ingest in a child process and SIGKILL it once it reports reaching ``moment``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    child = subprocess.Popen([sys.executable, "-c", KILLED_RUN, str(corpus), str(db), moment],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = child.stdout.readline()
        assert line.strip() == "waiting", child.stderr.read()
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL


def _cli(args: list[str], capsys) -> tuple[int, str]:
    from heron.cli import main

    capsys.readouterr()
    code = main(args)
    return code, capsys.readouterr().out


@pytest.mark.parametrize("moment", ["computing-clusters", "writing-clusters"])
def test_sigkill_during_clustering_then_rerun_equals_an_uninterrupted_run(tmp_path, capsys, moment):
    corpus = write_corpus(tmp_path / "corpus")
    killed, full = tmp_path / "killed.duckdb", tmp_path / "full.duckdb"
    _killed_at(moment, corpus, killed)
    stored = snapshot(killed)
    assert len(stored["inputs"]) == 10 and len(stored["articles"]) == 8  # every batch committed
    assert not any(row[-3] for row in stored["articles"])  # no cluster: its transaction never committed
    ingest = ["ingest", str(corpus), "--workers", "1", "--batch-size", "3", "--date", "2023-06-05", "--db"]
    assert _cli([*ingest, str(killed)], capsys)[0] == 0  # every input is stored: only clustering is left
    assert _cli([*ingest, str(full)], capsys)[0] == 1  # the empty input fails
    for command in (["stats", "--json"], ["export", "--format", "plover-jsonl"]):
        after_kill = _cli([*command, "--db", str(killed)], capsys)
        uninterrupted = _cli([*command, "--db", str(full)], capsys)
        assert after_kill == uninterrupted and after_kill[0] == 0 and after_kill[1]
    assert json.loads(_cli(["stats", "--json", "--db", str(killed)], capsys)[1])["clusters"] == 7
    assert snapshot(killed) == snapshot(full)


def test_cli_ingest_reports_and_exits_1_on_failed_inputs(tmp_path):
    from click.testing import CliRunner

    from heron.cli import cli

    corpus = write_corpus(tmp_path / "corpus")
    result = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", str(tmp_path / "c.duckdb"),
                                      "--workers", "1", "--batch-size", "4", "--date", "2023-06-05"])
    assert result.exit_code == 1, result.output
    assert "a10_empty.txt: empty input" in result.output
    assert "8 new articles, 1 duplicates" in result.output
    again = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", str(tmp_path / "c.duckdb"), "--workers", "1"])
    assert again.exit_code == 0 and "0 new articles" in again.output and "10 already stored" in again.output


def test_seed_and_a_repost_of_its_body_are_one_story_with_events_counted_once(tmp_path, seed_path):
    """The seed is itself a repost; a second copy of its body with other boilerplate around it
    must land in the seed's cluster, and an event both report must be one row, num_articles 2."""
    paragraphs = [p for p in seed_path.read_text(encoding="utf-8").split("\n") if p.strip()]
    while len(paragraphs[-1].split()) < 12:  # the seed's own closing boilerplate (short trailing lines)
        paragraphs.pop()
    copy = "\n\n".join(["Front page | Politics | Economy | Sign in", *paragraphs,
                        "Like this story? Share it with your friends. 3 comments. Add yours below.",
                        "Copyright 2022 Example Reposts. All rights reserved. Privacy policy."])
    (tmp_path / "seed.txt").write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "copy.txt").write_text(copy, encoding="utf-8")
    settings = settings_for(tmp_path / "seed.duckdb", default_date="2022-07-01")
    report = ingest_paths([str(tmp_path / "seed.txt"), str(tmp_path / "copy.txt")], settings)
    assert report.articles == 2 and report.copies == 1
    with Store(settings.db, read_only=True) as store:
        (seed_id, seed_cluster, seed_original), (copy_id, copy_cluster, copy_original) = store.con.execute(
            "SELECT id, cluster_id, original_id FROM articles ORDER BY seq").fetchall()
        assert seed_cluster == copy_cluster
        assert {seed_original, copy_original} - {None} <= {seed_id, copy_id} and (seed_original or copy_original)
        keys = {}
        for article_id, key in store.con.execute(
                "SELECT e.article_id, (coalesce(e.date, a.published), e.actor_codes, e.event, e.mode, e.recipient_codes) "
                "FROM events e JOIN articles a ON a.id = e.article_id WHERE NOT e.negated").fetchall():
            keys.setdefault(article_id, set()).add(tuple(key.values()) if isinstance(key, dict) else tuple(key))
        shared = keys.get(seed_id, set()) & keys.get(copy_id, set())
        assert shared, "the seed and its copy should report some event alike"
        rows = store.con.execute("SELECT date, actor_codes, event, mode, recipient_codes, num_articles, num_stories "
                                 "FROM unique_events").fetchall()
        merged = {tuple(r[:5]): r[5:] for r in rows}
        for key in shared:
            assert merged[key] == (2, 1), key


def test_cli_ingest_into_a_database_of_other_tables_is_refused_and_adds_nothing(tmp_path, capsys):
    import duckdb

    from heron.cli import main

    path = tmp_path / "sales.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE orders (id INTEGER)")
    corpus = write_corpus(tmp_path / "corpus")
    assert main(["ingest", str(corpus), "--db", str(path), "--workers", "1"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert err == (f"heron: error: {path}: a DuckDB database that is not a heron store (it holds the tables "
                   "orders); heron adds nothing to another database: give --db a heron store or a new file")
    with duckdb.connect(str(path), read_only=True) as con:
        assert con.execute("SHOW TABLES").fetchall() == [("orders",)]


class _CommitFails:
    """A DuckDB connection whose COMMIT fails as on a full disk (DuckDB ends the transaction)."""

    def __init__(self, con) -> None:
        self._con = con

    def execute(self, sql, *args):
        import duckdb

        if sql.strip().upper() == "COMMIT":
            self._con.execute("ROLLBACK")
            raise duckdb.TransactionException('TransactionContext Error: Failed to commit: Could not write file '
                                              '"h.duckdb.wal": No space left on device')
        return self._con.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._con, name)


def test_cli_ingest_on_a_full_disk_is_one_line_and_leaves_the_store_as_it_was(tmp_path, capsys, monkeypatch):
    import duckdb

    from heron.cli import main

    corpus = write_corpus(tmp_path / "corpus")
    db = tmp_path / "h.duckdb"
    ingest_paths([str(corpus / "a01.txt")], settings_for(db))
    before = snapshot(db)
    connect = duckdb.connect
    monkeypatch.setattr(duckdb, "connect", lambda *a, **k: _CommitFails(connect(*a, **k)))
    assert main(["ingest", str(corpus), "--db", str(db), "--workers", "1", "--batch-size", "3"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "Traceback" not in err and "cannot rollback" not in err
    assert err.startswith(f"heron: error: {db}: could not write a batch: ")
    assert "No space left on device; nothing of it was stored" in err and "the disk is full: free space" in err
    monkeypatch.undo()
    assert snapshot(db) == before


# --- a real full disk and a real read-only folder (a private tmpfs; skipped where not permitted)

ON_A_SMALL_DISK = textwrap.dedent("""
    import contextlib, io, json, os, shutil, subprocess, sys
    from pathlib import Path
    from conftest import fill_disk
    from heron.cli import main
    from store_articles import build_store

    disk, out, article, case = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
    db = disk / "h.duckdb"

    def heron(*args):
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()) as printed:
            code = main([*args, "--db", str(db)])
        return code, err.getvalue(), printed.getvalue()

    def keep(name):  # the store as it is now (with its write-ahead log), copied off the small disk
        for suffix in ("", ".wal"):
            if os.path.exists(f"{db}{suffix}"):
                shutil.copy(f"{db}{suffix}", out / f"{name}.duckdb{suffix}")

    build_store(db)
    keep("before")
    if case == "full":
        filler = fill_disk(disk)
        result = {"failed": heron("ingest", article, "--workers", "1", "--date", "2023-06-05")}
        keep("after")
        os.remove(filler)
        result["resumed"] = heron("ingest", article, "--workers", "1", "--date", "2023-06-05")
    else:
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        result = {"failed": heron("ingest", article, "--workers", "1", "--date", "2023-06-05")}
        keep("after")
        result["stats"] = heron("stats", "--json")
    keep("resumed")
    print(json.dumps(result))
""")


def test_ingest_on_a_real_full_disk_leaves_the_store_as_it_was_and_resumes(tmp_path, small_disk):
    disk, run = small_disk
    article = tmp_path / "talks.txt"
    article.write_text(ARTICLES[5], encoding="utf-8")
    finished = run("16m", ON_A_SMALL_DISK, str(tmp_path), str(article), "full")
    assert finished.returncode == 0, finished.stderr
    result = json.loads(finished.stdout.splitlines()[-1])
    code, err, _ = result["failed"]
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err, err
    assert err.startswith(f"heron: error: {disk / 'h.duckdb'}: could not write a batch: ")
    assert "No space left on device" in err and "the disk is full: free space, then rerun the same command" in err
    before = snapshot(tmp_path / "before.duckdb")
    assert snapshot(tmp_path / "after.duckdb") == before
    code, err, _ = result["resumed"]
    assert code == 0, err
    resumed = snapshot(tmp_path / "resumed.duckdb")
    assert len(resumed["inputs"]) == len(before["inputs"]) + 1
    assert [r for r in resumed["inputs"] if r not in before["inputs"]][0][0] == str(article)


def test_ingest_into_a_real_read_only_folder_is_one_line_and_the_store_stays_readable(tmp_path, small_disk):
    disk, run = small_disk
    article = tmp_path / "talks.txt"
    article.write_text(ARTICLES[5], encoding="utf-8")
    finished = run("16m", ON_A_SMALL_DISK, str(tmp_path), str(article), "read-only")
    assert finished.returncode == 0, finished.stderr
    result = json.loads(finished.stdout.splitlines()[-1])
    code, err, _ = result["failed"]
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err, err
    assert err.startswith(f"heron: error: {disk / 'h.duckdb'}: cannot open the store: ")
    assert "Read-only file system" in err and "the folder is read-only" in err
    assert snapshot(tmp_path / "after.duckdb") == snapshot(tmp_path / "before.duckdb")
    code, _, printed = result["stats"]
    assert code == 0 and json.loads(printed)["articles"] == 3
