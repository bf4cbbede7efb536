"""Whole-article evaluation: heron's events against a careful coder's article-level gold.

Gold, one JSON object per line: {"id", "published", "required": [GOLD], "acceptable": [GOLD]},
GOLD = {"event": TYPE, "actor": [codes], "recipient": [codes], "note": "..."}. The article text
is not in the gold file; it is read by id from a stories file (JSON Lines with id, title, text,
published, url), or from a file of its own that a (gold id, path) pair names: any input
`heron code` reads as one article (.txt, .html, each also .gz), read the same way.

A predicted event matches a gold one when the types are equal and the predicted actor codes
intersect the gold actor codes and the recipients likewise; an empty gold side matches anything
(docs/evaluation.md). Recall = required events matched one-to-one (a maximum bipartite matching, so a
single prediction never counts twice); precision = predicted (non-negated) events that match a
required or an acceptable event; F1 their harmonic mean. Totals are micro-averaged over articles.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from heron.errors import InputError
from heron.evaluation.records import json_records
from heron.evaluation.split import format_totals, score_parts, select
from heron.types import COUNTED_STATUSES, Article, Event, RawDocument

GOLD_KEYS = ("event", "actor", "recipient")


def score_articles(gold: list[dict[str, Any]], articles: dict[str, Article]) -> dict[str, Any]:
    """Score coded articles against article-level gold; returns totals and one row per article."""
    rows = [_score_one(item, articles.get(str(item["id"]))) for item in gold]
    required = sum(r["required"] for r in rows)
    found = sum(r["required_matched"] for r in rows)
    predicted = sum(r["predicted"] for r in rows)
    correct = sum(r["predicted_matched"] for r in rows)
    tellings = sum(r["tellings"] for r in rows)
    precision = correct / predicted if predicted else 0.0
    recall = found / required if required else 0.0
    totals = {
        "articles": len(rows), "missing_articles": sum(1 for r in rows if r["missing"]),
        "required": required, "required_matched": found, "predicted": predicted, "predicted_matched": correct,
        "tellings": tellings,
        "precision": precision, "recall": recall, "f1": _f1(precision, recall),
        "type_recall": _ratio(sum(r["type_matched"] for r in rows), required),
        "problems": sum(len(r["problems"]) for r in rows),
        "uncoded_actor": sum(r["uncoded_actor"] for r in rows),
    }
    by_type: dict[str, dict[str, int]] = {}
    for row in rows:
        for event, found_it in row["required_types"]:
            counts = by_type.setdefault(event, {"required": 0, "matched": 0})
            counts["required"] += 1
            counts["matched"] += int(found_it)
    return {"totals": totals, "by_type": dict(sorted(by_type.items())), "articles": rows}


def _score_one(item: dict[str, Any], article: Article | None) -> dict[str, Any]:
    required = [_gold_event(g, item) for g in item.get("required") or []]
    acceptable = [_gold_event(g, item) for g in item.get("acceptable") or []]
    events = [e for e in (article.events if article else []) if not e.negated and e.status in COUNTED_STATUSES]
    pairs = maximum_matching(required, events)
    hit = [any(matches(e, g) for g in required + acceptable) for e in events]
    type_pairs = maximum_matching([{**g, "actor": [], "recipient": []} for g in required], events)
    row = {
        "id": str(item["id"]), "missing": article is None,
        "required": len(required), "required_matched": len(pairs),
        "type_matched": len(type_pairs),
        "predicted": len(events), "predicted_matched": sum(hit),
        # events before the story stage merged the tellings of one occurrence (docs/records.md)
        "tellings": sum(max(1, len(e.mentions)) for e in events),
        # predictions whose actor has no code can never match a coded gold actor
        "uncoded_actor": sum(1 for e in events if not any(p.code for p in e.actor)),
        "missed": [_describe_gold(required[i]) for i in range(len(required)) if i not in pairs],
        "required_types": [(g["event"], i in pairs) for i, g in enumerate(required)],
        "extra": [describe_event(e) for e, ok in zip(events, hit) if not ok],
        "problems": [f"{p.stage}: {p.message}" for p in (article.problems if article else [])],
    }
    precision = _ratio(row["predicted_matched"], row["predicted"])
    recall = _ratio(row["required_matched"], row["required"])
    row.update(precision=precision, recall=recall, f1=_f1(precision, recall))
    return row


def matches(event: Event, gold: dict[str, Any]) -> bool:
    """Type equal; actor and recipient codes intersect the gold ones (empty gold side: any)."""
    if event.event != gold["event"]:
        return False
    return _side(event.actor, gold.get("actor")) and _side(event.recipient, gold.get("recipient"))


def _side(participants: Iterable[Any], codes: list[str] | None) -> bool:
    if not codes:
        return True
    return bool({p.code for p in participants if p.code} & set(codes))


def maximum_matching(gold: list[dict[str, Any]], events: list[Event]) -> dict[int, int]:
    """Gold index -> event index, a maximum one-to-one matching (augmenting paths, Kuhn's method)."""
    edges = [[j for j, e in enumerate(events) if matches(e, g)] for g in gold]
    owner: dict[int, int] = {}  # event index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def _gold_event(raw: Any, item: dict[str, Any]) -> dict[str, Any]:
    """Validate one gold event; a malformed one is an error naming the story, never skipped."""
    if not isinstance(raw, dict) or not isinstance(raw.get("event"), str):
        raise InputError(f"gold {item.get('id')}", f"gold event needs an 'event' type: {raw!r}")
    for side in ("actor", "recipient"):
        if not isinstance(raw.get(side, []), list):
            raise InputError(f"gold {item.get('id')}", f"'{side}' must be a list of codes: {raw!r}")
    return raw


def describe_event(event: Event) -> str:
    actor = "+".join(p.code or "?" for p in event.actor) or "-"
    recipient = "+".join(p.code or "?" for p in event.recipient) or "-"
    return f"{event.event} {actor}->{recipient} ({event.event_text!r})"


def _describe_gold(gold: dict[str, Any]) -> str:
    actor = "+".join(gold.get("actor") or []) or "*"
    recipient = "+".join(gold.get("recipient") or []) or "*"
    return f"{gold['event']} {actor}->{recipient}" + (f" ({gold['note']})" if gold.get("note") else "")


def format_report(result: dict[str, Any], details: bool = False) -> str:
    """A plain-text table: one row per article and the totals; with details, misses and extras."""
    lines = [f"{'article':<12} {'req':>4} {'found':>5} {'told':>5} {'pred':>5} {'ok':>4} {'P':>6} {'R':>6} {'F1':>6}"
             "   (told: events before tellings of one occurrence were merged; pred: after)"]
    for row in result["articles"]:
        mark = "  (not coded: article missing)" if row["missing"] else ""
        lines.append(f"{row['id']:<12} {row['required']:>4} {row['required_matched']:>5} {row['tellings']:>5} {row['predicted']:>5} "
                     f"{row['predicted_matched']:>4} {row['precision']:>6.3f} {row['recall']:>6.3f} {row['f1']:>6.3f}{mark}")
        if details:
            lines += [f"    missed {m}" for m in row["missed"]] + [f"    extra  {x}" for x in row["extra"]]
        lines += [f"    problem {p}" for p in row["problems"]]
    t = result["totals"]
    if details:
        lines.append("required recall by type: " + ", ".join(
            f"{event} {c['matched']}/{c['required']}" for event, c in result["by_type"].items()))
    lines.append(f"{'TOTAL':<12} {t['required']:>4} {t['required_matched']:>5} {t['tellings']:>5} {t['predicted']:>5} "
                 f"{t['predicted_matched']:>4} {t['precision']:>6.3f} {t['recall']:>6.3f} {t['f1']:>6.3f}")
    lines.append(f"type-only recall {t['type_recall']:.3f}; predicted events without an actor code "
                 f"{t['uncoded_actor']}/{t['predicted']}; articles {t['articles']}"
                 + (f", {t['missing_articles']} missing" if t["missing_articles"] else "")
                 + (f"; {t['problems']} problems recorded on the articles" if t["problems"] else ""))
    return "\n".join(lines)


def read_gold(path: Path) -> list[dict[str, Any]]:
    """The gold file: one JSON object per line with id, required and acceptable."""
    gold = []
    for where, item in json_records(path):
        if "id" not in item or not isinstance(item.get("required"), list):
            raise InputError(where, "expected an object with 'id' and a 'required' list")
        gold.append(item)
    if not gold:
        raise InputError(str(path), "no gold articles")
    return gold


def read_stories(path: Path, ids: set[str]) -> dict[str, dict[str, Any]]:
    """The stories with the given ids from a JSON Lines file (id, title, text, published, url)."""
    stories = {str(record.get("id")): record for _, record in json_records(path) if str(record.get("id")) in ids}
    missing = sorted(ids - set(stories))
    if missing:
        raise InputError(str(path), f"no story with id {', '.join(missing)} (the gold file names it)")
    return stories


def parse_text_file(spec: str) -> tuple[str, Path]:
    """"ID=PATH" (a gold id and the file holding its article) as a pair; ValueError naming the
    value when a side is missing or the file does not exist."""
    story_id, sep, path = spec.partition("=")
    if not sep or not story_id.strip() or not path:
        raise ValueError(f"{spec!r}: expected ID=PATH, the gold id, '=', then the article's file")
    if not Path(path).is_file():
        raise ValueError(f"{spec!r}: {path}: no such file")
    return story_id.strip(), Path(path)


def read_text_files(pairs: Iterable[tuple[str, Path]], ids: set[str]) -> dict[str, RawDocument]:
    """Gold id -> the one article its file holds, read as `heron code` reads that file; only
    the pairs whose id is in ``ids`` are read."""
    from heron.ingest import read_path

    documents = {}
    for story_id, path in pairs:
        if story_id not in ids:
            continue
        items = list(read_path(path))
        for item in items:
            if isinstance(item, InputError):
                raise item
        if len(items) != 1:
            raise InputError(str(path), f"holds {len(items)} articles; a text file for gold id {story_id!r} "
                                        "must hold exactly one")
        documents[story_id] = items[0]
    return documents


def story_documents(stories: dict[str, dict[str, Any]], gold: list[dict[str, Any]],
                    files: dict[str, RawDocument] | None = None) -> list[RawDocument]:
    """The documents to code: stories (the title leads the text as its first paragraph) and
    articles read from their own files, each named by its gold id and dated by the gold's
    `published` when it has one, else by the input's own date."""
    published = {_story_id(g): g.get("published") for g in gold}
    raws = []
    for story_id, story in stories.items():
        title = (story.get("title") or "").strip()
        text = f"{title}\n\n{story['text']}" if title else story["text"]
        date = published.get(story_id) or (story.get("published") or "")[:10] or None
        raws.append(RawDocument(origin=f"story {story_id}", text=text, id=story_id, title=title or None,
                                url=story.get("url"), published=date))
    for story_id, raw in (files or {}).items():
        raws.append(replace(raw, id=story_id, published=published.get(story_id) or raw.published))
    return raws


def code_stories(stories: dict[str, dict[str, Any]], gold: list[dict[str, Any]], settings: Any,
                 files: dict[str, RawDocument] | None = None) -> dict[str, Article]:
    """Run heron over the stories and the articles read from their own files, by gold id."""
    from heron.pipeline import build_pipeline

    raws = story_documents(stories, gold, files)
    pipeline = build_pipeline(settings)
    coded = pipeline.code_batch(raws)
    articles = {}
    for raw, result in zip(raws, coded):
        if isinstance(result, InputError):
            raise result
        articles[str(raw.id)] = result
    return articles


def evaluate_files(gold_path: Path, texts_path: Path | None, settings: Any,
                   text_files: Iterable[tuple[str, Path]] = ()) -> dict[str, Any]:
    """Read gold and texts, code the articles, score them (every article, no parts)."""
    gold = read_gold(gold_path)
    stories, files = _read_texts(gold, gold, texts_path, text_files)
    return score_articles(gold, code_stories(stories, gold, settings, files))


def evaluate_parts(gold_path: Path, texts_path: Path | None, settings: Any, part: str = "all",
                   text_files: Iterable[tuple[str, Path]] = ()) -> dict[str, dict[str, Any]]:
    """Code the articles of `part` and score the tune, blind and all parts (heron.evaluation.split):
    the `heron eval` path for articles. Only the tune part keeps its per-article rows."""
    everything = read_gold(gold_path)
    gold = select(everything, _story_id, part)
    stories, files = _read_texts(everything, gold, texts_path, text_files)
    articles = code_stories(stories, gold, settings, files)
    return score_parts(gold, _story_id, lambda subset: score_articles(subset, articles), part)


def _read_texts(everything: list[dict[str, Any]], gold: list[dict[str, Any]], texts_path: Path | None,
                text_files: Iterable[tuple[str, Path]]) -> tuple[dict[str, dict[str, Any]], dict[str, RawDocument]]:
    """The text of each article of ``gold``: from its own file when one is named for its id,
    else from the stories file. A file named for an id the gold file lacks, or an article
    with no text anywhere, is an error naming it."""
    text_files = list(text_files)
    known = {_story_id(g) for g in everything}
    named: set[str] = set()
    for story_id, path in text_files:
        if story_id not in known:
            raise InputError(str(path), f"the gold file has no article with id {story_id!r}")
        if story_id in named:
            raise InputError(str(path), f"a second file for gold id {story_id!r}; name one file per id")
        named.add(story_id)
    files = read_text_files(text_files, {_story_id(g) for g in gold})
    wanted = {_story_id(g) for g in gold} - set(files)
    if wanted and texts_path is None:
        raise InputError(", ".join(sorted(wanted)), "no text for these gold articles: name a stories file "
                                                    "(--texts STORIES.jsonl) or a file per id (--text-file ID=PATH)")
    return (read_stories(texts_path, wanted) if wanted else {}), files


def _story_id(item: dict[str, Any]) -> str:
    return str(item["id"])


TOTAL_ROWS = [
    ("stories", lambda t: str(t["articles"])),
    ("required", lambda t: str(t["required"])),
    ("found", lambda t: str(t["required_matched"])),
    ("told (unmerged)", lambda t: str(t["tellings"])),
    ("predicted", lambda t: str(t["predicted"])),
    ("correct", lambda t: str(t["predicted_matched"])),
    ("precision", lambda t: f"{t['precision']:.3f}"),
    ("recall", lambda t: f"{t['recall']:.3f}"),
    ("F1", lambda t: f"{t['f1']:.3f}"),
    ("type recall", lambda t: f"{t['type_recall']:.3f}"),
    ("no actor code", lambda t: str(t["uncoded_actor"])),
]


def format_parts(parts: dict[str, dict[str, Any]], details: bool = False) -> str:
    """Tune, blind and all totals side by side, then the tune part's stories (with details, its
    misses and extras); blind stories are never listed (docs/evaluation.md)."""
    lines = ["whole stories (blind part: eval/README.md)", format_totals(parts, TOTAL_ROWS)]
    if "tune" in parts:
        lines += ["", "tune part by story:", format_report(parts["tune"], details=details)]
    return "\n".join(lines)


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
