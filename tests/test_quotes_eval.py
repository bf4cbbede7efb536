"""Quotes and speakers scored on a sample of PolNeAR dev (../shared/eval/polnear), with floors
just under what heron measures there; the full run is scripts/eval_quotes.py."""
import pytest

from conftest import load_script

EVERY = 3  # every third dev article: about a third of the set, well under a minute


def _script():
    return load_script("eval_quotes")


@pytest.fixture(scope="module")
def scores(shared_dir):
    if not (shared_dir / "eval" / "polnear" / "dev").is_dir():
        pytest.skip("../shared/eval/polnear/dev is absent")
    return _script().evaluate("dev", every=EVERY)


@pytest.mark.evaluation
def test_direct_quotes_are_found(scores):
    direct = scores["direct"]
    assert direct["gold"] > 100
    assert direct["f1"] >= 0.88, direct
    assert direct["precision"] >= 0.85 and direct["recall"] >= 0.90, direct


@pytest.mark.evaluation
def test_direct_quote_speakers(scores):
    assert scores["direct"]["speaker_accuracy"] >= 0.86, scores["direct"]


@pytest.mark.evaluation
def test_reported_speech_and_its_speakers(scores):
    indirect = scores["indirect"]
    assert indirect["f1"] >= 0.50, indirect
    assert indirect["precision"] >= 0.75, indirect
    assert indirect["speaker_accuracy"] >= 0.80, indirect


def test_gold_direct_means_in_quotation_marks():
    module = _script()
    text = 'He said: "We will win." Then he said they would win.'
    assert module.is_direct(text, [(10, 22)])
    assert not module.is_direct(text, [(37, 52)])
    assert module.token_f1(module.bag(text, [(10, 22)]), module.bag(text, [(9, 23)])) == 1.0
