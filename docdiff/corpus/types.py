"""What the corpus finds: plain frozen values, the contract between :mod:`docdiff.corpus` and the renderers.

Nothing here computes or formats: :mod:`docdiff.render.corpus` renders
these values (``render(matrix, "csv")``, ``render(ranking, "json")``...).
"""

from __future__ import annotations

from attrs import frozen

from ..result import Edit

__all__ = [
    "ClauseMatch",
    "FormulaHit",
    "FormulaTable",
    "FormulaUsage",
    "Matrix",
    "RankResult",
    "Ranking",
    "Use",
    "Variant",
]


@frozen
class ClauseMatch:
    """A unit of the query, the unit of the corpus statement most like it, and their cosine."""

    query: str
    corpus: str
    similarity: float


@frozen
class RankResult:
    """One ranked statement: its score in [0, 1], what the corpus knows of it, its best clause pairs.

    ``cosine`` and ``clause`` are the first-stage and clause-level
    components of ``score``.
    """

    path: str
    score: float
    title: str | None
    date: str | None
    parties: tuple[str, ...]
    pairs: tuple[ClauseMatch, ...]
    cosine: float = 0.0
    clause: float = 0.0


@frozen(kw_only=True)
class Ranking:
    """What ``docdiff rank`` shows: the best statements for a query, and what the report says of it.

    ``query`` is the query's path (``None`` for text without one) and
    ``language`` its language; ``size`` is how many statements the corpus
    holds and ``languages`` the corpus's languages, sorted (named when none
    is the query's).
    """

    query: str | None
    language: str
    results: tuple[RankResult, ...]
    size: int
    languages: tuple[str, ...] = ()


@frozen
class Matrix:
    """Similarities of every pair of statements: ``values[i][j]`` in [0, 1], 1.0 on the diagonal.

    ``labels[i]`` names statement ``i`` for people ("IN–US 2023-06-22"),
    ``paths[i]`` for programs.
    """

    labels: tuple[str, ...]
    paths: tuple[str, ...]
    values: tuple[tuple[float, ...], ...]


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
