"""Language detection on short paragraphs written for these tests."""

from __future__ import annotations

import time
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docdiff.lang import detect as language
from docdiff.lang.detect import SAMPLE_SIZE, detect_language

SAMPLES = {
    "ru": "Стороны договорились расширять торговлю и развивать связи между регионами обеих стран.",
    "en": "The two sides agreed to expand trade and to deepen the ties between the regions of both "
    "countries.",
    "zh": "双方同意扩大贸易，深化两国各地区之间的联系。",
    "az": "Tərəflər ticarəti genişləndirmək və iki ölkənin regionları arasında əlaqələri dərinləşdirmək "
    "barədə razılığa gəliblər.",
    "uk": "Сторони домовилися розширювати торгівлю та поглиблювати зв'язки між регіонами обох країн, "
    "єднаючи їхні зусилля.",
    "kk": "Тараптар сауданы кеңейтуге және екі елдің өңірлері арасындағы байланыстарды тереңдетуге келісті.",
    "be": "Бакі дамовіліся пашыраць гандаль і ўмацоўваць сувязі паміж рэгіёнамі абедзвюх краін, "
    "у тым ліку ў сферы адукацыі.",
    "fr": "Les deux parties sont convenues de développer le commerce et de renforcer les liens entre "
    "les régions des deux pays dans le respect du droit.",
    "de": "Die beiden Seiten haben vereinbart, den Handel auszubauen und die Verbindungen zwischen den "
    "Regionen der beiden Länder zu vertiefen, das ist nicht neu.",
    "es": "Las dos partes acordaron ampliar el comercio y estrechar los lazos entre las regiones de "
    "ambos países para el bien de los pueblos.",
}


@pytest.mark.parametrize(("expected", "text"), SAMPLES.items())
def test_paragraphs(expected: str, text: str) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "1. 2025 — 33%", "\u2014\n\t!?"])
def test_no_letters_is_undetermined(text: str) -> None:
    assert detect_language(text) == "und"


def test_russian_with_latin_names_stays_russian() -> None:
    assert detect_language("Как передает Day.Az со ссылкой на АЗЕРТАДЖ, стороны подписали заявление.") == "ru"


def test_russian_with_a_ukrainian_name_stays_russian() -> None:
    text = "Стороны обсудили ситуацию вокруг Київ и Дніпро, выразив обеспокоенность эскалацией."
    assert detect_language(text) == "ru"


def test_chinese_with_english_names_stays_chinese() -> None:
    assert detect_language("双方欢迎APEC和G20框架下的合作，同意加强沟通。") == "zh"


def test_latin_without_stopwords_defaults_to_english() -> None:
    assert detect_language("NATO OSCE ASEAN") == "en"


def test_only_the_leading_sample_counts() -> None:
    text = "a" * SAMPLE_SIZE + "Стороны договорились." * 1000
    assert detect_language(text) == "en"


def test_deterministic_and_fast() -> None:
    text = SAMPLES["ru"] * 5000
    began = time.perf_counter()
    results = {detect_language(text) for _ in range(20)}
    assert results == {"ru"}
    assert time.perf_counter() - began < 2.0


def test_russian_with_a_kazakh_name_stays_russian() -> None:
    assert detect_language("Президент Казахстана Касым-Жомарт Тоқаев прибыл в Москву с визитом.") == "ru"


def test_turkish_is_not_azerbaijani() -> None:
    text = "Taraflar ticaretin geliştirilmesi ve işbirliğinin güçlendirilmesi konusunda anlaştı."
    assert detect_language(text) == "tr"


# ---------------------------------------------------------------- the quick tally


def _full_tally_only(text: str) -> str:
    with mock.patch.object(language, "_quick_tally", return_value=None):
        return detect_language(text)


def test_every_character_the_quick_tally_takes_has_its_blocks_script() -> None:
    taken = [chr(code) for code in range(0x10000) if not language._UNUSUAL_RE.match(chr(code))]
    assert len(taken) > 20_000
    for ch in taken:
        code = ord(ch)
        assert ch not in language._CUES
        if code < 0x100:
            continue
        if code >> 8 == 0x04:
            assert language._script(ch) == "cyrillic", hex(code)
        elif 0x4E <= code >> 8 <= 0x9F:
            assert language._script(ch) == "han", hex(code)
        else:
            assert language._script(ch) is None and not ch.isalnum(), hex(code)
    assert language._UNUSUAL_RE.match("\U00020000") and language._UNUSUAL_RE.match("\ud800")


def test_latin1_words_lower_case_within_latin1() -> None:
    for code in range(0x100):
        if language._WORD_RE.fullmatch(chr(code)):
            assert len(chr(code).lower()) == 1 and ord(chr(code).lower()) < 0x100


@pytest.mark.parametrize(
    "text", [*SAMPLES.values(), "a б", "б a", "中a", "ab 中", "Ёё ab", "the ü", "¼ the", "le, la"]
)
def test_quick_and_full_tally_agree(text: str) -> None:
    assert detect_language(text) == _full_tally_only(text)


# Letters of every path (Latin-1, Russian, cue letters, Han), separators, digits.
_MIXED = (
    "abcdeilnorstuvxzABIKNSTéüß²¼абвгдеёжзиклмнопрстуфхцчшщъыьэюяЁЫЭЪ"
    " ўіїєґәғқə ı ğ ş 的一是、。，「」（）—“”’«»№\n .,:!?05_"
)


@settings(max_examples=400)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_MIXED),
            st.sampled_from(
                ["the", "and", "le", "les", "der", "und", "el", "los", "für", "və", "The", "AND"]
            ),
        ),
        max_size=40,
    )
)
def test_quick_tally_decides_as_the_full_tally(pieces: list[str]) -> None:
    text = " ".join(pieces) if len(pieces) % 2 else "".join(pieces)
    assert detect_language(text) == _full_tally_only(text)
