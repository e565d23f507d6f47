"""Tests for docdiff.segment: the seed, constructed fixtures, markers and span properties."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from helpers import check_spans, parse_text
from hypothesis import given, settings
from hypothesis import strategies as st

from docdiff.errors import ParseError
from docdiff.model import Document, Part
from docdiff.segment import segment
from docdiff.segment.markers import Kind, find_marker

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def load(name: str) -> Document:
    # Segmented and described: these tests also read the seeds' metadata and sentences.
    return parse_text((SEEDS / name).read_text(encoding="utf-8"), path=name)


ALL_SEEDS = sorted(p.name for p in SEEDS.glob("*.txt"))


@pytest.mark.parametrize("name", ALL_SEEDS)
def test_seeds_lose_nothing(name: str) -> None:
    check_spans(load(name))


@pytest.mark.parametrize("name", ALL_SEEDS)
def test_seeds_crlf_and_cr_give_the_same_structure(name: str) -> None:
    text = (SEEDS / name).read_text(encoding="utf-8")
    plain = segment(text)
    for newline in ("\r\n", "\r"):
        doc = segment(text.replace("\n", newline))
        check_spans(doc)
        assert [u.label for u in doc.units] == [u.label for u in plain.units]
        assert [[p.text for p in u.paragraphs] for u in doc.units] == [
            [p.text.replace("\n", newline) for p in u.paragraphs] for u in plain.units
        ]
        assert [b.text.replace(newline, "\n") for b in doc.closing] == [b.text for b in plain.closing]
        assert len(doc.envelope) == len(plain.envelope)


# --- the seed -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> Document:
    return load("az-cn-2025-04.ru.txt")


def test_seed_language(seed: Document) -> None:
    assert seed.language == "ru"


def test_seed_clauses(seed: Document) -> None:
    assert [c.label for c in seed.clauses] == [str(n) for n in range(1, 19)]
    assert [c.ordinal for c in seed.clauses] == list(range(1, 19))
    assert all(c.part is Part.BODY for c in seed.clauses)
    assert seed.clauses[0].number is not None and seed.clauses[0].number.text == "1."
    assert seed.clauses[0].paragraphs[0].text.startswith("Стороны твердо поддерживают")


def test_seed_preamble(seed: Document) -> None:
    assert [p.label for p in seed.preamble] == ["preamble.1", "preamble.2"]
    assert all(p.part is Part.PREAMBLE and len(p.paragraphs) == 1 for p in seed.preamble)
    assert seed.preamble[0].text.startswith(
        "Президент Азербайджанской Республики Ильхам Алиев по приглашению"
    )
    assert seed.preamble[1].text.startswith("Главы двух государств провели переговоры")


def test_seed_envelope(seed: Document) -> None:
    texts = [b.text for b in seed.envelope]
    assert texts[0].startswith("Подписано Совместное заявление")
    assert texts[1].startswith("23 апреля в Пекине подписано")
    assert texts[2].startswith("Совместное заявление подписали")
    assert texts[3].startswith("Как передает") and texts[3].endswith("говорится:")
    assert texts[4:] == ['"', '"']
    assert seed.envelope[5].span.start == len(seed.source.rstrip()) - 1
    assert seed.title is None and seed.dateline is None and seed.closing == ()


def test_seed_paragraphs(seed: Document) -> None:
    assert len(seed.clauses[0].paragraphs) == 2
    assert len(seed.clauses[8].paragraphs) == 7
    assert seed.clauses[17].text.endswith("посетить Азербайджан.")


def test_seed_sentences(seed: Document) -> None:
    assert all(p.sentences for u in seed.units for p in u.paragraphs)


def test_seed_metadata(seed: Document) -> None:
    meta = seed.metadata
    assert meta.parties == ("AZ", "CN")
    assert meta.date == "2025-04-23"
    assert meta.place is not None and ("Пекин" in meta.place or "Beijing" in meta.place)
    signers = {(s.party, s.name) for s in meta.signatories}
    assert any(p == "AZ" and "Алиев" in n for p, n in signers)
    assert any(p == "CN" and "Си Цзиньпин" in n for p, n in signers)


# --- constructed fixtures ---------------------------------------------------------------------


def labels(doc: Document) -> list[str]:
    return [u.label for u in doc.units]


def test_ru_treaty_articles_with_headings_and_sub_items() -> None:
    doc = load("constructed-ru-treaty.ru.txt")
    assert doc.title is not None and doc.title.text.startswith("Договор о дружбе")
    assert doc.dateline is not None and doc.dateline.text == "Москва, 13 марта 2025 года"
    assert labels(doc) == ["preamble.1", "preamble.2", "preamble.3", "preamble.4", "1", "2", "3", "4"]
    assert doc.preamble[-1].text == "договорились о нижеследующем:"
    one, two, three, four = doc.clauses
    assert one.heading == "Цели" and one.number is not None and one.number.text == "Статья 1"
    assert [p.text for p in one.paragraphs] == [
        "Стороны развивают отношения дружбы и всестороннего сотрудничества на основе равноправия и "
        "взаимной выгоды."
    ]
    assert two.heading == "Политическое сотрудничество"
    assert [p.label for p in two.paragraphs] == ["1", "2", "а", "б"]
    assert two.paragraphs[0].text.startswith("Стороны проводят")
    assert two.paragraphs[3].text == "в региональных организациях."
    assert three.heading is None and len(three.paragraphs) == 2
    assert [p.label for p in four.paragraphs] == ["1", "2"]
    assert [b.text for b in doc.closing] == [
        "Совершено в г. Москве 13 марта 2025 года в двух экземплярах, каждый на русском и английском "
        "языках, причем оба текста имеют одинаковую силу.",
        "За Республику Альфа\nА.Иванов",
        "За Республику Бета\nБ.Петров",
    ]


def test_ru_news_envelope_with_guillemets_and_site_matter() -> None:
    doc = load("constructed-ru-news.ru.txt")
    assert [b.text for b in doc.envelope] == [
        "Президенты Альфы и Беты приняли совместное заявление",
        "Сегодня в Минске президенты двух стран провели переговоры и приняли совместное заявление.",
        "Ниже приводится полный текст совместного заявления:",
        "«",
        "»",
        "Смотрите также:",
        "Президенты обсудили вопросы энергетики",
    ]
    assert doc.preamble[0].text.startswith("Президент Республики Альфа")
    assert labels(doc) == ["preamble.1", "1", "2", "3"]
    assert [len(c.paragraphs) for c in doc.clauses] == [1, 2, 1]
    assert doc.clauses[2].text.endswith("молодежные обмены.")
    assert "«братскими народами»" in doc.clauses[2].text


def test_ru_unnumbered_preamble_formula_sections_and_signatures() -> None:
    doc = load("constructed-ru-unnumbered.ru.txt")
    assert [u.label for u in doc.preamble] == ["preamble.1", "preamble.2"]
    assert doc.preamble[1].text.endswith("заявляют о следующем:")
    assert [c.label for c in doc.clauses] == ["para.1", "para.2", "para.3"]
    assert [c.ordinal for c in doc.clauses] == [1, 2, 3]
    assert [c.section for c in doc.clauses] == ["Политическое сотрудничество"] * 2 + ["Экономика"]
    assert doc.source[doc.clauses[0].span.start :].startswith("Политическое сотрудничество")
    assert [b.text for b in doc.closing] == [
        "Президент Республики Альфа\nА.Иванов",
        "Президент Республики Бета\nБ.Петров",
    ]


def test_en_sections_restarting_numbering_and_done_at() -> None:
    doc = load("constructed-en-sections.en.txt")
    assert doc.dateline is not None and doc.dateline.text == "May 5, 2024"
    assert labels(doc) == ["preamble.1", "I.1", "I.2", "II.1", "II.2", "II.3"]
    assert [c.section for c in doc.clauses] == ["Political Cooperation"] * 2 + ["Economic Cooperation"] * 3
    assert doc.source[doc.clauses[0].span.start :].startswith("I. Political Cooperation")
    assert [p.label for p in doc.clauses[1].paragraphs] == [None, "a", "b"]
    assert doc.clauses[1].paragraphs[1].text == "coordinating their positions on peacekeeping;"
    assert [b.text for b in doc.closing] == [
        "Done at Washington on May 5, 2024, in two originals in the English language.",
        "For the Republic of Alpha\nJohn Smith\nPresident",
        "For the Kingdom of Beta\nCarl Gustav\nKing",
    ]


def test_en_news_roman_units_curly_quotes_and_related() -> None:
    doc = load("constructed-en-news.en.txt")
    assert [b.text for b in doc.envelope] == [
        "Alpha and Beta issue joint statement on energy",
        "WASHINGTON - The leaders of Alpha and Beta issued a joint statement on Monday after their "
        "meeting at the White House.",
        "The text of the statement follows:",
        "“",
        "”",
        "Related",
        "Share",
    ]
    assert doc.title is not None and doc.title.text == "Joint Statement on Energy Security"
    assert doc.dateline is not None and doc.dateline.text == "June 3, 2024"
    assert labels(doc) == ["I", "II", "III", "IV"]
    assert doc.clauses[-1].text.endswith("by the end of 2025.")


def test_en_decimal_units_one_newline_per_paragraph() -> None:
    doc = load("constructed-en-decimal.en.txt")
    assert "\n\n" not in doc.source
    assert labels(doc) == ["1.1", "1.2", "2.1", "2.2", "2.3"]
    assert [c.section for c in doc.clauses] == ["Market Access"] * 2 + ["Standards"] * 3
    assert [b.text for b in doc.closing] == ["Signed in Geneva on 12 May 2025."]


def test_en_articles_with_heading_on_the_same_line() -> None:
    doc = load("constructed-en-articles.en.txt")
    assert doc.title is not None and doc.title.text.startswith("Memorandum of Understanding")
    assert labels(doc) == ["preamble.1", "preamble.2", "preamble.3", "1", "2", "3"]
    assert [c.heading for c in doc.clauses] == ["Purpose", "Areas of Cooperation", None]
    assert [p.label for p in doc.clauses[0].paragraphs] == ["1", "2"]
    assert [p.label for p in doc.clauses[1].paragraphs] == [None, "a", "b"]


def test_zh_sections_with_restarting_paren_numbers() -> None:
    doc = load("constructed-zh-units.zh.txt")
    assert doc.title is not None and doc.title.text == "中华人民共和国和阿尔法共和国联合声明"
    assert doc.dateline is not None and doc.dateline.text == "2024年5月16日，北京"
    assert labels(doc) == ["preamble.1", "preamble.2", "一.一", "一.二", "二.一", "二.二", "二.三"]
    assert [c.section for c in doc.clauses] == ["政治合作"] * 2 + ["经济合作"] * 3
    assert doc.clauses[0].paragraphs[0].text == "双方同意保持高层交往，加强各层级交流。"
    assert [b.text for b in doc.closing] == [
        "本声明于2024年5月16日在北京签署，一式两份，每份均用中文和英文写成，两种文本同等作准。"
    ]


def test_zh_plain_units_and_closing_date() -> None:
    doc = load("constructed-zh-plain.zh.txt")
    assert labels(doc) == ["一", "二", "三", "四"]
    assert doc.clauses[0].number is not None and doc.clauses[0].number.text == "一、"
    assert [b.text for b in doc.closing] == ["2024年7月23日于北京"]


# --- small cases, razdel style: "|" marks the unit boundaries ------------------------------------


def units_of(text: str) -> list[str]:
    return [u.text for u in segment(text, language="en").units]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. Alpha.\n\n2. Beta.", ["Alpha.", "Beta."]),
        ("1) Alpha.\n\n2) Beta.", ["Alpha.", "Beta."]),
        ("(1) Alpha.\n\n(2) Beta.", ["Alpha.", "Beta."]),
        (
            "Intro text.\n\n1. Alpha.\n\nMore alpha.\n\n2. Beta.",
            ["Intro text.", "Alpha.\n\nMore alpha.", "Beta."],
        ),
        ("In 2025. Something.\n\nOther.", ["In 2025. Something.", "Other."]),
        ("Alpha one.\n\n1. Not a list.\n\nBeta.", ["Alpha one.", "1. Not a list.", "Beta."]),
    ],
)
def test_units(text: str, expected: list[str]) -> None:
    got = units_of(text)
    if expected == ["Alpha one.", "1. Not a list.", "Beta."]:
        assert len(got) == 3
    else:
        assert got == expected


def test_skip_in_numbering_is_tolerated() -> None:
    text = "\n\n".join(f"{n}. Clause {n} text." for n in [1, 2, 3, 5, 6])
    assert [u.label for u in segment(text, language="en").clauses] == ["1", "2", "3", "5", "6"]


def test_sub_items_do_not_break_numbering() -> None:
    text = "1. First:\n\n1. sub one;\n\n2. sub two.\n\n2. Second.\n\n3. Third."
    doc = segment(text, language="en")
    assert [u.label for u in doc.clauses] == ["1", "2", "3"]
    assert [p.label for p in doc.clauses[0].paragraphs] == [None, "1", "2"]


def test_continuous_numbering_under_headings_keeps_plain_labels() -> None:
    text = (
        "Title Joint Statement\n\nJune 1, 2024\n\n1. One.\n\nTrade\n\n2. Two.\n\n3. Three.\n\n"
        "Energy\n\n4. Four."
    )
    doc = segment(text, language="en")
    assert [u.label for u in doc.clauses] == ["1", "2", "3", "4"]
    assert [u.section for u in doc.clauses] == [None, "Trade", "Trade", "Energy"]


@pytest.mark.parametrize(
    ("line", "kind", "label"),
    [
        ("1. Text", Kind.ARABIC, "1"),
        ("12) Text", Kind.ARABIC, "12"),
        ("(3) Text", Kind.PAREN, "3"),
        ("3.1 Text", Kind.DECIMAL, "3.1"),
        ("IV. Text", Kind.ROMAN, "IV"),
        ("Статья 5", Kind.ARTICLE, "5"),
        ("Article 12. Scope", Kind.ARTICLE, "12"),
        ("第十二条", Kind.ARTICLE, "十二"),
        ("十二、合作", Kind.ZH, "十二"),
        ("（三）双方", Kind.ZH_PAREN, "三"),
        ("(b) text", Kind.LETTER, "b"),
        ("в) текст", Kind.LETTER, "в"),
        ("——双方", Kind.BULLET, ""),
    ],
)
def test_markers(line: str, kind: Kind, label: str) -> None:
    marker = find_marker(line)
    assert marker is not None and marker.kind is kind and marker.label == label


@pytest.mark.parametrize("line", ["2025. Year", "Article 5 of the Treaty says", "Text 1. more", "I am"])
def test_not_markers(line: str) -> None:
    marker = find_marker(line)
    assert marker is None or marker.kind is Kind.UPPER


def test_zh_numeral_values() -> None:
    values = {"一、": 1, "十、": 10, "十二、": 12, "二十、": 20, "二十三、": 23}
    for text, value in values.items():
        marker = find_marker(text + "x")
        assert marker is not None and marker.value == (value,)


@pytest.mark.parametrize("text", ["", "   ", "\n\r\n\t \u3000"])
def test_empty_input_is_a_parse_error(text: str) -> None:
    with pytest.raises(ParseError, match="no statement text"):
        segment(text, path="empty.txt")


def test_path_and_format_are_recorded() -> None:
    doc = segment("The Sides agree.", language="en", path="a.txt", format="html")
    assert doc.path == "a.txt" and doc.format == "html"
    assert [u.label for u in doc.units] == ["para.1"]


# --- properties ---------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "1. ",
        "2. ",
        "3) ",
        "(4) ",
        "II. ",
        "3.1 ",
        "一、",
        "（二）",
        "(a) ",
        "—— ",
        "Статья 2",
        "Article 3 - ",
        "The Sides agree.",
        "Стороны согласились.",
        "双方同意。",
        "Joint Statement",
        "June 22, 2023",
        "Done at Beijing.",
        "For the Government of Alpha",
        "говорится:",
        "The text follows:",
        '"',
        "«",
        "»",
        "“",
        "”",
        "Related",
        "Смотрите также",
        "Political Cooperation",
        " ",
        "\u00a0",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "\t",
        "word",
        ":",
        ";",
        ".",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=40).map("".join))
def test_any_text_segments_without_losing_anything(text: str) -> None:
    if not text.strip():
        with pytest.raises(ParseError):
            segment(text, language="en")
        return
    check_spans(segment(text, language="en"))


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=300))
def test_arbitrary_unicode_segments_without_losing_anything(text: str) -> None:
    if not text.strip():
        return
    check_spans(segment(text, language="en"))


def test_one_megabyte_is_fast() -> None:
    clause = "{n}. The Sides agreed to strengthen cooperation in trade, energy and culture. " * 1
    body = "\n\n".join(clause.format(n=n) + "They welcomed progress." for n in range(1, 10000))
    text = "Joint Statement\n\nJune 1, 2024\n\n" + body
    assert len(text) > 1_000_000
    started = time.perf_counter()
    doc = segment(text, language="en")
    assert time.perf_counter() - started < 10
    assert len(doc.clauses) == 9999


def test_clause_numbers_up_to_9999_are_markers():
    from docdiff import loads
    from docdiff.segment.markers import find_marker

    for text, label in (("9999. The Sides", "9999"), ("(1000) the", "1000"), ("1000.2 The Sides", "1000.2")):
        marker = find_marker(text)
        assert marker is not None and marker.label == label
    assert find_marker("10000. The Sides") is None
    assert find_marker("2025. The year of") is None and find_marker("(1999) the") is None
    text = "Joint Statement\n\n" + "\n\n".join(f"{n}. The Sides agree on item {n}." for n in range(1, 1003))
    labels = [u.label for u in loads(text + "\n", annotate=False).clauses]
    assert labels == [str(n) for n in range(1, 1003)]
