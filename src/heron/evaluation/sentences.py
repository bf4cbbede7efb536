"""Sentence-set evaluation: heron's events against a PLOVER-style gold set, one item per line.

Gold line: {"id", "text", "event": TYPE or null, "mode", "actor": [{"text", "code", "sector"}],
"recipient": [...]}. Items without "actor"/"recipient" keys (CASE 2021) are scored on type only.

Conventions (docs/evaluation.md): a predicted event matches a gold item when the types are equal and
the predicted actor codes intersect the gold actor codes and the recipients likewise; an empty
gold side matches anything. Negated predictions ("did not attack") are not counted as events.
recall = gold items matched; type recall = gold items with a predicted event of the gold type;
precision = predicted events that match their item's gold (predictions on null items never do);
uncoded = gold items with no predicted event; extra = predicted events matching nothing, per
item; false alarms = null items with a predicted event of a watched type.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from heron.errors import InputError
from heron.evaluation.records import json_records
from heron.evaluation.split import format_totals, score_parts, select
from heron.types import COUNTED_STATUSES, Article, Event, RawDocument

DEFAULT_FALSE_ALARM_TYPES = ("ASSAULT", "PROTEST", "COERCE")


def read_gold(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Gold items from a JSON Lines file; a malformed line is an InputError naming the line."""
    items: list[dict[str, Any]] = []
    for where, item in json_records(path):
        if "id" not in item:
            raise InputError(where, "a gold item needs an 'id'")
        if "required" not in item and not isinstance(item.get("text"), str):
            raise InputError(where, "a sentence gold item needs a 'text'")
        items.append(item)
        if limit is not None and len(items) >= limit:
            break
    if not items:
        raise InputError(str(path), "no gold items")
    return items


def is_article_gold(items: list[dict[str, Any]]) -> bool:
    return any("required" in item for item in items)


def code_items(items: list[dict[str, Any]], settings: Any, pipeline: Any = None) -> dict[str, Article]:
    """Code each item's text as its own article (batched through the pipeline)."""
    if pipeline is None:
        from heron.pipeline import build_pipeline

        pipeline = build_pipeline(settings)
    raws = [RawDocument(origin=f"gold:{item['id']}", text=item["text"], id=str(item["id"])) for item in items]
    out: dict[str, Article] = {}
    size = max(1, getattr(settings, "batch_size", 32))
    for begin in range(0, len(raws), size):
        batch = raws[begin:begin + size]
        for raw, result in zip(batch, pipeline.code_batch(batch)):
            if isinstance(result, InputError):
                raise result
            out[str(raw.id)] = result
    return out


def gold_codes(item: dict[str, Any], side: str) -> set[str] | None:
    """Gold codes of one side; None when the gold set does not code that side (type-only)."""
    if side not in item:
        return None
    return {p["code"] for p in item.get(side) or () if isinstance(p, dict) and p.get("code")}


def _side_ok(predicted: list, codes: set[str] | None) -> bool:
    return not codes or bool({p.code for p in predicted if p.code} & codes)


def matches(event: Event, item: dict[str, Any]) -> bool:
    return (event.event == item.get("event") and _side_ok(event.actor, gold_codes(item, "actor"))
            and _side_ok(event.recipient, gold_codes(item, "recipient")))


def score_sentences(items: list[dict[str, Any]], articles: dict[str, Article],
                    false_alarm_types: tuple[str, ...] = DEFAULT_FALSE_ALARM_TYPES) -> dict[str, Any]:
    """Totals, per-type rows, the confusion table and one row per item."""
    rows = [_score_item(item, articles[str(item["id"])], false_alarm_types) for item in items]
    gold_rows = [r for r in rows if r["gold"] is not None]
    null_rows = [r for r in rows if r["gold"] is None]
    predicted = sum(len(r["predicted"]) for r in rows)
    correct = sum(r["predicted_matched"] for r in rows)
    precision = _ratio(correct, predicted)
    recall = _ratio(sum(r["matched"] for r in gold_rows), len(gold_rows))
    totals = {
        "items": len(rows), "items_with_event": len(gold_rows), "items_without_event": len(null_rows),
        "predicted": predicted, "predicted_matched": correct,
        "precision": precision, "recall": recall, "f1": _f1(precision, recall),
        "type_recall": _ratio(sum(r["type_matched"] for r in gold_rows), len(gold_rows)),
        "uncoded": sum(1 for r in gold_rows if not r["predicted"]),
        "extra_per_item": _ratio(predicted - correct, len(rows)),
        "false_alarm_types": list(false_alarm_types),
        "false_alarms": sum(r["false_alarm"] for r in null_rows),
        "false_alarm_rate": _ratio(sum(r["false_alarm"] for r in null_rows), len(null_rows)),
    }
    return {"totals": totals, "per_type": _per_type(gold_rows), "confusion": _confusion(gold_rows), "items": rows}


def _score_item(item: dict[str, Any], article: Article, watched: tuple[str, ...]) -> dict[str, Any]:
    events = [e for e in article.events if not e.negated and e.status in COUNTED_STATUSES]
    gold = item.get("event")
    hits = [e for e in events if gold is not None and matches(e, item)]
    return {
        "id": item["id"], "gold": gold, "text": item["text"],
        "predicted": [_describe(e) for e in events], "predicted_types": sorted({e.event for e in events}),
        "matched": bool(hits), "predicted_matched": len(hits),
        "type_matched": any(e.event == gold for e in events),
        "false_alarm": gold is None and any(e.event in watched for e in events),
    }


