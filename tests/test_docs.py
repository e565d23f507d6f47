"""The docs cover every CLI command and option and every public name."""

import argparse
import inspect
import re
from pathlib import Path

import docdiff
from docdiff.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
CLI_DOC = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
API_DOC = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("no subcommands")


def test_every_command_is_documented():
    for name in _subcommands(build_parser()):
        assert f"## `docdiff {name}" in CLI_DOC, f"docs/cli.md has no section for `docdiff {name}`"


def test_every_option_and_choice_is_documented():
    missing = []
    for name, sub in _subcommands(build_parser()).items():
        for action in sub._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            for option in action.option_strings:
                if f"`{option}" not in CLI_DOC:
                    missing.append(f"{name} {option}")
            if action.option_strings == ["--format"]:
                for choice in action.choices or ():
                    if f"--format {choice}" not in CLI_DOC:
                        missing.append(f"{name} --format {choice}")
            positional = not action.option_strings and action.dest != "command"
            if positional and f"`{action.metavar}" not in CLI_DOC:
                missing.append(f"{name} {action.metavar}")
    assert not missing, f"undocumented in docs/cli.md: {missing}"


def test_every_public_name_has_a_docstring_and_is_in_the_api_doc():
    for name in docdiff.__all__:
        value = getattr(docdiff, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            assert inspect.getdoc(value), f"docdiff.{name} has no docstring"
        assert f"`{name}" in API_DOC, f"docs/api.md does not mention {name}"


def test_public_names_are_sorted():
    assert list(docdiff.__all__) == sorted(docdiff.__all__)


def test_the_version_has_one_source():
    import tomllib
    from importlib import metadata

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert docdiff.__version__ == metadata.version("docdiff") == declared
    assert declared not in (ROOT / "docdiff" / "__init__.py").read_text(encoding="utf-8")
    assert declared not in (ROOT / "docdiff" / "cli.py").read_text(encoding="utf-8")


def test_every_test_the_docs_cite_exists():
    cited = set()
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = page.read_text(encoding="utf-8")
        cited |= {(page.name, m[0], m[1]) for m in re.findall(r"(tests/[\w/]+\.py)(?:::(\w+))?", text)}
    missing = []
    for page, path, name in sorted(cited):
        file = ROOT / path
        if not file.exists():
            missing.append(f"{page}: {path}")
        elif name and f"def {name}(" not in file.read_text(encoding="utf-8"):
            missing.append(f"{page}: {path}::{name}")
    assert not missing
