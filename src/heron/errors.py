"""One exception tree. Messages name the input and say what to do.

Every message heron prints or stores goes through ``one_line``: inputs are hostile (file names
with escape sequences, WARC headers of megabytes), so a message is one line, control characters
escaped, never longer than a screenful. Errors also cross process boundaries (worker processes
send them back), so every class here pickles, whatever its constructor takes.
"""
from __future__ import annotations

import unicodedata

MESSAGE_CHARS = 500  # one error message
ORIGIN_CHARS = 240  # the part of a message that names the input
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# categories never printed raw: controls, surrogates (undecodable file names), line and paragraph separators
_ESCAPED_CATEGORIES = {"Cc", "Cs", "Zl", "Zp"}
# format characters that reorder or hide text on a terminal (bidi overrides and isolates)
_BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def one_line(text: str, limit: int = MESSAGE_CHARS) -> str:
    """``text`` as one printable line of at most ``limit`` characters: control, separator and
    bidi characters are written as escapes, and the end of an over-long text is cut with a note."""
    if text.isprintable() and len(text) <= limit:
        return text
    out = []
    size = 0
    for char in text:
        if char in _SHORT_ESCAPES:
            piece = _SHORT_ESCAPES[char]
        elif char in _BIDI or unicodedata.category(char) in _ESCAPED_CATEGORIES:
            code = ord(char)
            piece = f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
        else:
            piece = char
        out.append(piece)
        size += len(piece)
        if size > limit:
            break
    escaped = "".join(out)
    if size <= limit:
        return escaped
    note = f"... [cut, {len(text)} characters]"
    return escaped[:max(0, limit - len(note))] + note


def _rebuild(cls: type, args: tuple, state: dict) -> BaseException:
    """Unpickle a heron error without calling its ``__init__`` (whose arguments differ by class)."""
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class HeronError(Exception):
    """Base of every error heron raises on purpose."""

    exit_code = 1

    def __reduce__(self):
        return _rebuild, (type(self), self.args, dict(self.__dict__))

    def detached(self) -> HeronError:
        """This error without traceback and chained exceptions: a plain value to send to another
        process (picklers that carry causes along, as Dask's do, cannot fail on a library's)."""
        self.__traceback__ = self.__cause__ = self.__context__ = None
        return self


class UsageError(HeronError):
    """The command was called wrongly (bad option value, missing file list)."""

    exit_code = 2


class InputError(HeronError):
    """One input could not be read: unreadable, empty, binary or undecodable.

    ``origin`` names the input as readers name it (the key under which the store records it);
    ``reason`` and the message are ``one_line``, so no input can put more than a line on stderr.
    """

    def __init__(self, origin: str, reason: str) -> None:
        self.origin = origin
        self.reason = one_line(reason)
        super().__init__(f"{one_line(origin, ORIGIN_CHARS)}: {self.reason}")


class OverBudget(HeronError):
    """One input used up its time budget (Settings.time_budget) in some stage."""


class ModelNotFound(HeronError):
    """No English spaCy model is installed."""


class DataFileError(HeronError):
    """A knowledge file (actors, lexicon, boilerplate) is malformed."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class StoreError(HeronError):
    """The DuckDB store could not be opened or written."""


class ForeignStore(StoreError):
    """``--db`` names a database that is not a heron store: heron neither reads it nor adds
    its tables to it. A usage error: the option names the wrong file."""

    exit_code = 2


class OutputError(HeronError):
    """An export could not be written (full disk, read-only folder); nothing partial is left."""