def _describe(event: Event) -> str:
    side = lambda parts: "+".join(p.code or "?" for p in parts) or "-"  # noqa: E731
    return f"{side(event.actor)} {event.event} {side(event.recipient)} [{event.event_text}] {event.rule}"


def _per_type(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        cell = out.setdefault(row["gold"], {"items": 0, "matched": 0, "type_matched": 0, "uncoded": 0})
        cell["items"] += 1
        cell["matched"] += row["matched"]
        cell["type_matched"] += row["type_matched"]
        cell["uncoded"] += not row["predicted"]
    for cell in out.values():
        cell["recall"] = _ratio(cell["matched"], cell["items"])
        cell["type_recall"] = _ratio(cell["type_matched"], cell["items"])
    return dict(sorted(out.items()))


def _confusion(rows: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """gold type -> predicted type -> items ("-" when nothing was predicted)."""
    table: dict[str, Counter] = {}
    for row in rows:
        counts = table.setdefault(row["gold"], Counter())
        for predicted in row["predicted_types"] or ["-"]:
            counts[predicted] += 1
    return {gold: dict(sorted(c.items())) for gold, c in sorted(table.items())}


def format_report(result: dict[str, Any], title: str = "") -> str:
    """A readable plain-text report: totals, per-type rows and the confusion table."""
    t = result["totals"]
    lines = [f"heron eval {title}".rstrip(),
             f"items {t['items']} (with event {t['items_with_event']}, without {t['items_without_event']})",
             f"recall {t['recall']:.3f}  type recall {t['type_recall']:.3f}  precision {t['precision']:.3f}  "
             f"F1 {t['f1']:.3f}",
             f"predicted {t['predicted']} (matching {t['predicted_matched']})  uncoded {t['uncoded']}  "
             f"extra per item {t['extra_per_item']:.2f}"]
    if t["items_without_event"]:
        lines.append(f"false alarms ({','.join(t['false_alarm_types'])}) on items without event: "
                     f"{t['false_alarms']}/{t['items_without_event']} = {t['false_alarm_rate']:.3f}")
    return "\n".join(lines + [""] + _breakdown(result))


TOTAL_ROWS = [
    ("items", lambda t: str(t["items"])),
    ("with event", lambda t: str(t["items_with_event"])),
    ("recall", lambda t: f"{t['recall']:.3f}"),
    ("type recall", lambda t: f"{t['type_recall']:.3f}"),
    ("precision", lambda t: f"{t['precision']:.3f}"),
    ("F1", lambda t: f"{t['f1']:.3f}"),
    ("predicted", lambda t: f"{t['predicted']}"),
    ("uncoded", lambda t: str(t["uncoded"])),
    ("extra per item", lambda t: f"{t['extra_per_item']:.2f}"),
    ("false alarms", lambda t: f"{t['false_alarms']}/{t['items_without_event']}"),
]


def format_parts(parts: dict[str, dict[str, Any]], title: str = "") -> str:
    """Tune, blind and all totals side by side, then the tune part's per-type rows and confusion
    (the blind part is never broken down: docs/evaluation.md)."""
    watched = ",".join(next(iter(parts.values()))["totals"]["false_alarm_types"])
    lines = [f"heron eval {title}".rstrip() + " (blind part: eval/README.md)",
             format_totals(parts, TOTAL_ROWS),
             f"(false alarms: {watched} predicted on items without event)"]
    if "tune" in parts:
        lines += ["", "tune part by type:"] + _breakdown(parts["tune"])
    return "\n".join(lines)


def _breakdown(result: dict[str, Any]) -> list[str]:
    lines = [f"{'gold type':<11}{'items':>6}{'recall':>8}{'type':>7}{'uncoded':>9}"]
    for event, cell in result["per_type"].items():
        lines.append(f"{event:<11}{cell['items']:>6}{cell['recall']:>8.2f}{cell['type_recall']:>7.2f}"
                     f"{cell['uncoded']:>9}")
    columns = sorted({p for row in result["confusion"].values() for p in row})
    lines += ["", "confusion (rows gold, columns predicted; '-' = nothing predicted)",
              f"{'':<11}" + "".join(f"{c[:6]:>7}" for c in columns)]
    for gold, row in result["confusion"].items():
        lines.append(f"{gold:<11}" + "".join(f"{row.get(c, 0) or '.':>7}" for c in columns))
    return lines


def evaluate_file(path: Path, settings: Any, limit: int | None = None,
                  false_alarm_types: tuple[str, ...] = DEFAULT_FALSE_ALARM_TYPES) -> dict[str, Any]:
    """Read a sentence gold set, code its texts, score them (every item, no parts)."""
    items = read_gold(path, limit)
    return score_sentences(items, code_items(items, settings), false_alarm_types)


def evaluate_parts(items: list[dict[str, Any]], settings: Any, part: str = "all", pipeline: Any = None,
                   false_alarm_types: tuple[str, ...] = DEFAULT_FALSE_ALARM_TYPES) -> dict[str, dict[str, Any]]:
    """Code the items of `part` and score the tune, blind and all parts (heron.evaluation.split):
    the `heron eval` path for sentences. Only the tune part keeps its per-item rows."""
    chosen = select(items, _item_id, part)
    articles = code_items(chosen, settings, pipeline)
    return score_parts(chosen, _item_id, lambda subset: score_sentences(subset, articles, false_alarm_types), part)


def _item_id(item: dict[str, Any]) -> str:
    return str(item["id"])


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
