"""Unknown names are usage errors that name the closest valid one, never an empty listing."""
from __future__ import annotations

import pytest

from heron.cli import main


@pytest.mark.parametrize("args, message", [
    (["events", "--event", "ASSUALT"], "unknown event type for --event 'ASSUALT'; did you mean ASSAULT?"),
    (["events", "--event", "consutl"], "did you mean CONSULT?"),
    (["events", "--mode", "vist"], "unknown mode for --mode 'vist'; did you mean visit"),
    (["events", "--sector", "MLI"], "unknown sector for --sector 'MLI'; did you mean MIL?"),
    (["events", "--actor", "RUSS"], "unknown actor code for --actor 'RUSS'; did you mean RUS?"),
    (["events", "--recipient", "BLRR"], "did you mean BLR?"),
    (["events", "--country", "UKRA"], "unknown country code for --country 'UKRA'; did you mean UKR?"),
    (["dyad", "RUS", "BLRS"], "unknown actor code for RECIPIENT 'BLRS'; did you mean BLR?"),
    (["dyad", "RUS", "BLR", "--vs", "USAA", "UKR"], "did you mean USA?"),
    (["counts", "--event", "PROTST"], "did you mean PROTEST?"),
    (["events", "--since", "2022-08-01", "--until", "2022-07-01"], "is after --until"),
    (["counts", "--since", "2022-08-01", "--until", "2022-07-01"], "is after --until"),
    (["quotes", "--since", "2022-08-01", "--until", "2022-07-01"], "is after --until"),
])
def test_unknown_name_is_a_usage_error_with_a_suggestion(con_path, capsys, args, message):
    assert main([*args, "--db", con_path]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


@pytest.mark.parametrize("args", [["events", "--event", "assault"], ["events", "--mode", "VISIT"],
                                  ["events", "--sector", "mil"], ["events", "--actor", "usa"],
                                  ["events", "--actor", "IGO"], ["events", "--actor", "mnc"]])
def test_valid_names_in_any_case_are_accepted_even_with_no_matches(con_path, capsys, args):
    assert main([*args, "--db", con_path, "--format", "jsonl"]) == 0


def test_a_code_only_the_store_knows_is_valid(tmp_path, capsys):
    """Codes from a user's own actor dictionary are in the store, so they are valid filters."""
    from store_articles import build_store, dated_event

    db = str(build_store(tmp_path / "own.duckdb", [dated_event("2022-01-05", "CONSULT", "XKXA", "RUS")]))
    assert main(["events", "--db", db, "--actor", "XKXA", "--format", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1
