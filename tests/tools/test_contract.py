"""The import contract checker finds what it promises, and the package keeps it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("contract", ROOT / "tools" / "contract.py")
assert _spec is not None and _spec.loader is not None
contract = importlib.util.module_from_spec(_spec)
sys.modules["contract"] = contract
_spec.loader.exec_module(contract)


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    package = tmp_path / "docdiff"
    for name, text in {"__init__.py": "", **files}.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return package


def _violations(tmp_path: Path, files: dict[str, str]) -> list[str]:
    return contract.check(_package(tmp_path, files))[0]


def test_the_package_keeps_the_contract() -> None:
    violations, _ = contract.check(ROOT / "docdiff")
    assert violations == []


def test_a_clean_layering_passes(tmp_path: Path) -> None:
    files = {
        "errors.py": "",
        "model.py": "from .errors import *\n",
        "segment/__init__.py": "from ..model import *\nfrom . import chunks\n",
        "segment/chunks.py": "from ..errors import *\n",
    }
    assert _violations(tmp_path, files) == []


def test_a_function_level_import_up_a_layer_is_found(tmp_path: Path) -> None:
    files = {
        "model.py": "def f():\n    from .segment import chunks\n",
        "segment/__init__.py": "",
        "segment/chunks.py": "",
    }
    got = _violations(tmp_path, files)
    assert got == ["docdiff/model.py:2: docdiff.model imports docdiff.segment.chunks, a higher layer"]


def test_a_type_checking_import_between_siblings_is_found(tmp_path: Path) -> None:
    files = {
        "read/__init__.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..segment import x\n",
        "segment/__init__.py": "x = 1\n",
    }
    got = _violations(tmp_path, files)
    assert got == ["docdiff/read/__init__.py:3: docdiff.read imports its sibling docdiff.segment"]


def test_a_cycle_inside_one_component_is_found(tmp_path: Path) -> None:
    files = {
        "corpus/__init__.py": "from .a import x\n",
        "corpus/a.py": "def f():\n    from . import y\nx = 1\n",
    }
    got = _violations(tmp_path, files)
    assert got == ["cycle: docdiff.corpus <-> docdiff.corpus.a"]


def test_third_party_owners_are_enforced(tmp_path: Path) -> None:
    files = {
        "text/__init__.py": "",
        "text/inline.py": "import diff_match_patch\n",
        "text/tokens.py": "from diff_match_patch import diff_match_patch\n",
        "read/__init__.py": "from lxml import etree\n",
        "model.py": "import lxml.html\n",
    }
    got = _violations(tmp_path, files)
    assert got == [
        "docdiff/model.py:1: docdiff.model imports lxml (only docdiff.read, docdiff.render may)",
        "docdiff/text/tokens.py:1: docdiff.text.tokens imports diff_match_patch (only docdiff.text.inline may)",
    ]


def test_renderers_never_compute(tmp_path: Path) -> None:
    files = {
        "render/__init__.py": "",
        "render/x.py": "from ..corpus.types import T\nfrom ..corpus.rank import rank\n",
        "corpus/__init__.py": "",
        "corpus/types.py": "T = 1\n",
        "corpus/rank.py": "def rank(): ...\n",
    }
    got = _violations(tmp_path, files)
    assert got == ["docdiff/render/x.py:2: renderer docdiff.render.x imports the engine docdiff.corpus.rank"]


@pytest.mark.parametrize(
    ("code", "what"),
    [
        ("import os\nx = os.environ\n", "os.environ"),
        ("import os\nx = os.getenv('A')\n", "os.getenv"),
        ("import sys\nsys.stdout.write('x')\n", "sys.stdout"),
        ("from sys import argv\n", "sys.argv"),
        ("print('x')\n", "print()"),
    ],
)
def test_only_the_cli_meets_the_process(tmp_path: Path, code: str, what: str) -> None:
    got = _violations(tmp_path, {"model.py": code, "cli.py": code})
    assert len(got) == 1
    assert got[0].startswith("docdiff/model.py:") and what in got[0]


def test_a_module_in_no_layer_is_reported(tmp_path: Path) -> None:
    got = _violations(tmp_path, {"stray.py": "from .errors import E\n", "errors.py": "E = 1\n"})
    assert got == ["docdiff/stray.py:1: docdiff.stray is in no layer of tools/contract.py"]
