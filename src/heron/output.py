"""Rows (lists of dicts) printed as a rich table, JSON lines, one JSON document, or CSV.

The read-only store commands share this, so every listing offers the same formats and a
pipe gets machine-readable lines while a terminal gets a table.
"""
from __future__ import annotations

import csv
import json
import sys
from typing import TextIO

FORMATS = ("table", "jsonl", "json", "csv")


def default_format(stream: TextIO | None = None) -> str:
    """A table on a terminal, JSON lines in a pipe."""
    stream = stream or sys.stdout
    return "table" if stream.isatty() else "jsonl"


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def write_rows(rows: list[dict], fmt: str, columns: list[str] | None = None, stream: TextIO | None = None,
               title: str | None = None, wide: tuple[str, ...] = ()) -> None:
    """Print ``rows``; ``columns`` picks and orders the table/CSV columns (JSON keeps every field).

    ``wide`` names table columns that may wrap (long sentences); the others are kept whole.
    """
    stream = stream or sys.stdout
    if fmt == "jsonl":
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "json":
        stream.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        names = columns or (list(rows[0]) if rows else [])
        writer = csv.DictWriter(stream, fieldnames=names, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k)) for k in names})
    elif fmt == "table":
        _table(rows, columns, stream, title, wide)
    else:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def _table(rows: list[dict], columns: list[str] | None, stream: TextIO, title: str | None,
           wide: tuple[str, ...]) -> None:
    from rich.console import Console
    from rich.table import Table

    names = columns or (list(rows[0]) if rows else [])
    cells = [[_cell(row.get(n)) for n in names] for row in rows]
    table = Table(title=title, title_justify="left", show_lines=False)
    for i, name in enumerate(names):
        if name in wide:
            table.add_column(name, overflow="fold", ratio=1, min_width=20)
        else:  # short values (codes, dates, counts) are shown whole
            longest = max([len(name)] + [len(c[i]) for c in cells])
            table.add_column(name, no_wrap=True, min_width=min(longest, 28), overflow="ellipsis")
    for row in cells:
        table.add_row(*row)
    # a pipe or file gets a wide table rather than rich's 80-column default
    console = Console(file=stream, highlight=False, soft_wrap=False,
                      width=None if stream.isatty() else 200)
    console.print(table)
    if not rows:
        console.print("(no rows)")
