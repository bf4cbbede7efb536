#!/usr/bin/env python3
"""Which imported verbs (PETRARCH2's CAMEO verb dictionary, the base layer under the curated
lexicon) fire in a corpus, how often, and with which PLOVER type: the list to review for CAMEO
codes that map to the wrong PLOVER type in ordinary news English.

Parses the texts with the language's spaCy pipeline and asks, for every verb, which trigger the
event stage would consider: a curated lexicon entry (which wins) or an imported one. Counts the
imported triggers that no curated entry overrides, by lemma, PLOVER type, CAMEO code and the
upstream pattern; actors are not resolved (a trigger may still code nothing for want of a dyad).
With --coded, codes the texts whole and counts the events imported entries produced instead.
Tab-separated on stdout, most frequent first.

    .venv/bin/python scripts/imported_verbs.py [TEXTS ...] [--top 150] [--limit 400] [--coded]

TEXTS are .txt files, folders of them, or JSON Lines files with a text field ("text" or
"doc_text"); default: the PolNeAR texts, the India police corpus and examples/.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
DEFAULT = [SHARED / "polnear" / "dev" / "text", SHARED / "polnear" / "train" / "text",
           SHARED / "india-police-events" / "docs.jsonl", ROOT / "examples"]


def read_texts(paths: list[Path], limit: int) -> list[str]:
    """Up to `limit` texts from each path (a .txt file, a folder of them, or JSON Lines)."""
    texts = []
    for path in paths:
        if path.is_dir():
            found = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(path.glob("*.txt"))]
        elif path.suffix == ".jsonl":
            rows = (json.loads(line) for line in path.open(encoding="utf-8") if line.strip())
            found = [str(r.get("text") or r.get("doc_text") or "") for r in rows]
        elif path.is_file():
            found = [path.read_text(encoding="utf-8", errors="replace")]
        else:
            print(f"imported_verbs: {path}: no such file or folder, skipped", file=sys.stderr)
            continue
        texts += found[:limit]
    return texts


def count(texts: list[str], knowledge) -> tuple[Counter, Counter]:
    """(lemma, type, cameo, pattern) of imported triggers no curated entry overrides; and the
    lemmas of verbs where a curated entry stood on the same word."""
    from heron.pipeline.events.triggers import imported_trigger, sentence_triggers

    imported, curated = Counter(), Counter()
    for doc in knowledge.nlp.pipe(texts, batch_size=16):
        for sent in doc.sents:
            own = {t.head.i for group in sentence_triggers(sent, knowledge.lexicon) for t in group}
            for token in sent:
                trig = imported_trigger(token, knowledge.lexicon, knowledge.verbs)
                if trig is None:
                    continue
                if token.i in own:
                    curated[token.lemma_.lower()] += 1
                    continue
                entry = trig.entry
                imported[(token.lemma_.lower(), entry.event, entry.cameo, trig.pattern, entry.source)] += 1
    return imported, curated


def count_coded(texts: list[str]) -> Counter:
    """(trigger words, type, cameo, pattern, source) of the events imported entries coded."""
    import heron

    found = Counter()
    for text in texts:
        for event in heron.code(text).events:
            if not event.rule.startswith("petrarch/"):
                continue
            source, _, pattern = event.rule.rpartition(":")
            words = event.event_text.lower().split()
            found[(words[0] if words else "", event.event, event.cameo, pattern.split("+")[0], source)] += 1
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("texts", nargs="*", type=Path)
    parser.add_argument("--top", type=int, default=150, help="verbs to list (default 150)")
    parser.add_argument("--limit", type=int, default=400, help="texts per input (default 400)")
    parser.add_argument("--coded", action="store_true", help="count coded events, not candidate triggers")
    args = parser.parse_args(argv)

    from heron.config import Settings
    from heron.pipeline.knowledge import knowledge_for

    texts = read_texts(args.texts or DEFAULT, args.limit)
    print(f"parsing {len(texts)} texts ...", file=sys.stderr)
    imported = count_coded(texts) if args.coded else count(texts, knowledge_for(Settings()))[0]
    by_verb: dict[str, Counter] = {}
    for (verb, event, cameo, pattern, source), n in imported.items():
        by_verb.setdefault(verb, Counter())[(event, cameo, pattern, source)] += n
    ranked = sorted(by_verb.items(), key=lambda kv: -sum(kv[1].values()))[:args.top]
    print("verb\tcount\ttype\tcameo\tpattern\tsource\tshare")
    for verb, uses in ranked:
        total = sum(uses.values())
        for (event, cameo, pattern, source), n in uses.most_common(4):
            print(f"{verb}\t{total}\t{event}\t{cameo}\t{pattern}\t{source}\t{n / total:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
