"""A language added from a folder outside the package: the whole recipe of docs/languages.md.

The toy language "qt" (ISO 639 keeps qaa-qtz for local use) is written into a
temporary folder, made known with :func:`docdiff.lang.add_pack_folder`, and a
statement in it is parsed: its title, dateline, numbered clauses, date and
signing line are found from the pack alone, and no file of the package is
touched.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import docdiff
from docdiff.describe.dates import parse_date
from docdiff.lang import add_pack_folder, has_pack, languages, pack, remove_pack
from docdiff.phrases import search
from docdiff.pipeline import clear_caches
from docdiff.result import Flag, PairKind

TOY = {
    "_doc": ["Toyish, a made-up language for the test."],
    "name": "Toyish",
    "months": [
        "unmo",
        "dumo",
        "trimo",
        "kvarmo",
        "kvinmo",
        "sesmo",
        "sepmo",
        "okmo",
        "naumo",
        "dekmo",
        "undekmo",
        "dudekmo",
    ],
    "month_cues": ["mo"],
    "date_rules": [
        {
            "pattern": r"(?<!\w)(?P<day>[0-3]?\d)\s+(?P<month>{months})\s+(?P<year>(?:19|20)\d\d)(?!\w)",
            "ignorecase": True,
            "needs_month": True,
            "needs_year": True,
        }
    ],
    "dateline_dates": [r"\d{1,2}\s+(?:{months})\s+\d{4}"],
    "abbreviations": ["nro"],
    "title_words": "deklaro|traktato",
    "signing_formula": r"Farita\s+en",
    "signature_line": r"Por\s",
    "closing_roles": "Prezidanto|Ministro",
    "function_words": ["la", "de", "pri", "kaj", "en", "je", "inter", "siaj", "por"],
    "common_words": ["partioj"],
    "article_words": ["Artikolo", "ARTIKOLO"],
    "article_frames": ["Ero {number}"],
    "numerals": {"ᚠ": 1, "ᚢ": 2, "ᚦ": 3},
    "numeral_multipliers": {"ᛞ": 10},
}

STATEMENT = """Komuna Deklaro

Toyurbo, 5 kvinmo 2024

1. La Partioj interkonsentis pri la nro. 7 de la plano kaj pri komerco.

2. La Partioj subtenas pacon en la regiono kaj kunlaboron inter siaj popoloj.

3. La Partioj daurigos la dialogon je ciuj niveloj.

