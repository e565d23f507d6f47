"""docdiff.render.comparison_json: comparison@1 and phrases@1 JSON, checked against the shipped schemas."""

from __future__ import annotations

import importlib
import json

import jsonschema
import pytest
from render_sample import INJECTIONS, sample_comparison

from docdiff.errors import OptionsError
from docdiff.render import formats, register, render
from docdiff.render.comparison_json import comparison_to_dict, phrases_to_json, schema
from docdiff.result import Comparison, Op


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return sample_comparison()


def validate(data: object, name: str = "comparison") -> None:
    jsonschema.Draft202012Validator.check_schema(schema(name))
    jsonschema.Draft202012Validator(schema(name)).validate(data)


def test_output_validates_against_schema(comparison: Comparison) -> None:
    validate(json.loads(render(comparison, "json")))


def test_hostile_output_validates_and_roundtrips() -> None:
    hostile = sample_comparison(hostile=True)
    text = hostile.to_json()
    data = json.loads(text)
    validate(data)
    inserted = next(p for p in data["pairs"] if p["kind"] == "insert")
    body = "".join(t for _, t in inserted["edits"])
    for injection in INJECTIONS:
        assert injection in body
    assert "\x1b" in body  # JSON keeps the text exactly; escaping is the display's business
    assert "\\u001b" in text


def test_fixed_field_order_and_contract(comparison: Comparison) -> None:
    data = comparison_to_dict(comparison)
    assert list(data)[:9] == [
        "schema",
        "left",
        "right",
        "pairs",
        "phrases",
        "formulas",
        "envelope",
        "closing",
        "summary",
    ]
    assert data["schema"] == "docdiff/comparison@1"
    assert data["left"]["language"] == "ru"
    assert data["left"]["parties"] == ["CN", "RU"]
    assert list(data["pairs"][0]) == [
        "kind",
        "left",
        "right",
        "moved",
        "change",
        "flags",
        "similarity",
        "matched_by",
        "edits",
        "notes",
        "evidence",
        "left_sentences",
        "right_sentences",
        "sentences",
        "divergences",
    ]
    moved = [p for p in data["pairs"] if p["moved"]]
    assert [(p["left"], p["right"], p["flags"]) for p in moved] == [(["4"], ["7"], ["actor"])]
    for pair in data["pairs"]:
        if pair["kind"] in ("insert", "delete"):
            assert pair["matched_by"] is None
    assert data["summary"]["by_kind"] == {"match": 4, "split": 1, "merge": 1, "insert": 1, "delete": 1, "related": 0}
    assert data["summary"]["metadata"][1] == {"field": "date", "left": "2024-05-16", "right": "2025-05-08"}


def test_edits_rebuild_both_texts(comparison: Comparison) -> None:
    data = comparison_to_dict(comparison)
    for pair, source in zip(data["pairs"], comparison.pairs, strict=True):
        left = "".join(t for op, t in pair["edits"] if op != Op.INSERT)
        right = "".join(t for op, t in pair["edits"] if op != Op.DELETE)
        assert left == source.left_text
        assert right == source.right_text


def test_floats_rounded(comparison: Comparison) -> None:
    data = comparison_to_dict(comparison)
    assert data["pairs"][1]["similarity"] == 0.7123
    assert data["phrases"][1]["score"] == 0.8333


def test_deterministic_text(comparison: Comparison) -> None:
    first = render(comparison, "json")
    assert first == render(sample_comparison(), "json")
    assert first.endswith("}\n")
    assert "Стороны" in first  # not \u-escaped


def test_phrases_json_validates(comparison: Comparison) -> None:
    text = phrases_to_json(comparison.left, comparison.right, comparison.phrases, comparison.formulas)
    data = json.loads(text)
    validate(data, "phrases")
    assert data["schema"] == "docdiff/phrases@1"
    assert data["pairs"][0]["formula"] == "comprehensive-partnership"
    assert set(data["formulas"][0]["left"][0]) == {"label", "start", "end"}
    for pair in data["pairs"]:
        for side, document in (("left", comparison.left), ("right", comparison.right)):
            span = pair[side]
            assert document.source[span["start"] : span["end"]] == span["text"]


def test_registry() -> None:
    assert {"json", "text", "md", "html"} <= set(formats(Comparison))
    with pytest.raises(OptionsError, match="unknown output format 'pdf'"):
        render(sample_comparison(), "pdf")
    with pytest.raises(OptionsError, match="colour"):
        render(sample_comparison(), "json", colour=True)


def test_register_custom_format(monkeypatch: pytest.MonkeyPatch) -> None:
    registry = importlib.import_module("docdiff.registry")
    monkeypatch.setattr(registry, "_RENDERERS", {k: dict(v) for k, v in registry._RENDERERS.items()})

    @register(Comparison, "count-test")
    def count(comparison: Comparison, *, sep: str = ":") -> str:
        return f"pairs{sep}{len(comparison.pairs)}"

    assert render(sample_comparison(), "count-test", sep="=") == "pairs=8"
    assert "count-test" in formats(Comparison)
    with pytest.raises(OptionsError, match="it takes: sep"):
        render(sample_comparison(), "count-test", color=True)
