#!/usr/bin/env python3
"""Score heron's quotes and speakers on PolNeAR (../shared/eval/polnear/{train,dev}).

PolNeAR marks every attribution in 2016 US-election news as brat standoff: a Source (speaker),
a Cue and a Content span (content may be discontinuous: quoted pieces around "he said").

Metric (docs/evaluation.md): a predicted quote matches a gold attribution when their content token
F1 >= 0.5 (tokens = lower-cased \\w+ runs, as bags), one-to-one, best pairs first. The speaker
is correct when the predicted speaker (mention text, or the name it resolves to) shares a
content word with the gold Source, or is the same mention (overlapping spans: "he" = "he").
Gold is "direct" when its content is in quotation marks; the rest is indirect. A predicted
quote counts by its own ``direct`` flag; heron's quotes with the same speaker mention (one
cue: '"A," he said. "B."', or a quoted phrase inside the clause that is reported) form one
attribution, as PolNeAR marks them, and a group with any reported clause counts as indirect.

    .venv/bin/python scripts/eval_quotes.py [--split dev] [--limit N] [--every N] [--errors K]
        [--without-actors] [--json]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DATA = SHARED / "eval" / "polnear"
WORD = re.compile(r"\w+")
MARKS = "\"“”«»„"
MATCH_F1 = 0.5
SPACES = {0xA0: " ", 0x2007: " ", 0x2009: " ", 0x202F: " "}


@dataclass
class Attribution:
    """One attribution: content pieces, speaker pieces, direct or not."""

    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    direct: bool = False
    speaker_text: str = ""  # predictions: mention text plus the name it resolves to
    rule: str = ""  # predictions: the rule that found it (the reported clause's, in a group)


def _spans(field_text: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (piece.split() for piece in field_text.split(";"))]


def is_direct(text: str, pieces: list[tuple[int, int]]) -> bool:
    """Gold content is direct when it starts and ends at quotation marks."""
    start, end = pieces[0][0], pieces[-1][1]
    body = text[start:end].strip()
    if not body:
        return False
    opens = body[0] in MARKS or text[max(0, start - 1)] in MARKS
    tail = text[end:end + 2]
    closes = body.rstrip(".,!?;: ")[-1:] in MARKS or body[-1] in MARKS or any(c in MARKS for c in tail)
    return opens and closes


def load_gold(ann: Path, text: str) -> list[Attribution]:
    spans: dict[str, list[tuple[int, int]]] = {}
    found: list[Attribution] = []
    lines = ann.read_text(encoding="utf-8").splitlines()
    for line in lines:
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            spans[parts[0]] = _spans(parts[1].split(" ", 1)[1])
    for line in lines:
        if not line.startswith("E"):
            continue
        roles = dict(arg.split(":", 1) for arg in line.split("\t")[1].split()[1:])
        content = sorted(p for key, tid in roles.items() if key.startswith("Content") for p in spans[tid])
        if not content:
            continue
        source = spans.get(roles.get("Source", ""), [])
        found.append(Attribution(content, source, is_direct(text, content)))
    return found


def documents(split: str, limit: int | None, every: int = 1) -> list[tuple[str, str, Path]]:
    folder = DATA / split
    if not folder.is_dir():
        raise SystemExit(f"{folder}: not found (PolNeAR is read from ../shared beside the repo)")
    docs = []
    for ann in sorted((folder / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        text_path = folder / "text" / f"{name}.txt"
        if text_path.is_file():
            docs.append((name, text_path.read_text(encoding="utf-8"), ann))
    docs = docs[::every]
    return docs[:limit] if limit else docs


def predicted(article) -> list[Attribution]:
    """heron's quotes grouped into attributions by speaker mention."""
    groups: dict[object, Attribution] = {}
    for n, quote in enumerate(article.quotes):
        speaker = quote.speaker
        key = (speaker.start, speaker.end) if speaker else ("none", n)
        text = ""
        if speaker:
            actor = article.actor_by_id(speaker.actor)
            text = " ".join(filter(None, [speaker.text, speaker.name, actor.name if actor else None]))
        group = groups.setdefault(key, Attribution([], [key] if speaker else [], True, text))
        group.content.append((quote.start, quote.end))
        if not group.rule or group.direct and not quote.direct:
            group.rule = (quote.rule or "").split(";")[0]
        group.direct = group.direct and quote.direct
    return list(groups.values())


