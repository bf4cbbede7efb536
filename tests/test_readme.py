"""The README is documentation users run: its commands exist and its Python example works."""
from __future__ import annotations

import re
import shutil

import pytest

from heron.cli import cli
from conftest import EXAMPLES, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_first_section_has_exactly_the_two_set_up_commands():
    setup = README.split("## Set up", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^(make \w+)", setup, re.M)
    assert commands == ["make demo", "make test"]


CODE_BLOCKS = "\n".join(re.findall(r"```[a-z]*\n(.*?)```", README, re.S))


@pytest.mark.parametrize("command", sorted(set(re.findall(r"^\s*(?:\$ )?heron (\w+)", CODE_BLOCKS, re.M))))
def test_every_documented_command_exists(command):
    assert command in cli.commands, f"README shows `heron {command}`, which the CLI does not have"


def test_every_cli_command_is_documented():
    for name in cli.commands:
        assert f"heron {name}" in README, f"`heron {name}` is not in the README"


def test_python_example_runs(tmp_path, monkeypatch):
    block = re.search(r"```python\n(.*?)```", README, re.S).group(1)
    shutil.copy(EXAMPLES / "minsk-moscow-energy.txt", tmp_path / "article.txt")
    monkeypatch.chdir(tmp_path)
    scope: dict = {}
    exec(compile(block, "README.md", "exec"), scope)
    record = scope["record"]
    assert record["events"] and record["published"] == "2022-07-01"
