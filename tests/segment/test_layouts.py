"""Statement layouts beyond the seed: hard wrapping, glued paragraphs, Kremlin, MFA, White House,
EU bullets, Chinese sections, Markdown, odd numbering, invisible characters, news envelopes.

Each test asserts the exact structure (labels, paragraph counts, envelope, closing) and the
nothing-lost span property (:func:`tests.test_segment.check_spans`).
"""

from __future__ import annotations

import textwrap
import time
from pathlib import Path

import pytest
from helpers import check_spans, parse_text
from hypothesis import given, settings
from hypothesis import strategies as st

from docdiff.errors import ParseError
from docdiff.model import Document
from docdiff.segment import segment
from docdiff.segment.analysis import dehyphenated, unwrapped
from docdiff.segment.chunks import split_chunks
from docdiff.segment.markers import Kind, find_marker

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def parse(text: str, language: str | None = None) -> Document:
    # Segmented and described: some layouts are checked through their sentences.
    doc = parse_text(text, language=language)
    check_spans(doc)
    return doc


def load(name: str) -> Document:
    return parse((SEEDS / name).read_text(encoding="utf-8"))


def labels(doc: Document) -> list[str]:
    return [u.label for u in doc.units]


def counts(doc: Document) -> list[int]:
    return [len(u.paragraphs) for u in doc.units]


# --- hard-wrapped text --------------------------------------------------------------------------


def test_kremlin_style_hard_wrapped_without_blank_lines() -> None:
    doc = load("constructed-ru-wrapped.ru.txt")
    assert doc.title is not None and doc.title.text.endswith("союзнических отношений")
    assert "\n" in doc.title.text  # a two-line title is one block
    assert doc.dateline is not None and doc.dateline.text == "Москва, 13 марта 2025 года"
    assert labels(doc) == ["para.1", "para.2", "para.3", "para.4"]
    assert counts(doc) == [1, 1, 1, 1]
    first = doc.units[0].paragraphs[0]
    assert first.text.startswith("Президент Республики Альфа") and first.text.endswith(
        "провели переговоры в Москве."
    )
    assert "сотрудни-\nчества" in first.text  # the source is not rewritten
    assert [s.text for s in first.sentences] == [first.text]  # one sentence across the wrapped lines
    assert [b.text for b in doc.closing] == [
        "Президент Республики Альфа А.Иванов",
        "Президент Республики Бета Б.Петров",
    ]


def test_wrapped_paragraph_commitment_is_read_across_lines() -> None:
    doc = load("constructed-ru-wrapped.ru.txt")
    sentence = doc.units[1].paragraphs[0].sentences[0]
    assert sentence.commitment is not None


def test_analysis_text_keeps_offsets() -> None:
    text = "Стороны подтверждают сотрудни-\nчество в политической\nсфере. Они решили:\n1. ничего"
    flat = unwrapped(text)
    assert len(flat) == len(text)
    assert flat == "Стороны подтверждают сотрудни- чество в политической сфере. Они решили:\n1. ничего"
    assert dehyphenated(text).startswith("Стороны подтверждают сотрудничество в политической сфере.")


def _wrap(text: str, width: int, blank: bool) -> str:
    blocks = [b for b in text.split("\n\n") if b.strip()]
    wrapped = ["\n".join(textwrap.fill(line, width) for line in b.split("\n")) for b in blocks]
    return ("\n\n" if blank else "\n").join(wrapped)


UNWRAPPED_SEEDS = sorted(p.name for p in SEEDS.glob("*.txt") if p.name != "constructed-ru-wrapped.ru.txt")


@pytest.mark.parametrize("width", [60, 72, 90])
@pytest.mark.parametrize("name", UNWRAPPED_SEEDS)
def test_hard_wrapping_with_blank_lines_keeps_the_structure(name: str, width: int) -> None:
    text = (SEEDS / name).read_text(encoding="utf-8")
    plain, wrapped = segment(text), parse(_wrap(text, width, blank=True))
    assert labels(wrapped) == labels(plain)
    assert counts(wrapped) == counts(plain)


