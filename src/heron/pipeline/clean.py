"""Stage `clean`: RawDocument -> Article (placeholder: strips whitespace only)."""
from __future__ import annotations

import hashlib

from heron.config import Settings
from heron.errors import InputError
from heron.types import Article, RawDocument


class Cleaner:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, raw: RawDocument) -> Article:
        text = (raw.text or "").strip()
        if not text:
            raise InputError(raw.origin, "no text left after cleaning")
        article_id = raw.id or hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
        return Article(id=article_id, text=text, title=raw.title, url=raw.url,
                       published=raw.published or self.settings.default_date, origin=raw.origin)
