"""Plain-text inputs: bytes -> str with encoding detection and mojibake repair.

UTF-8 (with or without BOM) is tried first. When it fails, charset-normalizer proposes
encodings and heron adds the single-byte ones news text really comes in (cp1251, koi8-r,
cp1252, latin-1); each candidate decoding is scored for how implausible its words look
(mixed Latin/Cyrillic words, "пРЕЗИДЕНТ"-style case flips, runs of accented letters, control
characters) and the least implausible wins. The case test is what tells cp1251 from koi8-r:
read in the wrong one of the two, Russian lower-case letters come out upper-case.

A .txt file is one article when it holds at most ``Limits.text_bytes`` (10 MB). A larger file is no
single news article (a dump, a book, a concatenated crawl), so it is streamed in parts of about
``PART_BYTES`` cut at paragraph breaks (else at a line break, a sentence end, a space), each
coded as its own document with origin ``file.txt#part-N``: memory stays bounded, nothing is
dropped, and no part is longer than the parser's limit of 1,000,000 characters. The encoding is chosen on the
file's head and held for the rest. Each cut depends only on the bytes from the part's start, so a
planning scan (:func:`part_ranges`) finds the cuts without decoding or holding the file, and a
worker reads one range of parts from its byte offset (:func:`read_part_range`) exactly as the
whole-file reader reads them.
"""
from __future__ import annotations

import os
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import count
from pathlib import Path
from typing import BinaryIO

from heron.config import DEFAULT_LIMITS, Limits
from heron.errors import InputError
from heron.types import RawDocument

PART_BYTES = 1_000_000  # a character takes at least a byte: never over spaCy's 1,000,000-character max_length
# tried in this order; on equal scores the earlier wins
SINGLE_BYTE = ("cp1252", "latin_1", "cp1251", "koi8_r")

_WORD = re.compile(r"[^\W\d_]+")
# punctuation and signs news text really uses; anything else (box drawing, rare symbols) is odd
_PUNCTUATION = set(string.punctuation) | set("«»“”‘’„‚—–…№€£¥§°·•©®™‰†×÷±½¼¾¹²³´¨¸¦¬¯µ¶¤¡¿ªº")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_ACCENTED_RUN = re.compile(r"[\u00c0-\u00ff]{3,}")
_EUROPEAN = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")
_MOJIBAKE_HINT = re.compile("[ÃÂâÐÑ][\u0080-\u00ff\u2010-\u203a\u20ac\u2122]")
_SENTENCE_END = re.compile(rb"[.!?][\"')\]]*[ \t]+")  # ASCII only: a cut there never splits a character


