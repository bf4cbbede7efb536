"""Golden files for whole article records: any change to what heron codes from the bundled
examples (or, as a digest without its text, from the seed) shows up here as a diff to review.

After an intended change: HERON_UPDATE_GOLDEN=1 pytest tests/test_golden_records.py, then read
the diff of tests/golden/records/ before committing it.
"""
from __future__ import annotations

import json
import os

import pytest

from conftest import EXAMPLES, ROOT
from heron.ingest import read_paths

RECORDS = ROOT / "tests" / "golden" / "records"
EXAMPLE_FILES = sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html"))


def check(name: str, value: dict) -> None:
    path = RECORDS / name
    if os.environ.get("HERON_UPDATE_GOLDEN"):
        RECORDS.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    if value != expected:
        changed = sorted(k for k in set(value) | set(expected) if value.get(k) != expected.get(k))
        pytest.fail(f"{name}: the coded record changed in {changed}; review, then HERON_UPDATE_GOLDEN=1 rewrites it")


@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_example_record_is_unchanged(pipeline, name):
    [raw] = list(read_paths([str(EXAMPLES / name)]))
    raw.origin = f"examples/{name}"
    check(f"{name}.json", pipeline.process(raw).to_dict())


def seed_digest(article) -> dict:
    """What heron found in the seed, without the seed's text (it stays in ../shared)."""
    def sides(parts):
        return [[p.code, p.sector] for p in parts]

    return {
        "title_chars": len(article.title or ""), "source": [article.source.publication, article.source.repost],
        "actors": [[a.name, a.code, a.sector, a.wikidata, len(a.mentions)] for a in article.actors],
        "quotes": [[q.direct, q.cue, q.speaker.actor if q.speaker else None, len(q.text)] for q in article.quotes],
        "events": [[e.event, e.mode, sides(e.actor), sides(e.recipient), e.date, e.negated, e.status,
                    e.asserted_by.actor if e.asserted_by else None, e.location.name if e.location else None, e.rule]
                   for e in article.events],
    }


def test_seed_digest_is_unchanged(seed_article):
    check("seed.json", seed_digest(seed_article))
