"""Named parts, looked up by name and imported only when used (nothing heavy at import time).

Readers are chosen by file suffix, stages by name in pipeline order, languages by code,
exporters by format.
"""
from __future__ import annotations

import importlib
from typing import Any

# suffix -> "module:function" yielding RawDocument | InputError for one path
READERS: dict[str, str] = {
    ".txt": "heron.ingest.text:read_text_file",
    ".text": "heron.ingest.text:read_text_file",
    ".html": "heron.ingest.html:read_html_file",
    ".htm": "heron.ingest.html:read_html_file",
    ".jsonl": "heron.ingest.jsonl:read_jsonl_file",
    ".ndjson": "heron.ingest.jsonl:read_jsonl_file",
    ".rss": "heron.ingest.feeds:read_feed_file",
    ".atom": "heron.ingest.feeds:read_feed_file",
    ".xml": "heron.ingest.feeds:read_feed_file",
    ".warc": "heron.ingest.warc:read_warc_file",
    ".warc.gz": "heron.ingest.warc:read_warc_file",
}

# stage name -> "module:Class"; the order here is the pipeline order
STAGES: dict[str, str] = {
    "parse": "heron.pipeline.text.parse:ParseStage",
    "actors": "heron.pipeline.actors.stage:ActorStage",
    "quotes": "heron.pipeline.quotes.stage:QuoteStage",
    "events": "heron.pipeline.events.stage:EventStage",
    "story": "heron.pipeline.events.story:StoryStage",
}

# language code -> "module:Class" of its adapter (heron.pipeline.text.language.Language or a
# subclass); its data lives in heron/data/lang/<code>/ unless the adapter says otherwise
LANGUAGES: dict[str, str] = {
    "en": "heron.pipeline.text.language:Language",
}

# export format -> "module:function"
EXPORTERS: dict[str, str] = {
    "plover-jsonl": "heron.store.export:export_plover_jsonl",
    "gdelt-tsv": "heron.store.export:export_gdelt_tsv",
    "parquet": "heron.store.export:export_parquet",
}


def resolve(target: str) -> Any:
    """Import "module:attr" and return the attribute."""
    module_name, _, attr = target.partition(":")
    return getattr(importlib.import_module(module_name), attr)


def reader_for(name: str) -> str | None:
    """The reader target for a file name, longest suffix first (".warc.gz" before ".gz")."""
    lower = name.lower()
    for suffix in sorted(READERS, key=len, reverse=True):
        if lower.endswith(suffix):
            return READERS[suffix]
    if lower.endswith(".gz"):  # a compressed copy of any input: its reader opens it through ingest.compressed
        return reader_for(name[:-3])
    return None
