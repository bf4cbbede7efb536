"""Rows (lists of dicts) printed as a rich table, JSON lines, one JSON document, or CSV.

The read-only store commands share this, so every listing offers the same formats and a
pipe gets machine-readable lines while a terminal gets a table.
"""
from __future__ import annotations

import csv
import json
import sys
from typing import TextIO

from heron.tables import cell, render

FORMATS = ("table", "jsonl", "json", "csv")


def default_format(stream: TextIO | None = None) -> str:
    """A table on a terminal, JSON lines in a pipe."""
    stream = stream or sys.stdout
    return "table" if stream.isatty() else "jsonl"


def write_rows(rows: list[dict], fmt: str, columns: list[str] | None = None, stream: TextIO | None = None,
               title: str | None = None, wide: tuple[str, ...] = (), keep: tuple[str, ...] = ()) -> None:
    """Print ``rows``; ``columns`` picks and orders the table/CSV columns (JSON keeps every field).

    ``wide`` names table columns that wrap between words (sentences); the others stay on one line,
    and on a narrow terminal those not in ``keep`` give way first.
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
            writer.writerow({k: cell(row.get(k)) for k in names})
    elif fmt == "table":
        render(rows, columns, stream, title, wide, keep)
    else:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
