"""Stage `clean`: RawDocument -> Article.

Takes reposted page text apart: boilerplate lines go to ``article.removed`` (each with the
rule that matched), a source line or wire dateline names the outlet that first published the
story, the title and lede are found, and the text is rebuilt as paragraphs separated by blank
lines with the title first. The body is never cut: only lines a rule calls boilerplate go.
"""
from __future__ import annotations

import hashlib
import re
from itertools import groupby
from urllib.parse import urlsplit

from heron.config import Settings
from heron.errors import InputError
from heron.ingest.html import document_from_html
from heron.pipeline.text.boilerplate import Line, Rule, Scan, credit, ends_sentence, load_rules, scan
from heron.pipeline.text.identify import CODED, Identifier, detect_language, not_coded_message
from heron.pipeline.text.language import language_for
from heron.types import Article, Problem, RawDocument, Removed, Source

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\u00ad\ufeff]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?((?:[\w-]+\.)+[a-z]{2,})(?:[/:?#]\S*)?$", re.IGNORECASE)
TITLE_MAX_WORDS = 30


class Cleaner:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.rules: tuple[Rule, ...] = load_rules(tuple(settings.boilerplate_files), language_for(settings.language))
        self.identifier = Identifier()  # loads its model only for text that is not plainly English

    def __call__(self, raw: RawDocument) -> Article:
        if raw.text is None and raw.html:
            raw = _with_html_text(raw)
        lines = split_lines(raw.text or "")
        found = scan(lines, self.rules)
        kept, duplicate = drop_title_repeats(found.kept, raw.title)
        title, paragraphs = find_title(assemble(kept), raw.title)
        if not paragraphs:
            detail = f" ({len(found.removed)} boilerplate pieces removed)" if found.removed else ""
            raise InputError(raw.origin, f"no text left after cleaning{detail}")
        text = "\n\n".join(([title] if title else []) + paragraphs)
        article_id = raw.id or hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
        language = detect_language(text, raw.language, self.identifier)
        return Article(
            id=article_id, text=text, title=title, url=raw.url, language=language,
            published=raw.published or written_date(found.date) or self.settings.default_date, origin=raw.origin,
            source=find_source(found, self.rules, raw), removed=found.removed + duplicate,
            problems=[] if language in CODED else [Problem("language", not_coded_message(language))],
        )


def _with_html_text(raw: RawDocument) -> RawDocument:
    """Readers that hand over a bare page (feeds, archives) get the same extraction as .html files."""
    page = document_from_html(raw.html, raw.origin, url=raw.url, doc_id=raw.id,
                              published=raw.published, title=raw.title)
    page.site = raw.site or page.site
    return page


def normalise_line(text: str) -> str:
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def split_lines(text: str) -> list[Line]:
    """Non-blank lines, whitespace normalised, each tagged with its blank-line-separated block."""
    lines, block = [], 0
    for raw_line in _LINE_BREAKS.sub("\n", text).split("\n"):
        line = normalise_line(raw_line)
        if line:
            lines.append(Line(block, line))
        else:
            block += 1
    return lines


def assemble(lines: list[Line]) -> list[str]:
    """Paragraphs from kept lines: each block is a paragraph when its lines are hard-wrapped,
    else each line is one, joined only to a previous line it visibly continues."""
    paragraphs: list[list[str]] = []  # each as its lines, joined at the end: joining as they come is quadratic
    for _, group in groupby(lines, key=lambda line: line.block):
        texts = [line.text for line in group]
        if hard_wrapped(texts):
            paragraphs.append(texts)
            continue
        for index, text in enumerate(texts):
            if index and text[:1].islower() and not ends_sentence(texts[index - 1]):
                paragraphs[-1].append(text)
            else:
                paragraphs.append([text])
    return [" ".join(parts) for parts in paragraphs]


def hard_wrapped(texts: list[str]) -> bool:
    """Three or more lines, most of them ending mid-sentence: a paragraph wrapped at a width."""
    inner = texts[:-1]
    return len(texts) >= 3 and sum(not ends_sentence(t) for t in inner) * 3 >= len(inner) * 2


def looks_like_title(text: str) -> bool:
    """A short first line with no final period and no lower-case start: a headline."""
    return (len(text.split()) <= TITLE_MAX_WORDS and len(text) <= 250 and not text.endswith(".")
            and not text[:1].islower())


def _same(a: str, b: str) -> bool:
    return re.sub(r"\W+", " ", a).strip().casefold() == re.sub(r"\W+", " ", b).strip().casefold()


def drop_title_repeats(lines: list[Line], given: str | None) -> tuple[list[Line], list[Removed]]:
    """Leading lines that repeat the title from the input's metadata (pages often print it again)."""
    removed: list[Removed] = []
    if given:
        while lines and _same(lines[0].text, given):
            removed.append(Removed(lines[0].text, "duplicate", "title-repeated"))
            lines = lines[1:]
    return lines, removed


def find_title(paragraphs: list[str], given: str | None) -> tuple[str | None, list[str]]:
    """(title, body paragraphs): a title from the input's metadata wins; otherwise the first
    paragraph is the title when it reads like a headline and body follows."""
    if given and normalise_line(given):
        return normalise_line(given), paragraphs
    if len(paragraphs) >= 2 and looks_like_title(paragraphs[0]):
        return paragraphs[0], paragraphs[1:]
    return None, paragraphs


def lede_of(article: Article) -> str | None:
    """The first body paragraph (after the title)."""
    parts = article.text.split("\n\n")
    body = parts[1:] if article.title and parts and parts[0] == article.title else parts
    return body[0] if body else None


def written_date(value: str | None) -> str | None:
    """YYYY-MM-DD from a date as a page writes it ("March 10, 2002", "10.03.2002"); None if unclear."""
    if not value:
        return None
    from dateutil import parser

    try:
        parsed = parser.parse(value, dayfirst=bool(re.match(r"\d{1,2}[./]", value)), fuzzy=False)
    except (ValueError, OverflowError):
        return None
    return parsed.date().isoformat() if re.search(r"\d{4}", value) else None


def outlet_name(value: str | None) -> str | None:
    """A domain for URLs and domains ("https://www.rbc.ru/x" -> "rbc.ru"), else the trimmed name."""
    if not value:
        return None
    value = value.strip().strip("«»\"“”'.,;:()[] ")
    domain = _DOMAIN.match(value)
    if domain:
        return domain.group(1).lower()
    return value or None


def _outlet_key(value: str) -> str:
    """"rbc.ru", "www.rbc.ru" and "RBC" compare equal; so do "reuters.com" and "Reuters"."""
    domain = _DOMAIN.match(value)
    name = domain.group(1).rsplit(".", 1)[0] if domain else value
    return re.sub(r"\W+", "", name).casefold()


def find_source(found: Scan, rules: tuple[Rule, ...], raw: RawDocument) -> Source:
    """Who first published the story, and whether this copy was taken from them."""
    site, site_rule = _site(found, raw)
    named, rule = outlet_name(found.publication), found.publication_rule
    if named is None:
        dateline = credit(found.kept, rules)
        named, rule = (outlet_name(dateline[0]), dateline[1]) if dateline else (None, None)
        if named is None or site is None:
            return Source(publication=named or site, repost=False, rule=rule or site_rule)
    if site is not None and _outlet_key(site) == _outlet_key(named):
        return Source(publication=named, repost=False, rule=rule)
    return Source(publication=named, repost=True, reposted_by=site, rule=rule)


def _site(found: Scan, raw: RawDocument) -> tuple[str | None, str | None]:
    """The site that printed this copy: page metadata, else the URL's host, else a copyright line."""
    if outlet_name(raw.site):
        return outlet_name(raw.site), "site-metadata"
    if raw.url and outlet_name(urlsplit(raw.url).netloc):
        return outlet_name(urlsplit(raw.url).netloc), "url"
    return outlet_name(found.site), ("copyright.holder" if found.site else None)
