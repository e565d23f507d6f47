"""Metadata extraction: dates, kinds, places, leaders, signatories, parties."""

from __future__ import annotations

import csv
import importlib.util
import os
import re
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docdiff.describe import dates
from docdiff.describe.dates import find_dates, parse_date
from docdiff.describe.leaders import _patterns, find_leaders, leaders
from docdiff.describe.metadata import extract_metadata, find_kind
from docdiff.describe.places import find_place, place_name
from docdiff.lang import languages
from docdiff.model import Block, Clause, Paragraph, Part, Signatory, Span

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "az-cn-2025-04.ru.txt"

needs_parties = pytest.mark.skipif(
    importlib.util.find_spec("docdiff.describe.parties") is None, reason="docdiff.parties is not written yet"
)


def _has_segment() -> bool:
    try:
        from docdiff.segment import segment  # noqa: F401
    except ImportError:
        return False
    return True


needs_segment = pytest.mark.skipif(not _has_segment(), reason="docdiff.segment.segment is not written yet")


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("23 апреля 2025 года", "ru", "2025-04-23"),
        ("23 апреля 2025 г.", "ru", "2025-04-23"),
        ("г. Москва, 1 мая 2024г.", "ru", "2024-05-01"),
        ("13 – 14 марта 2025 г.", "ru", "2025-03-14"),
        ("посетил с 22 по 24 апреля 2025 года Китай", "ru", "2025-04-24"),
        ("с 30 марта по 2 апреля 2025 года", "ru", "2025-04-02"),
        ("в апреле 2025 года", "ru", "2025-04"),
        ("Стратегия до 2030 года", "ru", "2030"),
        ("23.04.2025", "ru", "2025-04-23"),
        ("2025-04-23", "en", "2025-04-23"),
        ("June 22, 2023", "en", "2023-06-22"),
        ("22 June 2023", "en", "2023-06-22"),
        ("September 8, 2023", "en", "2023-09-08"),
        ("Sept. 8, 2023", "en", "2023-09-08"),
        ("met on this 26th day of April, 2023 to mark", "en", "2023-04-26"),
        ("July 21-23, 2019", "en", "2019-07-23"),
        ("On 23 November 2025, representatives", "en", "2025-11-23"),
        ("2019年7月23日", "zh", "2019-07-23"),
        ("于2019年7月21日至23日对中国进行国事访问", "zh", "2019-07-23"),
        ("2019年7月30日至8月2日", "zh", "2019-08-02"),
        ("2019年7月23日于北京", "zh", "2019-07-23"),
        ("no date here", "en", None),
        ("23 апреля в Пекине", "ru", None),
        ("31 февраля 2025 года", "ru", "2025-02"),
    ],
)
def test_parse_date(text: str, language: str, expected: str | None) -> None:
    assert parse_date(text, language) == expected


def test_yearless_dates_are_found_with_their_offsets() -> None:
    text = "23 апреля в Пекине подписано"
    (date,) = find_dates(text, "ru")
    assert (date.start, date.end, date.year, date.month, date.day) == (0, 9, None, 4, 23)
    assert date.iso() is None
    assert date.iso(2025) == "2025-04-23"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # A part above 12 is the day whatever the language.
        ("signed on 25/12/2024 in", "en", "2024-12-25"),
        ("signed on 12/25/2024 in", "en", "2024-12-25"),
        ("подписано 25/12/2024", "ru", "2024-12-25"),
        ("подписано 12/25/2024", "ru", "2024-12-25"),
        # Both could be the month: English reads month first, the others day first.
        ("Washington, 05/04/2025", "en", "2025-05-04"),
        ("Washington, 5/4/2025", "en-US", "2025-05-04"),
        ("Москва, 05/04/2025", "ru", "2025-04-05"),
        ("北京 05/04/2025", "zh", "2025-04-05"),
        # Dotted dates are day first everywhere; year-first ones are unambiguous.
        ("5.04.2025", "en", "2025-04-05"),
        ("Москва, 5.04.2025", "ru", "2025-04-05"),
        ("23.04.2025 г.", "ru", "2025-04-23"),
        ("2025/04/23", "zh", "2025-04-23"),
        ("2025.4.23", "zh", "2025-04-23"),
        ("2025年4月23日", "zh", "2025-04-23"),
        # Impossible dates are no dates.
        ("13/13/2025", "en", None),
        ("31/04/2025", "ru", None),
        ("2025/02/30", "zh", None),
        # Paths and longer number runs are not dates.
        ("see /news/05/04/2025/ online", "en", None),
        ("item 1/2/2025/3", "en", None),
    ],
)
def test_numeric_dates(text: str, language: str, expected: str | None) -> None:
    assert parse_date(text, language) == expected


