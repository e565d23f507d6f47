"""Alignment quality on known edit scripts (see editgen.py), and the generator itself."""

from __future__ import annotations

import functools
from collections.abc import Sequence

import pytest
from editgen import ENGLISH, build, generate, seed_statement

from docdiff.compare import compare
from docdiff.model import Document
from docdiff.options import Options

Row = tuple[str, tuple[str, ...], tuple[str, ...]]


@functools.cache
def _left(text: str, language: str, parties: tuple[str, ...]) -> Document:
    return build(text, language, parties)


def chain_roles(pairs: Sequence[tuple[int, int]]) -> tuple[set[int], set[int]]:
    """Indices of ``pairs`` (left, right positions) that are on every / on no longest increasing chain.

    A pair on no longest chain must be reported moved; a pair on every one
    must not be; the rest are ties either answer fits.
    """
    order = sorted(range(len(pairs)), key=lambda k: pairs[k])
    ys = [pairs[k][1] for k in order]
    n = len(ys)
    ending = [0] * n
    for p in range(n):
        ending[p] = 1 + max((ending[q] for q in range(p) if ys[q] < ys[p]), default=0)
    starting = [0] * n
    for p in reversed(range(n)):
        starting[p] = 1 + max((starting[q] for q in range(p + 1, n) if ys[q] > ys[p]), default=0)
    best = max(ending, default=0)
    on_some = [ending[p] + starting[p] - 1 == best for p in range(n)]
    levels: dict[int, list[int]] = {}
    for p in range(n):
        if on_some[p]:
            levels.setdefault(ending[p], []).append(p)
    every = {order[p] for group in levels.values() if len(group) == 1 for p in group}
    never = {order[p] for p in range(n) if not on_some[p]}
    return every, never


def measure(text: str, language: str, parties: tuple[str, ...], seeds: range) -> dict[str, float]:
    tp = fp = fn = 0
    change_ok = change_all = 0
    moved_ok = moved_all = wrong_moves = 0
    rebuilt = rebuilt_all = 0
    left = _left(text, language, parties)
    left_pos = {u.label: k for k, u in enumerate(left.units)}
    for seed in seeds:
        edited = generate(text, seed, language, parties)
        assert edited.left == text
        right = build(edited.right, language, parties)
        right_pos = {u.label: k for k, u in enumerate(right.units)}
        result = compare(left, right, Options(phrases=False))
        got = {(p.kind.value, p.left, p.right): p for p in result.pairs}
        expected = {(k, lf, rt): (moved, change) for k, lf, rt, moved, change in edited.pairs}
        hits = set(got) & set(expected)
        tp += len(hits)
        fp += len(set(got) - hits)
        fn += len(set(expected) - hits)
        for key in hits:
            change_all += 1
            change_ok += got[key].change.value == expected[key][1]
        paired = [key for key in expected if key[1] and key[2]]
        every, never = chain_roles([(left_pos[k[1][0]], right_pos[k[2][0]]) for k in paired])
        for index, key in enumerate(paired):
            if key not in got:
                continue
            moved_all += 1
            if index in never:
                moved_ok += got[key].moved
            elif index in every:
                moved_ok += not got[key].moved
                wrong_moves += got[key].moved
            else:
                moved_ok += 1
        for pair in result.pairs:
            rebuilt_all += 1
            rebuilt += pair.left_text == "\n\n".join(left.unit(x).text for x in pair.left) and (
                pair.right_text == "\n\n".join(right.unit(x).text for x in pair.right)
            )
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return {
        "f1": 2 * precision * recall / (precision + recall),
        "change": change_ok / change_all,
        "moved": moved_ok / moved_all,
        "wrong_moves": wrong_moves,
        "rebuilt": rebuilt / rebuilt_all,
    }


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
    figures = measure(text, language, parties, seeds)
    assert figures["f1"] >= 0.98, figures
    assert figures["moved"] >= 0.98, figures
    assert figures["wrong_moves"] == 0, figures
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
    kinds = {k for seed in range(60) for k, *_ in generate(text, seed).pairs}
    assert kinds == {"match", "split", "merge", "insert", "delete"}
