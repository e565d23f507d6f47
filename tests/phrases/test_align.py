from __future__ import annotations

import os
import re
import time
from pathlib import Path

import attrs
import pytest
from helpers import parse_text
from hypothesis import given, settings
from hypothesis import strategies as st

from docdiff.model import Clause, Document, Metadata, Paragraph, Sentence, Span
from docdiff.options import Options
from docdiff.phrases.align import align_phrases, mirror_phrase
from docdiff.phrases.seedextend import local_alignments
from docdiff.phrases.wordkeys import _FIRST_CHAR, _LAST_CHAR, Shared, Words, _keys_of, _offsets
from docdiff.phrases.xdrop import _edge_row, _full_row, extend
from docdiff.result import Op, PhrasePair
from docdiff.segment.sentences import split_sentences
from docdiff.text.tokens import is_han, split_tokens, term_of

SEED = Path(__file__).resolve().parents[2] / "seeds" / "az-cn-2025-04.ru.txt"


def make(*units: str | tuple[str, ...], language: str = "ru") -> Document:
    """A document whose units are labelled 1, 2, ...; a tuple gives a unit of several paragraphs."""
    source = ""
    clauses = []
    for number, unit in enumerate(units, 1):
        paragraphs = []
        for text in (unit,) if isinstance(unit, str) else unit:
            if source:
                source += "\n\n"
            start = len(source)
            source += text
            sentences = [Sentence(Span(s, e), source[s:e]) for s, e in split_sentences(text, language, start)]
            paragraphs.append(Paragraph(Span(start, len(source)), text, sentences))
        span = Span(paragraphs[0].span.start, paragraphs[-1].span.end)
        clauses.append(Clause(str(number), number, span, paragraphs))
    return Document(source, Metadata(language), clauses)


def check_pair(pair: PhrasePair, left: Document, right: Document) -> None:
    assert pair.left.text == left.source[pair.left.start : pair.left.end]
    assert pair.right.text == right.source[pair.right.start : pair.right.end]
    assert left.unit(pair.left.label).span.contains(Span(pair.left.start, pair.left.end))
    assert right.unit(pair.right.label).span.contains(Span(pair.right.start, pair.right.end))
    assert 0.0 <= pair.score <= 1.0
    assert "".join(e.text for e in pair.edits if e.op is not Op.INSERT) == pair.left.text
    assert "".join(e.text for e in pair.edits if e.op is not Op.DELETE) == pair.right.text


def mirrored(pairs: tuple[PhrasePair, ...]) -> tuple[PhrasePair, ...]:
    return tuple(
        sorted(
            (mirror_phrase(p) for p in pairs),
            key=lambda p: (p.left.start, p.right.start, p.left.end, p.right.end),
        )
    )


def test_inflected_phrase_aligns_through_stems() -> None:
    left = make(
        "Стороны высоко оценили визит Президента Китайской Народной Республики в Баку.",
        "Стороны обсудили вопросы энергетики.",
    )
    right = make(
        "Погода была хорошей весь день.",
        "Азербайджан приветствует визит Председателя Китайская Народная Республика в город Баку.",
    )
    pairs = align_phrases(left, right)
    assert len(pairs) == 1
    pair = pairs[0]
    check_pair(pair, left, right)
    assert (pair.left.label, pair.right.label) == ("1", "2")
    assert "Китайской Народной Республики" in pair.left.text
    assert "Китайская Народная Республика" in pair.right.text
    assert pair.score < 1.0


def test_english_stems_and_small_substitutions() -> None:
    left = make(
        "The United States supports the peaceful resolution of disputes in the region.", language="en"
    )
    right = make(
        "India and the United States support the peaceful resolution of all disputes in the region.",
        language="en",
    )
    (pair,) = align_phrases(left, right)
    check_pair(pair, left, right)
    # A phrase neither starts nor ends with a function word ("The").
    assert pair.left.text == "United States supports the peaceful resolution of disputes in the region"
    assert pair.right.text.startswith("United States support the")
    assert [e.text for e in pair.edits if e.op is Op.INSERT] == ["support", "all "]