def test_slashed_dates_without_a_language_read_day_first() -> None:
    (date,) = find_dates("05/04/2025")
    assert (date.year, date.month, date.day) == (2025, 4, 5)


def test_modal_may_and_numbers_are_not_dates() -> None:
    assert parse_date("We may 5 times agree on 3.14 and 2.5", "en") is None
    assert find_dates("7月", "zh") == ()


_DATE_PIECES = [
    *("2025", "1999", "23", "7", "31", "04", "١٢", " ", "\n", ".", "/", "-", "–", ",", "x"),
    *(
        "г.",
        "года",
        "年",
        "月",
        "日",
        "至",
        "апреля",
        "МАЯ",
        "мае",
        "с ",
        " по ",
        "June",
        "Sept.",
        " of",
        " day",
    ),
]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=10))
def test_date_rules_skipped_for_a_missing_substring_would_find_nothing(pieces: list[str]) -> None:
    text = "".join(pieces)
    every_rule = tuple((pattern, kind, ()) for pattern, kind, _ in dates._rules(languages()))
    with (
        mock.patch.object(dates, "_rules", lambda codes: every_rule),
        mock.patch.object(dates, "_DIGIT_RE", re.compile("")),
    ):
        expected = find_dates(text)
    assert find_dates(text) == expected


# ---------------------------------------------------------------- kinds


@pytest.mark.parametrize(
    ("title", "language", "expected"),
    [
        (
            "Совместное заявление об установлении отношений всестороннего стратегического партнерства",
            "ru",
            "joint statement",
        ),
        (
            "Совместное заявление Президента Российской Федерации и Президента Республики Беларусь",
            "ru",
            "joint statement",
        ),
        ("Договор о всеобъемлющем стратегическом партнёрстве", "ru", "treaty"),
        ("Московская декларация", "ru", "declaration"),
        ("Совместная декларация о партнерстве", "ru", "joint declaration"),
        ("Коммюнике по итогам переговоров", "ru", "communique"),
        ("Меморандум о взаимопонимании", "ru", "memorandum"),
        ("Дорожная карта сотрудничества", "ru", "roadmap"),
        ("中华人民共和国和阿拉伯联合酋长国关于加强全面战略伙伴关系的联合声明", "zh", "joint statement"),
        ("关于落实协定的联合声明", "zh", "joint statement"),
        ("中俄联合公报", "zh", "communique"),
        ("U.S.-UAE Joint Leaders’ Statement Dynamic Strategic Partners", "en", "joint statement"),
        ("U.S.-ROK Leaders’ Joint Statement", "en", "joint statement"),
        (
            "Joint Statement on Framework for a United States-Argentina Agreement on Reciprocal Trade",
            "en",
            "joint statement",
        ),
        ("Washington Declaration", "en", "declaration"),
        (
            "Joint Declaration Between the Kingdom of Spain and the United States of America",
            "en",
            "joint declaration",
        ),
        ("Mexico-U.S. Joint Communique: Mexico and the United States Reaffirm", "en", "communique"),
        ("FACT SHEET: U.S.-India Partnership", "en", "fact sheet"),
        ("Readout of President Biden’s Meeting", "en", "readout"),
        ("U.S.-EU Summit Statement", "en", "statement"),
        ("Joint Press Statement Following a Call", "en", "joint statement"),
        ("JOINT LEADERS’ STATEMENT: ELEVATING UNITED STATES-VIETNAM RELATIONS", "en", "joint statement"),
        ("Annual report", "en", None),
    ],
)
def test_find_kind(title: str, language: str, expected: str | None) -> None:
    assert find_kind(title, language) == expected


