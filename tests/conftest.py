"""Shared fixtures. Evaluation fixtures read ../shared and skip with a reason where it is absent."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as settings_profile

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"
CACHE_FOLDER = pytest.StashKey[str]()
VIOLENT = {"ASSAULT", "PROTEST", "COERCE"}  # the types whose false alarms the CASE 2021 figures count


def load_script(name: str):
    """A script of scripts/ imported as a module, once per session (registered under its name:
    dataclasses look their module up while it loads)."""
    import importlib.util

    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def event_types(article) -> set[str]:
    """Every event type coded in the article, negated or not, whatever its status."""
    return {e.event for e in article.events}


def counted_types(article) -> set[str]:
    """The types an event data set would count: not negated, with a counted status."""
    from heron.types import COUNTED_STATUSES

    return {e.event for e in article.events if not e.negated and e.status in COUNTED_STATUSES}


def pytest_configure(config) -> None:
    """Tests never read or write the user's knowledge cache: the session gets an empty folder of
    its own, named in the environment so the heron commands tests start use it too."""
    folder = tempfile.mkdtemp(prefix="heron-test-cache-")
    config.stash[CACHE_FOLDER] = folder
    os.environ["HERON_CACHE_DIR"] = folder
    os.environ.pop("HERON_NO_CACHE", None)


def pytest_unconfigure(config) -> None:
    shutil.rmtree(config.stash.get(CACHE_FOLDER, ""), ignore_errors=True)


@pytest.fixture(scope="session")
def cache_dir(pytestconfig) -> Path:
    """The session's knowledge cache folder (empty when the session starts)."""
    return Path(pytestconfig.stash[CACHE_FOLDER])


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "eval").is_dir():
        pytest.skip("../shared/eval is absent: evaluation data is read from the shared folder beside the repo")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared_dir: Path) -> Path:
    path = shared_dir / "seed" / "article.txt"
    if not path.is_file():
        pytest.skip("../shared/seed/article.txt is absent")
    return path


@pytest.fixture(scope="session")
def settings():
    from heron.config import Settings

    return Settings(default_date="2022-07-01")


@pytest.fixture(scope="session")
def pipeline(settings):
    from heron.pipeline import build_pipeline

    return build_pipeline(settings)


@pytest.fixture(scope="session")
def knowledge(pipeline):
    """The knowledge object the default pipeline was built with."""
    return pipeline.knowledge


@pytest.fixture(scope="session")
def nlp(knowledge):
    return knowledge.nlp


@pytest.fixture(scope="session")
def seed_article(seed_path: Path, pipeline):
    from heron.types import RawDocument

    raw = RawDocument(origin=str(seed_path), text=seed_path.read_text(encoding="utf-8"), published="2022-07-01")
    return pipeline.process(raw)


@pytest.fixture
def code_text(pipeline):
    """Code a short text written for a test; returns the Article."""
    from heron.types import RawDocument

    def run(text: str, published: str | None = "2022-07-01"):
        return pipeline.process(RawDocument(origin="<test>", text=text, published=published))

    return run


@pytest.fixture(scope="session")
def con_path(tmp_path_factory) -> str:
    """The path of a store written from the hand-built articles of store_articles."""
    from store_articles import build_store

    return str(build_store(tmp_path_factory.mktemp("store") / "corpus.duckdb"))


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    """A read-only connection to a store written from the hand-built articles of store_articles."""
    from heron.store import query
    from store_articles import build_store

    path = build_store(tmp_path_factory.mktemp("store") / "corpus.duckdb")
    connection = query.connect(path)
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def speech(settings):
    """Code a text with parse, actors and quotes only; returns the Article (quotes must not fail)."""
    from heron.pipeline import build_pipeline
    from heron.types import RawDocument

    pipe = build_pipeline(settings, ["parse", "actors", "quotes"])

    def run(text: str):
        article = pipe.process(RawDocument(origin="<test>", text=text))
        assert not [p for p in article.problems if p.stage == "quotes"], article.problems
        return article

    return run


