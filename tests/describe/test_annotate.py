"""Actor, commitment and intensity of single sentences in ru, en and zh."""

from __future__ import annotations

import json
import re
import time
import warnings
from importlib import resources
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docdiff.describe import annotate as annotate_module
from docdiff.describe import commitments as commitment_lexicon
from docdiff.describe import subjects
from docdiff.describe.annotate import Annotation, annotate, commitment_categories

AZ_CN = ("AZ", "CN")
US_IN = ("IN", "US")

# (language, sentence, parties, expected actor, commitment, intensity)
CASES = [
    # Russian
    ("ru", "Стороны твердо поддерживают друг друга.", AZ_CN, AZ_CN, "support", "strong"),
    (
        "ru",
        "Азербайджанская сторона признает, что в мире существует только один Китай.",
        AZ_CN,
        ("AZ",),
        "reaffirm",
        None,
    ),
    ("ru", "Китай решительно поддерживает мирную повестку.", AZ_CN, ("CN",), "support", "strong"),
    ("ru", "Стороны выразили готовность начать переговоры.", AZ_CN, AZ_CN, "intend", None),
    ("ru", "Стороны договорились продолжать сотрудничество.", AZ_CN, AZ_CN, "agree", None),
    ("ru", "Китай поздравляет Азербайджан с успехом.", AZ_CN, ("CN",), "congratulate", None),
    ("ru", "Китай поддерживает Азербайджан.", AZ_CN, ("CN",), "support", None),
    ("ru", "Обе стороны выступают против протекционизма.", AZ_CN, AZ_CN, "oppose", None),
    ("ru", "Стороны решительно выступают против терроризма.", AZ_CN, AZ_CN, "oppose", "strong"),
    ("ru", "Стороны выступают за многополярный мир.", AZ_CN, AZ_CN, "support", None),
    ("ru", "Главы двух государств провели переговоры в теплой атмосфере.", AZ_CN, AZ_CN, "discuss", None),
    ("ru", "Стороны высоко оценивают уровень отношений.", AZ_CN, AZ_CN, "note", None),
    ("ru", "Стороны настоятельно призывают к прекращению огня.", AZ_CN, AZ_CN, "call", "strong"),
    (
        "ru",
        "Подтверждая дружбу, Стороны приняли решение об установлении партнерства.",
        AZ_CN,
        AZ_CN,
        "agree",
        None,
    ),
    ("ru", "Азербайджан и Китай осуждают терроризм во всех его формах.", (), AZ_CN, "condemn", None),
    ("ru", "Стороны подчеркивают важность диалога.", (), (), "emphasize", None),
    ("ru", "Азербайджанская сторона поблагодарила Китай за гостеприимство.", AZ_CN, ("AZ",), "thank", None),
    ("ru", "Стороны будут всецело содействовать проекту.", AZ_CN, AZ_CN, "intend", "strong"),
    ("ru", "Стороны оказывают друг другу решительную поддержку.", AZ_CN, AZ_CN, "support", "strong"),
    ("ru", "Стороны приветствуют открытие нового маршрута.", AZ_CN, AZ_CN, "welcome", None),
    ("ru", "Отношения между двумя странами развиваются динамично.", AZ_CN, (), None, None),
    ("ru", "Учитывая позицию Китая, Стороны договорились о консультациях.", AZ_CN, AZ_CN, "agree", None),
    ("ru", "2. Китай, по просьбе Азербайджана, поддерживает проект.", AZ_CN, ("CN",), "support", None),
    ("ru", "Было принято решение о создании рабочей группы.", AZ_CN, (), "agree", None),
    # English
    ("en", "The Sides firmly support each other's sovereignty.", US_IN, US_IN, "support", "strong"),
    ("en", "The United States welcomes India's leadership in the G20.", US_IN, ("US",), "welcome", None),
    ("en", "The United States and India reaffirm their commitment to peace.", (), US_IN, "reaffirm", None),
    ("en", "The two sides agreed to hold regular consultations.", US_IN, US_IN, "agree", None),
    ("en", "The leaders strongly condemned the terrorist attack.", US_IN, US_IN, "condemn", "strong"),
    ("en", "India will host the summit next year.", US_IN, ("IN",), "intend", None),
    (
        "en",
        "With the support of partners, the leaders discussed regional security.",
        US_IN,
        US_IN,
        "discuss",
        None,
    ),
    ("en", "President Biden congratulated the people of India.", US_IN, ("US",), "congratulate", None),
    ("en", "Both sides call on all parties to exercise restraint.", US_IN, US_IN, "call", None),
    ("en", "The leaders expressed gratitude for the hospitality.", US_IN, US_IN, "thank", None),
    ("en", "Reaffirming their friendship, the leaders noted the progress made.", US_IN, US_IN, "note", None),
    ("en", "Cooperation in space has grown rapidly.", US_IN, (), None, None),
    (
        "en",
        "The Chinese side and the U.S. side oppose unilateral sanctions.",
        (),
        ("CN", "US"),
        "oppose",
        None,
    ),
    ("en", "The political will of both sides will be tested.", US_IN, US_IN, "intend", None),
    # Chinese
    ("zh", "双方同意加强合作。", AZ_CN, AZ_CN, "agree", None),
    ("zh", "中方坚定支持阿方维护国家主权。", AZ_CN, ("CN",), "support", "strong"),
    ("zh", "双方一致同意建立全面战略伙伴关系。", AZ_CN, AZ_CN, "agree", None),
    ("zh", "两国元首举行了会谈。", AZ_CN, AZ_CN, "discuss", None),
    ("zh", "双方坚决反对一切形式的恐怖主义。", AZ_CN, AZ_CN, "oppose", "strong"),
    ("zh", "双方高度评价两国关系发展。", AZ_CN, AZ_CN, "note", None),
    ("zh", "中方欢迎阿方参与合作。", AZ_CN, ("CN",), "welcome", None),
    ("zh", "双方将继续深化合作。", (), (), "intend", None),
    ("zh", "两国关系发展良好。", AZ_CN, (), None, None),
    (
        "zh",
        "阿联酋就中华人民共和国成立70周年向中国领导人表示祝贺。",
        ("AE", "CN"),
        ("AE",),
        "congratulate",
        None,
    ),
    ("zh", "——双方愿加强协调合作。", AZ_CN, AZ_CN, "intend", None),
]