# ---------------------------------------------------------------- places


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ('23 апреля в Пекине подписано "Совместное заявление"', "ru", "Пекин"),
        ("Совершено в г. Москве 17 января 2025 года", "ru", "Москва"),
        ("заключен в городе Москве 17 января 2025 года", "ru", "Москва"),
        ("Совершено в г. Баку 1 мая 2025 года", "ru", "Баку"),
        ("Совершено в г. Астане", "ru", "Астана"),
        ("Совершено в г. Ташкенте", "ru", "Ташкент"),
        ("Совершено в г. Нью-Дели", "ru", "Нью-Дели"),
        ("Совершено в г. Гродно", "ru", "Гродно"),
        ("Совершено в Тегеране", "ru", "Тегеран"),
        ("переговоры в Вашингтоне", "ru", "Вашингтон"),
        ("Стороны в целом согласились", "ru", None),
        ("Done at New Delhi on 22 June 2023", "en", "New Delhi"),
        ("Signed at Canberra", "en", "Canberra"),
        ("met today in Washington, D.C., to", "en", "Washington"),
        ("in the interest of peace", "en", None),
        ("2019年7月23日于北京", "zh", "北京"),
        ("双方在莫斯科签署", "zh", "莫斯科"),
    ],
)
def test_find_place(text: str, language: str, expected: str | None) -> None:
    assert find_place(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Москва, 13 марта 2025 года", "ru", "Москва"),
        ("г. Минск, 13 марта 2025 г.", "ru", "Минск"),
        ("September 29, 2021\nPittsburgh, Pennsylvania", "en", "Pittsburgh"),
        ("Leuven, Belgium", "en", "Leuven"),
        ("June 22, 2023", "en", None),
        ("北京，2019年7月23日", "zh", "北京"),
    ],
)
def test_dateline_place(text: str, language: str, expected: str | None) -> None:
    assert find_place(text, language, dateline=True) == expected


def test_place_names_map_to_the_language_base_form() -> None:
    assert place_name("Пекине", "ru") == "Пекин"
    assert place_name("Пекине", "en") == "Beijing"
    assert place_name("beijing", "zh") == "北京"
    assert place_name("Атлантида", "ru") is None


# ---------------------------------------------------------------- leaders


def test_leaders_match_russian_case_endings_and_report_the_nominative() -> None:
    text = "по приглашению Председателя Китайской Народной Республики Си Цзиньпина и В.В. Путиным"
    found = find_leaders(text, "ru")
    assert [(m.name, m.leader.party) for m in found] == [("Си Цзиньпин", "CN"), ("В.В. Путин", "RU")]


def test_leaders_prefer_the_longest_english_form() -> None:
    found = find_leaders("President Joseph R. Biden, Jr. and Prime Minister Narendra Modi", "en")
    assert [(m.name, m.leader.party) for m in found] == [
        ("Joseph R. Biden, Jr.", "US"),
        ("Narendra Modi", "IN"),
    ]


def test_leaders_in_chinese_extend_over_name_parts() -> None:
    text = "武装部队副总司令穆罕默德·本·扎耶德·阿勒纳哈扬殿下"
    (found,) = find_leaders(text, "zh")
    assert (found.name, found.leader.party) == ("穆罕默德·本·扎耶德·阿勒纳哈扬", "AE")


@pytest.mark.parametrize(
    "text",
    [
        "Президент Республики Казахстан К.-Ж.К.Токаев",
        "Президент Республики Казахстан К.-Ж. К. Токаев",
        "с Президентом Республики Казахстан К.‑Ж.К.Токаевым",
        "Президент Республики Казахстан Касым‑Жомарт Токаев",
    ],
)
def test_hyphenated_initials_and_names_match(text: str) -> None:
    (found,) = find_leaders(text, "ru")
    assert found.leader.id == "tokayev"
    assert text[found.start :].startswith(found.name)


