"""Frozen, validated options shared by the library API and the CLI.

:class:`ReadOptions` says how statements are read and parsed,
:class:`Options` how two parsed statements are compared.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import attrs
from attrs import field, frozen

from .errors import OptionsError

__all__ = ["DEFAULT_MAX_BYTES", "AlignTuning", "Options", "PhraseTuning", "ReadOptions", "RelateTuning"]

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


def _share(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0.0 <= value <= 1.0:
        raise OptionsError(f"tuning {attribute.name} must be a number from 0 to 1, got {value!r}")


def _count(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise OptionsError(f"tuning {attribute.name} must be a whole number >= 1, got {value!r}")


@frozen(kw_only=True)
class AlignTuning:
    """The constants that decide clause alignment and pair classification, with today's values.

    They were set on the edit generator's scripts and the real successive
    statements (``docs/design.md``); a comparison records every one of them
    in its JSON ``options`` block, so that a result can be reproduced from
    itself.  Similarities are cosines in ``[0, 1]``.

    * ``position_bonus``, ``label_bonus``, ``part_bonus``: structural bonuses
      added to a pair's similarity in the assignment only (nearness of
      position, same label, same part of the document);
    * ``max_candidates``: candidates kept per unit for the assignment;
    * ``piece_containment``: a piece of a split must draw at least this
      share of its weighted words from the unit it came from;
    * ``split_gain``: a split must beat the unit's one-to-one similarity by
      at least this much;
    * ``completion``: a run whose gain is below ``split_gain`` is still taken
      when it leaves at most this share of the words that the one-to-one
      partner alone leaves uncovered;
    * ``max_copy_edges``: copies of a repeated text are paired by an optimal
      matching up to this many candidate pairs (beyond it, in order);
    * ``cover_step``: a run grows by a piece that does not raise its cosine
      only when the piece brings back at least this share of the unit's
      weighted words, and costs at most this much cosine;
    * ``max_seeds``: seeds tried per unit when looking for a split or merge;
    * ``max_pieces``: the most pieces a split or merge may have;
    * ``sentence_overlap``: the least word overlap at which two sentences of
      a changed pair count as the same sentence when the change is classified.
    """

    position_bonus: float = field(default=0.02, validator=_share)
    label_bonus: float = field(default=0.005, validator=_share)
    part_bonus: float = field(default=0.005, validator=_share)
    max_candidates: int = field(default=8, validator=_count)
    piece_containment: float = field(default=0.5, validator=_share)
    split_gain: float = field(default=0.02, validator=_share)
    completion: float = field(default=0.5, validator=_share)
    max_copy_edges: int = field(default=4096, validator=_count)
    cover_step: float = field(default=0.1, validator=_share)
    max_seeds: int = field(default=4, validator=_count)
    max_pieces: int = field(default=8, validator=_count)
    sentence_overlap: float = field(default=0.3, validator=_share)


@frozen(kw_only=True)
class PhraseTuning:
    """The constants that decide phrase alignment (seed and extend), with today's values.

    * ``seed_words``, ``seed_han``: the length of a seed, in words, and in
      Han characters for text without spaces;
    * ``max_pairings``: a seed that occurs so often that its occurrences
      would pair more than this many times is paired only with its nearest
      occurrences (``nearest`` on each side) instead;
    * ``merge_gap``: two taken alignments closer than this many words on both
      sides are merged into one;
    * ``min_matched``: the fewest matched words a candidate must keep;
    * ``xdrop``: the gapped extension stops once its score falls this far
      below the best seen.  (The band of the extension, three diagonals each
      way, is not a knob: the kernel is written out cell by cell for it.)
    * ``negation_reach``: how far before a formula's scale term, in
      characters, a negation is looked for when its strength is told ("do
      not yet fully support": room for the negation and two words); a term
      with a negation within reach is not counted.
    """

    seed_words: int = field(default=3, validator=_count)
    seed_han: int = field(default=4, validator=_count)
    max_pairings: int = field(default=256, validator=_count)
    nearest: int = field(default=1, validator=_count)
    merge_gap: int = field(default=3, validator=_count)
    min_matched: int = field(default=2, validator=_count)
    xdrop: int = field(default=6, validator=_count)
    negation_reach: int = field(default=60, validator=_count)


@frozen(kw_only=True)
class RelateTuning:
    """The constants of the relate stage (:mod:`docdiff.relate`): re-drafted statements.

    Two units the conservative alignment left apart are *related* when they
    share specific evidence (:mod:`docdiff.relate.evidence`):

    * ``unit_floor``: the least cosine of the two units' evidence vectors;
    * ``sentence_floor``: or the least cosine of their closest pair of
      sentences (a sub-topic taken up in a longer clause);
    * ``concept_weight``: how many times a lexicon concept counts in a bag;
    * ``max_evidence``: the most shared keys a pair lists;
    * ``revision_share``: when fewer than this share of the units of both
      documents are left unpaired, the comparison is a revision and its
      insertions and deletions stay what they are (nothing is related).

    Rewritten text is read sentence by sentence (:mod:`docdiff.relate.sentences`):

    * ``redline_floor``: a match whose word diff keeps less than this share
      of the words of both sides is shown sentence by sentence, not as one
      redline (docs/correspondence.md measures where a redline stops helping);
    * ``sentence_pair_floor``: the least cosine at which two sentences of a
      pair correspond;
    * ``sentence_redline``: two corresponding sentences get a word diff only
      when it keeps at least this share of their words.
    """

    unit_floor: float = field(default=0.12, validator=_share)
    sentence_floor: float = field(default=0.35, validator=_share)
    concept_weight: int = field(default=2, validator=_count)
    max_evidence: int = field(default=8, validator=_count)
    revision_share: float = field(default=0.2, validator=_share)
    redline_floor: float = field(default=0.5, validator=_share)
    sentence_pair_floor: float = field(default=0.2, validator=_share)
    sentence_redline: float = field(default=0.5, validator=_share)


def _tuning(kind: type[Any]) -> Callable[[object, attrs.Attribute[Any], object], None]:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise OptionsError(f"option {attribute.name} must be a {kind.__name__}, got {value!r}")

    return check


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

    ``align_tuning`` and ``phrase_tuning`` hold the finer constants of the
    two engines (:class:`AlignTuning`, :class:`PhraseTuning`); the defaults
    are the values the figures in ``docs/results.md`` were measured with.

    With ``related`` (the default), units the alignment left apart are
    related by shared evidence, rewritten pairs are read sentence by
    sentence and every pair gets its typed divergences (:mod:`docdiff.relate`,
    constants in ``relate_tuning``: :class:`RelateTuning`).
    """

    match_threshold: float = field(default=0.35, validator=_fraction)
    split_threshold: float = field(default=0.6, validator=_fraction)
    move_threshold: float = field(default=0.5, validator=_fraction)
    phrases: bool = True
    min_phrase_words: int = field(default=4, validator=_positive)
    phrase_min_score: float = field(default=0.5, validator=_fraction)
    align_tuning: AlignTuning = field(factory=AlignTuning, validator=_tuning(AlignTuning))
    phrase_tuning: PhraseTuning = field(factory=PhraseTuning, validator=_tuning(PhraseTuning))
    related: bool = True
    relate_tuning: RelateTuning = field(factory=RelateTuning, validator=_tuning(RelateTuning))


_ATTRS_INIT = Options.__init__


@functools.wraps(_ATTRS_INIT)
def _init(self: Options, **kwargs: Any) -> None:
    # Options(max_bytes=...) was accepted until the size limit moved to
    # ReadOptions; a comparison never reads a file, so the value cannot be
    # honoured here.  A plain TypeError (what Python raises for any unknown
    # keyword), but one that says where the limit went.
    if "max_bytes" in kwargs:
        raise TypeError(
            "Options(max_bytes=...) is gone: the size limit is a reading option; pass "
            "docdiff.options.ReadOptions(max_bytes=...) to the reading functions "
            "(docdiff.pipeline.load_with), or max_bytes=... to docdiff.load"
        )
    _ATTRS_INIT(self, **kwargs)


Options.__init__ = _init  # type: ignore[method-assign]
