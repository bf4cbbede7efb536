"""When an event happened: date expressions in its clause, resolved against publication.

``resolve_date(article, words, start, end)`` finds the date expressions in ``article.text[start:end]``
(the language's date patterns and words, ``DateWords`` from its dates.yaml, with spaCy DATE entities deciding the ambiguous
bare years), picks the one that belongs to the event and resolves it against
``article.published``. The result is ``("YYYY-MM-DD" | "YYYY-MM" | "YYYY", date text)``, or
``(None, None)`` when the clause names no date (the store then falls back to publication).

Conventions (news usage; approximations are documented, never invented precision beyond them):
- "June 25", "25 June", "Jan. 5" without a year take the publication year; for a past-tense
  verb a date after publication moves to the previous year, for a future one a date more than
  a month before it to the next; for a present-tense verb the year nearest publication wins.
- "mid-June" -> the 15th ("2022-06-15"); "early June", "late June", "June", "June 2021" -> "2022-06".
- "yesterday" -> publication - 1 day, "last night" likewise; "today", "tonight", "this morning"
  -> publication.
- "on Monday" -> the most recent Monday on or before publication (wire stories name the weekday
  of events on the day they report); "last Monday" -> strictly before; future tense -> the next one.
- "last week" -> publication - 7 days; "earlier this week"/"this week" -> the Monday of the
  publication week; "last weekend"/"over the weekend" -> the most recent Saturday before it.
- "earlier this month" -> the publication month; "last month" -> the month before; "this year"
  -> the publication year; "last year" -> the year before; "in 2014" -> "2014".
- "three days ago" -> publication - 3 days; "two months ago" -> that month; "five years ago" -> that year.
- Expressions that do not date the event are skipped: "since 2014", "until June", "by 2030",
  "born in 1952", and years that spaCy does not read as dates ("2000 troops").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from heron.pipeline.index import entities
from heron.pipeline.words import DateWords
from heron.types import Article

# the one warning an article gets when relative dates cannot be placed in time
UNRESOLVED_DATES = ("relative dates such as 'last week' or 'on Monday' cannot be resolved: the input has no "
                    "publication date; pass --date YYYY-MM-DD (or give the input a date field)")

# a capitalised word right before a year makes it part of a name ("Global Terrorism Index 2025")
NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+$")


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a clause: absolute offsets into Article.text."""

    start: int
    end: int
    rule: str
    groups: dict[str, str | None]


def resolve_date(article: Article, words: DateWords, start: int, end: int,
                 anchor: int | None = None) -> tuple[str | None, str | None]:
    """The date of the event whose clause is ``article.text[start:end]``, with its text.

    ``anchor`` (optional) is the character offset of the event's trigger; the date attached to
    it, else the nearest, is chosen. Returns (None, None) when the clause names no date and
    (None, date text) when a date is named but cannot be resolved (no publication date).
    """
    mentions = find_dates(article, words, start, end)
    if not mentions:
        return None, None
    mention = _choose(article, mentions, start, anchor)
    text = _with_preposition(article.text, mention, words)
    published = _parse_published(article.published)
    value = normalise(mention, words, published, _tense(article, words, mention, start, end))
    return value, text


def find_dates(article: Article, words: DateWords, start: int, end: int) -> list[DateMention]:
    """Every date expression in the span that can date an event, in text order."""
    text = article.text
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    date_ents = _date_entities(article.doc, start, end)
    for rule, pattern in words.patterns:
        for match in pattern.finditer(text, start, end):
            s, e = match.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            before = text[max(0, s - 30):s]
            if rule == "year" and not (words.year_cue.search(before) or (_inside(s, e, date_ents) and not NAME_BEFORE.search(before))):
                continue
            if rule == "relative-period" and match.group("which").lower() == words.bare_period_word \
                    and words.units[match.group("unit").lower()] not in words.bare_period_units:
                continue  # "the week" alone dates nothing; "the weekend" does
            taken.append((s, e))
            if words.not_event_date.search(before):
                continue
            found.append(DateMention(s, e, rule, match.groupdict()))
    return sorted(found, key=lambda m: m.start)