def test_initials_without_a_hyphen_still_match() -> None:
    found = find_leaders("В.В.Путин и Ш.М.Мирзиёев", "ru")
    assert [m.leader.id for m in found] == ["putin", "mirziyoyev"]


def test_signature_lines_with_initials_outside_the_gazetteer_are_kept() -> None:
    from docdiff.describe.signatories import find_signatories

    def find(text: str, language: str) -> tuple[str, ...]:
        return ("KZ",) if "Казахстан" in text else ("UZ",) if "Узбекистан" in text else ()

    found = find_signatories(
        language="ru",
        envelope=[],
        opening=[],
        closing=[
            "Президент Республики Казахстан К.-Ж.К.Токаев\n"
            "Президент Республики Казахстан Н.А.Назарбаев\n"
            "Президент Республики Узбекистан С.Мирзиёев"
        ],
        find=find,
    )
    assert [(s.name, s.party) for s in found] == [
        ("К.-Ж.К.Токаев", "KZ"),
        ("Н.А.Назарбаев", "KZ"),
        ("С.Мирзиёев", "UZ"),
    ]


def test_surnames_do_not_match_inside_other_words() -> None:
    assert find_leaders("the Biden-Harris Administration", "en") == ()
    assert find_leaders("Trumpet", "en") == ()


@pytest.mark.parametrize("language", ["ru", "en", "zh"])
def test_leader_patterns_skipped_for_missing_words_could_not_match(language: str) -> None:
    # find_leaders runs only the patterns whose words are all in the text; running every
    # pattern must give the same mentions, here on texts printing every name form.
    forms = [
        form for leader in leaders() for lang, names in leader.names if lang == language for form in names
    ]
    texts = [f"по приглашению {form}, встреча" for form in forms] + [" и ".join(forms), "Трамп Байден"]
    for text in texts:
        taken: list[tuple[int, int, str]] = []
        for pattern, leader, _ in _patterns(language):
            for match in pattern.finditer(text):
                if not any(match.start() < end and start < match.end() for start, end, _ in taken):
                    taken.append((match.start(), match.end(), leader.id))
        assert [(m.start, m.end, m.leader.id) for m in find_leaders(text, language)] == sorted(taken)


# ---------------------------------------------------------------- extract_metadata on hand-made parts


def _blocks(source: str, *texts: str) -> list[Block]:
    out = []
    for text in texts:
        start = source.index(text)
        out.append(Block(Span(start, start + len(text)), text))
    return out


def _units(source: str, texts: list[str], part: Part) -> list[Clause]:
    out = []
    for n, text in enumerate(texts, 1):
        start = source.index(text)
        span = Span(start, start + len(text))
        label = f"preamble.{n}" if part is Part.PREAMBLE else str(n)
        out.append(Clause(label, n, span, [Paragraph(span, text)], part))
    return out


def _seed_parts() -> dict[str, object]:
    source = SEED.read_text("utf-8")
    paragraphs = [p for p in source.split("\n\n") if p.strip()]
    return {
        "source": source,
        "envelope": _blocks(source, *paragraphs[:4]),
        "title": None,
        "dateline": None,
        "preamble": _units(source, paragraphs[4:6], Part.PREAMBLE),
        "clauses": _units(source, paragraphs[6:], Part.BODY),
        "closing": [],
    }


SEED_SIGNATORIES = (
    Signatory("Ильхам Алиев", "Президент Азербайджанской Республики", "AZ"),
    Signatory("Си Цзиньпин", "Председатель Китайской Народной Республики", "CN"),
)


