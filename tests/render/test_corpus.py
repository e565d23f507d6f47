"""docdiff.render.corpus and docdiff.render.heatmap: the corpus's values rendered, on hand-built data."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest
from lxml import html as lxml_html

from docdiff.corpus.types import (
    ClauseMatch,
    FormulaTable,
    FormulaUsage,
    Matrix,
    Ranking,
    RankResult,
    Use,
    Variant,
)
from docdiff.errors import OptionsError
from docdiff.render import formats, render
from docdiff.render.jsonout import schema
from docdiff.result import Edit, Op

MATRIX = Matrix(labels=("A–B 2020", "A–C 2021"), paths=("a.txt", "b.txt"), values=((1.0, 0.25), (0.25, 1.0)))
TABLE = FormulaTable(
    (
        FormulaUsage(
            "one-china",
            "One-China principle",
            "en",
            2,
            (
                Variant("one China", 2, (Use("dir/a.txt", "1"), Use("b.txt", "3")), ()),
                Variant(
                    "one-China", 1, (Use("c.txt", "2"),), (Edit(Op.DELETE, "one China"), Edit(Op.INSERT, "one-China"))
                ),
            ),
        ),
    )
)
RANKING = Ranking(
    query="q.txt",
    language="en",
    results=(RankResult("a.txt", 0.5, "Joint Statement", "2020-01-02", ("A", "B"), (ClauseMatch("1", "2", 0.75),)),),
    size=3,
    languages=("en",),
)


def validate(data: object, name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(schema(name))
    jsonschema.Draft202012Validator(schema(name)).validate(data)


def test_formats_of_each_kind() -> None:
    assert formats(Matrix) == ("csv", "html", "json")
    assert formats(Ranking) == ("json", "text")
    assert formats(FormulaTable) == ("json", "text")
    with pytest.raises(OptionsError, match="unknown output format 'png'; choose one of: csv, html, json"):
        render(MATRIX, "png")


def test_matrix_csv_and_json() -> None:
    rows = list(csv.reader(io.StringIO(render(MATRIX, "csv"))))
    assert rows == [["", "A–B 2020", "A–C 2021"], ["A–B 2020", "1.0000", "0.2500"], ["A–C 2021", "0.2500", "1.0000"]]
    data = json.loads(render(MATRIX, "json"))
    validate(data, "matrix")
    assert data["statements"] == [{"label": "A–B 2020", "path": "a.txt"}, {"label": "A–C 2021", "path": "b.txt"}]


def test_heatmap_labels_are_text_not_markup() -> None:
    matrix = Matrix(labels=("<b>x</b>",), paths=("p",), values=((1.0,),))
    page = lxml_html.fromstring(render(matrix, "html"))
    assert page.xpath("//b") == []
    assert page.xpath("//svg/text")[0].text == "<b>x</b>"


def test_ranking_json_and_text() -> None:
    data = json.loads(render(RANKING, "json"))
    validate(data, "rank")
    assert data["query"] == "q.txt" and data["results"][0]["pairs"] == [
        {"query": "1", "corpus": "2", "similarity": 0.75}
    ]
    text = render(RANKING, "text")
    assert text.startswith("Statements most like q.txt (1 of 3):\n")
    assert "1. 0.50  A–B 2020-01-02  a.txt" in text and "best clauses: 1 ~ 2 (0.75)" in text
    empty = Ranking(query=None, language="zh", results=(), size=3, languages=("en", "ru"))
    assert render(empty, "text") == (
        "No statement of the corpus (3) shares any wording with the statement; it is in zh, the corpus in en, ru.\n"
    )


def test_formula_table_json_and_text() -> None:
    data = json.loads(render(TABLE, "json"))
    validate(data, "corpus-formulas")
    assert data["formulas"][0]["variants"][1]["edits"] == [["delete", "one China"], ["insert", "one-China"]]
    text = render(TABLE, "text")
    assert "One-China principle [one-china, en]: 2 statements" in text
    assert "     2x  'one China'  (base)" in text and "a.txt 1, b.txt 3" in text
    assert "(  [-one China-]{+one-China+})" not in text and "([-one China-]{+one-China+})" in text
    assert render(FormulaTable(()), "text") == "No lexicon formula occurs in these statements.\n"
