"""Which statements of a corpus use each lexicon formula, and in which wording.

For each formula of :func:`docdiff.phrases.formulas.formula_lexicon` and each
language, the matched wordings are grouped into *variants*: two wordings
are the same variant when they are equal after
``normalize(casefold=True)`` (typography and case never make a variant).
Variants are ordered by how many times they occur; the first, the most
common, is the base, and every other variant carries its word diff from it.

Formulas are looked for in the stored units (preamble and clauses), not at
index time: indexing for ranking stays fast, an opened index answers
without the original files, and the news envelope around a statement (the
reporter's words, not the parties') is left out.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from attrs import frozen

from ..model import Clause, Document, Metadata, Paragraph, Span
from ..phrases.formulas import find_formulas, formula_lexicon
from ..result import Edit
from ..text.inline import word_diff
from ..text.normalize import normalize
from .entry import Entry, Unit

__all__ = [
    "FORMULAS_SCHEMA",
    "FormulaHit",
    "FormulaTable",
    "FormulaUsage",
    "Use",
    "Variant",
    "find_hits",
    "formula_table",
]

#: The ``schema`` value of the formula table JSON.
FORMULAS_SCHEMA = "docdiff/corpus-formulas@1"


@frozen
class FormulaHit:
    """A lexicon formula found in a statement: the formula id, the unit label, the words matched."""

    id: str
    label: str
    text: str


@frozen
class Use:
    """One statement's use of a wording: its path and the unit label where it occurs."""

    path: str
    label: str


@frozen
class Variant:
    """One wording of a formula, how often it occurs, where, and its word diff from the base."""

    wording: str
    count: int
    uses: tuple[Use, ...]
    edits: tuple[Edit, ...]


@frozen
class FormulaUsage:
    """A formula in one language: how many statements use it, and its variants, most common first."""

    id: str
    name: str
    language: str
    statements: int
    variants: tuple[Variant, ...]


@frozen
class FormulaTable:
    """Every formula used in a corpus, in lexicon order, then by language."""

    formulas: tuple[FormulaUsage, ...]

    def to_json(self) -> str:
        """The table as JSON (``docdiff/corpus-formulas@1``); edits are ``[op, text]`` pairs."""
        data = {
            "schema": FORMULAS_SCHEMA,
            "formulas": [
                {
                    "id": f.id,
                    "name": f.name,
                    "language": f.language,
                    "statements": f.statements,
                    "variants": [
                        {
                            "wording": v.wording,
                            "count": v.count,
                            "uses": [{"path": u.path, "label": u.label} for u in v.uses],
                            "edits": [[e.op.value, e.text] for e in v.edits],
                        }
                        for v in f.variants
                    ],
                }
                for f in self.formulas
            ],
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def to_text(self) -> str:
        """The table for a terminal: each formula, its variants with counts, diffs as [-old-]{+new+}."""
        if not self.formulas:
            return "No lexicon formula occurs in these statements.\n"
        lines: list[str] = []
        for f in self.formulas:
            plural = "s" if f.statements != 1 else ""
            lines.append(f"{f.name} [{f.id}, {f.language}]: {f.statements} statement{plural}")
            for number, v in enumerate(f.variants):
                mark = "base" if number == 0 else _inline(v.edits)
                lines.append(f"  {v.count:>4}x  {v.wording!r}  ({mark})")
                where = ", ".join(f"{_name(u.path)} {u.label}" for u in v.uses[:5])
                more = f", and {len(v.uses) - 5} more" if len(v.uses) > 5 else ""
                lines.append(f"         {where}{more}")
            lines.append("")
        return "\n".join(lines)


def _name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1] or path


def _inline(edits: Sequence[Edit]) -> str:
    marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    return "".join(marks[e.op.value].format(e.text) for e in edits)


def _document(units: Sequence[Unit], language: str) -> Document:
    """A document made of the stored units, each paragraph where it was, for the formula search."""
    source_parts: list[str] = []
    clauses = []
    offset = 0
    for ordinal, unit in enumerate(units, 1):
        paragraphs = []
        # Unit texts are their paragraphs joined by a blank line (Clause.text).
        for text in unit.text.split("\n\n"):
            if offset:
                source_parts.append("\n\n")
                offset += 2
            paragraphs.append(Paragraph(Span(offset, offset + len(text)), text))
            source_parts.append(text)
            offset += len(text)
        span = Span(paragraphs[0].span.start, paragraphs[-1].span.end)
        clauses.append(Clause(unit.label, ordinal, span, paragraphs))
    return Document("".join(source_parts), Metadata(language), clauses)


def find_hits(items: Sequence[tuple[str, Sequence[Unit]]]) -> list[tuple[FormulaHit, ...]]:
    """The formulas found in each ``(language, units)`` statement (a picklable work function)."""
    out = []
    for language, units in items:
        found = find_formulas(_document(units, language)) if units else ()
        out.append(tuple(FormulaHit(o.id, o.label, o.text) for o in found))
    return out


def formula_table(entries: Sequence[Entry], hits: Sequence[Sequence[FormulaHit]]) -> FormulaTable:
    """Group the formulas found in ``entries`` (``hits[i]`` for entry ``i``) into variants."""
    # (formula, language) -> variant key -> list of (wording, Use), in corpus order.
    found: dict[tuple[str, str], dict[str, list[tuple[str, Use]]]] = {}
    for entry, entry_hits in zip(entries, hits, strict=True):
        for hit in entry_hits:
            key = normalize(hit.text, casefold=True).text
            found.setdefault((hit.id, entry.language), {}).setdefault(key, []).append(
                (hit.text, Use(entry.path, hit.label))
            )
    out: list[FormulaUsage] = []
    for formula in formula_lexicon():
        for language in sorted(lang for fid, lang in found if fid == formula.id):
            groups = found[(formula.id, language)]
            ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
            base = _wording(ordered[0][1])
            variants = []
            for number, (_, uses) in enumerate(ordered):
                wording = _wording(uses)
                edits = () if number == 0 else word_diff(base, wording)
                distinct = tuple(dict.fromkeys(u for _, u in uses))
                variants.append(Variant(wording, len(uses), distinct, edits))
            statements = len({u.path for _, uses in ordered for _, u in uses})
            out.append(FormulaUsage(formula.id, formula.name, language, statements, tuple(variants)))
    return FormulaTable(tuple(out))


def _wording(uses: Sequence[tuple[str, Use]]) -> str:
    """The variant's most frequent spelling as printed (ties: the first in sort order)."""
    counts: dict[str, int] = {}
    for text, _ in uses:
        counts[text] = counts.get(text, 0) + 1
    return min(counts, key=lambda text: (-counts[text], text))