def test_hard_wrapped_mfa_text_without_blank_lines() -> None:
    text = (SEEDS / "constructed-en-mfa.en.txt").read_text(encoding="utf-8")
    doc = parse(_wrap(text, 80, blank=False))
    assert labels(doc) == ["preamble.1", "preamble.2", "I.1", "I.2", "II.1", "II.2", "II.3", "III.1", "III.2"]
    assert doc.dateline is not None and doc.dateline.text == "Beijing, 23 April 2025"


def test_lower_case_preamble_paragraphs_after_a_comma_start_new_paragraphs() -> None:
    paragraphs = [
        "Республика Альфа и Республика Бета, именуемые Сторонами,",
        "опираясь на традиции дружбы и добрососедства между их народами, исторически сложившиеся связи,",
        "подтверждая приверженность целям и принципам Устава Организации Объединенных Наций,",
        "договорились о нижеследующем:",
        "Статья 1",
        "Стороны развивают отношения дружбы и всестороннего сотрудничества на основе равноправия.",
        "Статья 2",
        "Настоящий Договор подлежит ратификации.",
    ]
    doc = parse("\n".join(textwrap.fill(p, 72) for p in paragraphs), "ru")
    assert labels(doc) == ["preamble.1", "preamble.2", "preamble.3", "preamble.4", "1", "2"]
    assert doc.preamble[1].text.endswith("связи,") and "\n" in doc.preamble[1].text


def test_one_line_per_paragraph_is_not_taken_for_wrapping() -> None:
    lines = [
        f"The Sides agree on point {n} of the plan and will report on it in due course." for n in range(8)
    ]
    assert len(split_chunks("\n".join(lines))) == 8


# --- glued paragraphs ---------------------------------------------------------------------------


def test_glued_paragraphs_are_cut_but_urls_and_site_names_are_not() -> None:
    doc = load("constructed-ru-glued.ru.txt")
    assert labels(doc) == ["1", "2", "3"]
    assert doc.units[0].paragraphs[0].text.endswith("Уставом ООН.")
    assert [p.text for p in doc.units[2].paragraphs][1] == "Настоящий Договор подлежит ратификации."
    assert doc.units[2].paragraphs[2].text.startswith("Сайт Day.Az и агентство Trend.Az")
    assert doc.units[2].paragraphs[2].text.endswith("www.president.az.")


@pytest.mark.parametrize(
    "text",
    [
        "г.Москва",
        "В.Путин",
        "Day.Az",
        "e.g.The",
        "www.Kremlin.ru",
        "U.S.The",
        "U.N.The",
        "т.д.Стороны",
        "Н.А.Назарбаев",
        "Н.А.НАЗАРБАЕВ.Стороны",
    ],
)
def test_no_glue_cut(text: str) -> None:
    assert len(split_chunks(f"Стороны {text} встретились")) == 1


@pytest.mark.parametrize("word", ["организации", "ООН", "ЕАЭС"])
def test_sentence_end_after_an_acronym_glued_to_the_next_paragraph_is_cut(word: str) -> None:
    # "…в рамках ООН.Стороны договорились…": the acronym before the full stop ends a
    # sentence as a lower-case word does.
    first = f"Стороны продолжат взаимодействие в рамках {word}."
    second = "Стороны договорились провести следующую встречу в Москве."
    text = "\n\n".join(["Стороны провели переговоры в Москве.", first + second])
    doc = parse(text, "ru")
    assert [u.paragraphs[0].text for u in doc.units[1:]] == [first, second]
    assert [s.text for u in doc.units for p in u.paragraphs for s in p.sentences][1:] == [first, second]
    english = parse("The Sides will work together within the UN.The Sides agreed to meet again.", "en")
    assert [u.paragraphs[0].text for u in english.units] == [
        "The Sides will work together within the UN.",
        "The Sides agreed to meet again.",
    ]


# --- statement layouts --------------------------------------------------------------------------


