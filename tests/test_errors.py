"""The exception tree: every error pickles (worker processes send them back), every message is one
bounded, printable line."""
from __future__ import annotations

import inspect
import pickle

import pytest

from heron import errors
from heron.errors import InputError, one_line

ERROR_CLASSES = [cls for _, cls in inspect.getmembers(errors, inspect.isclass)
                 if issubclass(cls, BaseException) and cls.__module__ == errors.__name__]


def test_the_module_defines_the_error_tree():
    assert {cls.__name__ for cls in ERROR_CLASSES} >= {"HeronError", "InputError", "UsageError", "StoreError",
                                                        "DataFileError", "ModelNotFound"}


@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda cls: cls.__name__)
def test_every_error_round_trips_through_pickle(cls):
    names = [p for p in inspect.signature(cls.__init__).parameters if p != "self"]
    arguments = [f"value of {name} \x1b[31m" for name in names if name not in ("args", "kwargs")] or ["message"]
    error = cls(*arguments)
    error.note = "set after raising"  # state beyond the constructor's arguments survives too
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is cls
    assert (str(copy), copy.args, copy.__dict__) == (str(error), error.args, error.__dict__)
    assert copy.exit_code == error.exit_code


def test_input_error_keeps_origin_and_bounds_its_reason():
    error = InputError("feed.xml#item3", "date " + "x" * 1_000_000 + " is not a date\nsecond line")
    assert error.origin == "feed.xml#item3"
    assert len(str(error)) <= 16 + errors.MESSAGE_CHARS + 2 and "\n" not in str(error)
    assert str(error).startswith("feed.xml#item3: date xxx") and "[cut, " in error.reason


@pytest.mark.parametrize("raw, shown", [
    ("plain message", "plain message"),
    ("two\nlines\r\n", "two\\nlines\\r\\n"),
    ("tab\there", "tab\\there"),
    ("\x1b[2J\x1b]0;title\x07", "\\x1b[2J\\x1b]0;title\\x07"),
    ("bidi \u202eevil\u202c", "bidi \\u202eevil\\u202c"),
    ("line\u2028separator", "line\\u2028separator"),
    ("undecodable \udcff name", "undecodable \\udcff name"),
    ("C1 \x85 control", "C1 \\x85 control"),
    ("Минск, café, 東京 — «quoted»", "Минск, café, 東京 — «quoted»"),
])
def test_one_line_escapes_what_a_terminal_would_act_on(raw, shown):
    assert one_line(raw) == shown


@pytest.mark.parametrize("raw", ["a" * 10_000, "\x00" * 10_000, "ok " * 400 + "\n" * 100])
def test_one_line_is_bounded_and_stable(raw):
    once = one_line(raw, limit=200)
    assert len(once) <= 200 and once.isprintable()
    assert one_line(once, limit=200) == once  # formatting a formatted message changes nothing
