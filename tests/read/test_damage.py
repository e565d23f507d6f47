"""Near-UTF-8: a file that is UTF-8 but for a few bytes is refused with the offsets, never mojibake."""

from __future__ import annotations

from pathlib import Path

import pytest

from docdiff.errors import InputError
from docdiff.read.encoding import decode, decode_found

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
# What UTF-8 read as cp1252 or cp1251 looks like: the marks of mojibake.
_MOJIBAKE = ("Ã", "Â", "Ð", "Ñ", "ÿ", "þ", "â€", "ï»¿", "è¿", "Рѕ", "Рµ")


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_one_ff_byte_in_any_seed_never_gives_mojibake(seed: Path) -> None:
    data = seed.read_bytes()
    text = data.decode("utf-8")
    middle = len(text.encode("utf-8")[: len(data) // 2].decode("utf-8", "ignore").encode("utf-8"))
    damaged = data[:middle] + b"\xff" + data[middle:]
    try:
        decoded, codec = decode_found(damaged, name=seed.name)
    except InputError as error:
        message = str(error)
        assert f"byte {middle}" in message and seed.name in message and "UTF-8" in message
        return
    # Accepted only when read as what it is, with nothing invented.
    assert not any(mark in decoded and mark not in text for mark in _MOJIBAKE), (codec, seed.name)


def test_the_error_names_the_first_offset_and_counts_the_rest() -> None:
    text = "Совместное заявление Российской Федерации и Китайской Народной Республики.\n" * 3
    # Three FF bytes inserted between characters (byte 10 is after five Cyrillic letters).
    pieces = [text[:5], text[5:50], text[50:100], text[100:]]
    data = b"\xff".join(piece.encode("utf-8") for piece in pieces)
    with pytest.raises(InputError) as caught:
        decode(bytes(data), name="joint.txt")
    message = str(caught.value)
    assert message.startswith("joint.txt: not valid UTF-8 at byte 10 (and 2 more)")
    assert "fix" in message


def test_real_single_byte_texts_are_still_read() -> None:
    russian = "Совместное заявление. Стороны подчеркнули важность сотрудничества.\n" * 5
    assert decode_found(russian.encode("cp1251")) == (russian, "cp1251")
    assert decode_found(russian.encode("koi8-r")) == (russian, "koi8-r")
    western = "Déclaration commune. Les Parties ont souligné l'importance du dialogue.\n"
    assert decode_found(western.encode("cp1252")) == (western, "cp1252")


def test_a_path_with_a_nul_is_an_input_error() -> None:
    from docdiff import load

    with pytest.raises(InputError, match="NUL character"):
        load("a\x00b")


def test_a_lone_surrogate_is_an_input_error() -> None:
    from docdiff import loads

    with pytest.raises(InputError, match="character 11 is a lone surrogate"):
        loads("Joint state\udc80ment of the Parties.\n\n1. The Parties agreed.\n")
