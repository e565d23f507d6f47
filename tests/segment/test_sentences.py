"""Sentence segmentation: razdel-style cases, "|" marks each boundary."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docdiff.lang import pack
from docdiff.segment.sentences import (
    _CLOSERS,
    _LINE_BREAK,
    _Candidate,
    _candidates,
    explain,
    split_sentences,
)


def _split(case: str, language: str) -> list[str]:
    text = case.replace("|", "")
    return [text[start:end] for start, end in split_sentences(text, language)]


def _expected(case: str) -> list[str]:
    return [part.strip() for part in case.split("|") if part.strip()]


RU = [
    "Стороны договорились. | Китай поддерживает.",
    "Встреча прошла 13 – 14 марта 2025 г. в Москве.",
    "23 апреля 2025 г. Стороны подписали заявление.",
    "Договор подписан в 2020 г.\n| Стороны договорились.",
    "Визит состоялся в 2023–2024 гг. по приглашению Китая.",
    "Речь идет о торговле, инвестициях, т.е. об экономике. | Стороны согласны.",
    "Стороны развивают связи в энергетике, транспорте и т.д. и т.п. в интересах народов.",
    "Обсуждались энергетика, транспорт и т.д. | Стороны договорились продолжать.",
    "Встреча В.В.Путина и Ильхама Г. Алиева состоялась в Москве.",
    "Заявление подписали В. В. Путин и Си Цзиньпин.",
    "Объем торговли составил 1.5 млрд. руб. в прошлом году.",
    "Товарооборот вырос на 3.1 процента. | Стороны отметили рост.",
    "Стороны (в т.ч. министерства) проведут консультации.",
    "Объект расположен на ул. Ленина, см. стр. 5 и п. 3 ст. 7 договора.",
    'В заявлении говорится: "Стороны договорились." | Китай поддерживает это решение.',
    "Это ли не успех? | Да! | Стороны согласны...",
    "Стороны выразили надежду… | Переговоры продолжатся.",
    "1. Стороны твердо поддерживают друг друга. | 2. Китай поддерживает мир.",
    "Стороны договорились; Китай поддерживает Азербайджан.",
    "Он сказал: «Мы готовы!» | Стороны согласились.",
]

EN = [
    "The Sides agreed. | China supports the process.",
    "The U.S. and the U.K. support the U.N. Charter.",
    "President Joseph R. Biden, Jr. and Prime Minister Modi met today.",
    "John F. Kennedy and J. Biden are presidents. | Dr. Smith disagreed.",
    "Mr. and Mrs. Smith met Ms. Jones at St. Paul's on Jan. 5.",
    "Sectors, e.g. energy, i.e. power, vs. approx. five others.",
    "They discussed trade, energy, etc. | The leaders agreed to meet.",
    "Acme Inc. and Foo Co. Ltd. signed No. 5 of the deals.",
    "Growth reached 1.5 percent in 2023. | The U.S.-India partnership grew.",
    'The statement reads: "The Sides agreed." | China welcomed it.',
    "Is this progress? | Yes! | The talks went on...",
    "1. The leaders met. | 28. The leaders also welcomed the depth of ties.",
    "The Sides agreed; China supports the process.",
]

ZH = [
    "双方同意。|中方支持。",
    "他说：“我们同意。”|双方欢迎。",
    "双方同意加强合作；中方支持阿方。",
    "这是进展吗？|是的！|双方将继续合作。",
    "增长率为3.1%。|双方表示满意。",
    "两国元首举行会谈。\n|双方同意。",
]


@pytest.mark.parametrize("case", RU)
def test_ru(case: str) -> None:
    assert _split(case, "ru") == _expected(case)


@pytest.mark.parametrize("case", EN)
def test_en(case: str) -> None:
    assert _split(case, "en") == _expected(case)


@pytest.mark.parametrize("case", ZH)
def test_zh(case: str) -> None:
    assert _split(case, "zh") == _expected(case)


def test_offset_shifts_every_span() -> None:
    text = "  Стороны договорились. Китай поддерживает.  "
    plain = split_sentences(text, "ru")
    assert plain == ((2, 23), (24, 43))
    assert split_sentences(text, "ru", offset=100) == tuple((s + 100, e + 100) for s, e in plain)


def test_empty_and_blank() -> None:
    assert split_sentences("", "ru") == ()
    assert split_sentences(" \n\t ", "en") == ()


def test_unknown_language_uses_all_abbreviations() -> None:
    assert _split("Sahə 5 млрд. руб. təşkil edir. | Dr. Əliyev gəldi.", "az") == [
        "Sahə 5 млрд. руб. təşkil edir.",
        "Dr. Əliyev gəldi.",
    ]


def test_explain_names_the_deciding_rule() -> None:
    text = "Встреча 2025 г. в Москве. Стороны договорились.\nКитай согласен."
    assert explain(text, "ru") == [
        (15, "join_lower_next"),
        (25, "split_default"),
        (47, "split_default"),
        (47, "split_newline"),
    ]
    assert explain("Dr. Smith came. Food etc. Then", "en") == [
        (3, "join_abbreviation"),
        (15, "split_default"),
        (25, "split_enumeration_end"),
    ]


def test_explain_reports_joins_for_year_abbreviation() -> None:
    assert explain("В 2025 г. Стороны договорились.", "ru") == [(9, "join_abbreviation")]


_PIECES = [*"аБ zZ.!?…;\"'«»”“。！？\n\t\u2028 1гDr", "г.", "U.S.", " т.д. ", "。”", "Dr. ", "1. "]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join) | st.text(max_size=80)


@given(_TEXT, st.sampled_from(["ru", "en", "zh", "az"]), st.integers(min_value=0, max_value=1000))
def test_spans_are_ordered_trimmed_and_cover_the_text(text: str, language: str, offset: int) -> None:
    spans = split_sentences(text, language, offset)
    previous_end = offset
    covered: set[int] = set()
    for start, end in spans:
        assert previous_end <= start < end <= offset + len(text)
        piece = text[start - offset : end - offset]
        assert piece == piece.strip()
        covered.update(range(start - offset, end - offset))
        previous_end = end
    assert {i for i, ch in enumerate(text) if not ch.isspace()} <= covered


# ---------------------------------------------------------------- fast forms of two patterns

_PIECES = st.sampled_from(
    ["т.е", "В.", "ab", "Я", "1", "_", ".", "..", "…", "!", "?", "。", "”", "»", ")", " ", "\n"]
)


@given(st.lists(_PIECES, max_size=30), st.integers(min_value=0, max_value=120))
def test_left_word_is_what_a_dollar_anchored_search_finds(pieces: list[str], start: int) -> None:
    text = "".join(pieces)
    start = min(start, len(text))
    found = re.compile(r"[\w.]*\w$").search(text, max(0, start - 64), start)
    assert _Candidate(text, "ru", start, start).left_word == (found.group() if found else "")


@given(st.lists(_PIECES, max_size=30))
def test_candidates_are_a_break_or_a_run_of_marks_with_closers(pieces: list[str]) -> None:
    text = "".join(pieces)
    for marks in (pack("en").sentence_marks, pack("zh").sentence_marks):
        pattern = _candidates(marks)
        plain = re.compile(rf"[{re.escape(_LINE_BREAK)}]|[{re.escape(marks)}]+[{re.escape(_CLOSERS)}]*")
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
