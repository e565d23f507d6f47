import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

from docdiff.text.tokens import is_han, split_tokens, stem, term_of, terms


@given(st.text(max_size=200))
def test_tokens_cover_text_exactly(text):
    assert "".join(split_tokens(text)) == text


def test_words_whitespace_and_punctuation_are_separate():
    assert split_tokens("Стороны, «Один пояс»") == ["Стороны", ",", " ", "«", "Один", " ", "пояс", "»"]


def test_inner_hyphens_and_dots_stay_in_words():
    assert "азербайджано-китайских" in split_tokens("азербайджано-китайских отношений")
    assert "U.S" in split_tokens("U.S.-India")


def test_han_characters_are_tokens():
    assert split_tokens("双方同意") == ["双", "方", "同", "意"]


def test_russian_stems_share_across_inflection():
    assert terms("Китайской Народной Республики", "ru") == terms("Китайская Народная Республика", "ru")


def test_english_stems_share_across_inflection():
    assert terms("supports", "en") == terms("support", "en")
    assert terms("China's", "en") == terms("China", "en")


def test_terms_fold_typography_and_case():
    assert terms("«Ёлка»", "ru") == terms("елка", "ru")


def test_chinese_terms_are_bigrams():
    assert terms("一带一路", "zh") == ["一带", "带一", "一路"]
    assert terms("中", "zh") == ["中"]


def test_stem_is_snowball():
    assert stem("поддерживают", "ru") == stem("поддерживает", "ru")


def _reference_terms(text: str, language: str) -> list[str]:
    # The token-by-token definition terms() must keep: Han runs to bigrams, words to term_of.
    out: list[str] = []
    run: list[str] = []
    for token in [*split_tokens(text), " "]:
        if is_han(token):
            run.append(token)
            continue
        if run:
            out.extend(run if len(run) == 1 else [a + b for a, b in itertools.pairwise(run)])
            run = []
        if token[0].isalnum():
            out.append(term_of(token, language))
    return out


_PIECES = st.one_of(
    st.text(max_size=8),
    st.sampled_from(
        ["Стороны", "ёлки", "U.S.", "China's", "1.5", "٣٤", "x_y", "双方", "中", "-", "’", " \n"]
    ),
)


@given(st.lists(_PIECES, max_size=10).map("".join), st.sampled_from(["ru", "en", "zh"]))
def test_terms_follow_the_tokens(text: str, language: str) -> None:
    assert terms(text, language) == _reference_terms(text, language)


def test_word_pattern_is_the_old_one() -> None:
    # Digits were once an alternative of their own; every \d is a word character anyway.
    old = re.compile(r"(?:[^\W_\u3400-\u9fff]|\d)+(?:[-‐‑'’.](?:[^\W_\u3400-\u9fff]|\d)+)*")
    sample = "".join(chr(c) for c in range(0x20, 0x3000) if not 0xD800 <= c < 0xE000) + "٣.٤ ၁၂ x-1"
    assert old.findall(sample) == [t for t in split_tokens(sample) if t[0].isalnum()]
