"""The CLI is glue: exit codes, one-line errors, formats, no tracebacks."""

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from docdiff.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "az-cn-2025-04.ru.txt"
REVISED = ROOT / "seeds" / "az-cn-2025-04-revised.ru.txt"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code, err):
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("docdiff: error: ")
    assert "Traceback" not in err


def test_parse_json_follows_the_shipped_schema(capsys):
    code, out, _ = run(capsys, "parse", SEED)
    assert code == 0
    data = json.loads(out)
    schema = json.loads(resources.files("docdiff.schemas").joinpath("document-1.json").read_text("utf-8"))
    jsonschema.validate(data, schema)
    assert data["schema"] == "docdiff/document@1"
    assert [c["label"] for c in data["clauses"]] == [str(i) for i in range(1, 19)]
    assert data["meta"]["parties"] == ["AZ", "CN"]


def test_parse_text_outline(capsys):
    code, out, _ = run(capsys, "parse", SEED, "--format", "text")
    assert code == 0
    assert "parties:     AZ, CN" in out
    assert "date:        2025-04-23" in out
    assert out.count("\n") > 20


def test_parse_to_file(capsys, tmp_path):
    target = tmp_path / "seed.json"
    code, out, _ = run(capsys, "parse", SEED, "-o", target)
    assert code == 0 and out == ""
    assert json.loads(target.read_text("utf-8"))["meta"]["date"] == "2025-04-23"


def test_parse_output_is_byte_identical(capsys):
    _, first, _ = run(capsys, "parse", SEED)
    _, second, _ = run(capsys, "parse", SEED)
    assert first == second


@pytest.mark.parametrize(
    "name, content",
    [
        ("empty.txt", b""),
        ("blank.txt", b" \n\t\r\n  \n"),
        ("image.png", PNG + bytes(range(256)) * 4),
        ("garbage.txt", bytes(range(128, 256)) * 40 + b"\x00\x01\x02" * 50),
    ],
)
def test_hostile_files_give_one_line_and_exit_2(capsys, tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = run(capsys, "parse", path)
    assert_one_line_error(code, err)
    assert out == ""
    assert name in err


def test_missing_path_and_directory(capsys, tmp_path):
    code, _, err = run(capsys, "parse", tmp_path / "nope.txt")
    assert_one_line_error(code, err)
    assert "nope.txt" in err
    code, _, err = run(capsys, "parse", tmp_path)
    assert_one_line_error(code, err)
    assert "director" in err


def test_oversized_file_is_refused_before_reading(capsys, tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    code, _, err = run(capsys, "parse", big)
    assert_one_line_error(code, err)
    assert "--max-size" in err or "max_bytes" in err


def test_max_size_option(capsys, tmp_path):
    code, _, err = run(capsys, "parse", SEED, "--max-size", "1K")
    assert_one_line_error(code, err)
    code, _, _ = run(capsys, "parse", SEED, "--max-size", "1M")
    assert code == 0


def test_usage_errors_are_one_line_and_exit_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["parse", str(SEED), "--max-size", "lots"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    with pytest.raises(SystemExit) as exit_info:
        main(["frobnicate"])
    assert exit_info.value.code == 2


def test_python_dash_m_and_console_script():
    done = subprocess.run(
        [sys.executable, "-m", "docdiff", "parse", str(SEED), "--format", "text"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "AZ, CN" in done.stdout
    done = subprocess.run(
        [sys.executable, "-m", "docdiff", "parse", "/no/such/file"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_cp1251_and_utf16_files_parse_like_utf8(capsys, tmp_path):
    text = SEED.read_text("utf-8")
    _, reference, _ = run(capsys, "parse", SEED, "--format", "text")
    for encoding in ("cp1251", "utf-16", "koi8-r"):
        path = tmp_path / f"seed-{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        code, out, err = run(capsys, "parse", path, "--format", "text")
        assert code == 0, err
        assert out == reference