def test_pairs_never_cross_unit_boundaries() -> None:
    left = make("Стороны укрепляют торговое сотрудничество.", "Стороны развивают гуманитарные связи.")
    right = make("Стороны укрепляют торговое сотрудничество. Стороны развивают гуманитарные связи.")
    pairs = align_phrases(left, right)
    assert [p.left.label for p in pairs] == ["1", "2"]
    for pair in pairs:
        check_pair(pair, left, right)


def test_pairs_may_span_paragraphs_of_one_unit() -> None:
    unit = (
        "Стороны укрепляют торговое сотрудничество и инвестиции.",
        "Стороны развивают гуманитарные связи.",
    )
    left, right = make(unit), make("Вступление без общих слов вовсе.", unit)
    (pair,) = align_phrases(left, right)
    # Phrases run from the first to the last word: the final full stop is not part of it.
    assert pair.left.text == left.source.rstrip(".") and pair.right.label == "2"
    assert pair.score == 1.0


def test_short_and_unrelated_text_gives_nothing() -> None:
    left = make("Стороны подписали соглашение о торговле.")
    right = make("Погода в Пекине была солнечной и тёплой.")
    assert align_phrases(left, right) == ()
    assert align_phrases(make("визит в Баку"), make("визит в Баку")) == ()


def test_min_phrase_words_and_min_score_options() -> None:
    left = make("Стороны приветствуют открытие нового авиарейса между столицами двух стран.")
    right = make("Они отметили открытие нового авиарейса и иные темы повестки дня сегодня.")
    assert [p.left.text for p in align_phrases(left, right, Options(min_phrase_words=3))] == [
        "открытие нового авиарейса"
    ]
    assert align_phrases(left, right, Options(min_phrase_words=4)) == ()
    assert align_phrases(left, right, Options(min_phrase_words=3, phrase_min_score=1.0)) != ()


def test_one_to_one_selection_of_repeated_boilerplate() -> None:
    phrase = "Стороны выразили готовность развивать сотрудничество в области здравоохранения"
    left = make(phrase + ".")
    right = make(phrase + ".", phrase + " и спорта.")
    pairs = align_phrases(left, right)
    assert len(pairs) == 1
    assert pairs[0].right.label == "1" and pairs[0].score == 1.0


def test_identical_documents_pair_every_unit_with_itself() -> None:
    document = parse_text(SEED.read_text("utf-8"))
    pairs = align_phrases(document, document)
    assert [p.left.label for p in pairs] == [u.label for u in document.units]
    assert all(p.left == p.right and p.score == 1.0 and len(p.edits) == 1 for p in pairs)


def test_formula_is_labelled_on_both_sides() -> None:
    left = make("Азербайджан признает, что в мире существует только один Китай, и поддерживает его единство.")
    right = make(
        "Казахстан признает, что в мире существует только один Китай, и поддерживает единство страны."
    )
    (pair,) = align_phrases(left, right)
    assert pair.formula == "one-china"
    plain = make("Стороны признают, что в мире существует много разных культур и народов сегодня.")
    assert all(p.formula is None for p in align_phrases(plain, right))


def test_swapping_sides_mirrors_the_result_on_the_seed() -> None:
    left = parse_text(SEED.read_text("utf-8"))
    right = parse_text(revise(SEED.read_text("utf-8")))
    forward, backward = align_phrases(left, right), align_phrases(right, left)
    assert backward == mirrored(forward)
    assert forward == mirrored(backward)


_WORDS = [
    "стороны", "стороной", "поддерживают", "поддержка", "сотрудничество", "сотрудничества", "Китай",
    "Китая", "развитие", "торговли", "и", "в", "на", "энергетики", "соглашение", "мира", "безопасности",
]  # fmt: skip


@st.composite
def documents(draw: st.DrawFn) -> Document:
    units = draw(
        st.lists(
            st.lists(
                st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12).map(" ".join),
                min_size=1,
                max_size=2,
            ).map(tuple),
            min_size=1,
            max_size=4,
        )
    )
    return make(*units)


