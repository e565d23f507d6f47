"""Every output of every result: one registry keyed by (kind of value, format name).

A renderer is a function ``(value, **options) -> str`` (``-> bytes`` for a
binary format such as DOCX, rendered by :func:`render_bytes`): it reads a result
value, never the files, computes nothing and prints nothing.  The built-in
formats are declared here and imported only when first asked for, so
rendering JSON never loads lxml::

    >>> render(comparison, "json")          # doctest: +SKIP
    >>> render(comparison, "html", title="RU-CN 2024 vs 2025")  # doctest: +SKIP
    >>> formats(Comparison)                  # doctest: +SKIP
    ('html', 'json', 'md', 'text')

Other formats plug in with :func:`register`; the CLI offers every format
registered for the kind of value a command produces.  The table itself is
:mod:`docdiff.registry`, below the result values, so that
:meth:`~docdiff.result.Comparison.to_html` needs no import from here.
"""

from __future__ import annotations

from ..registry import BinaryRenderer, Renderer, declare, formats, is_binary, register, render, render_bytes

__all__ = ["BinaryRenderer", "Renderer", "formats", "is_binary", "register", "render", "render_bytes"]

_COMPARISON = "docdiff.result.Comparison"
_PHRASES = "docdiff.result.PhraseReport"
_FORMULAS = "docdiff.result.FormulaReport"
_DOCUMENT = "docdiff.model.Document"
_RANKING = "docdiff.corpus.types.Ranking"
_MATRIX = "docdiff.corpus.types.Matrix"
_VARIANTS = "docdiff.corpus.types.FormulaTable"
_LEDGER = "docdiff.result.Ledger"

# (kind, format, the module that registers it, other names accepted for it).
# Binary formats (their renderers return bytes) are declared after the table.
# Kinds are named, not imported, so importing docdiff.render loads no renderer.
_BUILTIN: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (_COMPARISON, "html", "docdiff.render.comparison_html", ()),
    (_COMPARISON, "json", "docdiff.render.comparison_json", ()),
    (_COMPARISON, "md", "docdiff.render.comparison_md", ("markdown",)),
    (_COMPARISON, "text", "docdiff.render.comparison_text", ("txt",)),
    (_PHRASES, "html", "docdiff.render.phrases_html", ()),
    (_PHRASES, "json", "docdiff.render.phrases", ()),
    (_PHRASES, "md", "docdiff.render.phrases", ()),
    (_PHRASES, "text", "docdiff.render.phrases", ()),
    (_FORMULAS, "json", "docdiff.render.formulas", ()),
    (_FORMULAS, "text", "docdiff.render.formulas", ()),
    (_LEDGER, "json", "docdiff.render.ledger_json", ()),
    (_LEDGER, "md", "docdiff.render.ledger_md", ("markdown",)),
    (_LEDGER, "text", "docdiff.render.ledger_text", ("txt",)),
    (_DOCUMENT, "akn", "docdiff.render.document_akn", ()),
    (_DOCUMENT, "json", "docdiff.render.document_json", ()),
    (_DOCUMENT, "text", "docdiff.render.document_json", ()),
    (_RANKING, "json", "docdiff.render.corpus", ()),
    (_RANKING, "text", "docdiff.render.corpus", ()),
    (_MATRIX, "csv", "docdiff.render.corpus", ()),
    (_MATRIX, "html", "docdiff.render.heatmap", ()),
    (_MATRIX, "json", "docdiff.render.corpus", ()),
    (_VARIANTS, "json", "docdiff.render.corpus", ()),
    (_VARIANTS, "text", "docdiff.render.corpus", ()),
)

for _kind, _name, _module, _aliases in _BUILTIN:
    declare(_kind, _name, _module, aliases=_aliases)
declare(_COMPARISON, "docx", "docdiff.render.comparison_docx", binary=True)