def normalise(mention: DateMention, words: DateWords, published: date | None, tense: str = "past") -> str | None:
    """The ISO value of one date expression ("YYYY-MM-DD", "YYYY-MM" or "YYYY"), or None.

    ``tense`` of the event's verb ("past", "present" or "future") places yearless dates."""
    g = mention.groups
    if mention.rule == "iso":
        return _iso(int(g["year"]), int(g["month"]), int(g["day"]))
    if mention.rule in ("month-day", "day-month", "part-of-month"):
        return _month_day(mention, words, published, tense)
    if mention.rule == "month-year":
        return f"{int(g['year']):04d}-{words.month(g['month']):02d}"
    if mention.rule == "year":
        return g["year"]
    if published is None:
        return None
    if mention.rule == "month":
        return _bare_month(g, words, published, tense)
    if mention.rule == "weekday":
        return _weekday(g, words, published, tense == "future").isoformat()
    if mention.rule == "relative-day":
        return (published + timedelta(days=words.relative_days[g["word"].lower()])).isoformat()
    if mention.rule == "relative-period":
        return _relative_period(words.period_steps[g["which"].lower()], words.units[g["unit"].lower()], published)
    if mention.rule == "ago":
        return _ago(g, words, published)
    return None


def _month_day(mention: DateMention, words: DateWords, published: date | None, tense: str) -> str | None:
    g = mention.groups
    month = words.month(g["month"])
    part = (g.get("part") or "").lower()
    if part and words.month_parts[part] != "middle":
        day = None  # early/late June: the month is all we know
    else:
        day = 15 if part else int(g["day"])
    if g.get("year"):
        year = int(g["year"])
    elif published is None:
        return None
    else:
        year = _infer_year(published, month, day or 1, tense)
    if day is None:
        return f"{year:04d}-{month:02d}"
    return _iso(year, month, day)


def _infer_year(published: date, month: int, day: int, tense: str) -> int:
    """The year of a yearless date: past events lie before publication, future ones after it,
    and present-tense ones ("Gunmen attack hotel") nearest to it."""
    year = published.year
    try:
        candidate = date(year, month, day)
    except ValueError:
        return year
    if tense == "past":
        return year - 1 if candidate > published else year
    if tense == "future":
        return year + 1 if candidate < published - timedelta(days=31) else year
    return min((year - 1, year, year + 1), key=lambda y: abs((_safe_date(y, month, day) - published).days))


def _safe_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:  # 29 February in a common year
        return date(year, month, 28)


def _bare_month(g: dict[str, Any], words: DateWords, published: date, tense: str) -> str:
    month = words.month(g["month"])
    step = words.month_steps[g["which"].lower()]
    year = published.year
    if step == -1:
        year -= 1 if month >= published.month else 0
    elif step == 1:
        year += 1 if month <= published.month else 0
    elif tense == "future":
        year += 1 if month < published.month else 0
    elif step is None:
        year = _infer_year(published, month, 1 if tense == "past" else 15, tense)
    return f"{year:04d}-{month:02d}"


def _weekday(g: dict[str, Any], words: DateWords, published: date, future: bool) -> date:
    target = words.weekdays[g["weekday"].lower()]
    step = words.weekday_steps[g["which"].lower()] if g.get("which") else None
    back = (published.weekday() - target) % 7
    if step == 1 or (future and step != -1):
        return published + timedelta(days=(target - published.weekday()) % 7 or 7)
    if step == -1 and back == 0:
        back = 7
    return published - timedelta(days=back)


def _relative_period(step: int, unit: str, published: date) -> str:
    if unit == "weekend":
        back = (published.weekday() - 5) % 7 or 7
        if step == 1:
            return (published + timedelta(days=(5 - published.weekday()) % 7 or 7)).isoformat()
        return (published - timedelta(days=back)).isoformat()
    if unit == "week":
        if step:
            return (published + timedelta(days=7 * step)).isoformat()
        return (published - timedelta(days=published.weekday())).isoformat()
    if unit == "month":
        year, month = divmod(published.year * 12 + published.month - 1 + step, 12)
        return f"{year:04d}-{month + 1:02d}"
    return f"{published.year + step:04d}"