AZ_CN_RU = ("AZ", "CN", "RU")

# (language, sentence, parties, expected actor): leaders named as the subject act for their party.
LEADER_CASES = [
    ("en", "President Biden and Prime Minister Modi welcomed the progress.", US_IN, US_IN),
    ("en", "Prime Minister Modi welcomed the decision.", US_IN, ("IN",)),
    ("en", "President Biden reaffirmed support for India.", US_IN, ("US",)),
    ("en", "President Biden welcomes Prime Minister Modi's visit.", US_IN, ("US",)),
    ("en", "Joseph R. Biden welcomed the decision.", US_IN, ("US",)),
    ("en", "President Biden, recalling India's role, congratulated the people.", US_IN, ("US",)),
    ("en", "Indian Prime Minister Modi and US President Biden welcomed the progress.", US_IN, US_IN),
    (
        "en",
        "H.E. Mr. Narendra Modi, Prime Minister of India, and H.E. Joseph R. Biden, "
        "President of the United States, welcomed the progress.",
        US_IN,
        US_IN,
    ),
    (
        "en",
        "President Joseph R. Biden of the United States of America (U.S.) and President Yoon Suk Yeol "
        "of the Republic of Korea (ROK) met to reaffirm the alliance.",
        ("KR", "US"),
        ("KR", "US"),
    ),
    # A title before a party already names it.
    ("en", "The President of the United States welcomed the decision.", US_IN, ("US",)),
    ("en", "The Indian Prime Minister welcomed the decision.", US_IN, ("IN",)),
    (
        "en",
        "The President of the United States and the Prime Minister of India welcomed the progress.",
        US_IN,
        US_IN,
    ),
    # Negative: a leader after the verb is an object; one in a leading phrase is not the subject;
    # a bare surname without a title is no subject (as for signers).
    ("en", "The Sides welcomed President Biden's visit.", US_IN, US_IN),
    ("en", "Recalling President Biden's visit, the Sides agreed to meet.", US_IN, US_IN),
    ("en", "The United States welcomed Prime Minister Modi's visit.", US_IN, ("US",)),
    ("en", "Biden welcomed the decision.", US_IN, ()),
    ("ru", "Президент Российской Федерации В.В.Путин приветствовал решение.", ("CN", "RU"), ("RU",)),
    ("ru", "Председатель КНР приветствовал решение.", ("CN", "RU"), ("CN",)),
    (
        "ru",
        "Президент Российской Федерации В.В.Путин и Председатель КНР Си Цзиньпин приветствовали решение.",
        ("CN", "RU"),
        ("CN", "RU"),
    ),
    ("ru", "Председатель Си Цзиньпин поддерживает инициативу.", AZ_CN, ("CN",)),
    ("ru", "Президент Ильхам Алиев и Председатель Си Цзиньпин договорились о визите.", AZ_CN, AZ_CN),
    ("ru", "Стороны приветствуют визит Президента Путина.", AZ_CN_RU, AZ_CN_RU),
    ("ru", "По приглашению Председателя Си Цзиньпина Стороны провели переговоры.", AZ_CN, AZ_CN),
    ("ru", "Путин поддерживает инициативу.", ("CN", "RU"), ()),
    ("zh", "习近平主席欢迎阿方参加。", AZ_CN, ("CN",)),
    ("zh", "中国国家主席欢迎阿方参加。", AZ_CN, ("CN",)),
    ("zh", "国家主席习近平和阿利耶夫总统同意加强合作。", AZ_CN, AZ_CN),
    ("zh", "中国国家主席习近平和阿塞拜疆共和国总统伊利哈姆·阿利耶夫欢迎双方合作。", AZ_CN, AZ_CN),
    ("zh", "双方欢迎习近平主席访问。", AZ_CN, AZ_CN),
    ("zh", "在习近平主席访问期间，双方同意加强合作。", AZ_CN, AZ_CN),
    ("zh", "习近平欢迎阿方参加。", AZ_CN, ()),
]