def test_mfa_english_full_text_with_roman_sections() -> None:
    doc = load("constructed-en-mfa.en.txt")
    assert doc.title is not None and doc.title.text.endswith("(Full text)")
    assert labels(doc) == ["preamble.1", "preamble.2", "I.1", "I.2", "II.1", "II.2", "II.3", "III.1", "III.2"]
    assert [c.section for c in doc.clauses] == [
        *["Political Relations"] * 2,
        *["Practical Cooperation"] * 3,
        *["International Affairs"] * 2,
    ]
    assert counts(doc)[-1] == 2  # the closing courtesy paragraph stays with the last clause


def test_mfa_continuous_numbering_under_roman_sections_keeps_plain_labels() -> None:
    text = (
        "Joint Statement between the People's Republic of China and the Republic of Alpha\n\n"
        "Beijing, 23 April 2025\n\nI. Politics\n\n1. The two sides agree.\n\n2. The two sides support.\n\n"
        "II. Economy\n\n3. The two sides will expand trade.\n\n4. The two sides will invest.\n"
    )
    doc = parse(text, "en")
    assert labels(doc) == ["1", "2", "3", "4"]
    assert [c.section for c in doc.clauses] == ["Politics", "Politics", "Economy", "Economy"]


def test_zh_sections_over_unnumbered_paragraphs() -> None:
    doc = load("constructed-zh-sections.zh.txt")
    assert doc.title is not None and doc.title.text.endswith("联合声明")
    assert labels(doc) == [f"para.{n}" for n in range(1, 8)]
    assert [u.section for u in doc.units] == [
        None,
        None,
        "政治关系",
        "政治关系",
        "务实合作",
        "务实合作",
        "国际事务",
    ]
    assert [p.label for p in doc.units[4].paragraphs] == [None, "一", "二", "三"]
    assert [b.text for b in doc.closing] == ["2025年4月23日于北京"]


def test_white_house_sections_and_end_mark() -> None:
    doc = load("constructed-en-whitehouse.en.txt")
    assert labels(doc) == [f"para.{n}" for n in range(1, 6)]
    assert [u.section for u in doc.units] == [
        None,
        "Strengthening Our Security Partnership",
        "Strengthening Our Security Partnership",
        "Building Prosperity Together",
        "Building Prosperity Together",
    ]
    assert [b.text for b in doc.envelope][:2] == ["###", "Related"]
    assert doc.closing == ()


def test_eu_bullets_inside_numbered_clauses_are_paragraphs() -> None:
    doc = load("constructed-en-bullets.en.txt")
    assert labels(doc) == ["1", "2", "3", "4", "5"]
    assert counts(doc) == [1, 4, 4, 3, 1]
    assert [p.text for p in doc.units[2].paragraphs] == [
        "We will:",
        "strengthen our dialogue on security and defence;",
        "cooperate on countering hybrid threats;",
        "work together on maritime security.",
    ]
    assert all(p.label is None for u in doc.units for p in u.paragraphs)


def test_bullets_in_unnumbered_statement_continue_a_colon_sentence_only() -> None:
    doc = load("constructed-en-bullets-unnumbered.en.txt")
    assert labels(doc) == [f"para.{n}" for n in range(1, 6)]
    assert counts(doc) == [1, 4, 1, 1, 1]
    assert [u.number.text if u.number else None for u in doc.units] == [None, None, "•", "•", None]


def test_markdown_headings_and_bold_numbers() -> None:
    doc = load("constructed-en-markdown.en.txt")
    assert labels(doc) == ["1", "2", "3", "4"]
    assert [c.number.text for c in doc.clauses if c.number] == ["**1.**", "**2.**", "**3.**", "**4.**"]
    assert [c.section for c in doc.clauses] == [
        "Political Dialogue",
        "Political Dialogue",
        *["Economic Cooperation"] * 2,
    ]
    assert doc.clauses[0].paragraphs[0].text.startswith("The two sides will hold")


