"""Properties of the whole pipeline over generated inputs: whatever text or markup comes in,
``heron.code`` returns a record that validates against ``heron schema`` (or raises heron's own
InputError), every offset lies inside ``text``, no stage fails, and the coded text is the
input's own words in order. Examples stay few and short: each one runs the spaCy model."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings, strategies as st

from heron.errors import HeronError, InputError
from heron.pipeline.text.clean import normalise_line
from heron.schema import validate_record

# Newsy pieces, so that the generated text reaches actors, quotes, dates and events.
WORDS = ["Putin", "Lukashenko", "Russia", "Belarus", "Minsk", "Moscow", "NATO", "the", "president", "said",
         "told", "reporters", "troops", "attacked", "protesters", "police", "arrested", "on", "Monday", "June",
         "25", "2022", "he", "she", "they", "we", "will", "not", "sanctions", "talks", "in", "according", "to",
         "Mr.", "Ukraine", "agreed", "condemned", "called", "for", "a", "ceasefire", "killed", "20", "people"]
MARKS = [".", ",", ":", "!", "?", "\"", "“", "”", "«", "»", "'", "—", "-", "(", ")", "\n", "\n\n", "\t", " ", ""]
NEWSY = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKS), st.text(max_size=3)), max_size=80).map(
    lambda parts: " ".join(parts))
TEXT = st.one_of(NEWSY, st.text(max_size=200))
TAGS = ["<p>", "</p>", "<div>", "</div>", "<br>", "<script>x=1</script>", "<title>", "</title>", "&amp;", "&#0;",
        "&#x1F600;", "<!--", "-->", "<![CDATA[", "]]>", "<", ">", "<a href='x'>", "</a>", "<html>", "<body>"]
MARKUP = st.lists(st.one_of(st.sampled_from(TAGS), NEWSY), max_size=30).map("".join)
CRASH = re.compile(r"[A-Z]\w*: ")  # how a stage's unexpected exception is recorded ("KeyError: 3")
EXAMPLES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_record(article) -> None:
    record = article.to_dict()
    validate_record(record)
    text = article.text
    assert not [p for p in article.problems if CRASH.match(p.message)], article.problems

    def inside(start, end):
        assert start is not None and end is not None and 0 <= start <= end <= len(text), (start, end)

    for actor in article.actors:
        for start, end in actor.mentions:
            inside(start, end)
    for quote in article.quotes:
        inside(quote.start, quote.end)
        assert text[quote.start:quote.end] == quote.text
        if quote.speaker is not None:
            inside(quote.speaker.start, quote.speaker.end)
            assert text[quote.speaker.start:quote.speaker.end] == quote.speaker.text
    for event in article.events:
        inside(event.start, event.end)
        assert text[event.start:event.end] == event.text
        for part in event.actor + event.recipient:
            if part.start is not None:
                inside(part.start, part.end)


def is_subsequence(words: list[str], within: list[str]) -> bool:
    stream = iter(within)
    return all(word in stream for word in words)


@EXAMPLES
@given(TEXT)
def test_any_text_codes_to_a_valid_record_of_its_own_words(text):
    from heron import code

    try:
        article = code(text, "2022-07-01")
    except InputError as exc:  # refused (nothing left after cleaning) with heron's own one-line error
        assert str(exc).startswith("<text>: ") and "\n" not in str(exc)
        return
    check_record(article)
    assert is_subsequence(article.text.split(), normalise_line(text).split())  # kept words, in input order
    for paragraph in article.text.split("\n\n"):
        assert paragraph.strip() and is_subsequence(paragraph.split(), normalise_line(text).split())


@EXAMPLES
@given(MARKUP)
def test_any_markup_codes_to_a_valid_record_or_a_clear_error(tmp_path_factory, markup):
    from heron.api import code_file

    path = tmp_path_factory.mktemp("markup") / "page.html"
    path.write_text(markup, encoding="utf-8", errors="surrogatepass")
    try:
        articles = code_file(path)
    except HeronError as exc:
        assert str(exc).startswith(str(path)) and "\n" not in str(exc)
        return
    for article in articles:
        check_record(article)