@pytest.mark.parametrize(("language", "sentence", "parties", "actor"), LEADER_CASES)
def test_leader_as_subject(
    language: str, sentence: str, parties: tuple[str, ...], actor: tuple[str, ...]
) -> None:
    assert annotate(sentence, language, parties).actor == actor


def test_leaders_are_looked_for_only_when_a_name_may_be_there() -> None:
    with mock.patch("docdiff.describe.leaders.find_leaders", side_effect=AssertionError) as find:
        assert annotate("The Sides welcomed the progress.", "en", US_IN).actor == US_IN
        assert annotate("Стороны приветствуют решение.", "ru", AZ_CN).actor == AZ_CN
        assert annotate("双方欢迎阿方参加。", "zh", AZ_CN).actor == AZ_CN
    assert not find.called
    # A Russian name with a case ending passes the test: "Путина".
    assert subjects._may_name_leader("Визит Президента Путина", "ru")
    assert subjects._may_name_leader("应习近平主席邀请", "zh")
    assert not subjects._may_name_leader("The Sides", "en")


@pytest.mark.parametrize(("language", "sentence", "parties", "actor", "commitment", "intensity"), CASES)
def test_cases(
    language: str,
    sentence: str,
    parties: tuple[str, ...],
    actor: tuple[str, ...],
    commitment: str | None,
    intensity: str | None,
) -> None:
    assert annotate(sentence, language, parties) == Annotation(actor, commitment, intensity)


