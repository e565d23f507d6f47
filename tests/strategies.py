"""Hypothesis strategies shared by the test modules (import them from here, never from a test module).

Strategies that only one module uses for one rule stay in that module; the
ones here generate inputs that several stages take: statement texts, text
with the typography docdiff folds, and word sequences for the word diff.
"""

from __future__ import annotations

from hypothesis import strategies as st

_STATEMENT_WORDS = {
    "en": [
        "the",
        "sides",
        "agree",
        "support",
        "cooperation",
        "trade",
        "energy",
        "peace",
        "region",
        "security",
        "develop",
        "strengthen",
    ],
    "ru": [
        "стороны",
        "поддерживают",
        "сотрудничество",
        "торговля",
        "энергетика",
        "мир",
        "регион",
        "развивать",
        "укреплять",
    ],
    "zh": ["双方", "支持", "合作", "贸易", "能源", "和平", "地区", "发展", "加强"],
}


@st.composite
def statement_texts(draw: st.DrawFn) -> str:
    """A small statement in ru, en or zh: a title or not, preamble, numbered clauses, sections, sub-items."""
    language = draw(st.sampled_from(sorted(_STATEMENT_WORDS)))
    words = _STATEMENT_WORDS[language]
    join = "" if language == "zh" else " "
    stop = "。" if language == "zh" else "."

    def sentence() -> str:
        body = join.join(draw(st.lists(st.sampled_from(words), min_size=3, max_size=9)))
        return body[0].upper() + body[1:] + stop

    def paragraph() -> str:
        return join.join(sentence() for _ in range(draw(st.integers(1, 3))))

    blocks: list[str] = []
    if draw(st.booleans()):
        blocks.append({"en": "Joint Statement", "ru": "Совместное заявление", "zh": "联合声明"}[language])
    blocks += [paragraph() for _ in range(draw(st.integers(0, 2)))]
    sections = draw(st.booleans())
    for s in range(draw(st.integers(1, 2)) if sections else 1):
        if sections:
            name = join.join(draw(st.lists(st.sampled_from(words), min_size=1, max_size=3)))
            blocks.append(f"{'I' * (s + 1)}. {name}")
        for n in range(1, draw(st.integers(1, 4)) + 1):
            blocks.append(f"{n}. {paragraph()}")
            if draw(st.booleans()):
                blocks.append(paragraph())
            if draw(st.integers(0, 3)) == 0:
                blocks += [f"{chr(ord('a') + k)}) {paragraph()}" for k in range(draw(st.integers(1, 3)))]
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return (newline * 2).join(blocks) + newline


def typographic_text() -> st.SearchStrategy[str]:
    """Short texts rich in the typography normalize() folds: quotes, dashes, spaces, soft hyphens, ё."""
    return st.text(
        alphabet=st.sampled_from(list("abcАБВёЁе \u00a0\t\n«»“”„\"'’—–-\u00ad\u200bé\u0301.")),
        max_size=60,
    )


def mixed_text() -> st.SearchStrategy[str]:
    """Texts mixing ASCII, Cyrillic, combining marks, invisible characters and case-folding oddities."""
    return st.text(
        alphabet=st.sampled_from(list("ab АБ ё\u00a0\t\n\r«»“”\"'’—–-\u00ad\u200b\ufeffé\u0301…ßİ.  ")),
        max_size=80,
    )


def diff_texts() -> st.SearchStrategy[str]:
    """Texts of Russian, English and Chinese words, quotes, punctuation, figures and paragraph breaks."""
    return st.lists(
        st.sampled_from(
            [
                "Стороны",
                "договорились",
                "поддерживают",
                "твердо",
                "the",
                "Sides",
                "«",
                "»",
                ",",
                ".",
                " ",
                "\n\n",
                "2025",
                "双方",
                "同意",
            ]
        ),
        max_size=40,
    ).map("".join)
