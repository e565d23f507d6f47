"""What the corpus commands print: the ranking, the similarity matrix and the formula variant table.

Each renderer takes a value of :mod:`docdiff.corpus.types` and returns a
string; the CLI prints it.  The JSON forms are described by
``docdiff/schemas/rank-1.json``, ``matrix-1.json`` and
``corpus-formulas-1.json``; the matrix's HTML heat map is
:mod:`docdiff.render.heatmap`.
"""

from __future__ import annotations

import csv
import io

from ..corpus.types import FormulaTable, Matrix, Ranking
from ..registry import register
from .jsonout import CORPUS_FORMULAS_SCHEMA, MATRIX_SCHEMA, RANK_SCHEMA, dump
from .words import escape_controls, wdiff

__all__ = [
    "csv_cell",
    "formula_table_json",
    "formula_table_text",
    "matrix_csv",
    "matrix_json",
    "rank_json",
    "rank_text",
]


@register(Ranking, "json")
def rank_json(ranking: Ranking) -> str:
    """The ranking as JSON (``docdiff/rank@1``), best first; scores rounded to 4 decimals."""
    data = {
        "schema": RANK_SCHEMA,
        "query": ranking.query,
        "results": [
            {
                "path": r.path,
                "score": round(r.score, 4),
                "title": r.title,
                "date": r.date,
                "parties": list(r.parties),
                "pairs": [
                    {"query": p.query, "corpus": p.corpus, "similarity": round(p.similarity, 4)}
                    for p in r.pairs
                ],
            }
            for r in ranking.results
        ],
    }
    return dump(data, allow_nan=True)


@register(Ranking, "text")
def rank_text(ranking: Ranking) -> str:
    """The ranking for a terminal: rank, score, parties and date, path, title, best clause pairs.

    The corpus's languages are named when none is the query's.
    """
    name = ranking.query or "the statement"
    results, size, languages = ranking.results, ranking.size, ranking.languages
    if not results:
        why = ""
        if languages and ranking.language not in languages:
            why = f"; it is in {ranking.language}, the corpus in {', '.join(languages)}"
        return escape_controls(f"No statement of the corpus ({size}) shares any wording with {name}{why}.\n")
    lines = [f"Statements most like {name} ({len(results)} of {size}):", ""]
    width = len(str(len(results)))
    for number, r in enumerate(results, 1):
        label = " ".join(x for x in ("–".join(r.parties), r.date or "") if x) or "-"
        lines.append(f"{number:>{width}}. {r.score:.2f}  {label}  {r.path}")
        indent = " " * (width + 2)
        if r.title:
            lines.append(f"{indent}{r.title}")
        if r.pairs:
            pairs = "; ".join(f"{p.query} ~ {p.corpus} ({p.similarity:.2f})" for p in r.pairs)
            lines.append(f"{indent}best clauses: {pairs}")
    return escape_controls("\n".join(lines) + "\n")


# A cell a spreadsheet would run as a formula (=, +, -, @) or whose first
# character a spreadsheet strips (tab, carriage return): OWASP's CSV injection.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: str) -> str:
    """``text`` safe as a spreadsheet cell: a leading apostrophe before a formula's first character.

    Control characters are escaped too (``\\x0d``): a bare carriage return
    inside a cell splits the row for most CSV readers.
    """
    return escape_controls("'" + text if text.startswith(_FORMULA_START) else text, keep_layout=False)


@register(Matrix, "csv")
def matrix_csv(matrix: Matrix) -> str:
    """The matrix as CSV: a header row of labels, then one row per statement (4 decimals).

    A label that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return gets a leading apostrophe (:func:`csv_cell`), so no spreadsheet
    runs it as a formula; numbers are written as they are.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    labels = [csv_cell(label) for label in matrix.labels]
    writer.writerow(["", *labels])
    for label, row in zip(labels, matrix.values, strict=True):
        writer.writerow([label, *(f"{v:.4f}" for v in row)])
    return out.getvalue()


@register(Matrix, "json")
def matrix_json(matrix: Matrix) -> str:
    """The matrix as JSON (``docdiff/matrix@1``): statements, then rows of values (4 decimals)."""
    data = {
        "schema": MATRIX_SCHEMA,
        "statements": [{"label": lb, "path": p} for lb, p in zip(matrix.labels, matrix.paths, strict=True)],
        "values": [[round(v, 4) for v in row] for row in matrix.values],
    }
    return dump(data, allow_nan=True)


@register(FormulaTable, "json")
def formula_table_json(table: FormulaTable) -> str:
    """The table as JSON (``docdiff/corpus-formulas@1``); edits are ``[op, text]`` pairs."""
    data = {
        "schema": CORPUS_FORMULAS_SCHEMA,
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
            for f in table.formulas
        ],
    }
    return dump(data, allow_nan=True)


@register(FormulaTable, "text")
def formula_table_text(table: FormulaTable) -> str:
    """The table for a terminal: each formula, its variants with counts, diffs as [-old-]{+new+}."""
    if not table.formulas:
        return "No lexicon formula occurs in these statements.\n"
    lines: list[str] = []
    for f in table.formulas:
        plural = "s" if f.statements != 1 else ""
        lines.append(f"{f.name} [{f.id}, {f.language}]: {f.statements} statement{plural}")
        for number, v in enumerate(f.variants):
            mark = "base" if number == 0 else wdiff(v.edits)
            lines.append(f"  {v.count:>4}x  {v.wording!r}  ({mark})")
            where = ", ".join(f"{_name(u.path)} {u.label}" for u in v.uses[:5])
            more = f", and {len(v.uses) - 5} more" if len(v.uses) > 5 else ""
            lines.append(f"         {where}{more}")
        lines.append("")
    return escape_controls("\n".join(lines))


def _name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1] or path
