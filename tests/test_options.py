"""Options and their tuning records: validated, honoured, and recorded whole in the JSON."""

from __future__ import annotations

import json

import attrs
import pytest
from helpers import SEEDS

from docdiff import DocdiffError, Options, OptionsError, compare, load, render
from docdiff.options import AlignTuning, PhraseTuning
from docdiff.result import Flag, PairKind


@pytest.fixture(scope="module")
def seed_pair() -> tuple[object, object]:
    return load(SEEDS / "az-cn-2025-04.ru.txt"), load(SEEDS / "az-cn-2025-04-revised.ru.txt")


def _leaves(value: object, prefix: str = "") -> set[str]:
    if attrs.has(type(value)):
        out: set[str] = set()
        for f in attrs.fields(type(value)):
            out |= _leaves(getattr(value, f.name), f"{prefix}{f.name}.")
        return out
    return {prefix.rstrip(".")}


def _json_leaves(value: object, prefix: str = "") -> set[str]:
    if isinstance(value, dict):
        out: set[str] = set()
        for k, v in value.items():
            out |= _json_leaves(v, f"{prefix}{k}.")
        return out
    return {prefix.rstrip(".")}


def test_the_json_options_block_records_every_comparison_setting(seed_pair) -> None:
    options = Options(align_tuning=AlignTuning(max_seeds=3), phrase_tuning=PhraseTuning(xdrop=5))
    block = json.loads(render(compare(*seed_pair, options), "json"))["options"]
    assert _json_leaves(block) == _leaves(options) - {"max_bytes"}
    assert block["align_tuning"]["max_seeds"] == 3
    assert block["phrase_tuning"]["xdrop"] == 5
    assert block["phrase_min_score"] == options.phrase_min_score


def test_alignment_tuning_is_honoured(seed_pair) -> None:
    kinds = {p.kind for p in compare(*seed_pair, Options(phrases=False)).pairs}
    assert PairKind.SPLIT in kinds or PairKind.MERGE in kinds
    one_piece = Options(phrases=False, align_tuning=AlignTuning(max_pieces=1))
    kinds = {p.kind for p in compare(*seed_pair, one_piece).pairs}
    assert PairKind.SPLIT not in kinds and PairKind.MERGE not in kinds


def test_phrase_tuning_is_honoured(seed_pair) -> None:
    default = compare(*seed_pair).phrases
    strict = compare(*seed_pair, Options(phrase_tuning=PhraseTuning(min_matched=40))).phrases
    assert default and len(strict) < len(default)


def test_sentence_overlap_decides_modality_flags(seed_pair) -> None:
    def flagged(options: Options) -> set[Flag]:
        return {f for p in compare(*seed_pair, options).pairs for f in p.flags}

    # Sentences are paired for modality and actor only above the overlap: at 1.0
    # no edited sentence pairs, so those flags go and the figure flags stay.
    assert {Flag.MODALITY, Flag.ACTOR} <= flagged(Options(phrases=False))
    never = flagged(Options(phrases=False, align_tuning=AlignTuning(sentence_overlap=1.0)))
    assert Flag.NUMBER in never and not never & {Flag.MODALITY, Flag.ACTOR}


@pytest.mark.parametrize(
    "make",
    [
        lambda: AlignTuning(split_gain=1.5),
        lambda: AlignTuning(max_pieces=0),
        lambda: AlignTuning(max_seeds=True),
        lambda: PhraseTuning(seed_words=0),
        lambda: PhraseTuning(xdrop=2.5),
        lambda: Options(align_tuning=PhraseTuning()),
        lambda: Options(phrase_tuning={"xdrop": 6}),
    ],
)
def test_bad_tuning_is_an_options_error(make) -> None:
    with pytest.raises(OptionsError):
        make()


def test_defaults_are_the_measured_values() -> None:
    # docs/design.md and docs/results.md quote these; a change must be deliberate.
    assert AlignTuning() == AlignTuning(
        position_bonus=0.02, label_bonus=0.005, part_bonus=0.005, max_candidates=8, piece_containment=0.5,
        split_gain=0.02, completion=0.5, max_copy_edges=4096, cover_step=0.1, max_seeds=4, max_pieces=8,
        sentence_overlap=0.3,
    )  # fmt: skip
    assert PhraseTuning() == PhraseTuning(
        seed_words=3, seed_han=4, max_pairings=256, nearest=1, merge_gap=3, min_matched=2, xdrop=6,
        negation_reach=60,
    )


def test_options_max_bytes_is_a_type_error_that_names_read_options() -> None:
    # A comparison never reads a file: the old keyword cannot be honoured, so it says where it went.
    with pytest.raises(TypeError, match=r"ReadOptions\(max_bytes=\.\.\.\)") as caught:
        Options(max_bytes=1000)  # type: ignore[call-arg]
    assert not isinstance(caught.value, DocdiffError)
    with pytest.raises(TypeError, match="ReadOptions"):
        attrs.evolve(Options(), max_bytes=1000)
    # Every other keyword goes through, validated as before.
    assert Options(match_threshold=0.4).match_threshold == 0.4
    with pytest.raises(OptionsError):
        Options(match_threshold=2.0)
    with pytest.raises(TypeError, match="unexpected keyword"):
        Options(no_such_option=1)  # type: ignore[call-arg]
