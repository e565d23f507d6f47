"""Language packs: everything docdiff knows about one language, read from its folder.

A pack is a folder named by the language's ISO 639-1 code holding a
``pack.json`` (``docdiff/lang/ru/pack.json``, ``lang/en/``, ``lang/zh/``).
:func:`pack` reads it into a frozen :class:`LanguagePack`; :data:`LANGUAGES`
lists the packs found beside this module, and :func:`languages` those plus
the ones added by :func:`add_pack_folder` (a pack kept outside the package,
for instance a test's temporary folder).

The fields are facts, not code: word lists, regex fragments as the rule
modules splice them into their patterns, and a few properties that stand for
an algorithmic difference (``spaced``: words are separated by spaces;
``script``).  A rule module asks for ``pack(language).months`` instead of
testing ``language == "ru"``.  A language with no pack is read with the
pack named by :data:`FALLBACK` (English), as docdiff always did.

``docs/languages.md`` ("Adding a language") gives the recipe and lists the fields.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from .record import DateRule, LanguagePack, convert

__all__ = [
    "FALLBACK",
    "LANGUAGES",
    "DateRule",
    "LanguagePack",
    "add_pack_folder",
    "has_pack",
    "languages",
    "pack",
    "packs",
    "remove_pack",
    "stemming_pack",
]

FALLBACK = "en"
"""The pack read for a language that has none of its own."""

_PACK_FILE = "pack.json"
_FIELDS = {field.name: field for field in attrs.fields(LanguagePack)}


def _read_pack(code: str, text: str, where: str) -> LanguagePack:
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError(f"{where}: a pack is a JSON object")
    values: dict[str, Any] = {"code": code}
    extra: dict[str, Any] = {}
    for key, value in data.items():
        if key.startswith("_"):
            continue  # "_doc": comments for the reader
        if key not in _FIELDS or key in ("code", "extra"):
            extra[key] = value
            continue
        values[key] = convert(key, value)
    values["extra"] = extra
    return LanguagePack(**values)


@functools.cache
def _builtin() -> dict[str, LanguagePack]:
    found: dict[str, LanguagePack] = {}
    for entry in resources.files("docdiff.lang").iterdir():
        if entry.is_dir() and entry.joinpath(_PACK_FILE).is_file():
            found[entry.name] = _read_pack(
                entry.name, entry.joinpath(_PACK_FILE).read_text("utf-8"), entry.name
            )
    return found


_ADDED: dict[str, LanguagePack] = {}


def _ordered(found: Mapping[str, LanguagePack]) -> tuple[str, ...]:
    return tuple(sorted(found, key=lambda code: (found[code].order, code)))


LANGUAGES: tuple[str, ...] = _ordered(_builtin())
"""The codes of the packs shipped in ``docdiff/lang/``, in pack order (ru, en, zh)."""


def add_pack_folder(folder: str | Path) -> LanguagePack:
    """Make the pack in ``folder`` (named by its code, holding ``pack.json``) known to :func:`pack`.

    The pack joins :func:`languages`, so the patterns combined over every
    language take it in from the next call on.  A shipped pack cannot be
    replaced.
    """
    path = Path(folder)
    code = path.name
    if code in _builtin():
        raise ValueError(f"{path}: a pack for {code!r} is shipped with docdiff; choose another folder name")
    loaded = _read_pack(code, (path / _PACK_FILE).read_text("utf-8"), str(path))
    _ADDED[code] = loaded
    return loaded


def remove_pack(code: str) -> None:
    """Forget a pack added by :func:`add_pack_folder` (nothing happens for other codes)."""
    _ADDED.pop(code, None)


def _all() -> dict[str, LanguagePack]:
    return {**_builtin(), **_ADDED} if _ADDED else _builtin()


def languages() -> tuple[str, ...]:
    """The codes of every known pack, shipped or added, in pack order."""
    return _ordered(_all()) if _ADDED else LANGUAGES


def packs() -> tuple[LanguagePack, ...]:
    """Every known pack, in pack order."""
    found = _all()
    return tuple(found[code] for code in languages())


def has_pack(language: str | None) -> bool:
    """True when ``language`` has a pack of its own."""
    return language is not None and language in _all()


def stemming_pack(language: str) -> LanguagePack | None:
    """The pack whose stemmer stems words of ``language``: its own, or one naming it in ``stemmer_for``."""
    found = _all()
    if language in found:
        return found[language] if found[language].stemmer else None
    return next((p for p in packs() if language in p.stemmer_for and p.stemmer), None)


def pack(language: str | None) -> LanguagePack:
    """The pack of ``language``; the :data:`FALLBACK` pack for a language without one (or None)."""
    found = _all()
    if language is not None and language in found:
        return found[language]
    return found[FALLBACK]