def _ago(g: dict[str, Any], words: DateWords, published: date) -> str:
    raw = g["number"].lower()
    count = int(raw) if raw.isdigit() else words.numbers[raw]
    unit = words.units[g["unit"].lower()]
    if unit in ("day", "week"):
        return (published - timedelta(days=count * (7 if unit == "week" else 1))).isoformat()
    if unit == "month":
        year, month = divmod(published.year * 12 + published.month - 1 - count, 12)
        return f"{year:04d}-{month + 1:02d}"
    return f"{published.year - count:04d}"


def _choose(article: Article, mentions: list[DateMention], start: int, anchor: int | None) -> DateMention:
    """The mention attached to the event trigger (or the clause's main verb), else the nearest."""
    doc = article.doc
    if doc is None:
        if anchor is None:
            return mentions[0]
        return min(mentions, key=lambda m: (abs(m.start - anchor), m.start))
    trigger = _token_at(doc, anchor if anchor is not None else start)
    if trigger is None:
        return mentions[0]
    verb = _governing_verb(doc, trigger.idx) if anchor is not None else trigger.sent.root
    verb = verb if verb is not None else trigger
    attached = [m for m in mentions if _governing_verb(doc, m.start) == verb]
    if attached:
        return attached[0]
    return min(mentions, key=lambda m: (abs(m.start - verb.idx), m.start))


def _tense(article: Article, words: DateWords, mention: DateMention, start: int, end: int) -> str:
    """"past", "present" or "future": the tense of the verb the date belongs to."""
    if _points_ahead(mention, words):
        return "future"
    doc = article.doc
    if doc is not None:
        verb = _governing_verb(doc, mention.start)
        if verb is not None:
            return _verb_tense(verb, words)
    future = words.future_cue.search(article.text, start, end) and not words.past_marker.search(article.text[start:end])
    return "future" if future else "past"


def _points_ahead(mention: DateMention, words: DateWords) -> bool:
    """ "next Monday", "next week", "tomorrow": the expression itself lies after publication."""
    which = (mention.groups.get("which") or "").lower()
    steps = {"weekday": words.weekday_steps, "month": words.month_steps}.get(mention.rule, words.period_steps)
    if which and (steps.get(which) or 0) > 0:
        return True
    return words.relative_days.get((mention.groups.get("word") or "").lower(), 0) > 0


def _verb_tense(verb: Any, words: DateWords) -> str:
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    # "is due/scheduled/set to visit ... on Monday": the infinitive hangs under the adjective
    planned = verb.dep_ == "xcomp" and verb.head.lower_ in words.plan_heads
    if auxes & words.future_auxiliaries or planned or verb.lemma_ in words.plan_verbs and auxes & words.present_auxiliaries:
        return "future"
    if verb.tag_ == "VBD" or auxes & words.past_auxiliaries:
        return "past"
    if verb.tag_ == "VBN" and not auxes:
        return "past"  # "talks held on June 25"
    return "present"


def _governing_verb(doc: Any, char: int) -> Any:
    token = _token_at(doc, char)
    while token is not None:
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "aux":
            return token
        if token.head.i == token.i:  # spaCy makes a new Token object per access: `is` never holds
            return token
        token = token.head
    return None


def _token_at(doc: Any, char: int | None) -> Any:
    if char is None:
        return None
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _date_entities(doc: Any, start: int, end: int) -> list[tuple[int, int]]:
    if doc is None:
        return []
    return [(s, e) for s, e, label, _, _ in entities(doc).overlapping(start, end) if label == "DATE"]


def _inside(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(ss <= s and e <= se for ss, se in spans)


def _with_preposition(text: str, mention: DateMention, words: DateWords) -> str:
    """The date text as the article has it, with a directly preceding "on"/"in" ("On June 25")."""
    pattern = words.preposition_before.get(words.prepositions.get(mention.rule, ""))
    before = pattern.search(text[max(0, mention.start - 4):mention.start]) if pattern else None
    start = mention.start - len(before.group(0)) if before else mention.start
    return text[start:mention.end]


def _parse_published(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