def decode_bytes(data: bytes, origin: str) -> str:
    """Decode one input's bytes, or raise InputError saying why it is not usable text."""
    if not data.strip():
        raise InputError(origin, "empty input")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _finish(_decode_strict(data, "utf-16", origin), origin)
    if b"\x00" in data:
        raise InputError(origin, "binary input (NUL bytes): not a text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _best_guess(data, origin)
    return _finish(text, origin)


def _decode_strict(data: bytes, encoding: str, origin: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(origin, f"cannot decode as {encoding}: {exc.reason}") from exc


def _best_guess(data: bytes, origin: str) -> str:
    """The least implausible decoding among charset-normalizer's guess and the single-byte set."""
    encoding = guess_encoding(data, origin)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:  # the guess held for the sample but not for the whole input
        raise InputError(origin, f"cannot decode as {encoding} past byte {exc.start}: {exc.reason}") from exc


def guess_encoding(data: bytes, origin: str) -> str:
    """The encoding whose decoding of the first 200 kB looks least garbled (not UTF-8)."""
    sample = data[:200_000]
    from charset_normalizer import from_bytes

    candidates = list(SINGLE_BYTE)
    best = from_bytes(sample).best()
    if best is not None and best.encoding not in candidates:
        candidates.append(best.encoding)
    scored = []
    for rank, encoding in enumerate(candidates):
        try:
            text = sample.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        scored.append((implausibility(text), rank, encoding))
    if not scored:
        raise InputError(origin, "cannot decode: not UTF-8 and no known encoding fits")
    score, _, encoding = min(scored)
    if score > 0.5:
        raise InputError(origin, f"cannot decode: not UTF-8 and the best guess ({encoding}) gives garbled text")
    return encoding


def implausibility(text: str) -> float:
    """How garbled a decoding looks: the share of words no correct decoding would contain, plus
    control characters and stray symbols (0.0 = all plausible)."""
    words = _WORD.findall(text)
    if not words:
        return 1.0
    bad = 0.0
    for word in words:
        if not _EUROPEAN.match(word):
            bad += 0.4  # heron reads European-language news; other scripts need strong evidence
            continue
        mixed = bool(_CYRILLIC.search(word)) and bool(_LATIN.search(word))
        if mixed or _ACCENTED_RUN.search(word) or _case_flip(word):
            bad += 1
    controls = len(_CONTROL.findall(text))
    odd = sum(1 for char in text if not (char.isalnum() or char.isspace() or char in _PUNCTUATION))
    return (bad + 3 * controls) / len(words) + 5 * odd / len(text)


def _case_flip(word: str) -> bool:
    """A lower-case letter followed by an upper-case one inside a word ("тПУУЙС")."""
    return any(a.islower() and b.isupper() for a, b in zip(word, word[1:]))


def _finish(text: str, origin: str) -> str:
    """Repair mojibake and refuse text that is mostly control characters."""
    text = repair_text(text)
    if not text.strip():
        raise InputError(origin, "empty input")
    controls = len(_CONTROL.findall(text))
    if controls > max(5, len(text) // 100):
        raise InputError(origin, f"binary input ({controls} control characters): not a text file")
    return text


def repair_text(text: str) -> str:
    """Undo double-decoded UTF-8 ("â€œ" for a curly quote) and similar damage with ftfy.

    Quotes, full-width forms and ligatures are left as they are: later stages read them.
    """
    if not _MOJIBAKE_HINT.search(text) and "&" not in text:
        return text
    import ftfy

    config = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False,
                                  fix_latin_ligatures=False, normalization=None,
                                  remove_control_chars=False, fix_line_breaks=False)
    return ftfy.fix_text(text, config)


def read_capped(stream: BinaryIO, origin: str, limit: int) -> bytes:
    """Read at most ``limit`` bytes; more is refused, never loaded."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(origin, f"larger than {limit / (1024 * 1024):g} MB, the limit for one article; "
                                 "split it, or give many articles as .jsonl (one per line)")
    return data


def read_text_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[RawDocument | InputError]:
    from heron.ingest.compressed import open_input

    with open_input(path) as stream:
        yield from read_text_stream(stream, str(path), limits)


def read_text_stream(stream: BinaryIO, origin: str,
                     limits: Limits = DEFAULT_LIMITS) -> Iterator[RawDocument | InputError]:
    """One document for an article-sized input; parts of a larger one, streamed."""
    head = stream.read(limits.text_bytes + 1)
    if len(head) <= limits.text_bytes:
        yield RawDocument(origin=origin, text=decode_bytes(head, origin))
        return
    yield from read_parts(stream, head, origin)


def read_parts(stream: BinaryIO, head: bytes, origin: str) -> Iterator[RawDocument | InputError]:
    """Documents of about PART_BYTES each, cut at paragraph breaks; a part that cannot be
    decoded is an InputError naming it, and the parts after it still come."""
    encoding = parts_encoding(head, origin)
    for number, chunk in enumerate(_paragraph_chunks(stream, head), start=1):
        if chunk.strip():
            yield _part(chunk, f"{origin}#part-{number}", encoding)


def parts_encoding(head: bytes, origin: str) -> str:
    """The encoding every part of a file over the one-article limit is decoded in, chosen on
    its head; InputError for a file that cannot be cut into parts (UTF-16, binary)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:PART_BYTES]:
        raise InputError(origin, "too large for one article and not single-byte or UTF-8 text; split it into articles")
    return _stream_encoding(head, origin)


def _part(chunk: bytes, origin: str, encoding: str) -> RawDocument | InputError:
    try:
        return RawDocument(origin=origin, text=_finish(_decode_strict(chunk, encoding, origin), origin))
    except InputError as exc:
        return exc


@dataclass(frozen=True)
class PartRange:
    """Consecutive parts of a .txt file over the one-article limit, as the planning scan cut them."""

    start: int  # byte where the range's first part starts
    ends: tuple[int, ...]  # byte after each of its parts (blank ones, which give no document, included)
    before: int  # parts before the range
    numbers: tuple[int, ...]  # the range's non-blank parts: its documents are ``file.txt#part-N``
    encoding: str  # chosen on the file's head, held for every part
    file_bytes: int  # the file's size when planned

    @property
    def end(self) -> int:
        return self.ends[-1]

    def origins(self, path: Path | str) -> tuple[str, ...]:
        return tuple(f"{path}#part-{number}" for number in self.numbers)


def part_ranges(path: Path, size: int, limits: Limits = DEFAULT_LIMITS) -> Iterator[PartRange]:
    """Ranges of ``size`` non-blank parts of a .txt file over the one-article limit, cut as
    :func:`read_parts` cuts them but neither decoded nor held (at most the head and two parts are
    in memory), so that workers can read ranges apart; none for an article-sized file. Raises
    InputError for a file that cannot be read in parts: the whole-file reader then says why."""
    with path.open("rb") as stream:
        file_bytes = _file_bytes(stream)
        head = stream.read(limits.text_bytes + 1)
        if len(head) <= limits.text_bytes:
            return
        encoding = parts_encoding(head, str(path))
        start = end = before = 0
        ends: list[int] = []
        numbers: list[int] = []
        for number, chunk in enumerate(_paragraph_chunks(stream, head), start=1):
            end += len(chunk)
            ends.append(end)
            if chunk.strip():
                numbers.append(number)
            if len(numbers) == size:
                yield PartRange(start, tuple(ends), before, tuple(numbers), encoding, file_bytes)
                start, before, ends, numbers = end, number, [], []
        if numbers:
            yield PartRange(start, tuple(ends), before, tuple(numbers), encoding, file_bytes)


def read_part_range(path: Path, planned: PartRange) -> Iterator[RawDocument | InputError]:
    """The documents of one planned range, as :func:`read_parts` gives them. A file that changed
    since it was planned gives an InputError for each planned part not read, never parts cut elsewhere."""
    with path.open("rb") as stream:
        now = _file_bytes(stream)
        if now != planned.file_bytes:
            yield from _changed(path, planned.numbers, f"it held {planned.file_bytes:,} bytes when its parts "
                                                       f"were planned and holds {now:,} now")
            return
        stream.seek(planned.start)
        offset, waiting = planned.start, list(planned.numbers)
        chunks = _paragraph_chunks(stream, b"")
        for number, end, chunk in zip(count(planned.before + 1), planned.ends, chunks):
            offset += len(chunk)
            if offset != end or bool(chunk.strip()) != (number in waiting):
                yield from _changed(path, waiting, f"its parts are no longer where they were when planned "
                                                   f"(part {number}, ending at byte {end:,})")
                return
            if waiting and number == waiting[0]:
                waiting.pop(0)
                yield _part(chunk, f"{path}#part-{number}", planned.encoding)
        if waiting:  # the file ended early
            yield from _changed(path, waiting, f"it ends before byte {planned.end:,}")


def _changed(path: Path, numbers, how: str) -> Iterator[InputError]:
    for number in numbers:
        yield InputError(f"{path}#part-{number}", f"the file changed while heron read it ({how}); "
                                                  "rerun to read it again")


def _file_bytes(stream: BinaryIO) -> int:
    return os.fstat(stream.fileno()).st_size


def _stream_encoding(head: bytes, origin: str) -> str:
    try:
        head[:PART_BYTES].decode("utf-8-sig")
        return "utf-8-sig"
    except UnicodeDecodeError as exc:
        if exc.start > PART_BYTES - 4:  # a character cut by the sample's end, not bad UTF-8
            return "utf-8-sig"
    return guess_encoding(head, origin)


def _paragraph_chunks(stream: BinaryIO, buffer: bytes) -> Iterator[bytes]:
    """Pieces of at most PART_BYTES ending at a blank line (else a line end, a sentence end, a space)."""
    while True:
        while len(buffer) < 2 * PART_BYTES and (more := stream.read(PART_BYTES)):
            buffer += more
        if len(buffer) <= PART_BYTES:
            if buffer:
                yield buffer
            return
        cut = _cut_point(buffer[:PART_BYTES])
        yield buffer[:cut]
        buffer = buffer[cut:]


def _cut_point(window: bytes) -> int:
    """The end of the last blank line in the window's second half, else of the last line break,
    sentence end or space there, else the window's end moved back off a split character."""
    half = len(window) // 2
    for separator in (b"\n\n", b"\r\n\r\n", b"\n"):
        at = window.rfind(separator)
        if at > half:
            return at + len(separator)
    ends = [m.end() for m in _SENTENCE_END.finditer(window, half + 1)]
    if ends:
        return ends[-1]
    at = window.rfind(b" ")
    if at > half:
        return at + 1
    cut = len(window)
    while cut > 0 and window[cut - 1] & 0xC0 == 0x80:  # never split a UTF-8 character
        cut -= 1
    return cut - 1 if cut and window[cut - 1] >= 0xC0 else len(window)
