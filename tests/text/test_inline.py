import itertools

from hypothesis import given
from strategies import diff_texts

from docdiff.result import Edit, Op
from docdiff.text.inline import merge_edits, word_diff


def rebuild(edits, side):
    skip = Op.INSERT if side == "left" else Op.DELETE
    return "".join(e.text for e in edits if e.op is not skip)


@given(diff_texts(), diff_texts())
def test_edits_rebuild_both_texts(left, right):
    edits = word_diff(left, right)
    assert rebuild(edits, "left") == left
    assert rebuild(edits, "right") == right


@given(diff_texts(), diff_texts())
def test_no_empty_or_adjacent_same_edits(left, right):
    edits = word_diff(left, right)
    assert all(e.text for e in edits)
    for a, b in itertools.pairwise(edits):
        assert a.op != b.op


def test_word_level_change():
    edits = word_diff("Стороны выражают готовность продолжать.", "Стороны договорились продолжать.")
    assert edits == (
        Edit(Op.EQUAL, "Стороны "),
        Edit(Op.DELETE, "выражают готовность"),
        Edit(Op.INSERT, "договорились"),
        Edit(Op.EQUAL, " продолжать."),
    )


def test_identical_and_empty():
    assert word_diff("a b", "a b") == (Edit(Op.EQUAL, "a b"),)
    assert word_diff("", "") == ()
    assert word_diff("", "x") == (Edit(Op.INSERT, "x"),)


def test_deterministic():
    a = "Стороны твердо поддерживают друг друга в выборе пути развития. " * 30
    b = a.replace("твердо", "решительно").replace("пути", "модели")
    assert word_diff(a, b) == word_diff(a, b)


def test_merge_puts_deletions_first():
    merged = merge_edits(
        [Edit(Op.INSERT, "b"), Edit(Op.DELETE, "a"), Edit(Op.EQUAL, "c"), Edit(Op.EQUAL, "d")]
    )
    assert merged == (Edit(Op.DELETE, "a"), Edit(Op.INSERT, "b"), Edit(Op.EQUAL, "cd"))