Farita en Toyurbo, 5 kvinmo 2024, en du ekzempleroj
"""


@pytest.fixture
def toy(tmp_path: Path) -> Iterator[str]:
    folder = tmp_path / "qt"
    folder.mkdir()
    (folder / "pack.json").write_text(json.dumps(TOY, ensure_ascii=False), "utf-8")
    add_pack_folder(folder)
    try:
        yield "qt"
    finally:
        remove_pack("qt")


def test_an_added_pack_is_known_and_read_with_defaults(toy: str) -> None:
    assert has_pack(toy)
    assert toy in languages()
    assert languages()[-1] == toy  # no "order": after the shipped packs
    toyish = pack(toy)
    assert toyish.name == "Toyish"
    assert toyish.months[4] == "kvinmo"
    assert toyish.spaced and toyish.stemmer is None  # defaults


def test_a_statement_in_the_toy_language_parses_from_its_pack(toy: str) -> None:
    document = docdiff.loads(STATEMENT, language=toy)
    assert document.metadata.language == toy
    assert [clause.label for clause in document.clauses] == ["1", "2", "3"]
    assert document.clauses[0].text.startswith("La Partioj interkonsentis")
    assert (
        document.title is not None
        and document.source[document.title.span.start : document.title.span.end] == "Komuna Deklaro"
    )
    assert document.dateline is not None
    assert [document.source[b.span.start : b.span.end].split(",")[0] for b in document.closing] == [
        "Farita en Toyurbo"
    ]
    assert document.metadata.date == "2024-05-05"
    assert parse_date("la 12 dudekmo 2023", toy) == "2023-12-12"


def test_without_the_pack_the_same_text_loses_its_date_and_closing(tmp_path: Path) -> None:
    assert not has_pack("qt")
    document = docdiff.loads(STATEMENT, language="qt")
    assert document.metadata.date != "2024-05-05"
    assert document.closing == ()


def test_a_shipped_pack_cannot_be_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "ru"
    folder.mkdir()
    (folder / "pack.json").write_text("{}", "utf-8")
    with pytest.raises(ValueError, match="shipped"):
        add_pack_folder(folder)


# The same statement revised: clause 1's figure changes, clause 2 gains a
# sentence, clause 3 goes and a new one comes.
REVISION = STATEMENT.replace("nro. 7", "nro. 9").replace(
    "siaj popoloj.", "siaj popoloj. La Partioj fondos komunan fonduson por la junularo de la regiono."
).replace(
    "3. La Partioj daurigos la dialogon je ciuj niveloj.",
    "3. La Partioj konstruos la Polusan Silkan Vojon kune por la bono de la regiono.",
)


def test_a_toy_statement_compared_with_itself_and_with_a_revision(toy: str) -> None:
    document = docdiff.loads(STATEMENT, language=toy)
    same = docdiff.compare(document, docdiff.loads(STATEMENT, language=toy))
    assert not same.substantive
    assert all(pair.kind is PairKind.MATCH and not pair.flags for pair in same.pairs)
    revised = docdiff.compare(document, docdiff.loads(REVISION, language=toy))
    by_label = {(pair.left or ("",))[0]: pair for pair in revised.pairs}
    assert by_label["1"].kind is PairKind.MATCH and Flag.NUMBER in by_label["1"].flags
    assert by_label["2"].kind is PairKind.MATCH and by_label["2"].edits
    assert revised.substantive
    # Phrases: the pack's function words are never the edge of a shared passage.
    function = set(pack(toy).function_words)
    assert revised.phrases
    for phrase in revised.phrases:
        words = phrase.left.text.lower().strip(" .,").split()
        assert words[0] not in function and words[-1] not in function, phrase.left.text


POLAR = {
    "id": "polar-silk-road-toy",
    "name": "Polar Silk Road",
    "description": "The Arctic shipping route, in Toyish.",
    "patterns": {"en": ["polar silk road"], "qt": ["polusan? silkan? vojon?"]},
}


def test_formulas_run_on_a_toy_statement(toy: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = json.loads(json.dumps(search.lexicon_data()))
    data["formulas"].append(POLAR)
    monkeypatch.setattr(search, "lexicon_data", lambda: data)
    clear_caches()
    try:
        left, right = docdiff.loads(STATEMENT, language=toy), docdiff.loads(REVISION, language=toy)
        assert not [o for o in docdiff.find_formulas(left) if o.id == POLAR["id"]]
        (found,) = [o for o in docdiff.find_formulas(right) if o.id == POLAR["id"]]
        assert found.text == "Polusan Silkan Vojon" and found.label == "3"
        uses = {use.id: use for use in docdiff.compare_formulas(left, right)}
        assert uses[POLAR["id"]].right and not uses[POLAR["id"]].left
        # The pack is a language of its own: another language's pattern does not apply to it.
        english = docdiff.loads(STATEMENT.replace("la dialogon", "the Polar Silk Road"), language=toy)
        assert not [o for o in docdiff.find_formulas(english) if o.id == POLAR["id"]]
    finally:
        monkeypatch.undo()
        clear_caches()


def test_numbering_words_and_numerals_come_from_the_pack(toy: str) -> None:
    from docdiff.segment.markers import Kind, find_marker

    marker = find_marker("Artikolo 4 Komerco")
    assert marker is not None and (marker.kind, marker.value) == (Kind.ARTICLE, (4,))
    framed = find_marker("Ero ᚢᛞᚦ: Komerco")  # 2 x 10 + 3
    assert framed is not None and (framed.kind, framed.label, framed.value) == (Kind.ARTICLE, "ᚢᛞᚦ", (23,))
    enumerated = find_marker("ᚦ、La Partioj")
    assert enumerated is not None and enumerated.value == (3,)
    # Scraping glued an article heading to the sentence before: the pack's word splits it.
    text = (
        "Komuna Traktato\n\nArtikolo 1\nLa Partioj interkonsentis pri la Plano.ARTIKOLO 2\n"
        "La Partioj subtenas pacon en la regiono.\n"
    )
    document = docdiff.loads(text, language=toy)
    assert [clause.label for clause in document.clauses] == ["1", "2"]
