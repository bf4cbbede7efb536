import pytest

from heron.pipeline.quotes.marks import find_quote_spans, mark_role


def quoted(text: str) -> list[str]:
    return [text[s.start:s.end] for s in find_quote_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ('The mayor said: "Work starts in May."', ["Work starts in May."]),
    ("“We will appeal the ruling,” the lawyer said.", ["We will appeal the ruling"]),
    ("«Talks will resume next week», the envoy said.", ["Talks will resume next week"]),
    # machine translation leaves mixed pairs
    ("“Pressure from abroad is pushing us closer together»,— he said.", ["Pressure from abroad is pushing us closer together"]),
    ("„Wir sind bereit“, sagte er.", ["Wir sind bereit"]),
    # a quote inside the quote, in other marks, stays part of it
    ('"The sign read “closed for repairs” all week," she said.', ["The sign read “closed for repairs” all week"]),
    ("No quotation marks at all here.", []),
    ("The minister's plan and the workers' union.", []),
])
def test_quote_spans(text, expected):
    assert quoted(text) == expected


def test_quote_running_over_paragraphs_is_continued():
    text = '"The first part of the statement.\n\n"The second part," the spokesman said.'
    spans = find_quote_spans(text)
    assert [text[s.start:s.end] for s in spans] == ["The first part of the statement.", "The second part"]
    assert spans[0].close_at is None and not spans[0].continues
    assert spans[1].continues and spans[1].close_at is not None


def test_unclosed_quote_without_continuation_is_left_out():
    text = 'The report called it "a turning point\n\nOfficials declined to comment.'
    assert quoted(text) == []


@pytest.mark.parametrize("text, at, role", [
    ('say "yes', 4, "open"),
    ('said "yes" to', 9, "close"),
    ("“word", 0, "open"),
    ("word»", 4, "close"),
])
def test_mark_role(text, at, role):
    assert mark_role(text, at) == role
