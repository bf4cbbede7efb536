"""HTML main-text extraction scored on ../shared/eval/article-extraction (word-shingle F1).

heron's figures come from trafilatura plus the clean stage; trafilatura alone is scored in the
same run. Measured on all 181 pages: heron P 0.949 R 0.977 F1 0.963, trafilatura F1 0.960.
"""
import pytest

from conftest import load_script


def _scorer():
    return load_script("eval_extraction")


def test_shingle_scoring_follows_the_benchmark():
    scorer = _scorer()
    assert scorer.page_counts("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    tp, fp, fn = scorer.page_counts("one two three four five", "one two three four")
    assert (tp, fp, fn) == (0.5, 0.0, 0.5)  # gold shingles (1 2 3 4), (2 3 4 5); predicted only the first
    assert scorer.summarise([(1.0, 0.0, 0.0), (0.0, 0.0, 1.0)]) == {"precision": 1.0, "recall": 0.5, "f1": 2 / 3}


@pytest.mark.evaluation
def test_heron_extraction_beats_trafilatura(shared_dir):
    if not (shared_dir / "eval" / "article-extraction" / "ground-truth.json").is_file():
        pytest.skip("../shared/eval/article-extraction is absent")
    result = _scorer().evaluate()
    heron, baseline = result["heron"], result["trafilatura"]
    assert heron["pages"] == baseline["pages"] == 181
    assert heron["f1"] >= 0.955
    assert heron["precision"] >= 0.94 and heron["recall"] >= 0.97
    assert heron["f1"] >= baseline["f1"]
