"""Tables for people: rich tables that never break a word in the middle, and the cells that make
an event readable in one (its sentence around the trigger, its negation spelled out).

Short columns (codes, dates, counts) stay on one line and end in "…" when the terminal is too
narrow; long text columns wrap between words, and a word longer than the column is cut with
"…", never folded onto the next line.
"""
from __future__ import annotations

import json
import re
from typing import TextIO

WINDOW = 160  # characters of an event's sentence shown around its trigger


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def render(rows: list[dict], columns: list[str] | None, stream: TextIO, title: str | None = None,
           wide: tuple[str, ...] = ()) -> None:
    """Print ``rows`` as a table; ``wide`` columns wrap between words, the others are one line."""
    from rich.console import Console
    from rich.table import Table

    names = columns or (list(rows[0]) if rows else [])
    cells = [[cell(row.get(n)) for n in names] for row in rows]
    table = Table(title=title, title_justify="left", show_lines=False)
    for i, name in enumerate(names):
        if name in wide:
            table.add_column(name, overflow="ellipsis", ratio=1, min_width=20)
        else:
            longest = max([len(name)] + [len(c[i]) for c in cells])
            table.add_column(name, no_wrap=True, min_width=min(longest, 12), overflow="ellipsis")
    for row in cells:
        table.add_row(*row)
    # a pipe or file gets a wide table rather than rich's 80-column default
    console = Console(file=stream, highlight=False, soft_wrap=False, width=None if stream.isatty() else 200)
    console.print(table)
    if not rows:
        console.print("(no rows)")


def event_name(event: str, negated: bool | None) -> str:
    """"ACCUSE", or "not ACCUSE" for a negated event ("did not accuse")."""
    return f"not {event}" if negated else event


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
        row["event"] = event_name(row["event"], row.get("negated"))
        row["sentence"] = around_trigger(row.get("text"), row.get("event_text"))
        shown.append(row)
    return shown