@needs_parties
def test_seed_metadata_from_hand_made_parts() -> None:
    parts = _seed_parts()
    meta = extract_metadata(parts.pop("source"), language="ru", **parts)  # type: ignore[arg-type]
    assert meta.language == "ru"
    assert meta.title == (
        "Совместное заявление об установлении отношений всестороннего стратегического партнерства "
        "между Азербайджанской Республикой и Китайской Народной Республикой"
    )
    assert meta.kind == "joint statement"
    assert meta.date == "2025-04-23"
    assert meta.place == "Пекин"
    assert meta.parties == ("AZ", "CN")
    assert meta.signatories == SEED_SIGNATORIES


@needs_parties
def test_seed_without_signing_line_takes_signers_from_the_preamble() -> None:
    parts = _seed_parts()
    envelope = parts["envelope"]
    assert isinstance(envelope, list)
    parts["envelope"] = [envelope[0], envelope[1], envelope[3]]
    meta = extract_metadata(parts.pop("source"), language="ru", **parts)  # type: ignore[arg-type]
    assert [(s.name, s.party) for s in meta.signatories] == [("Ильхам Алиев", "AZ"), ("Си Цзиньпин", "CN")]


def _doc(
    source: str,
    title: str | None,
    dateline: str | None,
    preamble: list[str],
    clauses: list[str],
    closing: list[str],
    language: str,
    envelope: tuple[str, ...] = (),
) -> dict[str, object]:
    return {
        "source": source,
        "language": language,
        "envelope": _blocks(source, *envelope),
        "title": _blocks(source, title)[0] if title else None,
        "dateline": _blocks(source, dateline)[0] if dateline else None,
        "preamble": _units(source, preamble, Part.PREAMBLE),
        "clauses": _units(source, clauses, Part.BODY),
        "closing": _blocks(source, *closing),
    }


@needs_parties
def test_english_leaders_statement() -> None:
    source = (
        "Joint Statement from the United States and India\n\nJune 22, 2023\n\n"
        "1. President Joseph R. Biden, Jr. and Prime Minister Narendra Modi today affirmed a vision of the "
        "United States and India as among the closest partners in the world.\n\n"
        "2. The leaders discussed Russia, Japan and Australia."
    )
    title, dateline, first, second = source.split("\n\n")
    meta = extract_metadata(**_doc(source, title, dateline, [], [first, second], [], "en"))  # type: ignore[arg-type]
    assert meta.kind == "joint statement"
    assert meta.date == "2023-06-22"
    assert meta.parties == ("IN", "US")
    assert meta.signatories == (
        Signatory("Joseph R. Biden, Jr.", "President", "US"),
        Signatory("Narendra Modi", "Prime Minister", "IN"),
    )


@needs_parties
def test_leaders_in_the_title_name_the_parties() -> None:
    source = (
        "Joint Statement by President Biden and Prime Minister Trudeau\n\nMarch 24, 2023\n\n"
        "We celebrate our progress and discuss Ukraine and Mexico and Ukraine again."
    )
    title, dateline, body = source.split("\n\n")
    meta = extract_metadata(**_doc(source, title, dateline, [], [body], [], "en"))  # type: ignore[arg-type]
    assert meta.parties == ("CA", "US")


@needs_parties
def test_closing_signature_blocks_and_formula() -> None:
    source = (
        "Договор о всеобъемлющем стратегическом партнёрстве между Российской Федерацией и "
        "Исламской Республикой Иран\n\n"
        "Российская Федерация и Исламская Республика Иран, далее именуемые Договаривающимися Сторонами,\n\n"
        "Статья 1\n\nСтороны углубляют отношения.\n\n"
        "Совершено в г. Москве 17 января 2025 года в двух экземплярах.\n\n"
        "Президент Российской Федерации В.Путин\n\n"
        "Президент Исламской Республики Иран М.Пезешкиан"
    )
    parts = source.split("\n\n")
    meta = extract_metadata(  # type: ignore[arg-type]
        **_doc(source, parts[0], None, [parts[1]], [parts[3]], parts[4:], "ru")
    )
    assert meta.kind == "treaty"
    assert meta.date == "2025-01-17"
    assert meta.place == "Москва"
    assert meta.parties == ("IR", "RU")
    assert meta.signatories == (
        Signatory("В.Путин", "Президент Российской Федерации", "RU"),
        Signatory("М.Пезешкиан", "Президент Исламской Республики Иран", "IR"),
    )


