"""docdiff.phrases.report and search.find_in_units: the engine side of the phrase and formula reports."""

from __future__ import annotations

from pathlib import Path

from docdiff.phrases.formulas import compare_formulas, find_formulas, formula_lexicon
from docdiff.phrases.report import formula_report, formula_table, phrase_report
from docdiff.phrases.search import find_in_units
from docdiff import load

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
LEFT, RIGHT = load(SEEDS / "az-cn-2025-04.ru.txt"), load(SEEDS / "az-cn-2025-04-revised.ru.txt")


def test_phrase_report_gathers_the_engines() -> None:
    report = phrase_report(LEFT, RIGHT)
    assert report.left is LEFT and report.right is RIGHT
    assert report.formulas == compare_formulas(LEFT, RIGHT)
    assert report.left_found == find_formulas(LEFT) and report.right_found == find_formulas(RIGHT)
    assert report.phrases
    assert report.names == tuple((f.id, f.name) for f in formula_lexicon())


def test_formula_report_is_the_table_with_its_documents() -> None:
    report = formula_report([LEFT, RIGHT])
    assert report.documents == (LEFT, RIGHT)
    assert report.rows == formula_table([LEFT, RIGHT])
    order = [f.id for f in formula_lexicon()]
    assert [r.id for r in report.rows] == sorted((r.id for r in report.rows), key=order.index)
    assert {u.document for r in report.rows for u in r.uses} == {0, 1}


def test_find_in_units_finds_what_the_units_of_the_document_hold() -> None:
    units = [(u.label, u.text) for u in LEFT.units]
    found = find_in_units(LEFT.language, units)
    in_units = [(o.id, o.label, o.text) for o in find_formulas(LEFT) if o.label in dict(units)]
    assert [(o.id, o.label, o.text) for o in found] == in_units
    source = "\n\n".join(text for _, text in units)
    assert all(source[o.start : o.end] == o.text for o in found)
    assert find_in_units("ru", []) == ()