@settings(max_examples=150, deadline=None)
@given(documents(), documents(), st.integers(min_value=1, max_value=5))
def test_symmetry_property(left: Document, right: Document, minimum: int) -> None:
    options = Options(min_phrase_words=minimum)
    forward = align_phrases(left, right, options)
    assert align_phrases(right, left, options) == mirrored(forward)
    for pair in forward:
        check_pair(pair, left, right)
    assert forward == align_phrases(left, right, options)  # deterministic
    spans = [(p.left.start, p.right.start) for p in forward]
    assert spans == sorted(spans)


@settings(max_examples=50, deadline=None)
@given(documents())
def test_self_alignment_property(document: Document) -> None:
    pairs = align_phrases(document, attrs.evolve(document, path="copy.txt"))
    assert all(p.left == p.right and p.score == 1.0 for p in pairs)


def revise(text: str) -> str:
    """The seed with words changed in four clauses, clause 8 moved after 16 and clause 12 deleted."""
    blocks = text.split("\n\n")
    edits = {
        "1. Стороны твердо поддерживают": "1. Стороны поддерживают",
        "оказывают друг другу решительную поддержку": "оказывают друг другу всемерную поддержку",
        "активно продвигать цифровую трансформацию": "продвигать цифровую трансформацию",
        "15. Азербайджан активно поддерживает": "15. Азербайджан приветствует",
    }
    out = []
    for block in blocks:
        for old, new in edits.items():
            block = block.replace(old, new)
        out.append(block)
    moved = next(i for i, b in enumerate(out) if b.startswith("8. "))
    block = out.pop(moved)
    deleted = next(i for i, b in enumerate(out) if b.startswith("12. "))
    del out[deleted]
    out.insert(next(i for i, b in enumerate(out) if b.startswith("17. ")), block)
    return "\n\n".join(out)


def word_extent(source: str, start: int, end: int) -> tuple[int, int]:
    """The span from the sentence's first to its last letter or digit."""
    text = source[start:end]
    words = [m.span() for m in re.finditer(r"\w+", text)]
    return start + words[0][0], start + words[-1][1]


def test_every_unchanged_sentence_of_the_seed_is_aligned() -> None:
    text = SEED.read_text("utf-8")
    revised = revise(text)
    assert revised != text
    left, right = parse_text(text), parse_text(revised)
    started = time.perf_counter()
    pairs = align_phrases(left, right)
    elapsed = time.perf_counter() - started
    assert elapsed < 2.0  # typically ~0.1 s; generous for slow CI machines
    for pair in pairs:
        check_pair(pair, left, right)
    right_sentences: dict[str, list[tuple[int, int]]] = {}
    for unit in right.units:
        for sentence in unit.sentences:
            right_sentences.setdefault(sentence.text, []).append((sentence.span.start, sentence.span.end))
    checked = 0
    for unit in left.units:
        for sentence in unit.sentences:
            if sentence.text not in right_sentences or not re.search(r"\w", sentence.text):
                continue
            ls, le = word_extent(left.source, sentence.span.start, sentence.span.end)
            targets = [word_extent(right.source, s, e) for s, e in right_sentences[sentence.text]]
            assert any(
                p.left.start <= ls
                and le <= p.left.end
                and any(p.right.start <= rs and re_ <= p.right.end for rs, re_ in targets)
                for p in pairs
            ), sentence.text
            checked += 1
    assert checked > 40
    # The moved clause is found where it went; the deleted one has no pair.
    # (the segmenter reads the out-of-sequence "8." as a paragraph of clause 16).
    after = right.unit("16").span.start
    assert any(p.left.label == "8" and p.right.start > after and p.score == 1.0 for p in pairs)
    assert not any(p.left.label == "12" for p in pairs)


corpus = os.environ.get("DOCDIFF_CORPUS")
needs_corpus = pytest.mark.skipif(not corpus, reason="DOCDIFF_CORPUS is not set: real statements unavailable")


