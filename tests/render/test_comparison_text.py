"""docdiff.render.comparison_text: the terminal report, with and without colour."""

from __future__ import annotations

import io
import re

import pytest
from render_sample import INJECTIONS, sample_comparison

from docdiff.render import render
from docdiff.render.words import describe_pair, pair_heading
from docdiff.result import Op, PairKind

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_plain_report_shape() -> None:
    text = render(sample_comparison(), "text", color=False)
    assert "\x1b" not in text
    assert text.endswith("\n")
    assert "left:  left/ru-cn-2024.ru.txt" in text
    assert "Metadata that differs" in text and "  date:  2024-05-16 → 2025-05-08" in text
    assert "[4 → 7] moved, substantive (actor)" in text
    assert "[3 → 3, 4] split, substantive (number)" in text
    assert "[— → 6] inserted" in text
    assert "[7 → —] deleted" in text
    assert "Стороны [-выражают готовность-]{+договорились+} углублять" in text
    assert "note: commitment: ready -> agree" in text
    assert "pairs:      8 (4 match, 1 split, 1 merge, 1 insert, 1 delete)" in text


def test_every_pair_has_a_heading() -> None:
    comparison = sample_comparison()
    text = render(comparison, "text", color=False)
    for pair in comparison.pairs:
        assert f"[{pair_heading(pair)}] {describe_pair(pair)}" in text


def test_colour_styles() -> None:
    text = render(sample_comparison(), "text", color=True)
    assert "\x1b[9;31mвыражают готовность\x1b[0m\x1b[4;32mдоговорились\x1b[0m" in text
    assert "[-" not in text
    # Stripping the styles gives the plain text minus the wdiff markers.
    plain = render(sample_comparison(), "text", color=False)
    unmarked = re.sub(r"\[-|-\]|\{\+|\+\}", "", plain)
    assert ANSI.sub("", text) == unmarked


def test_markers_close_at_line_ends() -> None:
    text = render(sample_comparison(), "text", color=False)
    for line in text.splitlines():
        assert line.count("[-") == line.count("-]")
        assert line.count("{+") == line.count("+}")
    coloured = render(sample_comparison(), "text", color=True)
    for line in coloured.splitlines():
        starts = len(re.findall(r"\x1b\[(?:9;31|4;32|1|2)m", line))
        assert starts == line.count("\x1b[0m")


def test_only_changed() -> None:
    comparison = sample_comparison()
    text = render(comparison, "text", color=False, only_changed=True)
    assert "[preamble.1 → preamble.1]" not in text
    assert "[2 → 2] formal" in text
    assert "[4 → 7] moved" in text
    full = render(comparison, "text", color=False)
    assert "[preamble.1 → preamble.1] unchanged" in full


def test_injection_shown_verbatim_but_controls_escaped() -> None:
    text = render(sample_comparison(hostile=True), "text", color=False)
    for injection in INJECTIONS:
        assert injection in text
    assert "\x1b" not in text
    assert "\\x1b[31mкрасный" in text
    coloured = render(sample_comparison(hostile=True), "text", color=True)
    assert "\x1b[31m" not in coloured  # only our own escape sequences


def test_edits_recoverable_from_plain_report() -> None:
    comparison = sample_comparison()
    text = render(comparison, "text", color=False)
    for pair in comparison.pairs:
        for edit in pair.edits:
            if edit.op is Op.DELETE and pair.kind is PairKind.MATCH:
                for piece in edit.text.split("\n"):
                    if piece:
                        assert f"[-{piece}-]" in text


def test_auto_colour_off_when_not_a_tty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdout", io.StringIO())
    assert "\x1b" not in render(sample_comparison(), "text")


def test_runs_of_unchanged_pairs_fold_into_one_line() -> None:
    from pathlib import Path

    from docdiff import compare, loads

    seed = (Path(__file__).resolve().parents[2] / "seeds" / "az-cn-2025-04.ru.txt").read_text(encoding="utf-8")
    document = loads(seed)
    text = render(compare(document, document), "text", color=False)
    count = len(document.units)
    assert f"[preamble.1 → preamble.1 … 18 → 18] {count} unchanged pairs" in text
    only = render(compare(document, document), "text", color=False, only_changed=True)
    assert "\nClauses\n" in only and "\nClauses\n\n[" not in only and "unchanged pairs" not in only


def test_two_languages_give_both_texts_not_a_redline() -> None:
    import attrs

    comparison = sample_comparison()
    english = attrs.evolve(comparison.right, metadata=attrs.evolve(comparison.right.metadata, language="en"))
    text = render(attrs.evolve(comparison, right=english), "text", color=False)
    clauses = text[text.index("\nClauses\n") : text.index("\nClosing\n")]
    assert "\n    ru:\n" in clauses and "\n    en:\n" in clauses
    assert clauses.count("[-") == 1 and clauses.count("{+") == 1  # the deleted and the inserted clause


def test_unit_labels_count_repeats() -> None:
    from docdiff.render.words import unit_labels
    from docdiff.result import PhraseSide

    sides = [PhraseSide(label, 0, 1, "x") for label in ("11", "11", "12", "11")]
    assert unit_labels(sides) == "11 ×3, 12"
    assert unit_labels([]) == "—"