def test_categories_are_the_documented_ones() -> None:
    assert commitment_categories() == (
        "agree",
        "support",
        "commit",
        "intend",
        "may",
        "welcome",
        "call",
        "reaffirm",
        "note",
        "oppose",
        "condemn",
        "congratulate",
        "emphasize",
        "thank",
        "discuss",
    )


def test_every_category_has_patterns_in_every_language() -> None:
    text = resources.files("docdiff.lang").joinpath("lexicon/commitments.json").read_text("utf-8")
    for category in json.loads(text)["categories"]:
        for language in ("ru", "en", "zh"):
            assert category[language], (category["id"], language)


def test_no_commitment_means_no_actor() -> None:
    assert annotate("Стороны", "ru", AZ_CN) == Annotation()
    assert annotate("The Sides", "en", US_IN) == Annotation()
    assert annotate("双方", "zh", AZ_CN) == Annotation()


def test_annotation_is_frozen_and_validated() -> None:
    annotation = Annotation(("US", "IN", "US"), "support", "strong")
    assert annotation.actor == ("IN", "US")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        annotation.commitment = "agree"  # type: ignore[misc]
    with pytest.raises(ValueError, match="unknown commitment"):
        Annotation((), "promise", None)
    with pytest.raises(ValueError, match="unknown intensity"):
        Annotation((), "agree", "weak")


def test_unsupported_language_gets_an_empty_annotation() -> None:
    assert annotate("Tərəflər razılaşdılar.", "az", AZ_CN) == Annotation()


def test_fast_enough_per_sentence() -> None:
    sentence = (
        "Стороны твердо поддерживают друг друга в выборе пути развития, избранного их народами и "
        "соответствующего национальным условиям, оказывают друг другу решительную поддержку."
    )
    annotate(sentence, "ru", AZ_CN)  # compile the lexicon once
    began = time.perf_counter()
    for _ in range(500):
        annotate(sentence, "ru", AZ_CN)
    assert time.perf_counter() - began < 2.0


# ---------------------------------------------------------------- fast forms of the lexicon


def test_case_plain_letters_match_only_their_own_two_cases() -> None:
    plain = commitment_lexicon.CASE_PLAIN
    for a in plain:
        for b in plain:
            assert bool(re.fullmatch(re.escape(a), b, re.IGNORECASE)) == (a.lower() == b.lower()), (a, b)


def _sources(language: str) -> list[str]:
    lexicon = commitment_lexicon.lexicon()
    return [e if isinstance(e, str) else e["re"] for c in lexicon["categories"] for e in c.get(language, ())]


_REGEX_BITS = st.sampled_from(
    ["a", "b", "д", "同", "|", "(", ")", "(?:", "?", "*", "+", "{1,2}", "[", "]", "\\", "\\s"]
)


def _opening_literal(items: Any) -> str | None:
    """The literal every match of a parsed pattern opens with, read from the regex parser."""
    if not items:
        return None
    op, value = items[0]
    if str(op) == "LITERAL":
        return chr(value)
    if str(op) in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and value[0] >= 1:
        return _opening_literal(value[2])
    if str(op) == "SUBPATTERN":
        return _opening_literal(value[3])
    return None


def _check_first_letter(source: str) -> None:
    from re import _parser  # type: ignore[attr-defined]

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = _parser.parse(source)
    except re.error:
        return
    for language in ("ru", "zh"):
        letter = commitment_lexicon.first_letter(source, language)
        if letter is not None:
            literal = _opening_literal(list(parsed))
            assert literal is not None and literal.lower() == letter.lower(), (source, list(parsed))


@settings(max_examples=500)
@given(st.lists(_REGEX_BITS, max_size=10).map("".join))
def test_first_letter_is_the_parsers_opening_literal(source: str) -> None:
    _check_first_letter(source)


