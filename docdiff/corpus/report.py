"""What the CLI prints for the corpus commands: ranking, matrix and formula reports.

Each function returns a string; the CLI prints it.  The ranking JSON is
described by ``docdiff/schemas/rank-1.json``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..errors import OptionsError
from ..model import Document
from .rank import RankResult

if TYPE_CHECKING:
    from . import Corpus

__all__ = ["RANK_SCHEMA", "formulas_report", "matrix_report", "rank_json", "rank_report", "rank_text"]

#: The ``schema`` value of the ranking JSON.
RANK_SCHEMA = "docdiff/rank@1"


def _format(fmt: str, allowed: tuple[str, ...], what: str) -> None:
    if fmt not in allowed:
        raise OptionsError(f"{what} format must be one of {', '.join(allowed)}, got {fmt!r}")


def rank_json(query: Document, results: tuple[RankResult, ...]) -> str:
    """The ranking as JSON (``docdiff/rank@1``), best first; scores rounded to 4 decimals."""
    data = {
        "schema": RANK_SCHEMA,
        "query": query.path,
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
            for r in results
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def rank_text(
    query: Document, results: tuple[RankResult, ...], size: int, languages: tuple[str, ...] = ()
) -> str:
    """The ranking for a terminal: rank, score, parties and date, path, title, best clause pairs.

    ``languages`` are the corpus's languages, named when none is the query's.
    """
    name = query.path or "the statement"
    if not results:
        why = ""
        if languages and query.language not in languages:
            why = f"; it is in {query.language}, the corpus in {', '.join(languages)}"
        return f"No statement of the corpus ({size}) shares any wording with {name}{why}.\n"
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
    return "\n".join(lines) + "\n"


def rank_report(query: Document, corpus: Corpus, k: int, fmt: str) -> str:
    """Rank ``corpus`` against ``query`` and render the ``k`` best as ``fmt`` ("json" or "text")."""
    _format(fmt, ("json", "text"), "ranking")
    if k < 1:
        raise OptionsError(f"the number of results must be >= 1, got {k}")
    results = corpus.rank(query, k)
    if fmt == "json":
        return rank_json(query, results)
    languages = tuple(sorted({entry.language for entry in corpus.entries}))
    return rank_text(query, results, len(corpus), languages)


def matrix_report(corpus: Corpus, fmt: str) -> str:
    """The all-pairs similarity matrix as ``fmt``: "csv", "json" or "html" (heat map)."""
    _format(fmt, ("csv", "json", "html"), "matrix")
    matrix = corpus.matrix()
    if fmt == "csv":
        return matrix.to_csv()
    if fmt == "json":
        return matrix.to_json()
    return matrix.to_html()


def formulas_report(corpus: Corpus, fmt: str) -> str:
    """The formula variant table as ``fmt``: "json" or "text"."""
    _format(fmt, ("json", "text"), "formulas")
    table = corpus.formulas()
    return table.to_json() if fmt == "json" else table.to_text()