@pytest.mark.corpus
@needs_corpus
@pytest.mark.parametrize(
    ("left_name", "right_name"),
    [
        ("en/in-us-2023-06-22.en.txt", "en/in-us-2025-02-13.en.txt"),
        ("ru/az-cn-2025-04.ru.txt", "ru/by-ru-2025-03.ru.txt"),
    ],
)
def test_real_pairs(left_name: str, right_name: str) -> None:
    root = Path(str(corpus))
    left = parse_text((root / left_name).read_text("utf-8"))
    right = parse_text((root / right_name).read_text("utf-8"))
    started = time.perf_counter()
    pairs = align_phrases(left, right)
    assert time.perf_counter() - started < 3.0
    assert pairs
    for pair in pairs:
        check_pair(pair, left, right)
    assert align_phrases(right, left) == mirrored(pairs)


def test_boilerplate_repeated_in_many_sections_still_pairs_one_to_one() -> None:
    # 40 copies of the seed's clauses on each side: every n-gram of a clause has
    # 40 x 40 pairings, past the cap, so seeds pair nearest copies only; every
    # clause must still find its copy, in order, without quadratic work.
    text = SEED.read_text("utf-8")
    clauses = [b for b in text.split("\n\n") if re.match(r"\d+\. ", b)]
    edited = [c.replace("Стороны", "Обе стороны", 1) if k % 3 == 0 else c for k, c in enumerate(clauses)]
    left, right = make(*(clauses * 40)), make(*(edited * 40))
    started = time.perf_counter()
    pairs = align_phrases(left, right)
    assert time.perf_counter() - started < 20.0  # about 1 s; generous for slow machines
    by_left: dict[str, list[PhrasePair]] = {}
    for pair in pairs:
        by_left.setdefault(pair.left.label, []).append(pair)
    assert set(by_left) == {u.label for u in left.units}
    # Copy c of a clause pairs with copy c on the right (its nearest copy).
    assert all(p.left.label == p.right.label for p in pairs if p.score == 1.0)
    size = len(clauses)
    same_copy = [p for p in pairs if (int(p.left.label) - 1) // size == (int(p.right.label) - 1) // size]
    assert len(same_copy) > 0.9 * len(pairs)
    assert align_phrases(right, left) == mirrored(pairs)


def _reference_tokens(text: str, language: str) -> tuple[list[int], list[int], list[str], list[float]]:
    """The word and Han tokens of split_tokens, looked at one by one."""
    offsets: list[int] = []
    lengths: list[int] = []
    keys: list[str] = []
    weights: list[float] = []
    at = 0
    for token in split_tokens(text):
        if is_han(token) or token[0].isalnum():
            offsets.append(at)
            lengths.append(len(token))
            keys.append(token if is_han(token) else term_of(token, language))
            weights.append(0.5 if is_han(token) else 1.0)
        at += len(token)
    return offsets, lengths, keys, weights


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Ab",
                "1",
                "_",
                " ",
                "бЁ",
                "-",
                ".",
                "'",
                "’",
                "‐",
                "‑",
                "\n",
                "«",
                "双",
                "豈",
                "\U00020000",
                "²",
                "½",
                "İß",
            ]
        ),
        max_size=16,
    ).map("".join),
    st.sampled_from(["ru", "en", "zh", "fr"]),
)
def test_phrase_tokens_are_the_word_and_han_tokens(text: str, language: str) -> None:
    # wordkeys finds words and Han characters by one regex pass; they must be
    # exactly the tokens of docdiff.tokens that are words or Han characters.
    offsets, lengths, keys, weights = _reference_tokens(text, language)
    assert _keys_of(text, language) == (keys, weights)
    assert _offsets(text) == [(o, o + n) for o, n in zip(offsets, lengths, strict=True)]
    first, last = _FIRST_CHAR.search(text), _LAST_CHAR.match(text)
    if offsets:
        assert first is not None and first.start() == offsets[0]
        assert last is not None and last.end() == offsets[-1] + lengths[-1]
    else:
        assert first is None and last is None


def test_words_built_apart_align_as_words_built_together() -> None:
    # Words built with one Shared number their units together; built apart,
    # the engine compares unit keys instead, with the same result.
    left = make("Стороны договорились о сотрудничестве в области энергетики.", "Раздел второй о торговле.")
    right = make(
        "Раздел второй о торговле.", "Стороны договорились о сотрудничестве в области энергетики и связи."
    )
    shared = Shared()
    together = local_alignments(Words(left, shared), Words(right, shared), 3, 0.5)
    apart = local_alignments(Words(left), Words(right), 3, 0.5)
    assert together == apart and len(together) == 2


