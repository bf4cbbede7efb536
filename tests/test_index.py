"""The indexes answer exactly as the whole-article scans they replace (checked against them)."""
from hypothesis import given, settings, strategies as st

from heron.pipeline.index import Intervals, Lines, mentions, quotes
from heron.types import Actor, Article, Quote, Speaker

PAIRS = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 25)).map(lambda p: (p[0], p[0] + p[1])), max_size=25)


@settings(max_examples=300, deadline=None)
@given(PAIRS, st.integers(-2, 90), st.integers(0, 12))
def test_intervals_answer_as_a_scan(pairs, x, width):
    index = Intervals(pairs, list(range(len(pairs))))
    a, b = x, x + width
    assert index.holds(x) == any(s <= x < e for s, e in pairs)
    assert index.covers(a, b) == any(s <= a and b <= e for s, e in pairs)
    assert index.overlaps(a, b) == any(s < b and a < e for s, e in pairs)
    by_start = sorted(range(len(pairs)), key=lambda k: pairs[k][0])
    assert index.overlapping(a, b) == [k for k in by_start if pairs[k][0] < b and a < pairs[k][1]]
    assert index.at(x) == [k for k in by_start if pairs[k][0] <= x < pairs[k][1]]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\n ", max_size=30), st.integers(0, 32))
def test_line_bounds_are_rfind_and_find(text, at):
    at = min(at, len(text))
    lines = Lines.of(text)
    assert lines.start(at) == text.rfind("\n", 0, at) + 1
    assert lines.end(at) == text.find("\n", at)


def article_with(mention_lists: list[list[tuple[int, int]]], quote_spans: list[tuple[int, int, bool]]) -> Article:
    actors = [Actor(id=f"a{n}", name=f"actor {n}", mentions=list(spans)) for n, spans in enumerate(mention_lists, 1)]
    spoken = [Quote("", s, e, direct, None, Speaker("x", 0, 1) if direct else None) for s, e, direct in quote_spans]
    return Article(id="t", text="x" * 100, actors=actors, quotes=sorted(spoken, key=lambda q: q.start))


@settings(max_examples=200, deadline=None)
@given(st.lists(PAIRS, max_size=5), st.integers(0, 90), st.integers(1, 15))
def test_mentions_answer_as_a_scan(mention_lists, start, width):
    article = article_with(mention_lists, [])
    end = start + width
    found = mentions(article).overlapping(start, end)
    assert [(s, e) for s, e, _, _ in found] == [(s, e) for spans in mention_lists for s, e in spans if s < end and start < e]
    assert [a for _, _, a, _ in mentions(article).starting_in(start, end)] == [
        a for a, spans in enumerate(mention_lists) for s, _ in spans if start <= s < end]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 30), st.booleans()), max_size=12), st.integers(0, 95))
def test_quotes_holding_an_offset_come_first_to_last(spans, offset):
    article = article_with([], [(s, s + n, direct) for s, n, direct in spans])
    want = [q for q in article.quotes if q.direct and q.start <= offset < q.end]
    assert quotes(article, "direct", lambda q: q.direct).at(offset) == want


def test_an_index_follows_the_list_it_was_built_from(pipeline):
    from heron.types import RawDocument

    article = pipeline.process(RawDocument(origin="<t>", text="Putin met Lukashenko in Minsk. Putin said so."))
    before = mentions(article)
    assert mentions(article) is before  # kept on the Doc
    article.actors = article.actors[:1]
    assert mentions(article) is not before
    assert {a for _, _, a, _ in mentions(article).items} == {0}