@needs_parties
def test_for_party_signature_lines() -> None:
    source = (
        "Joint Declaration\n\nThe Sides agree.\n\nDone at Moscow on 8 May 2024\n\n"
        "For the Russian Federation\nV. Putin"
    )
    parts = source.split("\n\n")
    meta = extract_metadata(**_doc(source, parts[0], None, [], [parts[1]], parts[2:], "en"))  # type: ignore[arg-type]
    assert meta.date == "2024-05-08"
    assert meta.place == "Moscow"
    assert meta.signatories == (Signatory("V. Putin", None, "RU"),)


@needs_parties
def test_chinese_statement() -> None:
    source = (
        "中华人民共和国和阿拉伯联合酋长国\n关于加强全面战略伙伴关系的联合声明\n\n"
        "应中华人民共和国主席习近平邀请，阿拉伯联合酋长国阿布扎比王储、武装部队副总司令"
        "穆罕默德·本·扎耶德·阿勒纳哈扬殿下于2019年7月21日至23日对中国进行国事访问。\n\n"
        "双方支持两国互设文化中心。\n\n2019年7月23日于北京"
    )
    parts = source.split("\n\n")
    meta = extract_metadata(**_doc(source, parts[0], None, [parts[1]], [parts[2]], [parts[3]], "zh"))  # type: ignore[arg-type]
    assert meta.title == "中华人民共和国和阿拉伯联合酋长国关于加强全面战略伙伴关系的联合声明"
    assert meta.kind == "joint statement"
    assert meta.date == "2019-07-23"
    assert meta.place == "北京"
    assert meta.parties == ("AE", "CN")
    assert [(s.name, s.party) for s in meta.signatories] == [
        ("习近平", "CN"),
        ("穆罕默德·本·扎耶德·阿勒纳哈扬", "AE"),
    ]
    assert meta.signatories[0].role == "中华人民共和国主席"


@needs_parties
@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("中美联合声明", ("CN", "US")),
        ("中俄两国元首关于深化伙伴关系的联合声明", ("CN", "RU")),
        ("中哈关于进一步深化全面战略伙伴关系的联合声明", ("CN", "KZ")),
    ],
)
def test_chinese_title_naming_the_parties_in_two_characters(title: str, expected: tuple[str, str]) -> None:
    source = f"{title}\n\n双方同意加强合作。\n\n2024年5月16日于北京"
    parts = source.split("\n\n")
    meta = extract_metadata(**_doc(source, parts[0], None, [], [parts[1]], [parts[2]], "zh"))  # type: ignore[arg-type]
    assert meta.parties == expected
    assert meta.date == "2024-05-16"


@needs_parties
def test_chinese_ambiguous_pair_in_a_title_takes_the_party_named_in_the_text() -> None:
    source = "中巴联合声明\n\n应邀，巴基斯坦总理对中国进行正式访问。双方同意加强合作。"
    parts = source.split("\n\n")
    meta = extract_metadata(**_doc(source, parts[0], None, [], [parts[1]], [], "zh"))  # type: ignore[arg-type]
    assert set(meta.parties) == {"CN", "PK"}


@needs_parties
def test_numeric_dateline_follows_the_language() -> None:
    for language, text, expected in (
        ("en", "Joint Statement\n\nWashington, 05/04/2025\n\nThe Sides agree.", "2025-05-04"),
        ("ru", "Совместное заявление\n\nМосква, 05/04/2025\n\nСтороны согласились.", "2025-04-05"),
        ("ru", "Совместное заявление\n\nМосква, 5.04.2025 г.\n\nСтороны согласились.", "2025-04-05"),
    ):
        parts = text.split("\n\n")
        meta = extract_metadata(**_doc(text, parts[0], parts[1], [], [parts[2]], [], language))  # type: ignore[arg-type]
        assert meta.date == expected


# ---------------------------------------------------------------- with the segmenter


