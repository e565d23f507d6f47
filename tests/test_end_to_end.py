"""The CLI end to end, as a user runs it: every command, every format, real pairs.

Each case runs :func:`docdiff.cli.main` in-process with ``-o`` into a
temporary folder and checks what a user would notice: the exit code, no
"internal error", JSON valid against the shipped schema, HTML whose links
all resolve, Markdown that GitHub's renderer (cmarkgfm, when installed)
turns into HTML without live markup.

Two parts:

* the seed statements in ``seeds/`` (always run): a revision, the
  statement against itself, two different partners, two languages;
* real statements in ``$DOCDIFF_CORPUS`` (skipped unless set): same-partner
  series (IN-US, JP-US, EU-US), cross-partner, cross-language (ru-en,
  ru-zh), the zh statement as HTML against its text, a statement against
  itself; plus parse, formulas, rank, matrix and index over the folders.
  The statements are never copied into the project.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
from lxml import html as lxml_html

from docdiff.cli import main
from docdiff.render.jsonout import schema

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = os.environ.get("DOCDIFF_CORPUS")
needs_corpus = pytest.mark.skipif(
    not CORPUS, reason="set DOCDIFF_CORPUS to the corpus folder to run the CLI on real statements"
)

FORMATS = ("json", "text", "md", "html")
SEED_PAIRS = {
    "revision": ("az-cn-2025-04.ru.txt", "az-cn-2025-04-revised.ru.txt"),
    "itself": ("az-cn-2025-04.ru.txt", "az-cn-2025-04.ru.txt"),
    "other-partner": ("az-cn-2025-04.ru.txt", "constructed-ru-treaty.ru.txt"),
    "ru-en": ("constructed-ru-unnumbered.ru.txt", "constructed-en-sections.en.txt"),
    "ru-zh": ("az-cn-2025-04.ru.txt", "constructed-zh-sections.zh.txt"),
    "en-layouts": ("constructed-en-articles.en.txt", "constructed-en-decimal.en.txt"),
}
CORPUS_PAIRS = {
    "in-us-2023a": ("en/in-us-2023-06-22.en.txt", "en/in-us-2023-09-08.en.txt"),
    "in-us-2023b-2025": ("en/in-us-2023-09-08.en.txt", "en/in-us-2025-02-13.en.txt"),
    "in-us-2023a-2025": ("en/in-us-2023-06-22.en.txt", "en/in-us-2025-02-13.en.txt"),
    "jp-us-2021-2022": ("en/jp-us-2021-04-16.en.txt", "en/jp-us-2022-05-23.en.txt"),
    "jp-us-2023-2024": ("en/jp-us-2023-01-13.en.txt", "en/jp-us-2024-04-10.en.txt"),
    "jp-us-2024-2025": ("en/jp-us-2024-04-10.en.txt", "en/jp-us-2025-02-07.en.txt"),
    "eu-us-2021": ("en/eu-us-2021-06-15.en.txt", "en/eu-us-2021-09-29.en.txt"),
    "eu-us-2022-2023": ("en/eu-us-2022-12-05.en.txt", "en/eu-us-2023-10-20.en.txt"),
    "eu-us-2024-2025": ("en/eu-us-2024-04-05.en.txt", "en/eu-us-2025-08-21.en.txt"),
    "seed-by-ru": ("@seeds/az-cn-2025-04.ru.txt", "ru/by-ru-2025-03.ru.txt"),
    "az-cn-ir-ru": ("ru/az-cn-2025-04.ru.txt", "ru/ir-ru-2025-01.ru.txt"),
    "ru-en": ("ru/by-ru-2025-03.ru.txt", "en/in-us-2025-02-13.en.txt"),
    "ru-zh": ("ru/az-cn-2025-04.ru.txt", "zh/ae-cn-2019-07.zh.txt"),
    "zh-html-txt": ("zh/ae-cn-2019-07.zh.html", "zh/ae-cn-2019-07.zh.txt"),
    "en-itself": ("en/in-us-2023-06-22.en.txt", "en/in-us-2023-06-22.en.txt"),
    "ru-itself": ("ru/by-ru-2025-03.ru.txt", "ru/by-ru-2025-03.ru.txt"),
}
SCHEMA_OF = {"compare": "comparison", "phrases": "phrases"}


def run(argv: list[str], capsys: pytest.CaptureFixture[str], expect: int = 0) -> str:
    """Run the CLI; fail on an unexpected exit code or an internal error; return stdout."""
    code = main(argv)
    captured = capsys.readouterr()
    assert "internal error" not in captured.err, captured.err
    assert "Traceback" not in captured.err, captured.err
    assert code == expect, f"docdiff {' '.join(argv)} exited {code}: {captured.err}"
    return captured.out


def check_output(command: str, format: str, path: Path) -> None:
    """What a user would check in the written file, by format."""
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n") and text.strip(), path
    if format == "json":
        jsonschema.validate(json.loads(text), schema(SCHEMA_OF[command]))
    elif format == "html":
        tree = lxml_html.document_fromstring(text)
        ids = tree.xpath("//@id")
        assert len(ids) == len(set(ids)), "ids must be unique"
        for href in tree.xpath("//@href"):
            assert href.startswith("#") and href[1:] in set(ids), href
        assert len(tree.xpath("//script")) <= 1
    elif format == "md":
        try:
            import cmarkgfm
        except ImportError:
            return
        rendered = lxml_html.fragment_fromstring(
            cmarkgfm.github_flavored_markdown_to_html(text), create_parent="div"
        )
        assert not rendered.xpath("//script | //img | //iframe")
    elif format == "text":
        assert "\x1b" not in text  # -o writes to a file: no colour


def compare_all(left: Path, right: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every compare and phrases format on one pair, plus ``--check``."""
    for command in ("compare", "phrases"):
        for format in FORMATS:
            out = tmp_path / f"{command}.{format}"
            run([command, str(left), str(right), "--format", format, "-o", str(out)], capsys)
            check_output(command, format, out)
    run(
        [
            "compare",
            str(left),
            str(right),
            "--no-phrases",
            "--format",
            "json",
            "-o",
            str(tmp_path / "np.json"),
        ],
        capsys,
    )
    check_output("compare", "json", tmp_path / "np.json")
    result = json.loads((tmp_path / "compare.json").read_text(encoding="utf-8"))
    substantive = any(p["change"] == "substantive" for p in result["pairs"])
    run(
        ["compare", str(left), str(right), "--check", "-o", str(tmp_path / "check.txt")],
        capsys,
        int(substantive),
    )
    if left.read_bytes() == right.read_bytes():
        assert not substantive and all(p["change"] == "none" for p in result["pairs"])
        assert result["summary"]["similarity"] == 1.0


