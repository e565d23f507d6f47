"""docdiff.render.formulas: the report of `docdiff formulas`."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import jsonschema
import pytest

from docdiff import load, loads
from docdiff.cli import main
from docdiff.errors import OptionsError
from docdiff.model import Document
from docdiff.phrases.formulas import formula_lexicon
from docdiff.phrases.report import formula_report, formula_table
from docdiff.pipeline import load_many
from docdiff.render import render
from docdiff.render.formulas import WIDTH, formula_table_to_dict, shorten
from docdiff.render.jsonout import FORMULAS_SCHEMA, schema


def render_formula_table(documents: Sequence[Document], fmt: str) -> str:
    return render(formula_report(documents), fmt)

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
AZ = str(SEEDS / "az-cn-2025-04.ru.txt")
AZ_REVISED = str(SEEDS / "az-cn-2025-04-revised.ru.txt")
# Files, not the folder: a lone folder is a corpus and gets the variant table.
SEED_FILES = sorted(str(p) for p in SEEDS.glob("*.txt"))
RELATIVE_SEED_FILES = sorted(f"seeds/{p.name}" for p in SEEDS.glob("*.txt"))
CORPUS = os.environ.get("DOCDIFF_CORPUS")


def cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(args) == 0
    captured = capsys.readouterr()
    assert captured.err == ""  # no statement skipped
    return captured.out


def validate(data: dict[str, object]) -> None:
    jsonschema.Draft202012Validator.check_schema(schema("formulas"))
    jsonschema.validate(data, schema("formulas"))


def test_cli_json_on_the_seeds_folder(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(cli(["formulas", *SEED_FILES, "--format", "json"], capsys))
    validate(data)
    assert data["schema"] == FORMULAS_SCHEMA
    documents = [load(d["path"]) for d in data["documents"]]
    assert [d["path"] for d in data["documents"]] == sorted(d["path"] for d in data["documents"])
    order = [f.id for f in formula_lexicon()]
    ids = [f["id"] for f in data["formulas"]]
    assert ids == sorted(ids, key=order.index) and len(ids) == len(set(ids))
    for formula in data["formulas"]:
        keys = [(u["document"], u["start"]) for u in formula["uses"]]
        assert keys == sorted(keys)
        for use in formula["uses"]:
            source = documents[use["document"]].source
            assert source[use["start"] : use["end"]] == use["text"]
    one_china = next(f for f in data["formulas"] if f["id"] == "one-china")
    assert one_china["name"] == "One-China principle"
    assert {data["documents"][u["document"]]["path"] for u in one_china["uses"]} >= {AZ, AZ_REVISED}


def test_cli_text_on_the_seeds_folder(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    text = cli(["formulas", *RELATIVE_SEED_FILES], capsys)
    assert re.match(r"docdiff formulas: \d+ statement\(s\), \d+ formula\(s\) found\n", text)
    assert "\none-china — One-China principle (" in text
    lines = text.splitlines()
    block = lines[lines.index(next(line for line in lines if line.startswith("one-china — "))) + 1 :]
    block = block[: block.index("")]
    assert any(
        line.startswith("  seeds/az-cn-2025-04.ru.txt ") and "[1] только один Китай" in line for line in block
    )
    assert all(line.startswith("  ") for line in block)


def test_text_lines_are_shortened() -> None:
    documents = (load(AZ), load(AZ_REVISED))
    text = render_formula_table(documents, "text")
    name_width = max(len(AZ), len(AZ_REVISED))
    for line in text.splitlines():
        if line.startswith("  "):
            assert len(line) <= 2 + name_width + 2 + WIDTH + len("; … (+99 more)")
    assert "; … (+1 more)" in text  # one-china has four wordings in clause 1


def test_text_lists_statements_without_formulas() -> None:
    quiet = loads("Statement\n\n1. Apples grow on trees.\n", path="quiet.txt")
    text = render_formula_table((load(AZ), quiet), "text")
    assert text.endswith("\nNo lexicon formula in:\n  quiet.txt\n")
    assert "(1 of 2)" in text


def test_nothing_at_all() -> None:
    assert render_formula_table((), "text") == "docdiff formulas: 0 statement(s), 0 formula(s) found\n"
    data = json.loads(render_formula_table((), "json"))
    validate(data)
    assert data == {"schema": FORMULAS_SCHEMA, "documents": [], "formulas": []}


def test_documents_are_named_by_path_then_title() -> None:
    titled = loads("Joint Statement on Energy Security\n\n1. We support energy security.\n")
    text = render_formula_table((titled,), "text")
    assert "Joint Statement on Energy Security" in text.splitlines()[3]
    data = formula_table_to_dict(formula_report((titled,)))
    assert data["documents"][0]["path"] is None
    assert data["documents"][0]["title"] == "Joint Statement on Energy Security"
    validate(data)


def test_languages_mix() -> None:
    documents = [load(str(SEEDS / name)) for name in ("constructed-en-mfa.en.txt", "az-cn-2025-04.ru.txt")]
    documents.append(loads("中华人民共和国和某国联合声明\n\n一、双方重申坚持一个中国原则。\n"))
    rows = {row.id: row for row in formula_table(documents)}
    assert sorted({u.document for u in rows["one-china"].uses}) == [0, 1, 2]
    data = formula_table_to_dict(formula_report(documents))
    validate(data)
    assert [d["language"] for d in data["documents"]] == ["en", "ru", "zh"]


def test_control_characters_are_escaped_in_text() -> None:
    document = loads("Statement\n\n1. We support energy security.\n", path="evil\x1b]0;title\x07.txt")
    text = render_formula_table((document,), "text")
    assert "\x1b" not in text and "\x07" not in text
    assert "evil\\x1b]0;title\\x07.txt" in text
    # JSON keeps the path as is (escaped by json.dumps).
    assert json.loads(render_formula_table((document,), "json"))["documents"][0]["path"] == document.path


def test_unknown_format() -> None:
    with pytest.raises(OptionsError, match="choose one of: json, text"):
        render_formula_table((), "html")


def test_shorten() -> None:
    assert shorten("short  text\nhere") == "short text here"
    long = "word " * 100
    cut = shorten(long, 40)
    assert len(cut) <= 40 and cut.endswith("…") and not cut.endswith(" …")
    assert shorten("x" * 50, 10) == "x" * 9 + "…"


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_same_bytes_across_processes(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    here = cli(["formulas", *SEED_FILES, "--format", fmt], capsys)
    env = {**os.environ, "PYTHONHASHSEED": "4242"}
    args = [sys.executable, "-m", "docdiff", "formulas", *SEED_FILES, "--format", fmt]
    done = subprocess.run(args, capture_output=True, env=env, cwd=ROOT, check=True)
    assert done.stdout.decode("utf-8") == here


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS, reason="set DOCDIFF_CORPUS to the corpus folder to check real statements")
def test_real_statements() -> None:
    loaded = load_many([str(Path(str(CORPUS)) / lang) for lang in ("ru", "en", "zh")])
    data = formula_table_to_dict(formula_report(loaded.documents))
    validate(data)
    assert data["formulas"]
    for formula in data["formulas"]:
        for use in formula["uses"]:
            source = loaded.documents[use["document"]].source
            assert source[use["start"] : use["end"]] == use["text"]
    assert render_formula_table(loaded.documents, "text").count("\n") > len(data["formulas"])
