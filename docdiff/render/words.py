"""The words every renderer shares: headings, labels, directions, document facts.

Each wording is written once here, so the text, Markdown and HTML reports
say the same thing the same way; the format modules only mark it up.
Nothing here reads anything but the values of :mod:`docdiff.result`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Document
from ..result import (
    Change,
    ClausePair,
    Edit,
    FormulaOccurrence,
    FormulaUse,
    Op,
    PairKind,
    PhrasePair,
    PhraseReport,
    PhraseSide,
)

__all__ = [
    "NONE",
    "WDIFF_MARKERS",
    "describe_pair",
    "direction_label",
    "document_facts",
    "escape_controls",
    "formula_name",
    "is_changed",
    "label_counts",
    "pair_events",
    "pair_heading",
    "phrase_heading",
    "report_title",
    "title_of",
    "unchanged",
    "unit_labels",
    "unit_list",
    "wdiff",
    "wordings_of",
]

NONE = "—"  # stands for the missing side of an insertion or deletion
#: wdiff's markers around a deletion and an insertion, where colour is off or not available.
WDIFF_MARKERS = {Op.DELETE: ("[-", "-]"), Op.INSERT: ("{+", "+}")}

# C0 and C1 controls and DEL, shown as \xNN; the bidi embeddings, overrides and
# isolates (U+202A-U+202E, U+2066-U+2069) as \uNNNN.  Tab and newline lay text out.
_CONTROLS = {code: f"\\x{code:02x}" for code in (*range(0x20), 0x7F, *range(0x80, 0xA0))}
_CONTROLS.update({code: f"\\u{code:04x}" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})
_CONTROLS_BUT_LAYOUT = {code: shown for code, shown in _CONTROLS.items() if code not in (0x09, 0x0A)}


def escape_controls(text: str, *, keep_layout: bool = True) -> str:
    """Control characters and bidi overrides as visible escapes, so none reaches a terminal or a page.

    The one escaping function of every text output and every message
    docdiff prints (``parse`` and ``rank`` text, the compare, phrase and
    formula reports, the CLI's error, warning and skip lines).  Input can
    carry terminal escape sequences (ESC starts OSC 52 clipboard writes,
    title changes, screen clears: escaping ESC defuses them all), C1
    controls (``\\x9b`` is a one-byte CSI) and bidi overrides that make a
    line read otherwise than it is ("Trojan Source").  Tab and newline stay
    unless ``keep_layout`` is false (one-line output).
    """
    return text.translate(_CONTROLS_BUT_LAYOUT if keep_layout else _CONTROLS)


def wdiff(edits: Sequence[Edit]) -> str:
    """The edits on one string, each change in wdiff's markers: ``a [-b-]{+c+}`` (text as is)."""
    out = []
    for edit in edits:
        if edit.op is Op.EQUAL:
            out.append(edit.text)
        else:
            opening, closing = WDIFF_MARKERS[edit.op]
            out.append(opening + edit.text + closing)
    return "".join(out)


# -- clause pairs -------------------------------------------------------------------------------


def unchanged(pair: ClausePair) -> bool:
    """True for a pair that neither changed nor moved: one unit matched to one, same text."""
    return pair.kind is PairKind.MATCH and pair.change is Change.NONE and not pair.moved


def pair_heading(pair: ClausePair, arrow: str = "→") -> str:
    """The pair's labels, ``"3 → 16"``, ``"4 → 5, 6"``, ``"— → 9"``."""
    left = ", ".join(pair.left) or NONE
    right = ", ".join(pair.right) or NONE
    return f"{left} {arrow} {right}"


def pair_events(pair: ClausePair) -> list[str]:
    """What happened to the pair's units, without the change: ``["split", "moved"]``, ``["deleted"]``."""
    if pair.kind is PairKind.INSERT:
        return ["inserted"]
    if pair.kind is PairKind.DELETE:
        return ["deleted"]
    words = [] if pair.kind is PairKind.MATCH else [str(pair.kind)]
    if pair.moved:
        words.append("moved")
    return words


def describe_pair(pair: ClausePair) -> str:
    """What happened to the pair in words: ``"moved, substantive (modality)"``."""
    words = pair_events(pair)
    if pair.left and pair.right:
        words.append("unchanged" if pair.change is Change.NONE else str(pair.change))
    text = ", ".join(words)
    if pair.flags:
        text += " (" + ", ".join(str(f) for f in pair.flags) + ")"
    return text


def evidence_line(pair: ClausePair) -> str:
    """What a pair shares, in words: ``"shares: Quad, Indo-Pacific, 2025"`` ("" when nothing is listed)."""
    if not pair.evidence:
        return ""
    return "shares: " + ", ".join(e.value for e in pair.evidence)


def divergence_lines(pair: ClausePair) -> list[str]:
    """One line per divergence, its note: ``"figure: 33 → 34"``, ``"commitment: support → note"``."""
    return [d.note for d in pair.divergences]


def sentence_rows(
    pair: ClausePair, left: str, right: str
) -> list[tuple[str | None, str | None, tuple[Edit, ...]]]:
    """The pair's sentence alignment as ``(left text, right text, word edits)`` rows, in order.

    ``left`` and ``right`` are the two documents' sources; a side with no
    sentence is ``None``; ``edits`` is empty unless the two are close enough
    for a word diff (:class:`docdiff.result.SentencePair`).
    """
    rows = []
    for row in pair.sentences:
        a = " ".join(left[slice(*pair.left_sentences[i])] for i in row.left) if row.left else None
        b = " ".join(right[slice(*pair.right_sentences[j])] for j in row.right) if row.right else None
        rows.append((a, b, row.edits))
    return rows


# -- phrases and formulas -----------------------------------------------------------------------


def label_counts(sides: Sequence[PhraseSide]) -> dict[str, int]:
    """How many of ``sides`` lie in each unit, units in order of first appearance."""
    counts: dict[str, int] = {}
    for side in sides:
        counts[side.label] = counts.get(side.label, 0) + 1
    return counts


def unit_labels(sides: Sequence[PhraseSide]) -> str:
    """The units of ``sides``, each once, ``"11 ×6, 12"`` when one holds several; ``—`` for none."""
    counts = label_counts(sides)
    return ", ".join(f"{label} ×{n}" if n > 1 else label for label, n in counts.items()) or NONE


def unit_list(sides: Sequence[PhraseSide]) -> str:
    """The units of ``sides``, each once, in order, without counts; ``—`` for none."""
    return ", ".join(label_counts(sides)) or NONE


def phrase_heading(pair: PhrasePair) -> str:
    """``L 3 ↔ R 16``."""
    return f"L {pair.left.label} ↔ R {pair.right.label}"


def direction_label(use: FormulaUse, both: str = "present in both") -> str:
    """The direction in words: which side alone has the formula, else stronger/weaker/same.

    ``both`` stands for a formula on both sides whose direction is unknown.
    """
    if not use.right:
        return "only left"
    if not use.left:
        return "only right"
    return use.direction or both


def is_changed(use: FormulaUse) -> bool:
    """True when the formula's compared variants differ in wording."""
    return any(e.op is not Op.EQUAL for e in use.edits)


def formula_name(report: PhraseReport, formula_id: str) -> str:
    """The lexicon name of ``formula_id`` as the report gives it (the id itself for an unknown one)."""
    return dict(report.names).get(formula_id, formula_id)


def wordings_of(found: Sequence[FormulaOccurrence], formula_id: str) -> list[tuple[str, str]]:
    """``(labels, text)`` for each distinct wording of ``formula_id``, in source order."""
    labels: dict[str, list[str]] = {}
    for o in found:
        if o.id == formula_id:
            at = labels.setdefault(o.text, [])
            if o.label not in at:
                at.append(o.label)
    return [(", ".join(ls), text) for text, ls in labels.items()]


# -- documents ----------------------------------------------------------------------------------


def title_of(document: Document) -> str | None:
    """The document's title: from the metadata, else the title block."""
    meta = document.metadata
    return meta.title or (document.title.text if document.title is not None else None)


def document_facts(document: Document) -> list[tuple[str, str]]:
    """``(field, value)`` rows describing ``document`` (empty values for unknown fields)."""
    meta = document.metadata
    return [
        ("File", document.path or ""),
        ("Title", title_of(document) or ""),
        ("Date", meta.date or ""),
        ("Place", meta.place or ""),
        ("Parties", ", ".join(meta.parties)),
        ("Language", meta.language),
    ]


def _file_name(document: Document, side: str) -> str:
    return document.path.replace("\\", "/").rsplit("/", 1)[-1] if document.path else side


def report_title(report: PhraseReport) -> str:
    """``Phrases: left.txt ↔ right.txt`` (the side names for documents without a path)."""
    return f"Phrases: {_file_name(report.left, 'left')} ↔ {_file_name(report.right, 'right')}"
