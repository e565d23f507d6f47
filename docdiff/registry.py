"""The render registry's dispatch table: (kind of value, format name) -> renderer.

This module is the low half of :mod:`docdiff.render`: it holds the table
and dispatches, and it imports nothing of docdiff but the errors, so the
result values (:meth:`docdiff.result.Comparison.to_html` and its siblings)
can render themselves without importing the renderers, which sit above
them.  The renderers register into it when :mod:`docdiff.render` is
imported (the ``docdiff`` package imports it); the built-in formats are
declared by module and imported only when first asked for, so rendering
JSON never loads lxml.

A kind is a class; a value is rendered by the renderer registered for its
class, or for the nearest base class that has one.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from typing import Any, TypeVar

from .errors import OptionsError

__all__ = ["Renderer", "declare", "formats", "register", "render"]

#: A renderer: the value first, options by keyword, the text returned.
Renderer = Callable[..., str]
_R = TypeVar("_R", bound=Renderer)

# Keyed by the kind's qualified name, so a kind can be declared without importing it.
_RENDERERS: dict[str, dict[str, Renderer]] = {}
# Built-in formats not imported yet: kind -> format -> module that registers it.
_DECLARED: dict[str, dict[str, str]] = {}
# Other names accepted for a format; not listed by formats().
_ALIASES: dict[str, dict[str, str]] = {}


def _key(kind: type | str) -> str:
    return kind if isinstance(kind, str) else f"{kind.__module__}.{kind.__qualname__}"


def register(kind: type, name: str) -> Callable[[_R], _R]:
    """Register the decorated function as the renderer of ``kind`` values in format ``name``.

    The function takes the value and keyword-only options and returns the
    rendered text.  Registering a name again replaces the renderer.
    """

    def decorate(function: _R) -> _R:
        _RENDERERS.setdefault(_key(kind), {})[name] = function
        return function

    return decorate


def declare(kind: str, name: str, module: str, *, aliases: tuple[str, ...] = ()) -> None:
    """Declare that importing ``module`` registers format ``name`` of ``kind`` (a qualified class name).

    ``aliases`` are other names accepted for the format, not listed by :func:`formats`.
    """
    _DECLARED.setdefault(kind, {})[name] = module
    for alias in aliases:
        _ALIASES.setdefault(kind, {})[alias] = name


def _names(key: str) -> set[str]:
    return set(_DECLARED.get(key, {})) | set(_RENDERERS.get(key, {}))


def _chain(kind: type | str) -> list[str]:
    return [kind] if isinstance(kind, str) else [_key(k) for k in inspect.getmro(kind)]


def formats(kind: type | str) -> tuple[str, ...]:
    """The names of every format :func:`render` knows for ``kind`` values, sorted.

    ``kind`` is a class, or its qualified name (``"docdiff.corpus.types.Matrix"``)
    to ask without importing it.
    """
    key = next((k for k in _chain(kind) if _names(k)), _key(kind))
    return tuple(sorted(_names(key)))


def _renderer(kind: type, format: str) -> Renderer:
    for key in _chain(kind):
        if not _names(key):
            continue
        name = _ALIASES.get(key, {}).get(format, format)
        if name not in _RENDERERS.get(key, {}) and name in _DECLARED.get(key, {}):
            importlib.import_module(_DECLARED[key][name])
        function = _RENDERERS.get(key, {}).get(name)
        if function is not None:
            return function
        break
    known = ", ".join(formats(kind)) or "none"
    raise OptionsError(f"unknown output format {format!r}; choose one of: {known}")


def render(value: object, format: str, **options: Any) -> str:
    """Render ``value`` in ``format`` (see :func:`formats`) with its ``options``.

    Raises :class:`~docdiff.errors.OptionsError` for an unknown format or an
    option the format does not take.
    """
    function = _renderer(type(value), format)
    try:
        inspect.signature(function).bind(value, **options)
    except TypeError:
        accepted = [
            p.name for p in inspect.signature(function).parameters.values() if p.kind is p.KEYWORD_ONLY
        ]
        unknown = ", ".join(sorted(set(options) - set(accepted))) or ", ".join(sorted(options))
        takes = ", ".join(accepted) if accepted else "no options"
        raise OptionsError(f"format {format!r} got option(s) {unknown}; it takes: {takes}") from None
    return function(value, **options)