@needs_parties
@needs_segment
def test_seed_through_segment() -> None:
    from helpers import parse_text

    doc = parse_text(SEED.read_text("utf-8"), language=None, path=str(SEED))
    meta = doc.metadata
    assert meta.language == "ru"
    assert meta.parties == ("AZ", "CN")
    assert meta.date == "2025-04-23"
    assert meta.place == "Пекин"
    assert meta.kind == "joint statement"
    assert [(s.name, s.party) for s in meta.signatories] == [("Ильхам Алиев", "AZ"), ("Си Цзиньпин", "CN")]


# ---------------------------------------------------------------- the corpus


def _manifest_rows(corpus: Path) -> list[tuple[Path, dict[str, str]]]:
    rows: dict[Path, dict[str, str]] = {}
    for manifest in [corpus / "MANIFEST.tsv", *sorted(corpus.glob("*/MANIFEST.tsv"))]:
        if not manifest.is_file():
            continue
        with manifest.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                path = (manifest.parent / row["file"]).resolve()
                if path.is_file() and path.suffix == ".txt":
                    rows.setdefault(path, row)
    return sorted(rows.items())


@pytest.mark.corpus
@needs_parties
@needs_segment
def test_corpus_parties_and_dates_agree_with_the_manifest() -> None:
    corpus_dir = os.environ.get("DOCDIFF_CORPUS")
    if not corpus_dir:
        pytest.skip("set DOCDIFF_CORPUS to the folder of real statements to run this check")
    from helpers import parse_text

    rows = _manifest_rows(Path(corpus_dir))
    assert rows, f"no MANIFEST.tsv rows under {corpus_dir}"
    party_misses: list[str] = []
    date_misses: list[str] = []
    for path, row in rows:
        meta = parse_text(path.read_text("utf-8"), language=None, path=str(path)).metadata
        expected_parties = tuple(sorted(row["parties"].split(";")))
        if meta.parties != expected_parties:
            party_misses.append(f"{path.name}: {meta.parties} != {expected_parties}")
        if meta.date != row["date_signed"]:
            date_misses.append(f"{path.name}: {meta.date} != {row['date_signed']}")
    total = len(rows)
    report = (
        f"parties {total - len(party_misses)}/{total}, dates {total - len(date_misses)}/{total}\n"
        + "\n".join(party_misses + date_misses)
    )
    print(report)
    assert len(party_misses) <= total * 0.1, report
    assert len(date_misses) <= total * 0.1, report


def test_honorifics_are_not_roles_and_roles_may_follow_the_name() -> None:
    source = (
        "United States-India Joint Leaders’ Statement\n\nFebruary 13, 2025\n\n"
        "The President of the United States of America, The Honorable Donald J. Trump hosted the Prime "
        "Minister of India, Shri Narendra Modi in Washington.\n\n"
        "His Highness Sheikh Mohamed bin Zayed Al Nahyan, President of the UAE, sent regards."
    )
    title, dateline, first, second = source.split("\n\n")
    meta = extract_metadata(**_doc(source, title, dateline, [], [first, second], [], "en"))  # type: ignore[arg-type]
    assert meta.signatories == (
        Signatory("Donald J. Trump", "President of the United States of America", "US"),
        Signatory("Narendra Modi", "Prime Minister of India", "IN"),
    )
    assert meta.place == "Washington"


def test_a_country_after_a_city_is_a_place_not_a_party() -> None:
    source = (
        "EU Joint Statement of the Council\n\nApril 5, 2024\n\nLeuven, Belgium\n\n"
        "The meeting took place in Leuven, Belgium, on 4 and 5 April 2024.\n\n"
        "The United States and the EU agree. The United States will act."
    )
    title, date, place, first, second = source.split("\n\n")
    dateline = date + "\n\n" + place
    meta = extract_metadata(**_doc(source, title, dateline, [], [first, second], [], "en"))  # type: ignore[arg-type]
    assert meta.parties == ("EU", "US")
    assert meta.place == "Leuven"