@pytest.fixture(scope="session")
def timeline_db(tmp_path_factory) -> str:
    """A store of one-event articles over ten years with long empty stretches: two dyads
    (RUS->BLR often, USA->UKR rarely), places at every level, and one negated event."""
    from store_articles import build_store, dated_event

    items = [
        dated_event("2015-01-12", "CONSULT", "RUS", "BLR", "Minsk"),
        dated_event("2015-02-03", "AGREE", "RUS", "BLR"),
        dated_event("2015-02-03", "ACCUSE", "RUS", "BLR", negated=True),
        dated_event("2016-07-20", "MOBILIZE", "RUS", "BLR", "Kharkiv"),
        dated_event("2020-07-02", "COOPERATE", "RUS", "BLR", "Kyiv"),
        dated_event("2020-07-03", "CONSULT", "RUS", "BLR"),
        dated_event("2020-08-26", "ACCUSE", "RUS", "BLR", "Syria"),
        dated_event("2020-09-14", "MOBILIZE", "USA", "UKR", "Ohio"),
        dated_event("2024-11-30", "ACCUSE", "USA", "UKR", "Suva"),
    ]
    return str(build_store(tmp_path_factory.mktemp("timeline") / "timeline.duckdb", items))


@pytest.fixture(scope="session")
def status_db(tmp_path_factory) -> str:
    """A store of four RUS->BLR meetings on four days, one per event status."""
    from store_articles import build_store, dated_event
    from heron.types import EVENT_STATUSES

    items = []
    for day, status in zip(("2024-05-06", "2024-05-07", "2024-05-08", "2024-05-09"), EVENT_STATUSES):
        article = dated_event(day, "CONSULT", "RUS", "BLR")
        article.events[0].status = status
        items.append(article)
    return str(build_store(tmp_path_factory.mktemp("status") / "status.duckdb", items))


@pytest.fixture
def small_disk(tmp_path):
    """A real small disk for full-disk and read-only cases: ``run(size, script, *args)`` runs a
    Python script in a private mount namespace (unshare) where a tmpfs of ``size`` is mounted at
    the returned folder, given to the script as ``sys.argv[1]``; the mount vanishes with the
    script. Skips where mounting is not permitted (needs root and util-linux unshare)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    namespace = ["unshare", "--mount", "--propagation", "private"]
    if shutil.which("unshare") is None:
        pytest.skip("a real small disk needs util-linux `unshare`, which is not installed")
    probe = subprocess.run([*namespace, "mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)],
                           capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip(f"a real small disk needs a private tmpfs mount, not permitted here: {probe.stderr.strip()}")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT / "tests")])}

    def run(size: str, script: str, *args: str) -> subprocess.CompletedProcess:
        mount_then_run = 'mount -t tmpfs -o "size=$1" tmpfs "$2" && shift 2 && exec "$@"'
        return subprocess.run([*namespace, "sh", "-c", mount_then_run, "sh", size, str(disk), sys.executable,
                               "-c", script, str(disk), *args], capture_output=True, text=True, env=env, timeout=600)

    return disk, run


def fill_disk(folder: Path) -> Path:
    """Write zeros into ``folder``/filler until the disk is full; returns the filler's path."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as stream:
        try:
            while stream.write(bytes(65536)):
                pass
        except OSError:
            pass
    return filler


# Property-based tests: a moderate number of examples so `make test` stays quick; the "fuzz"
# profile (scripts/fuzz_readers.py) runs many more. No example database: runs leave no files.
settings_profile.register_profile("heron", max_examples=150, deadline=None, database=None,
                                  suppress_health_check=[HealthCheck.too_slow])
settings_profile.register_profile("fuzz", settings_profile.get_profile("heron"),
                                  max_examples=int(os.environ.get("HERON_FUZZ_EXAMPLES", "12500")))
settings_profile.load_profile(os.environ.get("HERON_HYPOTHESIS_PROFILE", "heron"))
