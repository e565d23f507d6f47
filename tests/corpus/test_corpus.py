"""Tests for docdiff.corpus: building, saving, ranking, the matrix, formula variants, executors."""

from __future__ import annotations

import csv
import io
import json
import os
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from lxml import html as lxml_html

from docdiff import load, loads
from docdiff.corpus import Corpus, InlineExecutor, Scoring, open_or_build
from docdiff.errors import InputError, OptionsError
from docdiff.render import render
from docdiff.render.jsonout import schema

CLAUSES = {
    "indo": "The Sides reaffirmed their commitment to a free and open Indo-Pacific and to the UN Charter.",
    "energy": "The Sides agreed to expand cooperation in clean energy, critical minerals and semiconductors.",
    "space": "The leaders welcomed the joint mission of the two space agencies to the International "
    "Space Station next year.",
    "health": "The Sides will strengthen pharmaceutical supply chains and cooperation against cancer.",
    "sovereignty": "The Sides support sovereignty and territorial integrity of all states.",
    "sovereignty2": "The Sides support the sovereignty, independence, and territorial integrity "
    "of all states.",
    "defence": "The leaders decided to co-produce jet engines and armoured vehicles for their armed forces.",
    "students": "The Sides celebrated record numbers of students studying at each other's universities.",
    "trade": "The leaders resolved outstanding trade disputes at the World Trade Organization.",
    "soy": "The Sides discussed soybean exports, ethanol tariffs and the Amazon rainforest fund.",
    "whaling": "The Sides discussed fisheries management and the protection of whales in the Pacific.",
}

PARTNERS = {
    "in": "the Republic of India",
    "jp": "Japan",
    "br": "the Federative Republic of Brazil",
}


def statement(partner: str, date: str, keys: list[str]) -> str:
    name = PARTNERS[partner]
    body = "\n\n".join(f"{n}. {CLAUSES[k]}" for n, k in enumerate(keys, 1))
    title = f"Joint Statement between {name} and the United States of America"
    return f"{title}\n\nWashington, {date}\n\n{body}\n"


