"""The readable terminal summary of one coded article (rich tables on stdout)."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from heron.tables import around_trigger, event_name, print_table
from heron.types import Article, Participant



def _side(article: Article, side: list[Participant]) -> str:
    """"RUS/GOV Vladimir Putin": the codes first, then the actor's name or the words that named it."""
    labels = []
    for part in side:
        actor = article.actor_by_id(part.actor) if part.actor else None
        who = actor.name if actor else _shorten(" ".join(part.entity_text.split()), 28)
        labels.append(f"{'/'.join(x for x in (part.code, part.sector) if x) or '?'} {who}")
    return "; ".join(labels) or "-"


def actors_table(article: Article) -> Table:
    table = Table(title="Actors", title_justify="left", show_lines=False)
    for column in ("id", "name", "code", "sector", "wikidata", "mentions"):
        table.add_column(column)
    for actor in article.actors:
        table.add_row(actor.id, actor.name, actor.code or "-", actor.sector or "-",
                      actor.wikidata or "-", str(len(actor.mentions)))
    return table


def quotes_table(article: Article) -> Table:
    table = Table(title="Quotes", title_justify="left")
    for column in ("speaker", "cue", "kind", "text"):
        table.add_column(column, overflow="ellipsis", ratio=3 if column == "text" else None)
    for quote in article.quotes:
        speaker = quote.speaker
        who = "-"
        if speaker:
            actor = article.actor_by_id(speaker.actor)
            who = actor.name if actor else speaker.text
        table.add_row(who, quote.cue or "-", "direct" if quote.direct else "indirect", _shorten(quote.text, 160))
    return table


def event_rows(article: Article) -> list[dict]:
    """One row per event: who did what to whom, when, its sentence, then place, claimant, mode
    (the columns that give way first on a narrow terminal)."""
    rows = []
    for event in article.events:
        claimed = "-"
        if event.asserted_by:
            speaker = article.actor_by_id(event.asserted_by.actor) if event.asserted_by.actor else None
            claimed = speaker.name if speaker else event.asserted_by.text
        rows.append({"date": event.date or (f"due {event.due}" if event.due else "-"),
                     "actor": _side(article, event.actor),
                     "event": event_name(event.event, event.negated, event.status),
                     "recipient": _side(article, event.recipient),
                     "sentence": around_trigger(event.text, event.event_text),
                     "where": event.location.text if event.location else "-", "claimed by": claimed,
                     "mode": event.mode or "-"})
    return rows


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def print_summary(article: Article, console: Console) -> None:
    source = article.source
    origin = source.publication or "-"
    if source.repost:
        origin += " (repost" + (f" by {source.reposted_by}" if source.reposted_by else "") + ")"
    console.rule(f"[bold]{article.title or article.id}")
    console.print(f"id {article.id}  published {article.published or '-'}  source {origin}  from {article.origin or '-'}")
    console.print(f"{len(article.text.split())} words kept, {len(article.removed)} boilerplate pieces removed")
    for table in (actors_table(article), quotes_table(article)):
        if table.row_count:
            console.print(table)
    if article.events:
        print_table(console, event_rows(article), None, "Events", wide=("sentence",),
                    keep=("date", "actor", "event", "recipient"))
    for problem in article.problems:
        console.print(f"[yellow]problem[/] {problem.stage}: {problem.message}")
