"""Inline word diffs: the only module that imports ``diff_match_patch``.

diff-match-patch diffs characters; to diff words we map every distinct token
(word, whitespace run, punctuation mark, Han character) to one private
character, diff those strings, run semantic cleanup (which removes the short
coincidental equalities that make word diffs unreadable), and map back.  The
result is a tuple of :class:`~docdiff.result.Edit` whose equal+delete pieces
rebuild the left text exactly and whose equal+insert pieces rebuild the right.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

import diff_match_patch

from ..result import Edit, Op
from .tokens import split_tokens

__all__ = ["diff_tokens", "merge_edits", "word_diff"]

_OPS = {
    diff_match_patch.diff_match_patch.DIFF_EQUAL: Op.EQUAL,
    diff_match_patch.diff_match_patch.DIFF_DELETE: Op.DELETE,
    diff_match_patch.diff_match_patch.DIFF_INSERT: Op.INSERT,
}
# Private code points start past the surrogates; 0x10000 leaves room for a
# million distinct tokens, far more than any pair of statements holds.
_FIRST_CODE = 0xE000


def _engine() -> diff_match_patch.diff_match_patch:
    engine = diff_match_patch.diff_match_patch()
    # No time limit: with a deadline the result would depend on machine speed.
    # Inputs are token strings (a clause is hundreds of tokens), so this is cheap.
    engine.Diff_Timeout = 0
    return engine


def _code(index: int) -> str:
    code = _FIRST_CODE + index
    if code >= 0xF900:  # jump over the CJK compatibility block to the supplementary planes
        code += 0xF0000 - 0xF900
    return chr(code)


def diff_tokens(left: list[str], right: list[str]) -> tuple[Edit, ...]:
    """Diff two token lists; see :func:`word_diff`."""
    # Codes in order of first appearance, left text first.
    vocabulary = dict.fromkeys(itertools.chain(left, right))
    table = {token: _code(k) for k, token in enumerate(vocabulary)}
    engine = _engine()
    diffs = engine.diff_main(
        "".join(map(table.__getitem__, left)), "".join(map(table.__getitem__, right)), False
    )
    engine.diff_cleanupSemantic(diffs)
    index = {char: token for token, char in table.items()}
    edits = [Edit(_OPS[op], "".join(map(index.__getitem__, chars))) for op, chars in diffs if chars]
    return merge_edits(edits)


def word_diff(left: str, right: str) -> tuple[Edit, ...]:
    """Word-level edits turning ``left`` into ``right``.

    Joined, the ``equal`` and ``delete`` texts give ``left`` and the
    ``equal`` and ``insert`` texts give ``right``, exactly.  Within each run
    of changes the deletion comes before the insertion.
    """
    if left == right:
        return (Edit(Op.EQUAL, left),) if left else ()
    return diff_tokens(split_tokens(left), split_tokens(right))


def merge_edits(edits: Iterable[Edit]) -> tuple[Edit, ...]:
    """Join neighbouring edits of the same kind; put deletions before insertions.

    Reordering within a run of changes (between two equal pieces) keeps both
    rebuilt texts unchanged.
    """
    out: list[Edit] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush() -> None:
        if deleted:
            out.append(Edit(Op.DELETE, "".join(deleted)))
        if inserted:
            out.append(Edit(Op.INSERT, "".join(inserted)))
        deleted.clear()
        inserted.clear()

    for edit in edits:
        if not edit.text:
            continue
        if edit.op is Op.DELETE:
            deleted.append(edit.text)
        elif edit.op is Op.INSERT:
            inserted.append(edit.text)
        else:
            flush()
            if out and out[-1].op is Op.EQUAL:
                out[-1] = Edit(Op.EQUAL, out[-1].text + edit.text)
            else:
                out.append(edit)
    flush()
    return tuple(out)
