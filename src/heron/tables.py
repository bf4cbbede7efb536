"""Tables for people: rich tables that never break a word in the middle, and the cells that make
an event readable in one (its sentence around the trigger, its negation spelled out).

Short columns (codes, dates, counts) stay on one line and end in "…" when the terminal is too
narrow; long text columns wrap between words, and a word longer than the column is cut with
"…", never folded onto the next line.
"""
from __future__ import annotations

import json
import os
import re
from typing import TextIO

WINDOW = 160  # characters of an event's sentence shown around its trigger
WIDE_MIN = 20  # a text column narrower than this reads badly: short columns give way first
SHORT_MAX = 28  # codes, dates, names and ids longer than this end in "…"
SHORT_MIN = 6  # a kept short column is never narrowed below this


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def render(rows: list[dict], columns: list[str] | None, stream: TextIO, title: str | None = None,
           wide: tuple[str, ...] = (), keep: tuple[str, ...] = ()) -> None:
    """Print ``rows`` as a table; ``wide`` columns wrap between words, the others are one line."""
    from rich.console import Console

    # a terminal (or $COLUMNS) sets the width; a pipe or file gets a wide table, not rich's 80 columns
    sized = stream.isatty() or os.environ.get("COLUMNS", "").isdigit()
    console = Console(file=stream, highlight=False, soft_wrap=False, width=None if sized else 200)
    print_table(console, rows, columns, title, wide, keep)
    if not rows:
        console.print("(no rows)")


def print_table(console, rows: list[dict], columns: list[str] | None, title: str | None = None,
                wide: tuple[str, ...] = (), keep: tuple[str, ...] = ()) -> None:
    """Print ``rows`` on a rich console within its width. When it is too narrow for every column,
    short columns are left out from the right (a note says which) before a text column would
    shrink below WIDE_MIN."""
    from rich.table import Table

    names = columns or (list(rows[0]) if rows else [])
    cells = {n: [cell(row.get(n)) for row in rows] for n in names}
    widths = {n: min(SHORT_MAX, max([len(n)] + [len(c) for c in cells[n]])) for n in names}
    shown, left_out = fit(names, widths, wide, console.width, keep)
    table = Table(title=title, title_justify="left", show_lines=False)
    for name in shown:
        if name in wide:
            table.add_column(name, overflow="ellipsis", ratio=1, min_width=WIDE_MIN)
        else:
            table.add_column(name, no_wrap=True, overflow="ellipsis", width=widths[name])
    for i in range(len(rows)):
        table.add_row(*(cells[n][i] for n in shown))
    console.print(table)
    if left_out:
        console.print(f"(too narrow for {', '.join(left_out)}: widen the terminal or use --format jsonl or csv)")


def fit(names: list[str], widths: dict[str, int], wide: tuple[str, ...], width: int,
        keep: tuple[str, ...] = ()) -> tuple[list[str], list[str]]:
    """The columns that fit ``width`` (each takes its width + 3 for padding and border; text
    columns count WIDE_MIN): short columns not in ``keep`` are left out from the right, then the
    widest kept ones are narrowed (to no less than SHORT_MIN; their values end in "…").
    ``widths`` is narrowed in place."""
    shown = list(names)
    left_out: list[str] = []

    def need() -> int:
        return 1 + sum((WIDE_MIN if n in wide else widths[n]) + 3 for n in shown)

    while need() > width:
        droppable = [n for n in shown if n not in wide and n not in keep]
        if not droppable:
            break
        left_out.insert(0, droppable[-1])
        shown.remove(droppable[-1])
    while need() > width:
        widest = max((n for n in shown if n not in wide), key=lambda n: widths[n], default=None)
        if widest is None or widths[widest] <= SHORT_MIN:
            break
        widths[widest] -= 1
    return shown, left_out


def event_name(event: str, negated: bool | None, status: str | None = None) -> str:
    """"ACCUSE", "not ACCUSE" for a negated event ("did not accuse"), "AGREE (planned)" for one
    that has not happened or happened before the story's news window (its status)."""
    name = f"not {event}" if negated else event
    return f"{name} ({status})" if status and status != "happened" else name


def around_trigger(sentence: str | None, trigger: str | None, width: int = WINDOW) -> str:
    """The sentence, or a window of about ``width`` characters around the trigger's first word,
    cut between words with "…" where text is left out."""
    text = " ".join((sentence or "").split())
    if len(text) <= width:
        return text
    first = (trigger or "").split()[:1]
    found = re.search(r"\b" + re.escape(first[0]) + r"\b", text) if first else None
    centre = found.start() if found else 0
    start = max(0, min(centre - width // 3, len(text) - width))
    end = start + width
    if start > 0:
        start = text.find(" ", start) + 1 or start
    if end < len(text):
        cut = text.rfind(" ", start, end)
        end = cut if cut > start else end
    return ("… " if start > 0 else "") + text[start:end].strip() + (" …" if end < len(text) else "")


def event_rows(rows: list[dict]) -> list[dict]:
    """Listing rows with the table's view of an event: its name with negation, and its sentence."""
    shown = []
    for row in rows:
        row = dict(row)
        row["event"] = event_name(row["event"], row.get("negated"), row.get("status"))
        row["sentence"] = around_trigger(row.get("text"), row.get("event_text"))
        row["actor"], row["recipient"] = row.get("actor_codes"), row.get("recipient_codes")
        row["place"] = row.get("location_name") or row.get("location_text")
        shown.append(row)
    return shown
