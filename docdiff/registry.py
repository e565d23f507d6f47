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

Most formats are text and their renderers return ``str``.  A binary format
(DOCX, a zip package) is registered or declared with ``binary=True`` and its
renderer returns ``bytes``: :func:`render` refuses it, so that every caller
expecting text keeps getting text, and :func:`render_bytes` renders any
format as bytes (text encoded as UTF-8).  :func:`is_binary` tells which is
which without importing the renderer.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from typing import Any, TypeVar

from .errors import OptionsError

__all__ = [
    "BinaryRenderer",
    "Renderer",
    "declare",
    "formats",
    "is_binary",
    "register",
    "render",
    "render_bytes",
]

#: A renderer: the value first, options by keyword, the text returned.
Renderer = Callable[..., str]
#: A renderer of a binary format: the value first, options by keyword, the bytes returned.
BinaryRenderer = Callable[..., bytes]
_R = TypeVar("_R", bound=Callable[..., str | bytes])

# Keyed by the kind's qualified name, so a kind can be declared without importing it.
_RENDERERS: dict[str, dict[str, Callable[..., str | bytes]]] = {}
# The binary formats of each kind (their renderers return bytes).
_BINARY: dict[str, set[str]] = {}
# Built-in formats not imported yet: kind -> format -> module that registers it.
_DECLARED: dict[str, dict[str, str]] = {}
# Other names accepted for a format; not listed by formats().
_ALIASES: dict[str, dict[str, str]] = {}


def _key(kind: type | str) -> str:
    return kind if isinstance(kind, str) else f"{kind.__module__}.{kind.__qualname__}"


def register(kind: type, name: str, *, binary: bool = False) -> Callable[[_R], _R]:
    """Register the decorated function as the renderer of ``kind`` values in format ``name``.

    The function takes the value and keyword-only options and returns the
    rendered text, or ``bytes`` when ``binary`` is true.  Registering a name
    again replaces the renderer.
    """

    def decorate(function: _R) -> _R:
        _RENDERERS.setdefault(_key(kind), {})[name] = function
        if binary:
            _BINARY.setdefault(_key(kind), set()).add(name)
        else:
            _BINARY.get(_key(kind), set()).discard(name)
        return function

    return decorate


def declare(
    kind: str, name: str, module: str, *, aliases: tuple[str, ...] = (), binary: bool = False
) -> None:
    """Declare that importing ``module`` registers format ``name`` of ``kind`` (a qualified class name).

    ``aliases`` are other names accepted for the format, not listed by
    :func:`formats`; ``binary`` says that its renderer returns bytes.
    """
    _DECLARED.setdefault(kind, {})[name] = module
    if binary:
        _BINARY.setdefault(kind, set()).add(name)
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


def is_binary(kind: type | str, format: str) -> bool:
    """True when ``format`` of ``kind`` values is binary (rendered by :func:`render_bytes` only)."""
    for key in _chain(kind):
        if _names(key):
            return _ALIASES.get(key, {}).get(format, format) in _BINARY.get(key, set())
    return False


def _renderer(kind: type, format: str) -> Callable[..., str | bytes]:
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


def _call(value: object, format: str, options: dict[str, Any]) -> str | bytes:
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


def render(value: object, format: str, **options: Any) -> str:
    """Render ``value`` in ``format`` (see :func:`formats`) with its ``options``.

    Raises :class:`~docdiff.errors.OptionsError` for an unknown format, an
    option the format does not take, or a binary format (use
    :func:`render_bytes` for those).
    """
    if is_binary(type(value), format):
        raise OptionsError(
            f"format {format!r} is binary; render it with render_bytes() and write it to a file"
        )
    out = _call(value, format, options)
    assert isinstance(out, str)  # a text format's renderer returns text
    return out


def render_bytes(value: object, format: str, **options: Any) -> bytes:
    """Render ``value`` in any ``format`` as bytes: a binary format as is, a text format in UTF-8.

    Raises :class:`~docdiff.errors.OptionsError` as :func:`render` does.
    """
    out = _call(value, format, options)
    return out.encode("utf-8") if isinstance(out, str) else out