STATEMENTS = {
    "in-us-2021.en.txt": ("in", "24 September 2021", ["indo", "energy", "space", "health", "students"]),
    "in-us-2023.en.txt": ("in", "22 June 2023", ["indo", "energy", "defence", "space", "students"]),
    "in-us-2025.en.txt": ("in", "13 February 2025", ["energy", "defence", "space", "trade", "students"]),
    "jp-us-2022.en.txt": ("jp", "23 May 2022", ["indo", "sovereignty", "whaling", "trade"]),
    "jp-us-2024.en.txt": ("jp", "10 April 2024", ["indo", "sovereignty2", "whaling", "energy"]),
    "br-us-2023.en.txt": ("br", "10 February 2023", ["soy", "sovereignty", "health"]),
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("statements")
    for name, (partner, date, keys) in STATEMENTS.items():
        (root / name).write_text(statement(partner, date, keys), encoding="utf-8")
    (root / "empty.txt").write_text("", encoding="utf-8")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (root / "notes.md").write_text("not a statement file suffix", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def corpus(folder: Path) -> Corpus:
    return Corpus.build(folder, executor=InlineExecutor())


def test_build_indexes_statements_and_reports_skipped(corpus: Corpus, folder: Path) -> None:
    names = [os.path.basename(e.path) for e in corpus.entries]
    assert names == sorted(STATEMENTS)
    skipped = {os.path.basename(s.path): s.reason for s in corpus.skipped}
    assert set(skipped) == {"empty.txt", "binary.txt"}
    assert all(reason for reason in skipped.values())
    entry = corpus.entries[names.index("in-us-2023.en.txt")]
    assert entry.parties == ("IN", "US")
    assert entry.date == "2023-06-22"
    assert [u.label for u in entry.units] == ["1", "2", "3", "4", "5"]
    assert entry.units[2].text == CLAUSES["defence"]


def test_build_with_nothing_readable_raises(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="no statement could be indexed"):
        Corpus.build(tmp_path, executor=InlineExecutor())


def test_build_from_documents_and_paths(folder: Path) -> None:
    doc = loads(statement("br", "1 March 2024", ["soy", "trade"]), path="memory.txt")
    built = Corpus.build([doc, folder / "in-us-2021.en.txt"], executor=InlineExecutor())
    assert [os.path.basename(e.path) for e in built.entries] == ["memory.txt", "in-us-2021.en.txt"]


def test_rank_leaves_query_out_and_orders_by_score(corpus: Corpus, folder: Path) -> None:
    query = load(folder / "in-us-2023.en.txt")
    results = corpus.rank(query, k=10)
    names = [os.path.basename(r.path) for r in results]
    assert "in-us-2023.en.txt" not in names
    assert len(results) == len(STATEMENTS) - 1
    assert set(names[:2]) == {"in-us-2021.en.txt", "in-us-2025.en.txt"}
    scores = [r.score for r in results]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)
    best = results[0]
    assert best.pairs and best.pairs[0].similarity == pytest.approx(1.0)
    assert best.pairs[0].query in {"1", "2", "3", "4", "5"}


def test_rank_leaves_out_identical_text_under_another_path(corpus: Corpus, folder: Path) -> None:
    text = (folder / "jp-us-2022.en.txt").read_text(encoding="utf-8")
    results = corpus.rank(loads(text, path="elsewhere/copy.txt"), k=3)
    assert all(not r.path.endswith("jp-us-2022.en.txt") for r in results)
    assert os.path.basename(results[0].path) == "jp-us-2024.en.txt"


def test_rank_k_limits_and_scoring_validates(corpus: Corpus, folder: Path) -> None:
    query = load(folder / "br-us-2023.en.txt")
    assert len(corpus.rank(query, k=2)) == 2
    assert corpus.rank(query, k=0) == ()
    with pytest.raises(OptionsError):
        Scoring(clause=0.9, cosine=0.9, parties=0.0)
    text_only = corpus.rank(query, k=5, scoring=Scoring(clause=0.5, cosine=0.5, parties=0.0))
    assert all(0.0 <= r.score <= 1.0 for r in text_only)


def test_save_and_open_round_trip(corpus: Corpus, folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "corpus.sqlite"
    corpus.save(target)
    opened = Corpus.open(target)
    assert opened.entries == corpus.entries
    assert opened.skipped == corpus.skipped
    query = load(folder / "in-us-2021.en.txt")
    assert opened.rank(query, k=4) == corpus.rank(query, k=4)
    assert opened.formulas(executor=InlineExecutor()) == corpus.formulas(executor=InlineExecutor())
    corpus.save(target)  # replacing an existing index works
    assert Corpus.open(target).entries == corpus.entries


def test_open_refuses_what_is_not_an_index(tmp_path: Path, folder: Path) -> None:
    with pytest.raises(InputError, match="no such index"):
        Corpus.open(tmp_path / "missing.sqlite")
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(InputError):
        Corpus.open(bogus)
    with pytest.raises(InputError, match="not a folder or a corpus index"):
        open_or_build(str(folder / "in-us-2021.en.txt"))
    with pytest.raises(InputError, match="no such folder"):
        open_or_build(str(tmp_path / "nowhere"))


def test_open_or_build(corpus: Corpus, folder: Path, tmp_path: Path) -> None:
    built = open_or_build(str(folder), executor=InlineExecutor())
    assert built.entries == corpus.entries
    target = tmp_path / "index.db"
    corpus.save(target)
    assert open_or_build(str(target)).entries == corpus.entries


def test_matrix_is_symmetric_with_unit_diagonal(corpus: Corpus) -> None:
    matrix = corpus.matrix(executor=InlineExecutor())
    size = len(corpus.entries)
    assert len(matrix.values) == size
    for i in range(size):
        assert matrix.values[i][i] == 1.0
        for j in range(size):
            assert matrix.values[i][j] == matrix.values[j][i]
            assert 0.0 <= matrix.values[i][j] <= 1.0
    assert "IN–US 2023-06-22" in matrix.labels
    i = matrix.labels.index("IN–US 2023-06-22")
    j = matrix.labels.index("IN–US 2021-09-24")
    k = matrix.labels.index("BR–US 2023-02-10")
    assert matrix.values[i][j] > matrix.values[i][k]


def test_matrix_formats(corpus: Corpus) -> None:
    matrix = corpus.matrix(executor=InlineExecutor())
    rows = list(csv.reader(io.StringIO(render(matrix, "csv"))))
    assert rows[0][1:] == list(matrix.labels)
    assert [r[0] for r in rows[1:]] == list(matrix.labels)
    data = json.loads(render(matrix, "json"))
    jsonschema.validate(data, schema("matrix"))
    assert data["schema"] == "docdiff/matrix@1"
    assert [s["label"] for s in data["statements"]] == list(matrix.labels)
    assert data["values"][0][0] == 1.0
    page = lxml_html.fromstring(render(matrix, "html"))
    cells = page.xpath("//svg//rect")
    assert len(cells) == len(matrix.labels) ** 2
    assert page.xpath("//script") == [] and page.xpath("//link") == []
    labels = [t.text for t in page.xpath("//svg/text")]
    assert labels.count("IN–US 2023-06-22") == 2  # a row and a column label
    assert cells[0].xpath("./title")[0].text.endswith(": 1.00")


def test_formulas_group_variants_and_diff_from_the_most_common(corpus: Corpus) -> None:
    table = corpus.formulas()
    by_id = {(f.id, f.language): f for f in table.formulas}
    sovereignty = by_id[("sovereignty-territorial-integrity", "en")]
    assert sovereignty.statements == 3
    base, other = sovereignty.variants
    assert base.wording == "sovereignty and territorial integrity"
    assert base.count == 2 and base.edits == ()
    assert other.wording == "sovereignty, independence, and territorial integrity"
    inserted = "".join(e.text for e in other.edits if e.op.value == "insert")
    assert "independence" in inserted
    indo = by_id[("free-open-indo-pacific", "en")]
    assert indo.statements == 4 and len(indo.variants) == 1
    data = json.loads(render(table, "json"))
    jsonschema.validate(data, schema("corpus-formulas"))
    assert data["schema"] == "docdiff/corpus-formulas@1"
    assert "sovereignty and territorial integrity" in render(table, "text")


def test_formula_variants_ignore_case_and_typography(tmp_path: Path) -> None:
    a = statement("in", "1 May 2020", ["indo"])
    b = a.replace("free and open Indo-Pacific", "Free and Open Indo–Pacific")
    built = Corpus.build([loads(a, path="a.txt"), loads(b, path="b.txt")], executor=InlineExecutor())
    indo = next(f for f in built.formulas().formulas if f.id == "free-open-indo-pacific")
    assert len(indo.variants) == 1 and indo.variants[0].count == 2


def test_rank_report_json_matches_schema(corpus: Corpus, folder: Path) -> None:
    query = load(folder / "in-us-2023.en.txt")
    report = json.loads(render(corpus.ranking(query, 3), "json"))
    schema = json.loads(resources.files("docdiff").joinpath("schemas/rank-1.json").read_text("utf-8"))
    jsonschema.validate(report, schema)
    assert report["schema"] == "docdiff/rank@1"
    assert report["query"] == str(folder / "in-us-2023.en.txt")
    assert len(report["results"]) == 3
    assert set(report["results"][0]) == {"path", "score", "title", "date", "parties", "pairs"}
    assert set(report["results"][0]["pairs"][0]) == {"query", "corpus", "similarity"}
    text = render(corpus.ranking(query, 3), "text")
    assert "in-us-2021.en.txt" in text and "best clauses" in text
    with pytest.raises(OptionsError):
        render(corpus.ranking(query, 3), "xml")
    with pytest.raises(OptionsError):
        corpus.ranking(query, 0)


def test_matrix_and_formulas_reports(corpus: Corpus) -> None:
    assert render(corpus.matrix(), "csv").startswith(",")
    assert json.loads(render(corpus.matrix(), "json"))["schema"] == "docdiff/matrix@1"
    assert "<svg" in render(corpus.matrix(), "html")
    assert json.loads(render(corpus.formulas(), "json"))["formulas"]
    assert "Indo-Pacific" in render(corpus.formulas(), "text")
    with pytest.raises(OptionsError):
        render(corpus.matrix(), "png")
    with pytest.raises(OptionsError):
        render(corpus.formulas(), "csv")


def test_progress_is_called_in_order_up_to_the_total(folder: Path) -> None:
    calls: list[tuple[int, int]] = []
    built = Corpus.build(folder, executor=InlineExecutor(), progress=lambda d, t: calls.append((d, t)))
    total = len(built.entries) + len(built.skipped)
    assert calls[0] == (0, total) and calls[-1] == (total, total)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    matrix_calls: list[tuple[int, int]] = []
    built.matrix(executor=InlineExecutor(), progress=lambda d, t: matrix_calls.append((d, t)))
    assert matrix_calls[-1] == (len(built.entries), len(built.entries))


@pytest.mark.parametrize("make", [ThreadPoolExecutor, ProcessPoolExecutor], ids=["threads", "processes"])
def test_executors_give_identical_results(folder: Path, corpus: Corpus, make: type) -> None:
    with make(max_workers=2) as pool:
        built = Corpus.build(folder, executor=pool)
        matrix = built.matrix(executor=pool)
        formulas = built.formulas(executor=pool)
    assert built.entries == corpus.entries
    assert built.skipped == corpus.skipped
    assert formulas == corpus.formulas(executor=InlineExecutor())
    assert matrix == corpus.matrix(executor=InlineExecutor())
    query = load(folder / "jp-us-2024.en.txt")
    assert built.rank(query) == corpus.rank(query)


def test_default_executor_gives_identical_results(folder: Path, corpus: Corpus) -> None:
    # Enough items for the default process pool to start (small jobs run inline).
    paths = [folder / name for name in sorted(STATEMENTS)] * 3
    built = Corpus.build(paths)
    assert built.entries == corpus.entries * 3
    assert Corpus(corpus.entries * 3).matrix(executor=InlineExecutor()) == built.matrix()


def test_inline_executor_carries_errors() -> None:
    future = InlineExecutor().submit(lambda: 1 // 0)
    with pytest.raises(ZeroDivisionError):
        future.result()


def test_dask_distributed_executor(folder: Path, corpus: Corpus) -> None:
    distributed = pytest.importorskip(
        "dask.distributed", reason="dask.distributed is not installed (pip install 'dask[distributed]')"
    )
    options = {"processes": False, "n_workers": 1, "threads_per_worker": 2, "dashboard_address": None}
    with distributed.Client(**options) as client:
        executor = client.get_executor()
        built = Corpus.build(folder, executor=executor)
        matrix = built.matrix(executor=executor)
    assert built.entries == corpus.entries
    assert matrix == corpus.matrix(executor=InlineExecutor())


def test_build_and_open_or_build_read_every_file_with_the_read_options(folder: Path) -> None:
    from docdiff.options import ReadOptions

    # The smallest statement fits under 600 bytes' limit, the others do not: they are skipped, saying so.
    sizes = {name: (folder / name).stat().st_size for name in STATEMENTS}
    limit = min(sizes.values()) + 1
    read = ReadOptions(max_bytes=limit, language="ru")
    for built in (
        Corpus.build(folder, executor=InlineExecutor(), read=read),
        open_or_build(str(folder), executor=InlineExecutor(), read=read),
    ):
        kept = sorted(os.path.basename(e.path) for e in built.entries)
        assert kept == sorted(n for n, size in sizes.items() if size < limit)
        assert {e.language for e in built.entries} == {"ru"}  # the language option overrides detection
        too_big = [s for s in built.skipped if os.path.basename(s.path) in sizes]
        assert len(too_big) == len(sizes) - len(kept) > 0
        assert all("--max-size" in s.reason or "max_bytes" in s.reason for s in too_big)
