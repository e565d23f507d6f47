"""The recipe "add a stock formula" (docs/architecture.md): one lexicon entry, no code."""

from __future__ import annotations

import copy
from collections.abc import Iterator

import pytest

from docdiff import compare_formulas, find_formulas, loads
from docdiff.pipeline import clear_caches
from docdiff.phrases import search

ENTRY = {
    "id": "polar-silk-road",
    "name": "Polar Silk Road",
    "description": "Cooperation on Arctic shipping routes under the Belt and Road name.",
    "patterns": {
        "ru": ["полярн\\w* шелков\\w* пут\\w*"],
        "en": ["polar silk road"],
        "zh": ["冰上丝绸之路"],
    },
}

STATEMENTS = {
    "en": "Joint Statement\n\n1. The Sides will build the Polar Silk Road together.\n\n2. The Sides agree.\n",
    "ru": "Совместное заявление\n\n1. Стороны будут совместно строить Полярный шелковый путь.\n\n"
    "2. Стороны согласны.\n",
    "zh": "联合声明\n\n一、双方将共同建设冰上丝绸之路。\n\n二、双方同意。\n",
}


def _forget() -> None:
    # The public cache control: after changing the lexicon data at run time.
    clear_caches()


@pytest.fixture
def with_entry(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # What editing docdiff/lang/lexicon/formulas.json does, without editing it.
    data = copy.deepcopy(search.lexicon_data())
    data["formulas"].append(ENTRY)
    monkeypatch.setattr(search, "lexicon_data", lambda: data)
    _forget()
    yield
    monkeypatch.undo()
    _forget()


@pytest.mark.parametrize("language", sorted(STATEMENTS))
def test_a_new_lexicon_entry_is_found_in_every_language(with_entry: None, language: str) -> None:
    document = loads(STATEMENTS[language], language=language)
    found = [o for o in find_formulas(document) if o.id == ENTRY["id"]]
    assert len(found) == 1
    assert found[0].label == document.units[0].label  # "1", or "一" as printed
    assert document.source[found[0].start : found[0].end] == found[0].text
    uses = [u for u in compare_formulas(document, document) if u.id == ENTRY["id"]]
    assert len(uses) == 1 and uses[0].direction == "same"


def test_without_the_entry_nothing_is_found() -> None:
    document = loads(STATEMENTS["en"], language="en")
    assert all(o.id != ENTRY["id"] for o in find_formulas(document))
