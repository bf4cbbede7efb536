"""Many distinct, realistic articles from a small corpus: each article repeated with perturbations.

Copy 0 of an article is the article; copy k > 0 keeps its paragraph structure but swaps about
four in five of its sentences for sentences of other articles of the corpus (seeded, reproducible) and
shifts its numbers, so copies are new stories to the near-duplicate index (word 5-gram Jaccard
well under 0.5), not exact or near duplicates. One copy in ten changes a single sentence only: a
wire copy, which the store must cluster with its original.

    .venv/bin/python scripts/perturb_corpus.py ../shared/eval/india-police-events/docs.jsonl 20000 > corpus.jsonl
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator

_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_NUMBER = re.compile(r"\d+")


def read_corpus(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as stream:
        rows = [json.loads(line) for line in stream if line.strip()]
    return [{"id": str(r.get("id", r.get("doc_id"))), "text": r.get("text", r.get("doc_text"))} for r in rows]


def perturbed(corpus: list[dict], count: int, seed: int = 1) -> Iterator[dict]:
    """``count`` articles: the corpus, then perturbed copies of it, in that order."""
    rng = random.Random(seed)
    pool = [s for doc in corpus for s in _SENTENCE.split(doc["text"]) if len(s.split()) > 5]
    for number in range(count):
        doc = corpus[number % len(corpus)]
        copy = number // len(corpus)
        text = doc["text"] if copy == 0 else _perturb(doc["text"], rng, pool, light=number % 10 == 0, shift=copy)
        yield {"id": doc["id"] if copy == 0 else f"{doc['id']}-copy{copy}", "text": text}


def _perturb(text: str, rng: random.Random, pool: list[str], light: bool, shift: int) -> str:
    paragraphs = []
    changed = False
    for paragraph in text.split("\n"):
        sentences = _SENTENCE.split(paragraph)
        for i, sentence in enumerate(sentences):
            if len(sentence.split()) > 5 and (not changed if light else rng.random() < 0.8):
                sentences[i] = rng.choice(pool)
                changed = True
        paragraphs.append(" ".join(sentences))
    joined = "\n".join(paragraphs)
    return joined if light else _NUMBER.sub(lambda m: str(int(m.group()) + shift), joined)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="JSON Lines with id/text (or doc_id/doc_text)")
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for row in perturbed(read_corpus(args.source), args.count, args.seed):
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