@pytest.mark.parametrize("language", ["ru", "en", "zh"])
def test_lexicon_first_letters_are_the_parsers(language: str) -> None:
    for source in _sources(language):
        _check_first_letter(source)
    assert sum(commitment_lexicon.first_letter(s, language) is not None for s in _sources(language)) > 25


_SENTENCE_BITS = st.sampled_from(
    [
        "Стороны ",
        "стороны ",
        "поддерживают ",
        "ПОДДЕРЖИВАЕТ ",
        "высоко оценивают ",
        "договорились ",
        "будут ",
        "The Sides ",
        "agree ",
        "Support ",
        "will ",
        "take note ",
        "are ready to ",
        "双方",
        "同意",
        "支持",
        "愿",
        "意愿",
        "ᲀыражают ",
        "ſupports ",
        "K",
        "ſ",
        ", ",
        ". ",
        "1. ",
    ]
)


@settings(max_examples=300)
@given(st.lists(_SENTENCE_BITS, max_size=12).map("".join), st.sampled_from(["ru", "en", "zh"]))
def test_commitment_found_among_candidates_is_the_one_of_all_patterns(sentence: str, language: str) -> None:
    compiled = commitment_lexicon.compiled_lexicon(language)
    assert compiled is not None
    bounded = "|".join(f"(?:{p.regex.pattern})" for p in compiled.patterns)
    plain_any = re.compile(bounded, compiled.any_pattern.flags)
    assert [m.span() for m in compiled.any_pattern.finditer(sentence)] == [
        m.span() for m in plain_any.finditer(sentence)
    ]
    found = annotate_module._find_commitment(sentence, compiled)
    with mock.patch.object(annotate_module, "_candidates", lambda char, compiled: compiled.patterns):
        expected = annotate_module._find_commitment(sentence, compiled)
    assert (
        (found[0].span(), found[1]) == (expected[0].span(), expected[1])
        if found and expected
        else found == expected
    )


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("President Biden and President Moon welcomed the progress.", ("KR", "US")),
        ("President Subianto welcomed the decision.", ("ID",)),
        ("Prime Minister Sudani reaffirmed the commitment.", ("IQ",)),
    ],
)
def test_leaders_known_by_surname_alone_act_with_a_title(sentence: str, actor: tuple[str, ...]) -> None:
    assert annotate(sentence, "en", ("ID", "IQ", "KR", "US")).actor == actor


def test_a_bare_surname_without_title_is_no_actor() -> None:
    assert annotate("Moon welcomed the decision.", "en", ("KR", "US")).actor == ()


@pytest.mark.parametrize(
    ("language", "text", "subject"),
    [
        ("en", "The two leaders witnessed the signing of six documents.", ("both",)),
        ("en", "The leaders of India and the United States met in Washington.", ("both",)),
        ("en", "India and the United States held the first dialogue.", ("IN", "US")),
        ("ru", "Стороны дали высокую оценку подписанию соглашения.", ("both",)),
        ("zh", "双方领导人见证了合作文件的签署。", ("both",)),
        # No verb to stand before: a party named later may be an object, never the subject.
        ("en", "Trade between India and the United States grew by 10 percent.", ()),
    ],
)
def test_the_opening_subject_of_a_sentence_with_no_commitment(
    language: str, text: str, subject: tuple[str, ...]
) -> None:
    from docdiff.describe.annotate import opening_subject

    assert annotate(text, language, ("IN", "US")).actor == ()  # annotate keeps its rule
    assert opening_subject(text, language) == subject


def test_commitments_lists_every_commitment_in_order() -> None:
    from docdiff.describe.annotate import commitments

    text = "The Sides firmly condemn terrorism and will strengthen cooperation; they may meet in May 2026."
    assert commitments(text, "en") == (("condemn", "strong"), ("intend", None), ("may", None))
    assert commitments("On 12 May 2025 the leaders met.", "en") == ()
