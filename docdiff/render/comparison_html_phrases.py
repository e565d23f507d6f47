"""The phrases and formulas section of the HTML report.

Formulas first, one row each with the direction as a badge; reworded phrases
one line each with the change in words, the full redline folded; identical
phrases folded as a whole.  Built with :mod:`lxml.html.builder`, statement
text only ever as text nodes.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml.html import builder as E

from ..result import Comparison, Edit, FormulaUse, Op, PhrasePair, PhraseSide
from .html_parts import Element, Ids, badge, clean, paragraphs
from .words import NONE, direction_label, label_counts

__all__ = ["changes_in_words", "phrases_section"]


def _side_links(sides: Sequence[PhraseSide], id_of: dict[str, str]) -> list[Element | str]:
    """Links to the units of ``sides``, each unit once, with ``×N`` when it holds N of them."""
    out: list[Element | str] = []
    for label, count in label_counts(sides).items():
        if out:
            out.append(", ")
        out.append(E.A(clean(label), href="#" + id_of[label]) if label in id_of else clean(label))
        if count > 1:
            out.append(f" ×{count}")
    return out or [NONE]


def _excerpt(text: str, limit: int) -> str:
    text = " ".join(clean(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def changes_in_words(edits: Sequence[Edit], limit: int = 3, width: int = 48) -> list[Element | str]:
    """The changes of ``edits`` on one short line: ``was → now; −gone; +new``.

    Old and new wording are ``<span class="was">`` / ``<span class="now">``
    (styled as deletions and insertions, but not ``del`` / ``ins``: the full
    redline is elsewhere); each is cut to ``width`` characters and at most
    ``limit`` changes are named.
    """
    parts: list[list[Element | str]] = []
    deleted = inserted = ""
    for edit in (*edits, Edit(Op.EQUAL, "")):
        if edit.op is Op.DELETE:
            deleted += edit.text
        elif edit.op is Op.INSERT:
            inserted += edit.text
        elif deleted.strip() or inserted.strip():
            old, new = _excerpt(deleted, width), _excerpt(inserted, width)
            was, now = E.SPAN(old, E.CLASS("was")), E.SPAN(new, E.CLASS("now"))
            parts.append([was, " → ", now] if old and new else (["−", was] if old else ["+", now]))
            deleted = inserted = ""
        else:
            deleted = inserted = ""  # a change of whitespace only is not worth naming
    out: list[Element | str] = []
    for part in parts[:limit]:
        out += ["; "] * bool(out) + part
    if len(parts) > limit:
        out.append(f"; … {len(parts) - limit} more")
    return out or ["spacing only"]


def _direction(use: FormulaUse) -> Element:
    if not use.right:
        kind = "gone"
    elif not use.left:
        kind = "new"
    else:
        kind = use.direction or "same"
    return badge(direction_label(use), "direction", f"dir-{kind}")


def _formulas_table(comparison: Comparison, ids: Ids, lang: str) -> Element:
    rows = []
    for use in comparison.formulas:
        wording: Element | str = NONE
        if any(e.op is not Op.EQUAL for e in use.edits):
            wording = E.DETAILS(
                E.SUMMARY(*changes_in_words(use.edits)),
                E.DIV(*paragraphs(use.edits, tuple(Op)), E.CLASS("phrase"), lang=lang),
            )
        rows.append(
            E.TR(
                E.TD(E.CODE(clean(use.id))),
                E.TD(_direction(use)),
                E.TD(*_side_links(use.left, ids.left)),
                E.TD(*_side_links(use.right, ids.right)),
                E.TD(wording),
            )
        )
    head = E.THEAD(
        E.TR(*(E.TH(h, scope="col") for h in ("Formula", "Right vs left", "Left", "Right", "Wording")))
    )
    return E.TABLE(head, E.TBODY(*rows), E.CLASS("list formulas"))


def _reworded_table(phrases: Sequence[PhrasePair], ids: Ids, lang: str) -> Element:
    rows = [
        E.TR(
            E.TD(*_side_links([p.left], ids.left)),
            E.TD(*_side_links([p.right], ids.right)),
            E.TD(f"{p.score:.2f}", E.CLASS("n")),
            E.TD(E.CODE(clean(p.formula)) if p.formula else ""),
            E.TD(
                E.DETAILS(
                    E.SUMMARY(*changes_in_words(p.edits)),
                    E.DIV(*paragraphs(p.edits, tuple(Op)), E.CLASS("phrase"), lang=lang),
                )
            ),
        )
        for p in phrases
    ]
    head = E.THEAD(E.TR(*(E.TH(h, scope="col") for h in ("Left", "Right", "Score", "Formula", "Change"))))
    return E.TABLE(head, E.TBODY(*rows), E.CLASS("list phrases"))


def _identical_table(phrases: Sequence[PhrasePair], ids: Ids, lang: str) -> Element:
    rows = [
        E.TR(
            E.TD(*_side_links([p.left], ids.left)),
            E.TD(*_side_links([p.right], ids.right)),
            E.TD(E.CODE(clean(p.formula)) if p.formula else ""),
            E.TD(_excerpt(p.right.text, 90), E.CLASS("phrase"), lang=lang),
        )
        for p in phrases
    ]
    head = E.THEAD(E.TR(*(E.TH(h, scope="col") for h in ("Left", "Right", "Formula", "Phrase (start)"))))
    return E.TABLE(head, E.TBODY(*rows), E.CLASS("list phrases"))


def phrases_section(comparison: Comparison, ids: Ids) -> list[Element]:
    """Formulas, then reworded and identical shared phrases, linking to their units.

    Formulas come first and compactly, one row each with the direction as a
    badge; each reworded phrase is one line naming its change, its redline
    folded in a ``<details>``; identical phrases are folded as a whole, since
    their text is in the clauses already.
    """
    out: list[Element] = []
    lang = comparison.right.language
    if comparison.formulas:
        out += [E.H3(f"Formulas ({len(comparison.formulas)})"), _formulas_table(comparison, ids, lang)]
    reworded = [p for p in comparison.phrases if any(e.op is not Op.EQUAL for e in p.edits)]
    identical = [p for p in comparison.phrases if not any(e.op is not Op.EQUAL for e in p.edits)]
    if reworded:
        out += [
            E.H3(f"Reworded phrases ({len(reworded)})"),
            E.P("Open a row to read its redline.", E.CLASS("hint")),
            _reworded_table(reworded, ids, lang),
        ]
    if identical:
        out += [
            E.H3(f"Identical phrases ({len(identical)})"),
            E.DETAILS(
                E.SUMMARY(
                    "Show the phrase both documents share word for word"
                    if len(identical) == 1
                    else f"Show the {len(identical)} phrases both documents share word for word"
                ),
                _identical_table(identical, ids, lang),
            ),
        ]
    return [E.SECTION(E.H2("Phrases"), *out, id="phrases")] if out else []
