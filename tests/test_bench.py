"""`heron bench`: a pytest-benchmark of coding the bundled examples (no timing assertions) and
the shape of the benchmark's JSON."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from heron import bench
from heron.errors import UsageError

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

FIELDS = {"corpus", "articles", "words", "workers", "spacy_seconds", "heron_seconds", "spacy_articles_per_s",
          "heron_articles_per_s", "spacy_words_per_s", "heron_words_per_s", "ratio", "peak_rss_mb_per_worker",
          "main_peak_rss_mb", "repeat", "events", "problems", "failed_inputs", "stage_sample", "stages",
          "single_process_ratio"}


@pytest.fixture(scope="module")
def example_docs():
    docs, failed = bench.load_documents([str(EXAMPLES)], limit=4, repeat=False)
    assert not failed
    return docs


def test_benchmark_coding_the_examples(benchmark, pipeline, example_docs):
    articles = benchmark.pedantic(pipeline.code_batch, args=(example_docs,), rounds=3, iterations=1,
                                    warmup_rounds=1)
    assert len(articles) == len(example_docs)
    assert all(a.text for a in articles)


def test_load_documents_repeats_a_short_corpus():
    every, _ = bench.load_documents([str(EXAMPLES)], limit=1000, repeat=False)
    docs, _ = bench.load_documents([str(EXAMPLES)], limit=len(every) * 2 + 1, repeat=True)
    assert len(docs) == len(every) * 2 + 1
    assert docs[len(every)].origin == docs[0].origin == every[0].origin


def test_load_documents_reports_unreadable_inputs(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "story.txt").write_text("Officials in Minsk said talks would resume on Monday.\n")
    docs, failed = bench.load_documents([str(tmp_path)], limit=10, repeat=False)
    assert len(docs) == 1
    assert len(failed) == 1 and "empty.txt" in failed[0]


def test_nothing_readable_is_a_usage_error(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(UsageError, match="no readable documents"):
        bench.load_documents([str(tmp_path)], limit=3, repeat=False)


def test_peak_rss_is_read_from_proc():
    assert bench.peak_rss_mb() > 10


def test_bench_json_has_every_field(capsys):
    from heron.cli import main

    assert main(["bench", str(EXAMPLES), "--limit", "4", "--workers", "2", "--sample", "2", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert FIELDS <= set(result)
    assert result["workers"] == 2 and result["articles"] == 4
    assert result["ratio"] > 0 and result["words"] > 0
    assert 1 <= len(result["peak_rss_mb_per_worker"]) <= 2
    assert all(mb > 0 for mb in result["peak_rss_mb_per_worker"])
    stages = [s["stage"] for s in result["stages"]]
    assert stages[0] == "clean" and "parse" in stages and stages[-1] == "minhash"
    assert sum(s["share"] for s in result["stages"]) == pytest.approx(1.0, abs=0.01)
    assert 0 < result["single_process_ratio"] < 1


def test_bench_rejects_zero_workers():
    from heron.config import Settings

    with pytest.raises(UsageError):
        bench.run_bench([str(EXAMPLES)], Settings(), workers=0)


@pytest.mark.evaluation
def test_polnear_workers_stay_under_700mb(shared_dir):
    """The issue's memory bound, on a sample of the PolNeAR texts (memory, not time, is asserted).

    Run as a user runs it, in a process of its own: workers forked from this test process would
    count the memory the rest of the suite left in it."""
    import subprocess
    import sys

    texts = sorted((shared_dir / "eval" / "polnear" / "dev" / "text").glob("*.txt"))[:12]
    if not texts:
        pytest.skip("no PolNeAR texts in ../shared/eval/polnear/dev/text")
    heron = Path(sys.executable).with_name("heron")
    done = subprocess.run([str(heron), "bench", *map(str, texts), "--workers", "2", "--limit", "12", "--json"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["articles"] == 12 and result["events"] > 0
    assert max(result["peak_rss_mb_per_worker"]) < 700
