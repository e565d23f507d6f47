"""Frozen, validated options shared by the library API and the CLI.

:class:`ReadOptions` says how statements are read and parsed,
:class:`Options` how two parsed statements are compared.
"""

from __future__ import annotations

import attrs
from attrs import field, frozen

from .errors import OptionsError

__all__ = ["DEFAULT_MAX_BYTES", "Options", "ReadOptions"]

#: Files larger than this are refused unless the caller raises the limit:
#: the longest real statements are ~100 KB, so 20 MB is a wrong file, not a statement.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def _fraction(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise OptionsError(f"option {attribute.name} must be a number from 0 to 1, got {value!r}")


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise OptionsError(f"option {attribute.name} must be a whole number >= 1, got {value!r}")


def _language(instance: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None and not isinstance(value, str):
        raise OptionsError(
            f"option {attribute.name} must be an ISO 639-1 code such as 'ru' or None, got {value!r}"
        )


@frozen(kw_only=True)
class ReadOptions:
    """How docdiff reads and parses a statement; every field has a documented default.

    * ``max_bytes``: files larger than this are refused before a byte is
      read (CLI ``--max-size``);
    * ``language``: the statement language (ISO 639-1), overriding what the
      markup declares and detection (CLI ``--language``);
    * ``annotate``: with false, sentences carry no actor, commitment or
      intensity (a lighter parse, for indexing many statements).
    """

    max_bytes: int = field(default=DEFAULT_MAX_BYTES, validator=_positive)
    language: str | None = field(default=None, validator=_language)
    annotate: bool = True


@frozen(kw_only=True)
class Options:
    """How docdiff compares two statements; every field has a documented default.

    Thresholds are similarities in ``[0, 1]`` between two units' weighted
    term sets (see ``docs/design.md`` for how they were chosen):

    * ``match_threshold``: the least similarity at which two units are
      paired at all; below it they are an honest deletion plus insertion;
    * ``split_threshold``: the least similarity between one unit and the
      concatenation of several for a split or merge to be reported, and the
      least gain over the best one-to-one pair it must bring;
    * ``move_threshold``: the least similarity at which a pair off the
      longest order-preserving chain is reported as moved (weaker pairs that
      would be moves are rather deletions plus insertions).

    Phrase alignment (:mod:`docdiff.phrases`) keeps a shared passage when it
    has at least ``min_phrase_words`` words on each side (a Han character
    counts as half a word) and a score, matched words over the longer side,
    of at least ``phrase_min_score``.
    """

    match_threshold: float = field(default=0.35, validator=_fraction)
    split_threshold: float = field(default=0.6, validator=_fraction)
    move_threshold: float = field(default=0.5, validator=_fraction)
    phrases: bool = True
    min_phrase_words: int = field(default=4, validator=_positive)
    phrase_min_score: float = field(default=0.5, validator=_fraction)
