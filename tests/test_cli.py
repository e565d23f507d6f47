"""The CLI is glue: exit codes, one-line errors, formats, no tracebacks."""

import io
import json
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from docdiff.cli import main, should_color

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
        [sys.executable, "-m", "docdiff", "parse", "/no/such/file"],
        capture_output=True,
        text=True,
        check=False,
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
        # The same outline, but for the line that names the codec.
        codec = {"utf-16": "utf-16-le"}.get(encoding, encoding)
        assert out == reference.replace("encoding:    utf-8\n", f"encoding:    {codec}\n")


def test_rank_json_leaves_the_query_out_and_puts_its_revision_first(capsys):
    code, out, _ = run(capsys, "rank", SEED, ROOT / "seeds", "-k", "3", "--format", "json")
    assert code == 0
    data = json.loads(out)
    schema = json.loads(resources.files("docdiff.schemas").joinpath("rank-1.json").read_text("utf-8"))
    jsonschema.validate(data, schema)
    paths = [r["path"] for r in data["results"]]
    assert len(paths) == 3
    assert str(SEED) not in paths
    assert paths[0].endswith("az-cn-2025-04-revised.ru.txt")
    scores = [r["score"] for r in data["results"]]
    assert scores == sorted(scores, reverse=True)


def test_rank_rejects_k_below_one(capsys):
    code, _, err = run(capsys, "rank", SEED, ROOT / "seeds", "-k", "0")
    assert_one_line_error(code, err)


def test_index_then_rank_and_matrix_from_the_index(capsys, tmp_path):
    index = tmp_path / "seeds.sqlite"
    code, _, err = run(capsys, "index", ROOT / "seeds", "-o", index)
    assert code == 0 and "indexed" in err
    _, from_folder, _ = run(capsys, "rank", SEED, ROOT / "seeds", "--format", "json")
    _, from_index, _ = run(capsys, "rank", SEED, index, "--format", "json")
    assert json.loads(from_index)["results"] == json.loads(from_folder)["results"]
    code, csv_text, _ = run(capsys, "matrix", index)
    assert code == 0
    rows = csv_text.strip().splitlines()
    assert len(rows) == len(rows[0].split(",")) > 2


def test_corpus_folder_with_bad_files_reports_and_goes_on(capsys, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("az-cn-2025-04.ru.txt", "az-cn-2025-04-revised.ru.txt", "constructed-ru-news.ru.txt"):
        (folder / name).write_bytes((ROOT / "seeds" / name).read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(PNG * 20)
    code, out, err = run(capsys, "matrix", folder, "--format", "json")
    assert code == 0
    assert "skipped" in err and "empty.txt" in err and "image.txt" in err
    assert "\r" not in err  # no progress bar when stderr is not a terminal
    json.loads(out)


def test_formulas_on_a_folder_gives_the_variant_table(capsys):
    code, out, _ = run(capsys, "formulas", ROOT / "seeds", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data


def test_compare_check_exit_codes(capsys, tmp_path):
    code, _, _ = run(capsys, "compare", SEED, REVISED, "--check", "--format", "json", "--no-phrases")
    assert code == 1
    code, _, _ = run(capsys, "compare", SEED, SEED, "--check", "--no-phrases")
    assert code == 0
    formal = tmp_path / "formal.txt"
    formal.write_text(SEED.read_text("utf-8").replace("Стороны", "стороны", 3).replace(" - ", " — "), "utf-8")
    code, out, _ = run(capsys, "compare", SEED, formal, "--check", "--format", "json", "--no-phrases")
    assert code == 0
    assert json.loads(out)["summary"]["by_change"]["formal"] >= 1
    code, _, _ = run(capsys, "compare", SEED, REVISED)
    assert code == 0  # without --check, differences are not an error


def test_compare_with_a_missing_or_hostile_file(capsys, tmp_path):
    code, _, err = run(capsys, "compare", SEED, tmp_path / "missing.txt")
    assert_one_line_error(code, err)
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
        "<akomaNtoso>&lol2;</akomaNtoso>",
        "utf-8",
    )
    code, _, err = run(capsys, "compare", SEED, bomb)
    assert_one_line_error(code, err)


def test_compare_formats_are_deterministic(capsys):
    for fmt in ("json", "text", "md", "html"):
        _, first, _ = run(capsys, "compare", SEED, REVISED, "--format", fmt)
        _, second, _ = run(capsys, "compare", SEED, REVISED, "--format", fmt)
        assert first == second, fmt
        assert first


def test_rank_across_languages_lists_nothing_and_says_why(capsys, tmp_path):
    folder = tmp_path / "ru"
    folder.mkdir()
    for name in ("az-cn-2025-04.ru.txt", "az-cn-2025-04-revised.ru.txt"):
        (folder / name).write_bytes((ROOT / "seeds" / name).read_bytes())
    query = ROOT / "seeds" / "constructed-zh-plain.zh.txt"
    code, out, _ = run(capsys, "rank", query, folder)
    assert code == 0
    assert "shares any wording" in out and "it is in zh, the corpus in ru" in out
    code, out, _ = run(capsys, "rank", query, folder, "--format", "json")
    assert json.loads(out)["results"] == []


# -- colour: decided here only ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "tty", "expected"),
    [
        ({}, True, True),
        ({}, False, False),
        ({"NO_COLOR": "1"}, True, False),
        ({"NO_COLOR": ""}, True, True),
        ({"TERM": "dumb"}, True, False),
    ],
)
def test_should_color(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], tty: bool, expected: bool
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    for key, value in env.items():
        monkeypatch.setenv(key, value)

    class Stream(io.StringIO):
        def isatty(self) -> bool:
            return tty

    assert should_color(Stream()) is expected


def test_should_color_without_isatty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert should_color(object()) is False  # type: ignore[arg-type]
    closed = io.StringIO()
    closed.close()
    assert should_color(closed) is False


def test_should_color_can_ignore_a_dumb_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    # A caller that wants TERM ignored can still say so (--color auto honours TERM=dumb).
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "dumb")

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert should_color(Terminal()) is False
    assert should_color(Terminal(), dumb_term=False) is True


