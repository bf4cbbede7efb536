#!/usr/bin/env python3
"""Actor coverage: the share of event participants and named entities that get an actor code.

Codes the VOA development stories (the ids in eval/voa-dev.jsonl; the other stories stay
held out and are never read here) and CASE 2021 dev snippets, both from ../shared beside the
repository, and reports for the actor and recipient sides
of coded events and for PERSON/ORG/GPE/NORP entities how many carry a code, with the most
frequent uncoded texts for error analysis.

    .venv/bin/python scripts/actor_coverage.py [--limit-voa N] [--limit-case N] [--top N]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def documents(limit_voa: int, limit_case: int) -> list:
    from heron.types import RawDocument

    dev_ids = {str(g["id"]) for g in read_jsonl(ROOT / "eval" / "voa-dev.jsonl")}
    raws = []
    stories = [s for s in read_jsonl(SHARED / "eval" / "voa" / "stories.jsonl") if str(s["id"]) in dev_ids]
    for story in stories[:limit_voa]:
        title = (story.get("title") or "").strip()
        text = f"{title}\n\n{story['text']}" if title else story["text"]
        raws.append(RawDocument(origin=f"story {story['id']}", text=text, id=str(story["id"]),
                                title=title or None, published=(story.get("published") or "")[:10] or None))
    for snippet in read_jsonl(SHARED / "eval" / "case2021" / "dev.jsonl")[:limit_case]:
        raws.append(RawDocument(origin=f"case {snippet['id']}", text=snippet["text"], id=str(snippet["id"])))
    return raws


def tally(articles) -> dict:
    sides, ents = Counter(), Counter()
    uncoded_sides, uncoded_ents = Counter(), Counter()
    for article in articles:
        for event in article.events:
            for part in list(event.actor) + list(event.recipient):
                sides["all"] += 1
                if part.code:
                    sides["coded"] += 1
                else:
                    uncoded_sides[part.entity_text.strip()] += 1
        if article.doc is None:
            continue
        for ent in article.doc.ents:
            if ent.label_ not in ENTITY_LABELS:
                continue
            ents["all"] += 1
            code, _ = code_of(article, ent.start_char, ent.end_char)
            if code:
                ents["coded"] += 1
            else:
                uncoded_ents[f"{ent.text} ({ent.label_})"] += 1
    return {"sides": sides, "entities": ents, "uncoded_sides": uncoded_sides, "uncoded_entities": uncoded_ents}


def code_of(article, start: int, end: int):
    from heron.config import Settings
    from heron.pipeline.actors.stage import code_span
    from heron.pipeline.knowledge import knowledge_for

    return code_span(article, start, end, knowledge_for(Settings()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit-voa", type=int, default=1000)
    parser.add_argument("--limit-case", type=int, default=1000)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)
    for path in (SHARED / "eval" / "voa" / "stories.jsonl", SHARED / "eval" / "case2021" / "dev.jsonl"):
        if not path.is_file():
            print(f"actor_coverage: {path}: no such file", file=sys.stderr)
            return 2
    from heron.config import Settings
    from heron.errors import InputError
    from heron.pipeline import build_pipeline

    raws = documents(args.limit_voa, args.limit_case)
    coded = build_pipeline(Settings()).code_batch(raws)
    articles = [a for a in coded if not isinstance(a, InputError)]
    result = tally(articles)
    for key in ("sides", "entities"):
        c = result[key]
        share = c["coded"] / c["all"] if c["all"] else 0.0
        print(f"{key}: {c['coded']}/{c['all']} coded = {share:.3f}")
    for key in ("uncoded_sides", "uncoded_entities"):
        print(f"\nmost frequent {key.replace('_', ' ')}:")
        for text, n in result[key].most_common(args.top):
            print(f"  {n:4d}  {text}")
    print(f"\n({len(articles)} documents, {len(raws) - len(articles)} rejected)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
