"""Change classes and flags of one pair."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from docdiff.align.classify import _dates, classify, sentence_pairs
from docdiff.describe.dates import find_dates
from docdiff.model import Sentence, Span
from docdiff.result import Change, Flag
from docdiff.text.inline import word_diff


def verdict(a: str, b: str, sentences=((), ()), languages=("ru", "ru")):  # type: ignore[no-untyped-def]
    return classify(a, b, word_diff(a, b), sentences, languages)


def sentence(text: str, actor=(), commitment=None, intensity=None) -> Sentence:  # type: ignore[no-untyped-def]
    return Sentence(Span(0, len(text)), text, actor, commitment, intensity)


def test_identical_is_none() -> None:
    assert verdict("Стороны поддерживают.", "Стороны поддерживают.") == (Change.NONE, (), ())


def test_typography_and_case_are_formal() -> None:
    a = 'Стороны поддерживают "Один пояс - один путь" и еще\u00a0многое.'
    b = "стороны поддерживают «Один пояс — один путь» и ещё многое."
    assert verdict(a, b) == (Change.FORMAL, (), ())


def test_word_change_is_substantive() -> None:
    change, flags, _ = verdict("Стороны поддерживают мир.", "Стороны поддерживают развитие.")
    assert change is Change.SUBSTANTIVE
    assert flags == ()


def test_inflection() -> None:
    change, flags, notes = verdict(
        "Китай поддерживает азербайджанскую сторону.", "Китай поддерживают азербайджанские стороны."
    )
    assert change is Change.SUBSTANTIVE
    assert flags == (Flag.INFLECTION,)
    assert notes and notes[0].startswith("inflection")


def test_inflection_not_when_a_word_is_added() -> None:
    _, flags, _ = verdict("Стороны поддерживают мир.", "Стороны твердо поддерживают мир.")
    assert Flag.INFLECTION not in flags


def test_number_and_date() -> None:
    _, flags, notes = verdict("до 2030 года, 23 апреля 2025 года", "до 2035 года, 23 мая 2025 года")
    assert Flag.NUMBER in flags
    assert "number: 2030 → 2035" in notes
    assert any(n.startswith("date: ") and "2025-04-23" in n and "2025-05-23" in n for n in notes)


def test_modality_commitment_and_intensity() -> None:
    a = [sentence("Стороны выражают готовность развивать торговлю.", ("AZ", "CN"), "intend")]
    b = [sentence("Стороны договорились развивать торговлю.", ("AZ", "CN"), "agree")]
    _, flags, notes = verdict(a[0].text, b[0].text, (a, b))
    assert flags == (Flag.MODALITY,)
    assert notes == ("commitment: intend → agree",)
    a = [sentence("The Sides support trade.", ("XA", "XB"), "support")]
    b = [sentence("The Sides firmly support trade.", ("XA", "XB"), "support", "strong")]
    _, flags, notes = verdict(a[0].text, b[0].text, (a, b), ("en", "en"))
    assert notes == ("commitment: support → strong support",)


def test_actor() -> None:
    a = [sentence("Стороны поддерживают развитие СВМДА.", ("AZ", "CN"), "support")]
    b = [sentence("Китай поддерживает развитие СВМДА.", ("CN",), "support")]
    _, flags, notes = verdict(a[0].text, b[0].text, (a, b))
    assert Flag.ACTOR in flags
    assert "actor: AZ, CN → CN" in notes
    assert Flag.MODALITY not in flags


def test_sentences_pair_by_overlap_not_position() -> None:
    a = [sentence("Стороны развивают торговлю."), sentence("Стороны поощряют туризм и поездки.")]
    b = [sentence("Новое предложение о космосе."), sentence("Стороны поощряют туризм и обмены.")]
    pairs = sentence_pairs(a, b, ("ru", "ru"))
    assert [(x.text, y.text) for x, y in pairs] == [(a[1].text, b[1].text)]


def test_cross_language_has_no_flags() -> None:
    assert verdict("Стороны поддерживают 2025.", "The Sides support 2026.", languages=("ru", "en")) == (
        Change.SUBSTANTIVE,
        (),
        (),
    )


def test_chinese_layout_spaces_are_formal() -> None:
    # A paragraph break after "。" (a split or merge of Chinese clauses) or a re-wrapped line.
    assert (
        classify("双方同意加强合作。双方支持和平。", "双方同意加强合作。\n\n双方支持和平。", ())[0]
        is Change.FORMAL
    )
    assert classify("双方同意加强合作", "双方同意\n加强合作", ())[0] is Change.FORMAL
    # Between Latin words a space is still a word boundary.
    assert classify("a b", "ab", ())[0] is Change.SUBSTANTIVE
    assert classify("双方支持和平。", "双方坚定支持和平。", ())[0] is Change.SUBSTANTIVE


_DATE_WORDS = (
    "апреля мая марте декабрь года г. год с по до и January Sept. May June day of the th st 年 月 日 至"
)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_DATE_WORDS.split()),
            st.sampled_from([" ", "-", "–", ".", ",", "\n"]),
            st.text(alphabet=st.characters(blacklist_categories=("Nd",)), max_size=3),
        ),
        max_size=12,
    ).map("".join)
)
def test_dates_need_a_digit(text: str) -> None:
    # classify skips docdiff.dates for texts without a digit: every date pattern needs one.
    assert find_dates(text) == ()
    assert _dates(text) == []


def test_dates_in_digit_texts_are_still_found() -> None:
    assert _dates("Подписано 23 апреля 2025 года.") == ["2025-04-23"]
    assert _dates("23 апреля") == ["--04-23"]


def test_sentences_are_read_only_for_substantive_pairs() -> None:
    calls = []

    def sentences():  # type: ignore[no-untyped-def]
        calls.append(1)
        return ((sentence("Стороны поддерживают мир."),), (sentence("Стороны поддерживают развитие."),))

    for a, b in (("Мир.", "Мир."), ("«Мир».", '"мир".'), ("双方同意", "双方\n同意")):
        classify(a, b, word_diff(a, b), sentences)
    assert calls == []
    a, b = "Стороны поддерживают мир.", "Стороны поддерживают развитие."
    assert classify(a, b, word_diff(a, b), sentences) == verdict(a, b, sentences())
    assert len(calls) == 2


def _annotated(text: str, language: str, parties: tuple[str, ...]) -> Sentence:
    from docdiff.describe.annotate import annotate

    found = annotate(text, language, parties)
    return sentence(text, found.actor, found.commitment, found.intensity)


def _flags(a: str, b: str, language: str, parties: tuple[str, ...]) -> tuple[tuple[Flag, ...], tuple[str, ...]]:
    left, right = [_annotated(a, language, parties)], [_annotated(b, language, parties)]
    _, flags, notes = verdict(a, b, (left, right), (language, language))
    return flags, notes


def test_will_to_may_and_committed_to_intend_are_modality_changes_in_every_language() -> None:
    cases = [
        ("en", "The Sides will expand trade.", "The Sides may expand trade.", "intend → may"),
        ("en", "The Sides are committed to expand trade.", "The Sides intend to expand trade.", "commit → intend"),
        ("ru", "Стороны будут расширять торговлю.", "Стороны могут расширять торговлю.", "intend → may"),
        ("ru", "Стороны привержены расширению торговли.", "Стороны намерены расширять торговлю.", "commit → intend"),
        ("zh", "双方将扩大贸易。", "双方可以扩大贸易。", "intend → may"),
    ]
    for language, a, b, change in cases:
        flags, notes = _flags(a, b, language, ("XA", "XB"))
        assert Flag.MODALITY in flags and f"commitment: {change}" in notes, (language, a, notes)


def test_a_later_commitment_that_changes_is_a_modality_change() -> None:
    a = "The Sides condemn terrorism and will strengthen cooperation between their police forces."
    b = "The Sides condemn terrorism and may strengthen cooperation between their police forces."
    flags, notes = _flags(a, b, "en", ("XA", "XB"))
    assert flags == (Flag.MODALITY,) and notes == ("commitment: intend → may",)
    # The same later commitment, reworded elsewhere: no modality change.
    c = "The Sides condemn terrorism and will strengthen cooperation between their border services."
    assert Flag.MODALITY not in _flags(a, c, "en", ("XA", "XB"))[0]


def test_the_leaders_act_for_both_parties_even_with_no_commitment_verb() -> None:
    for language, a, b in [
        ("en", "The leaders instructed their ministers to report.", "India instructed its ministers to report."),
        ("en", "Both leaders instructed their ministers to report.", "India instructed its ministers to report."),
        ("ru", "Лидеры дали поручение министрам.", "Китай дал поручение министрам."),
        ("zh", "两国领导人见证了签字。", "中方见证了签字。"),
    ]:
        parties = ("CN", "XA") if language != "en" else ("XA", "XB")
        flags, notes = _flags(a, b, language, parties)
        assert Flag.ACTOR in flags, (language, a, notes)


def test_a_collective_and_every_party_named_are_the_same_actor() -> None:
    a = "The two countries held their first dialogue on space in Tokyo."
    b = "Japan and the United States held their first dialogue on space in Tokyo in 2024."
    flags, notes = _flags(a, b, "en", ("JP", "US"))
    assert Flag.ACTOR not in flags and Flag.NUMBER in flags, notes
