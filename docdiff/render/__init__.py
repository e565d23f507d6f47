"""Renderers of a :class:`~docdiff.result.Comparison`, registered by format name.

A renderer is a function ``(comparison, **options) -> str``: it reads the
result, never the files, and prints nothing.  The built-in formats are
imported only when first asked for, so rendering JSON never loads lxml::

    >>> render(comparison, "json")          # doctest: +SKIP
    >>> render(comparison, "html", title="RU-CN 2024 vs 2025")  # doctest: +SKIP

Other formats plug in with :func:`register`.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import OptionsError

if TYPE_CHECKING:
    from ..result import Comparison

__all__ = ["Renderer", "formats", "register", "render"]

#: A renderer: the comparison first, options by keyword, the text returned.
Renderer = Callable[..., str]
_R = TypeVar("_R", bound=Renderer)

# Built-in formats and the module that registers each, imported on first use.
_BUILTIN = {
    "html": "docdiff.render.html",
    "json": "docdiff.render.json",
    "md": "docdiff.render.markdown",
    "text": "docdiff.render.text",
}
# Other names accepted for a format; not listed by formats().
_ALIASES = {"markdown": "md", "txt": "text"}

_RENDERERS: dict[str, Renderer] = {}


def register(name: str) -> Callable[[_R], _R]:
    """Register the decorated function as the renderer of format ``name``.

    The function takes the comparison and keyword-only options and returns
    the rendered text.  Registering a name again replaces the renderer.
    """

    def decorate(function: _R) -> _R:
        _RENDERERS[name] = function
        return function

    return decorate


def formats() -> tuple[str, ...]:
    """The names of every format :func:`render` knows, sorted."""
    return tuple(sorted(set(_BUILTIN) | set(_RENDERERS)))


def _renderer(format: str) -> Renderer:
    name = _ALIASES.get(format, format)
    if name not in _RENDERERS and name in _BUILTIN:
        importlib.import_module(_BUILTIN[name])
    try:
        return _RENDERERS[name]
    except KeyError:
        known = ", ".join(formats())
        raise OptionsError(f"unknown output format {format!r}; choose one of: {known}") from None


def render(comparison: Comparison, format: str, **options: Any) -> str:
    """Render ``comparison`` in ``format`` (see :func:`formats`) with its ``options``.

    Raises :class:`~docdiff.errors.OptionsError` for an unknown format or an
    option the format does not take.
    """
    function = _renderer(format)
    try:
        inspect.signature(function).bind(comparison, **options)
    except TypeError:
        accepted = [
            p.name for p in inspect.signature(function).parameters.values() if p.kind is p.KEYWORD_ONLY
        ]
        unknown = ", ".join(sorted(set(options) - set(accepted))) or ", ".join(sorted(options))
        takes = ", ".join(accepted) if accepted else "no options"
        raise OptionsError(f"format {format!r} got option(s) {unknown}; it takes: {takes}") from None
    return function(comparison, **options)