# -- formats come from the render registry ------------------------------------------------------


def test_a_registered_renderer_is_reachable_from_the_cli(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    from docdiff.model import Document
    from docdiff.render import formats, register
    from docdiff.result import Comparison

    registry = importlib.import_module("docdiff.registry")
    monkeypatch.setattr(registry, "_RENDERERS", {k: dict(v) for k, v in registry._RENDERERS.items()})

    @register(Comparison, "count")
    def count(comparison: Comparison) -> str:
        return f"{len(comparison.pairs)} pairs\n"

    @register(Document, "units")
    def units(document: Document) -> str:
        return f"{len(document.units)} units\n"

    assert "count" in formats(Comparison) and "units" in formats(Document)
    code, out, err = run(capsys, "compare", str(SEED), str(REVISED), "--format", "count")
    assert code == 0 and err == "" and re.fullmatch(r"\d+ pairs\n", out)
    code, out, err = run(capsys, "parse", str(SEED), "--format", "units")
    assert code == 0 and re.fullmatch(r"\d+ units\n", out)
    with pytest.raises(SystemExit) as stopped:  # a Document format is no compare format
        main(["compare", str(SEED), str(REVISED), "--format", "units"])
    assert stopped.value.code == 2 and "invalid choice: 'units'" in capsys.readouterr().err


@pytest.mark.parametrize("size", ["1e300", "100G", "9999999999999999999999G"])
def test_a_huge_max_size_reads_a_small_file_without_allocating_the_limit(capsys, size):
    # read(max_bytes + 1) allocated the whole limit: "out of memory" on a 3 KB file.
    code, out, err = run(capsys, "parse", SEED, "--max-size", size, "--format", "json")
    assert code == 0, err
    assert json.loads(out)["clauses"]


@pytest.mark.parametrize("size", ["inf", "1e400", "-1", "nan", "0"])
def test_a_non_finite_or_negative_max_size_is_a_usage_error(capsys, size):
    with pytest.raises(SystemExit) as exit_info:
        main(["parse", str(SEED), f"--max-size={size}"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def _small_and_large_corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("constructed-en-articles.en.txt", "constructed-en-bullets.en.txt"):
        (folder / name).write_bytes((ROOT / "seeds" / name).read_bytes())
    (folder / "large.ru.txt").write_bytes(SEED.read_bytes())
    return folder


@pytest.mark.parametrize("command", ["rank", "matrix", "index"])
def test_max_size_and_language_apply_to_every_file_of_a_corpus_command(capsys, tmp_path, command):
    folder = _small_and_large_corpus(tmp_path)
    argv = {
        "rank": ["rank", ROOT / "seeds" / "constructed-en-decimal.en.txt", folder, "--format", "json"],
        "matrix": ["matrix", folder, "--format", "json"],
        "index": ["index", folder, "-o", tmp_path / "index.sqlite"],
    }[command]
    code, out, err = run(capsys, *argv)
    assert code == 0 and "large.ru.txt" not in err  # 28K is under the default 20M
    code, out, err = run(capsys, *argv, "--max-size", "2K", "--language", "ru")
    assert code == 0
    assert "skipped" in err and "large.ru.txt" in err and "--max-size" in err
    if command == "index":
        from docdiff.corpus import Corpus

        saved = Corpus.open(tmp_path / "index.sqlite")
        assert len(saved) == 2 and {e.language for e in saved.entries} == {"ru"}
    elif command == "rank":
        data = json.loads(out)
        assert {Path(r["path"]).name for r in data["results"]} <= {
            "constructed-en-articles.en.txt",
            "constructed-en-bullets.en.txt",
        }
    else:
        assert len(json.loads(out)["statements"]) == 2


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"TERM": "dumb"}, False),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),  # the refusal wins
        ({"FORCE_COLOR": "1"}, True),
        ({"CLICOLOR_FORCE": "1", "TERM": "dumb"}, True),
        ({"CLICOLOR_FORCE": "0"}, False),
        ({"FORCE_COLOR": ""}, False),
    ],
)
def test_color_auto_follows_the_environment(capsys, monkeypatch, env, expected):
    # Standard output is captured (not a terminal): only a forcing variable colours it.
    for key in ("NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    code, out, _ = run(capsys, "compare", SEED, REVISED, "--format", "text", "--no-phrases")
    assert code == 0
    assert ("\x1b[" in out) is expected


def test_color_auto_on_a_dumb_terminal_is_plain(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("CLICOLOR_FORCE", raising=False)

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("TERM", "xterm")
    assert should_color(Terminal()) is True
    monkeypatch.setenv("TERM", "dumb")
    assert should_color(Terminal()) is False
