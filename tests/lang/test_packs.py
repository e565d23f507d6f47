"""The language packs and their loader: one folder per language, the list declared once."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

from docdiff.lang import (
    FALLBACK,
    LANGUAGES,
    LEXICONS,
    LanguagePack,
    add_pack_folder,
    has_pack,
    languages,
    lexicon,
    pack,
    packs,
    remove_pack,
    stemming_pack,
)
from docdiff.lang.packs import _FIELDS

PACKAGE = Path(__file__).resolve().parents[2] / "docdiff"


def test_the_language_list_is_the_pack_folders_in_pack_order() -> None:
    folders = {
        entry.name
        for entry in resources.files("docdiff.lang").iterdir()
        if entry.joinpath("pack.json").is_file()
    }
    assert set(LANGUAGES) == folders
    assert LANGUAGES == ("ru", "en", "zh")  # "order" in each pack.json
    assert languages() == LANGUAGES
    assert tuple(p.code for p in packs()) == LANGUAGES


def test_a_language_without_a_pack_reads_the_fallback_pack() -> None:
    assert FALLBACK in LANGUAGES
    for code in ("kk", "uk", "de", "", None):
        assert not has_pack(code)
        assert pack(code).code == FALLBACK
    for code in LANGUAGES:
        assert has_pack(code) and pack(code).code == code


def test_stemmers_are_chosen_by_the_packs() -> None:
    assert stemming_pack("ru") is pack("ru") and pack("ru").stemmer == "russian"
    assert stemming_pack("uk") is pack("ru")  # "stemmer_for"
    assert stemming_pack("en") is pack("en") and pack("en").stemmer == "english"
    assert stemming_pack("zh") is None
    assert stemming_pack("kk") is None


def test_han_is_the_one_unspaced_script() -> None:
    assert [p.code for p in packs() if not p.spaced] == ["zh"]
    assert pack("zh").script == "han"


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_pack_key_is_a_typed_field(code: str) -> None:
    raw = json.loads((PACKAGE / "lang" / code / "pack.json").read_text("utf-8"))
    unknown = [key for key in raw if not key.startswith("_") and key not in _FIELDS]
    assert unknown == []
    assert pack(code).extra == {}


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_regex_fact_compiles(code: str) -> None:
    found = pack(code)
    for name in (
        "title_words",
        "signing_formula",
        "signature_line",
        "closing_roles",
        "topic",
        "headline_words",
        "date_formula",
        "attribution",
        "bare_attribution",
        "relay",
        "site_matter",
        "intro_formula",
        "signing_list",
        "negation_modals",
        "name_endings",
        "name_tail",
        "side_end",
        "title_link",
    ):
        re.compile(getattr(found, name))
    for pattern, _ in found.kinds:
        re.compile(pattern)
    for source in (
        *found.titles,
        *found.coordinators,
        *found.collective_subjects,
        *found.commitment_intensifiers,
    ):
        re.compile(source)
    for rule in found.date_rules:
        assert "{months}" in rule.pattern or rule.months == "number"


@pytest.mark.parametrize("code", [c for c in LANGUAGES if pack(c).months])
def test_month_names_number_every_month(code: str) -> None:
    found = pack(code)
    assert len(found.months) == 12
    assert set(found.month_variants.values()) <= set(range(1, 13))


def test_the_combined_patterns_are_todays() -> None:
    # Built from the packs, the patterns are the ones the modules spelled out before.
    from docdiff.segment import markers

    article, letter, date = markers._patterns(LANGUAGES)
    assert article.pattern.startswith("(?:Статья|СТАТЬЯ|Article|ARTICLE|§)")
    assert letter.pattern == r"\(([а-яa-z])\)|([а-яa-z])\)(?=\s)|([a-z])\.(?=\s)"
    assert "января|февраля|марта" in date.pattern and "January|February|March" in date.pattern


def test_an_unknown_key_is_kept_as_extra(tmp_path: Path) -> None:
    folder = tmp_path / "qx"
    folder.mkdir()
    (folder / "pack.json").write_text('{"_doc": ["x"], "name": "X", "future_fact": [1, 2]}', "utf-8")
    try:
        added = add_pack_folder(folder)
        assert isinstance(added, LanguagePack)
        assert added.extra == {"future_fact": [1, 2]}
        assert "qx" in languages() and "qx" not in LANGUAGES
    finally:
        remove_pack("qx")
    assert "qx" not in languages()


def test_one_loader_reads_every_lexicon() -> None:
    for name in LEXICONS:
        assert isinstance(lexicon(name), dict)
    assert lexicon("formulas") is lexicon("formulas")  # read once
    with pytest.raises(ValueError, match="unknown lexicon"):
        lexicon("nope")


_BRANCH = re.compile(
    r"""(?:[=!]=\s*|\bin\s*\(\s*(?:"\w+",\s*)*)"(?:ru|en|zh)"|"(?:ru|en|zh)"\s*(?:==|!=|in\b)"""
)


def test_no_module_outside_lang_branches_on_a_language_code() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "lang" in path.relative_to(PACKAGE).parts[:1]:
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if _BRANCH.search(line):
                found.append(f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}")
    assert found == []