@pytest.mark.parametrize("name", sorted(SEED_PAIRS))
def test_seed_pair(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    left, right = SEED_PAIRS[name]
    compare_all(SEEDS / left, SEEDS / right, tmp_path, capsys)


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_parse_seed(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "doc.json"
    run(["parse", str(SEEDS / name), "-o", str(out)], capsys)
    jsonschema.validate(json.loads(out.read_text(encoding="utf-8")), schema("document"))
    assert run(["parse", str(SEEDS / name), "--format", "text"], capsys).strip()


def test_formulas_on_seeds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "f.json"
    run(["formulas", str(SEEDS / "az-cn-2025-04.ru.txt"), "--format", "json", "-o", str(out)], capsys)
    jsonschema.validate(json.loads(out.read_text(encoding="utf-8")), schema("formulas"))
    assert run(["formulas", str(SEEDS)], capsys).strip()


def test_user_mistakes_are_errors_not_crashes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed = str(SEEDS / "az-cn-2025-04.ru.txt")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    for argv in (
        ["compare", seed, str(tmp_path / "missing.txt")],
        ["compare", seed, str(tmp_path)],
        ["compare", seed, str(empty)],
        ["compare", str(binary), seed],
        ["phrases", seed, str(empty)],
        ["parse", str(binary)],
    ):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.startswith("docdiff: error: ") and "internal error" not in err, err
        assert any(Path(a).name in err for a in argv[1:]), err  # the message names the input


def corpus_path(name: str) -> Path:
    if name.startswith("@seeds/"):
        return SEEDS / name.removeprefix("@seeds/")
    assert CORPUS is not None
    return Path(CORPUS) / name


@needs_corpus
@pytest.mark.parametrize("name", sorted(CORPUS_PAIRS))
def test_corpus_pair(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    left, right = CORPUS_PAIRS[name]
    compare_all(corpus_path(left), corpus_path(right), tmp_path, capsys)


@needs_corpus
def test_corpus_parse_and_formulas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted({corpus_path(n) for pair in CORPUS_PAIRS.values() for n in pair})
    for path in files:
        out = tmp_path / "doc.json"
        run(["parse", str(path), "-o", str(out)], capsys)
        jsonschema.validate(json.loads(out.read_text(encoding="utf-8")), schema("document"))
    out = tmp_path / "f.json"
    run(["formulas", *map(str, files), "--format", "json", "-o", str(out)], capsys)
    jsonschema.validate(json.loads(out.read_text(encoding="utf-8")), schema("formulas"))
    assert CORPUS is not None
    assert run(["formulas", str(Path(CORPUS) / "ru")], capsys).strip()


@needs_corpus
def test_corpus_rank_matrix_index(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert CORPUS is not None
    en, ru = Path(CORPUS) / "en", Path(CORPUS) / "ru"
    query = en / "in-us-2023-06-22.en.txt"
    out = tmp_path / "rank.json"
    run(["rank", str(query), str(en), "-k", "5", "--format", "json", "-o", str(out)], capsys)
    ranked = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(ranked, schema("rank"))
    index = tmp_path / "en.idx"
    run(["index", str(en), "-o", str(index)], capsys)
    run(["rank", str(query), str(index), "-k", "5", "--format", "json", "-o", str(out)], capsys)
    assert json.loads(out.read_text(encoding="utf-8")) == ranked  # the index ranks as the folder does
    for format in ("csv", "json", "html"):
        run(["matrix", str(ru), "--format", format, "-o", str(tmp_path / f"m.{format}")], capsys)
    json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
