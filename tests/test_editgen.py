"""Alignment quality on known edit scripts (see editgen.py), and the generator itself."""

from __future__ import annotations

import functools

import pytest
from editgen import ENGLISH, Tally, build, chain_roles, edit, generate, seed_statement

from docdiff.compare import compare
from docdiff.model import Document
from docdiff.options import Options


@functools.cache
def _left(text: str, language: str, parties: tuple[str, ...]) -> Document:
    return build(text, language, parties)


def measure(text: str, language: str, parties: tuple[str, ...], seeds: range) -> Tally:
    """Score compare() on the scripts ``seeds`` (3 to 12 operations each) applied to ``text``."""
    tally = Tally()
    left = _left(text, language, parties)
    for seed in seeds:
        scripted = edit(left, seed)
        result = compare(left, scripted.right, Options(phrases=False))
        tally.add(left, scripted.right, scripted.pairs, result, f"{seed} {scripted.script}")
    return tally


def test_chain_roles() -> None:
    # 0 1 2 moved-3-to-end: the one off every chain is the moved one.
    every, never = chain_roles([(0, 0), (1, 1), (2, 4), (3, 2), (4, 3)])
    assert never == {2}
    assert every == {0, 1, 3, 4}
    # A swap of two: either may be the move.
    every, never = chain_roles([(0, 1), (1, 0)])
    assert never == set() and every == set()


@pytest.mark.parametrize(
    ("name", "text", "language", "parties", "seeds"),
    [
        ("seed-ru", seed_statement(), "ru", ("AZ", "CN"), range(200)),
        ("english", ENGLISH, "en", ("XA", "XB"), range(1000, 1080)),
    ],
)
def test_alignment_quality(
    name: str, text: str, language: str, parties: tuple[str, ...], seeds: range
) -> None:
    tally = measure(text, language, parties, seeds)
    figures = tally.figures()
    print(f"\n{name}: {figures}")
    assert figures["f1"] >= 0.98, tally.failures[:20]
    assert figures["moved"] >= 0.98, figures
    assert figures["wrong_moves"] == 0, tally.failures[:20]
    assert figures["change"] >= 0.97, figures
    assert figures["rebuilt"] == 1.0, figures


def test_generator_is_seeded_and_renumbers() -> None:
    text = seed_statement()
    a, b = generate(text, 42), generate(text, 42)
    assert a == b
    doc = build(a.right)
    assert [u.label for u in doc.clauses] == [str(n) for n in range(1, len(doc.clauses) + 1)]
    labels = {u.label for u in doc.units}
    assert {x for _, _, right, _, _ in a.pairs for x in right} == labels


def test_generator_makes_every_kind_of_edit() -> None:
    text = seed_statement()
    ops = {op.split(":")[0] for seed in range(60) for op in generate(text, seed).script}
    assert ops >= {"move", "delete", "insert", "split", "merge", "formal", "substantive"}
    done = {op for seed in range(200) for op in edit(build(text), seed).script}
    assert done >= {
        "move:1",
        "move:2",
        "move:3",
        "insert:lookalike",
        "insert:pool",
        "split:paragraph",
        "split:sentence",
        "merge:paragraphs",
        "merge:sentences",
        "formal:quotes",
        "formal:nbsp",
        "formal:yo",
        "formal:case",
        "formal:spaces",
        "formal:wrap",
        "substantive:intensifier",
        "substantive:actor",
        "substantive:word",
        "substantive:number",
        "substantive:cut",
        "substantive:phrase",
    }, done
    kinds = {k for seed in range(60) for k, *_ in generate(text, seed).pairs}
    assert kinds == {"match", "split", "merge", "insert", "delete"}


def test_every_formal_edit_is_formal_and_every_substantive_one_is_not() -> None:
    from docdiff.classify import classify
    from docdiff.inline import word_diff

    left = build(seed_statement())
    texts = {u.label: u.text for u in left.units}
    for seed in range(100):
        scripted = edit(left, seed)
        for kind, lf, rt, change in scripted.pairs:
            if kind == "match":
                a, b = texts[lf[0]], scripted.right.unit(rt[0]).text
                assert classify(a, b, word_diff(a, b))[0].value == change, (seed, lf, rt)


def test_roman_and_parenthesised_numbering() -> None:
    left = build(seed_statement())
    roman = edit(left, 1, style="roman").right
    assert [u.label for u in roman.clauses][:4] == ["I", "II", "III", "IV"]
    assert "\n\nII. " in roman.source
    paren = edit(left, 1, style="paren").right
    assert "\n\n2) " in paren.source
