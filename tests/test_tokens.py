from hypothesis import given
from hypothesis import strategies as st

from docdiff.tokens import split_tokens, stem, terms


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