def _reference_extend(
    xs: list[str], ys: list[str], x: int, y: int, x_room: int, y_room: int, step: int
) -> tuple[int, int]:
    """The banded X-drop extension cell by cell (match +2, mismatch -1, gap -1, band 3, drop 6)."""
    run = 0
    while run < min(x_room, y_room) and xs[x + step * run] == ys[y + step * run]:
        run += 1
    x, y, x_room, y_room = x + step * run, y + step * run, x_room - run, y_room - run
    floor = -(10**9)
    previous = [floor] * 7
    for b in range(min(y_room, 3) + 1):
        previous[b + 3] = -b
    best, best_a, best_b = 0, 0, 0
    for a in range(1, x_room + 1):
        key = xs[x + step * (a - 1)]
        row = [floor] * 7
        row_best = floor
        for k in range(max(0, 3 - a), 7):
            b = a + k - 3
            if b > y_room:
                break
            value = previous[k] + (2 if ys[y + step * (b - 1)] == key else -1) if b else floor
            if k + 1 < 7:
                value = max(value, previous[k + 1] - 1)
            if k:
                value = max(value, row[k - 1] - 1)
            row[k] = value
            if value > row_best:
                row_best = value
                if value > best:
                    best, best_a, best_b = value, a, b
        if row_best < best - 6:
            break
        previous = row
    return run + best_a, run + best_b


@st.composite
def _similar_keys(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """Two key lists, the second the first with a few words changed, dropped or added."""
    xs = draw(st.lists(st.sampled_from("abcdef"), max_size=60))
    ys = list(xs)
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(ys)))
        edit = draw(st.sampled_from(["change", "drop", "add"]))
        if edit == "add" or at == len(ys):
            ys.insert(at, draw(st.sampled_from("abcdefg")))
        elif edit == "drop":
            del ys[at]
        else:
            ys[at] = draw(st.sampled_from("abcdefg"))
    return xs, ys


@settings(max_examples=1000, deadline=None)
@given(_similar_keys(), st.data())
def test_extension_matches_the_cell_by_cell_programme(
    keys: tuple[list[str], list[str]], data: st.DataObject
) -> None:
    xs, ys = keys
    # xdrop.extend writes out full rows of the band; it must find what the
    # plain dynamic programme finds, edges of the matrix included.
    # Start near the same place on both sides and run to near the ends, as a seed does.
    step = data.draw(st.sampled_from([1, -1]))
    shift, x_short, y_short = (data.draw(st.integers(-3, 3)) for _ in range(3))
    if step > 0:
        x = data.draw(st.integers(0, len(xs)))
        y = min(max(0, x + shift), len(ys))
        x_room, y_room = max(0, len(xs) - x - abs(x_short)), max(0, len(ys) - y - abs(y_short))
    else:
        x = data.draw(st.integers(-1, len(xs) - 1))
        y = min(max(-1, x + shift), len(ys) - 1)
        x_room, y_room = max(0, x + 1 - abs(x_short)), max(0, y + 1 - abs(y_short))
    assert extend(xs, ys, x, y, x_room, y_room, step) == _reference_extend(xs, ys, x, y, x_room, y_room, step)


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(st.integers(-12, 12) | st.just(-(10**9)), min_size=7, max_size=7),
    st.lists(st.sampled_from("abc"), min_size=7, max_size=12),
    st.sampled_from("abc"),
    st.data(),
)
def test_a_full_row_written_out_follows_the_cell_rule(
    previous: list[int], yk: list[str], key: str, data: st.DataObject
) -> None:
    # The hot path of extend() spells out the seven cells of a row; each must
    # be what the general cell-by-cell rule gives.
    a = data.draw(st.integers(4, len(yk) - 3))
    assert _full_row(previous, key, yk, a - 4) == _edge_row(previous, key, yk, a, len(yk))
