"""Quotation marks: find the spans of directly quoted words in plain text.

Pure string work, no parse. Handles straight "...", curly “...”, «guillemets», „low-high“,
the mixed pairs machine translation leaves (“ ... »), nested quotes of another kind, and
quotes spanning paragraphs (news convention: an unclosed quote at a paragraph's end continues
when the next paragraph opens again).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_MARKS = "\"“”«»„‟"
NATURAL_OPEN = "“«„‟"
NATURAL_CLOSE = "”»"
# what may stand right before an opening mark / right after a closing one
BEFORE_OPEN = set(" \t\n([{—–-:;/")
AFTER_CLOSE = set(" \t\n)]}.,;:!?—–-/…")
TRAILING_TRIM = " \t\n,;:—–-"
WORD = re.compile(r"\w+(?:['’]\w+)*")
_MARK = re.compile(f"[{DOUBLE_MARKS}]")
_INDENT = re.compile(r"[ \t]*")


@dataclass
class QuoteSpan:
    """One stretch of quoted words: ``start``/``end`` bound the words inside the marks."""

    start: int
    end: int
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark; None when it runs on to the next paragraph
    continues: bool = False  # True when it reopens a quote left open by the previous paragraph

    @property
    def outer_end(self) -> int:
        return self.close_at + 1 if self.close_at is not None else self.end

    def words(self, text: str) -> int:
        return len(WORD.findall(text[self.start:self.end]))


def mark_role(text: str, i: int) -> str | None:
    """'open', 'close' or None for the quotation mark at ``text[i]``, judged by its neighbours."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    can_open = (before in BEFORE_OPEN or before in DOUBLE_MARKS) and not after.isspace()
    can_close = (after in AFTER_CLOSE or after in DOUBLE_MARKS) and not before.isspace()
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    if text[i] in NATURAL_OPEN:
        return "open"
    if text[i] in NATURAL_CLOSE:
        return "close"
    return None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in TRAILING_TRIM:
        end -= 1
    return start, end


def _paragraphs(text: str):
    offset = 0
    for line in text.split("\n"):
        yield offset, offset + len(line)
        offset += len(line) + 1


def _next_opens(text: str, start: int) -> bool:
    """True when the paragraph from ``start`` begins with an opening mark."""
    pos = _INDENT.match(text, start).end()
    return pos < len(text) and text[pos] in DOUBLE_MARKS and mark_role(text, pos) == "open"


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """All quoted stretches in ``text``, in order; unbalanced marks are left out."""
    spans: list[QuoteSpan] = []
    paragraphs = [p for p in _paragraphs(text) if text[p[0]:p[1]].strip()]
    carried = False  # the previous paragraph ended inside an open quote
    for n, (p_start, p_end) in enumerate(paragraphs):
        found, left_open = _scan_paragraph(text, p_start, p_end)
        next_opens = n + 1 < len(paragraphs) and _next_opens(text, paragraphs[n + 1][0])
        was_carried, carried = carried, False
        if found and was_carried and found[0].open_at - p_start <= 1:
            found[0].continues = True
        spans.extend(found)
        if left_open is not None and next_opens:
            start, end = _trimmed(text, left_open + 1, p_end)
            if end > start:
                reopened = was_carried and not found and left_open - p_start <= 1
                spans.append(QuoteSpan(start, end, left_open, None, continues=reopened))
                carried = True
    return spans


def _scan_paragraph(text: str, p_start: int, p_end: int) -> tuple[list[QuoteSpan], int | None]:
    """Pair marks inside one paragraph; returns the spans and the offset of a mark left open."""
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    nested: list[str] = []
    for mark in _MARK.finditer(text, p_start, p_end):
        i, ch = mark.start(), mark.group()
        role = mark_role(text, i)
        if open_at is None:
            if role == "open":
                open_at, nested = i, []
            continue
        if role == "open" and ch != text[open_at]:
            nested.append(ch)  # a quote inside the quote, in another kind of mark
        elif role == "open" and ch == text[open_at]:
            open_at, nested = i, []  # the earlier mark was never closed; start again here
        elif role == "close" and nested:
            nested.pop()
        elif role == "close":
            start, end = _trimmed(text, open_at + 1, i)
            if end > start:
                spans.append(QuoteSpan(start, end, open_at, i))
            open_at = None
    return spans, open_at