@pytest.mark.parametrize("style", ["{n}.", "{n} .", "{n})", "{n}-", "§ {n}", "§{n}.", "**{n}.**", "({n})"])
def test_numbering_styles(style: str) -> None:
    body = "\n\n".join(f"{style.format(n=n)} The Sides agree on point {n}." for n in (1, 2, 3))
    doc = parse("Joint Statement\n\n" + body + "\n", "en")
    assert labels(doc) == ["1", "2", "3"]
    assert doc.clauses[0].paragraphs[0].text == "The Sides agree on point 1."


@pytest.mark.parametrize("line", ["1-й пункт повестки", "1-го числа стороны", "§ 5 of the Treaty applies."])
def test_not_numbering(line: str) -> None:
    marker = find_marker(line)
    assert marker is None or marker.kind is not Kind.ARABIC or marker.label != "1"
    if line.startswith("§"):
        assert marker is None


def test_first_clause_right_after_the_title() -> None:
    doc = parse(
        "Joint Statement of Alpha and Beta\n1. The Sides agree to cooperate.\n2. The Sides will meet.\n"
    )
    assert doc.title is not None and doc.title.text == "Joint Statement of Alpha and Beta"
    assert labels(doc) == ["1", "2"] and doc.preamble == ()


@pytest.mark.parametrize(
    "text",
    ["Совместное заявление Российской Федерации и Республики Беларусь", "Joint Statement on Cooperation\n"],
)
def test_a_title_alone_is_one_unit(text: str) -> None:
    doc = parse(text)
    assert labels(doc) == ["para.1"] and doc.title is None
    assert doc.units[0].text == text.strip()


def test_russian_text_with_english_names() -> None:
    text = (
        "Совместное заявление\n\n"
        "Президент Альфы John Smith и Президент Беты Jean Dupont провели переговоры "
        "в рамках форума Open Future.\n\n"
        "Стороны договорились создать совместный фонд Alpha-Beta Fund.\n"
    )
    doc = parse(text)
    assert doc.language == "ru"
    assert labels(doc) == ["para.1", "para.2"]


def test_very_long_single_paragraph() -> None:
    sentence = "The Sides agree to deepen cooperation in trade, energy and infrastructure."
    # 300 sentences: docdiff.sentences is quadratic in a paragraph's length for now.
    doc = parse("Joint Statement\n\n" + " ".join([sentence] * 300) + "\n", "en")
    assert labels(doc) == ["para.1"]
    assert len(doc.units[0].paragraphs[0].sentences) == 300


def test_form_feeds_tabs_nbsp_and_byte_order_mark() -> None:
    text = (
        "\ufeffJoint Statement\f\n\n\t1.\tThe Sides agree.\r\n"
        "\u00a0\u00a02.\u00a0The Sides meet.\x0c\n\u00a03. Thanks.\n"
    )
    doc = parse(text, "en")
    assert labels(doc) == ["1", "2", "3"]
    assert [c.paragraphs[0].text for c in doc.clauses] == ["The Sides agree.", "The Sides meet.", "Thanks."]


def test_zero_width_characters_make_no_units() -> None:
    text = (
        "Joint Statement\n\n\u200b\n\n\u200b1. The Sides agree.\n\n\u200b\u200b\n\n2. The Sides meet.\u200b\n"
    )
    doc = parse(text, "en")
    assert labels(doc) == ["1", "2"]
    assert [c.paragraphs[0].text for c in doc.clauses] == ["The Sides agree.", "The Sides meet."]


# --- envelopes ----------------------------------------------------------------------------------


def test_attribution_without_colon_inner_quotes_and_news_tail() -> None:
    doc = load("constructed-ru-quoted.ru.txt")
    envelope = [b.text for b in doc.envelope]
    assert envelope[2] == "В совместном заявлении, в частности, говорится"
    assert envelope[3:6] == ["«", "»", ", — говорится в документе."]
    assert envelope[6].startswith("Ранее в ходе переговоров") and envelope[7].startswith("Читайте также")
    assert labels(doc) == ["para.1", "para.2", "para.3"]
    assert doc.units[0].text.startswith("Стороны подтверждают „особый“ характер")
    assert doc.units[2].text.endswith("в 2026 году")


