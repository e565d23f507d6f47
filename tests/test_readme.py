"""The README's examples do what it says."""

import doctest
import re
import shlex
from pathlib import Path

import pytest

from docdiff.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(language):
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


def test_readme_has_the_quick_start_commands():
    assert "make test" in README and "make demo" in README


def test_library_examples(monkeypatch):
    monkeypatch.chdir(ROOT)
    blocks = _blocks("pycon")
    assert blocks
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    for number, block in enumerate(blocks):
        test = parser.get_doctest(block, {}, f"README-{number}", "README.md", 0)
        runner.run(test)
    assert runner.failures == 0


COMMANDS = [line[2:] for block in _blocks("console") for line in block.splitlines() if line.startswith("$ ")]


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_examples(command, monkeypatch, tmp_path, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")
    argv = shlex.split(command.split("#")[0])
    assert argv[0] == "docdiff"
    code = main(argv[1:])
    expected = 1 if "--check" in argv else 0
    assert code == expected, capsys.readouterr().err