def bag(text: str, pieces: list[tuple[int, int]]) -> Counter:
    covered = sorted(pieces)
    merged: list[list[int]] = []
    for start, end in covered:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return Counter(w.lower() for s, e in merged for w in WORD.findall(text[s:e]))


def token_f1(a: Counter, b: Counter) -> float:
    common = sum((a & b).values())
    if not common:
        return 0.0
    p, r = common / sum(b.values()), common / sum(a.values())
    return 2 * p * r / (p + r)


def match(text: str, gold: list[Attribution], pred: list[Attribution]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) with content F1 >= 0.5, best first."""
    gold_bags = [bag(text, g.content) for g in gold]
    pred_bags = [bag(text, p.content) for p in pred]
    scored = sorted(((token_f1(gb, pb), i, j) for i, gb in enumerate(gold_bags)
                     for j, pb in enumerate(pred_bags)), reverse=True)
    pairs, used_g, used_p = [], set(), set()
    for f1, i, j in scored:
        if f1 < MATCH_F1:
            break
        if i not in used_g and j not in used_p:
            pairs.append((i, j))
            used_g.add(i)
            used_p.add(j)
    return pairs


def speaker_correct(text: str, gold: Attribution, pred: Attribution, stop: frozenset[str]) -> bool:
    if any(s < e2 and s2 < e for s, e in gold.source for s2, e2 in pred.source):
        return True
    want = {w.lower() for s, e in gold.source for w in WORD.findall(text[s:e])} - stop
    return bool(want & ({w.lower() for w in WORD.findall(pred.speaker_text)} - stop))


def new_tally() -> dict:
    return {k: Counter() for k in ("direct", "indirect", "rules")}


def score_document(text: str, gold: list[Attribution], pred: list[Attribution], tally: dict,
                   stop: frozenset[str], errors: list | None = None, name: str = "") -> None:
    pairs = match(text, gold, pred)
    matched_g, matched_p = {i for i, _ in pairs}, {j for _, j in pairs}
    for i, g in enumerate(gold):
        kind = "direct" if g.direct else "indirect"
        tally[kind]["gold"] += 1
        tally[kind]["gold_matched"] += i in matched_g
        if errors is not None and i not in matched_g:
            errors.append((name, "missed", kind, _show(text, g.content)))
    for j, p in enumerate(pred):
        kind = "direct" if p.direct else "indirect"
        tally[kind]["pred"] += 1
        tally[kind]["pred_matched"] += j in matched_p
        tally["rules"][(p.rule, "predicted")] += 1
        tally["rules"][(p.rule, "matched")] += j in matched_p
        if errors is not None and j not in matched_p:
            errors.append((name, "extra", kind, _show(text, p.content)))
    for i, j in pairs:
        kind = "direct" if gold[i].direct else "indirect"
        if gold[i].source:
            ok = speaker_correct(text, gold[i], pred[j], stop)
            tally[kind]["speaker_gold"] += 1
            tally[kind]["speaker_ok"] += ok
            if errors is not None and not ok:
                errors.append((name, "speaker", kind, f"{pred[j].speaker_text!r} vs "
                               f"{' '.join(text[s:e] for s, e in gold[i].source)!r}: {_show(text, gold[i].content)}"))


def _show(text: str, pieces: list[tuple[int, int]]) -> str:
    return " | ".join(text[s:e] for s, e in pieces)[:160].replace("\n", " ")


def summary(tally: dict) -> dict:
    rules = tally["rules"]
    out: dict = {"rules": {rule: {"predicted": rules[(rule, "predicted")], "precision": round(
        rules[(rule, "matched")] / rules[(rule, "predicted")], 3)} for rule, what in sorted(rules) if what == "predicted"}}
    for kind in ("direct", "indirect"):
        c = tally[kind]
        p = c["pred_matched"] / c["pred"] if c["pred"] else 0.0
        r = c["gold_matched"] / c["gold"] if c["gold"] else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        speaker = c["speaker_ok"] / c["speaker_gold"] if c["speaker_gold"] else 0.0
        out[kind] = {"gold": c["gold"], "predicted": c["pred"], "precision": round(p, 3), "recall": round(r, 3),
                     "f1": round(f1, 3), "speaker_accuracy": round(speaker, 3), "speaker_n": c["speaker_gold"]}
    return out


def _stages(actors: bool) -> tuple[list[str], list[str]]:
    """Stage names to build, and fields to mark as present before they run."""
    if actors:
        return ["parse", "actors", "quotes"], []
    return ["parse", "quotes"], ["actors"]  # quotes with an empty actor list


def evaluate(split: str = "dev", limit: int | None = None, errors: list | None = None,
             actors: bool = True, every: int = 1) -> dict:
    from spacy.lang.en.stop_words import STOP_WORDS

    from heron.config import Settings
    from heron.pipeline import build_pipeline
    from heron.pipeline.component import Pipeline
    from heron.types import Article

    docs = documents(split, limit, every)
    names, assumed = _stages(actors)
    built = build_pipeline(Settings(), ["parse"] if not actors else names)
    stages = built.stages if actors else built.stages + _quote_stage_alone()
    pipe = Pipeline(built.cleaner, stages) if actors else _Unchecked(stages)
    stop = frozenset(STOP_WORDS)
    # PolNeAR texts are already clean and the gold offsets index them as they are, so the
    # articles go to the stages directly, without the cleaner (which may normalise spaces)
    # (no-break and thin spaces become plain spaces, as the cleaner makes them: same offsets)
    articles = [Article(id=name, text=text.translate(SPACES), origin=name,
                        stages=["text", "title", "removed", "source"] + assumed)
                for name, text, _ in docs]
    tally = new_tally()
    for (name, text, ann), article in zip(docs, pipe.pipe(articles)):
        if "quotes" not in (article.stages or []):
            raise SystemExit(f"{name}: the quotes stage did not run: {article.problems}")
        score_document(text, load_gold(ann, text), predicted(article), tally, stop, errors, name)
    result = summary(tally)
    result["documents"] = len(docs)
    result["stages"] = names
    return result


def _quote_stage_alone() -> list:
    from heron.config import Settings
    from heron.pipeline.quotes.stage import QuoteStage

    from heron.pipeline.knowledge import knowledge_for

    return [QuoteStage(Settings(), knowledge_for(Settings()))]


class _Unchecked:
    """Runs stages in order without the build-time check (for --without-actors)."""

    def __init__(self, stages: list) -> None:
        self.stages = stages

    def pipe(self, articles):
        stream = articles
        for stage in self.stages:
            stream = stage.pipe(stream)
        return stream


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--every", type=int, default=1, help="score every N-th article (a quick sample)")
    parser.add_argument("--errors", type=int, default=0, help="print up to K errors of each kind to stderr")
    parser.add_argument("--rules", action="store_true", help="also print each rule's precision")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--without-actors", action="store_true",
                        help="run parse and quotes only (speakers resolved from the parse alone)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    errors: list | None = [] if args.errors else None
    result = evaluate(args.split, args.limit, errors, actors=not args.without_actors, every=args.every)
    result["seconds"] = round(time.perf_counter() - started, 1)
    if errors:
        shown: Counter = Counter()
        for name, what, kind, detail in errors:
            if shown[(what, kind)] < args.errors:
                shown[(what, kind)] += 1
                print(f"{what:8} {kind:8} {name[:40]:40} {detail}", file=sys.stderr)
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"PolNeAR {args.split}: {result['documents']} articles, {result['seconds']} s")
    for kind in ("direct", "indirect"):
        r = result[kind]
        print(f"{kind:9} gold {r['gold']:5}  predicted {r['predicted']:5}  P {r['precision']:.3f}  R {r['recall']:.3f}"
              f"  F1 {r['f1']:.3f}  speaker accuracy {r['speaker_accuracy']:.3f} (of {r['speaker_n']} matched)")
    if args.rules:
        for rule, r in result["rules"].items():
            print(f"  {rule:32} predicted {r['predicted']:5}  precision {r['precision']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