def test_news_quoting_some_clauses_keeps_the_first_quotation_only() -> None:
    text = (
        "Лидеры провели переговоры в Москве.\n\nВ заявлении говорится:\n\n"
        "«Стороны подтверждают союзнический характер отношений».\n\n"
        "Кроме того, президенты отметили: «Стороны продолжат сотрудничество».\n\n"
        "Встреча продлилась три часа.\n"
    )
    doc = parse(text, "ru")
    assert labels(doc) == ["para.1"]
    assert doc.units[0].text == "Стороны подтверждают союзнический характер отношений"
    assert doc.envelope[-1].text == "Встреча продлилась три часа."


def test_short_news_story_attribution_is_found() -> None:
    text = (
        "Лидеры подписали заявление.\n\nВ заявлении говорится:\n\n"
        "«Стороны подтверждают дружбу.\n\nСтороны продолжат сотрудничество».\n"
    )
    doc = parse(text, "ru")
    assert [b.text for b in doc.envelope] == [
        "Лидеры подписали заявление.",
        "В заявлении говорится:",
        "«",
        "»",
        ".",
    ]
    assert labels(doc) == ["para.1", "para.2"]


# --- robustness ---------------------------------------------------------------------------------

_ANY_CHAR = st.characters(codec="utf-8")
_PIECES = st.one_of(
    st.text(_ANY_CHAR, max_size=40),
    st.sampled_from(
        ["\n", "\r\n", "\r", "\n\n", "\f", "\t", "\x00", "\x1c", "\u2028", "\u200b", "\u00a0", "\ufeff"]
    ),
    st.sampled_from(
        [
            "1. ",
            "(a) ",
            "Статья 2 ",
            "一、",
            "（一）",
            "• ",
            "— ",
            "«",
            "»",
            "„",
            "“",
            "**1.** ",
            "## ",
            "§ 3 ",
        ]
    ),
    st.sampled_from(
        [
            "Joint Statement",
            "Москва, 13 марта 2025 года",
            "говорится:",
            "###",
            "The Sides agree.",
            "сотрудни-",
        ]
    ),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_segment_never_crashes(text: str) -> None:
    try:
        doc = segment(text, language="en")
    except ParseError:
        assert not text.strip()
        return
    check_spans(doc)


def test_one_megabyte_of_wrapped_text_is_fast() -> None:
    paragraph = textwrap.fill(
        "The Sides agree to deepen cooperation in trade, energy and infrastructure. " * 15, 72
    )
    text = "Joint Statement\n" + "\n".join(f"{n}. {paragraph}" for n in range(1, 900))
    assert len(text) > 1_000_000
    started = time.perf_counter()
    chunks = split_chunks(text)
    assert len(chunks) == 900
    assert time.perf_counter() - started < 3  # the segmenter's own rules
    started = time.perf_counter()
    doc = segment(text, language="en")
    assert time.perf_counter() - started < 20  # with sentences, metadata and annotation
    assert len(doc.clauses) == 899


_PLAIN = [
    "The two leaders met in the capital today and discussed the full range of bilateral issues, "
    "regional security and the global economy, and agreed to meet again next year.",
    "The leaders reaffirmed the special nature of the relationship between their countries "
    "and their commitment to work closely together in the interests of the security and "
    "prosperity of their citizens. Much work remains to be done. Our countries are stronger "
    "when we work together towards our shared objectives.",
    "The Sides will deepen their cooperation on archives, science and education.",
]


def test_one_rewrapped_paragraph_among_unwrapped_ones_stays_one_paragraph() -> None:
    # A formal edit re-wraps one paragraph of a blank-line-separated text: sentences
    # ending at line ends inside it ("...citizens.", "done.") must not start paragraphs.
    # Long enough for the text to read as hard-wrapped (most of its lines are wrapped).
    wrapped = textwrap.fill(" ".join([_PLAIN[1], _PLAIN[0], _PLAIN[1]]), 52)
    assert any(line.endswith(".") for line in wrapped.splitlines()[:-1])
    text = "\n\n".join([_PLAIN[0], wrapped, _PLAIN[2]])
    doc = parse(text, "en")
    assert [u.label for u in doc.units] == ["para.1", "para.2", "para.3"]
    assert doc.units[1].text == wrapped
    plain = parse("\n\n".join(_PLAIN), "en")
    assert [u.label for u in plain.units] == [u.label for u in doc.units]


def test_every_paragraph_wrapped_with_blank_lines_keeps_the_blocks() -> None:
    text = "\n\n".join(textwrap.fill(p, 48) for p in _PLAIN)
    doc = parse(text, "en")
    assert [u.label for u in doc.units] == ["para.1", "para.2", "para.3"]


def test_wrapped_first_line_of_a_numbered_clause_is_no_heading() -> None:
    # "6. We resolve ... the World" / "Health Organization ...": the next line starts
    # in upper case, but its first word would not have fitted on the full first line.
    body = (
        "We resolve to reinforce cooperation to reform the World Health Organization (WHO), "
        "including advancing sustainable financing and improving its internal operations. "
        "We welcome the principles endorsed at the Global Health Summit."
    )
    clauses = [f"{n}. " + _PLAIN[n - 1] for n in (1, 2, 3)]
    wrapped = textwrap.fill("4. " + body, 58)
    assert wrapped.split("\n")[1][0].isupper()
    doc = parse("\n\n".join([*clauses, wrapped]), "en")
    assert [u.label for u in doc.units] == ["1", "2", "3", "4"]
    assert doc.units[3].heading is None
    assert doc.units[3].text == wrapped[3:]
    # A real heading line stays a heading, wrapped body or not.
    headed = "4. Global Health\n" + textwrap.fill(body, 58)
    doc = parse("\n\n".join([*clauses, headed]), "en")
    assert doc.units[3].heading == "Global Health"


def test_two_signers_roles_on_one_line_are_closing() -> None:
    # Names, then both roles on one line (more words than a heading), date, place: all
    # closing.  As a body unit the roles line would turn into a section heading once an
    # edit moved it among the paragraphs.
    text = "\n\n".join(
        [
            *_PLAIN,
            "ALEXANDER SMITH MARIA JONES",
            "President of the Republic of Alpha Prime Minister of the Kingdom of Beta",
            "May 20, 2023",
            "Hiroshima, Japan",
        ]
    )
    doc = parse(text, "en")
    assert [u.label for u in doc.units] == ["para.1", "para.2", "para.3"]
    assert [b.text for b in doc.closing][:2] == [
        "ALEXANDER SMITH MARIA JONES",
        "President of the Republic of Alpha Prime Minister of the Kingdom of Beta",
    ]


# --- long section headings ---------------------------------------------------------------------

_LONG_HEADING = (
    "Shared Prosperity: Building Resilient Supply Chains and Inclusive Growth that Benefit "
    "Workers in Both Our Nations"
)


@pytest.mark.parametrize("cut", [None, 11])
def test_long_title_cased_heading_is_the_section_of_the_next_unit(cut: int | None) -> None:
    # 17 words: as much a heading as the same line cut to 11 words.
    heading = " ".join(_LONG_HEADING.split()[:cut])
    text = "\n\n".join([_PLAIN[0], heading, _PLAIN[1], _PLAIN[2]])
    doc = parse(text, "en")
    assert labels(doc) == ["para.1", "para.2", "para.3"]
    assert [u.section for u in doc.units] == [None, heading, heading]
    assert doc.units[1].span.start == text.index(heading)


@pytest.mark.parametrize(
    "line",
    [
        # a clause of a list: semicolon, ends in "and"
        "Recalling the Joint Statement on Trade and Investment Talks in Geneva on May 12, 2025 "
        "(the Geneva Statement); and",
        # a sentence that lost its full stop: most words in lower case
        "The United States and the Republic of Alpha will finalize commitments on digital trade and services",
        # title-cased, but over the word limit
        _LONG_HEADING + " Through Joint Investment in Research, Infrastructure, Skills and Clean Energy",
    ],
)
def test_long_lines_that_are_no_headings_stay_units(line: str) -> None:
    doc = parse("\n\n".join([_PLAIN[0], line, _PLAIN[1], _PLAIN[2]]), "en")
    assert labels(doc) == ["para.1", "para.2", "para.3", "para.4"]
    assert all(u.section is None for u in doc.units)


def test_long_title_cased_line_before_another_heading_is_no_section() -> None:
    # Two title-cased lines in a row read as a list of names, not a long heading.
    text = "\n\n".join([_PLAIN[0], _LONG_HEADING, _LONG_HEADING, _PLAIN[1]])
    doc = parse(text, "en")
    assert labels(doc) == ["para.1", "para.2", "para.3", "para.4"]


def test_numbered_unit_opening_with_a_long_title_cased_heading() -> None:
    clauses = [f"{n}. " + _PLAIN[n - 1] for n in (1, 2)]
    text = "\n\n".join([*clauses, f"3. {_LONG_HEADING}", _PLAIN[2]])
    doc = parse(text, "en")
    assert labels(doc) == ["1", "2", "3"]
    assert doc.units[2].heading == _LONG_HEADING and doc.units[2].text == _PLAIN[2]


# --- lists in annexes ---------------------------------------------------------------------------


def _annexed(plain: int) -> str:
    paragraphs = [_PLAIN[i % 2] for i in range(plain)]
    annexes = [
        line
        for name in ("Annex I", "Annex II")
        for line in [
            name,
            *(f"{k}. The Sides will hold expert consultations on topic {k}." for k in range(1, 8)),
        ]
    ]
    return "\n\n".join(["Joint Statement of Alpha and Beta", "June 1, 2024", *paragraphs, *annexes])


@pytest.mark.parametrize("plain", [5, 12, 13, 14, 15, 20])
def test_lists_in_annexes_after_long_unnumbered_text_are_no_numbering(plain: int) -> None:
    # Whatever the number of plain paragraphs, they are the statement's units and the
    # annexes' items ("1." ... "7." twice) are units under the annex headings.
    doc = parse(_annexed(plain), "en")
    assert not doc.preamble
    assert labels(doc) == [f"para.{n}" for n in range(1, plain + 15)]
    assert [u.section for u in doc.units[plain:]] == ["Annex I"] * 7 + ["Annex II"] * 7
    assert [u.paragraphs[0].label for u in doc.units[plain : plain + 2]] == ["1", "2"]


def test_lists_in_annexes_after_a_short_introduction_are_the_numbering() -> None:
    doc = parse(_annexed(2), "en")
    assert len(doc.preamble) == 2
    assert [c.label for c in doc.clauses] == [f"{a}.{k}" for a in (1, 2) for k in range(1, 8)]
    assert doc.clauses[7].section == "Annex II"


# --- wrap width -------------------------------------------------------------------------------

_WRAPPED_AT_56 = [
    "The two ministers reviewed the progress made since the",
    "last meeting of the joint commission and the develop-",
    "ment, the joint groups and the inter-agencies. The United",
    "States will host the next round of consultations in the",
    "autumn of this year, and the two sides will also work",
    "together on the agenda of the regional forum that the",
    "Republic of Alpha will host in the spring of next year",
    "with the participation of the countries of the region.",
]


@pytest.mark.parametrize("long", [False, True])
def test_one_longer_line_does_not_raise_the_wrap_width(long: bool) -> None:
    # A line an edit made longer (81 characters among lines of about 55) is an outlier:
    # measured against it, the full line "...inter-agencies. The United" would look short
    # and "States will host ..." would start a paragraph.
    lines = list(_WRAPPED_AT_56)
    if long:
        lines[1] = "last meeting of the joint commission and welcomed the growth of trade and invest-"
        assert len(lines[1]) == 81
    text = "\n".join(lines)
    assert len(split_chunks(text)) == 1
    doc = parse(text, "en")
    assert [len(u.paragraphs) for u in doc.units] == [1]
