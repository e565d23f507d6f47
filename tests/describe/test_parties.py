"""Party canonicalization: the gazetteer data file and matching in ru, en and zh."""

from __future__ import annotations

import csv
import json
import os
import re
import time
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docdiff.describe.parties import FORMS, PartyMention, canonical_party, find_parties, party_name


def _data() -> dict[str, Any]:
    text = resources.files("docdiff.lang").joinpath("lexicon/parties.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _found(text: str, language: str | None = None) -> list[tuple[str, str, str]]:
    return [(m.text, m.code, m.form) for m in find_parties(text, language)]


# --- the data file -----------------------------------------------------------------------


def test_entries_have_valid_unique_codes_and_names() -> None:
    parties = _data()["parties"]
    codes = [entry["code"] for entry in parties]
    assert len(parties) >= 196  # 193 UN members + EU, PS, VA
    assert len(codes) == len(set(codes))
    for entry in parties:
        assert re.fullmatch(r"[A-Z]{2}", entry["code"]), entry
        assert entry["en"]["short"], entry["code"]
        assert entry["ru"]["short"], entry["code"]
        assert entry["zh"]["short"], entry["code"]
    assert {"EU", "PS", "VA"} <= set(codes)


def test_taiwan_is_not_a_party() -> None:
    assert "TW" not in {entry["code"] for entry in _data()["parties"]}
    for name in ("Taiwan", "Тайвань", "台湾"):
        assert canonical_party(name) is None
        assert find_parties(f"… {name} …") == ()


def test_every_form_reads_back_as_its_own_code() -> None:
    # A form shadowed by another party's form (same spelling) would map elsewhere.
    for entry in _data()["parties"]:
        for language in ("en", "ru", "zh"):
            names = entry[language]
            for form in [names["short"], *names.get("formal", []), *names.get("aliases", [])]:
                assert canonical_party(form) == entry["code"], (language, form)


@pytest.mark.corpus
def test_every_manifest_party_is_in_the_gazetteer() -> None:
    corpus = os.environ.get("DOCDIFF_CORPUS")
    if not corpus:
        pytest.skip("set DOCDIFF_CORPUS to the folder of real statements to run this check")
    manifests = sorted(Path(corpus).rglob("MANIFEST.tsv"))
    if not manifests:
        pytest.skip(f"no MANIFEST.tsv under DOCDIFF_CORPUS={corpus}")
    listed: set[str] = set()
    for manifest in manifests:
        with manifest.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                listed.update(code for code in (row.get("parties") or "").split(";") if code)
    codes = {entry["code"] for entry in _data()["parties"]}
    assert listed, "the manifests list no parties"
    assert listed <= codes, sorted(listed - codes)


# --- canonical_party ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Азербайджанская Республика", "AZ"),
        ("Азербайджанской Республики", "AZ"),
        ("Азербайджанской Республикой", "AZ"),
        ("Азербайджаном", "AZ"),
        ("Китай", "CN"),
        ("Китая", "CN"),
        ("Китаю", "CN"),
        ("Китаем", "CN"),
        ("Китае", "CN"),
        ("Китайской Народной Республики", "CN"),
        ("Китайской Народной Республикой", "CN"),
        ("Российской Федерации", "RU"),
        ("Исламской Республики Иран", "IR"),
        ("Соединенные Штаты Америки", "US"),
        ("Соединённых Штатов", "US"),
        ("США", "US"),
        ("КНДР", "KP"),
        ("ЕС", "EU"),
        ("Евросоюз", "EU"),
        ("Европейского союза", "EU"),
        ("Австрии", "AT"),
        ("Австралии", "AU"),
        ("азербайджанская сторона", "AZ"),
        ("азербайджанской стороне", "AZ"),
        ("азербайджанскую сторону", "AZ"),
        ("the Azerbaijani side", "AZ"),
        ("Azerbaijani", "AZ"),
        ("Chinese", "CN"),
        ("the Chinese side", "CN"),
        ("China's", "CN"),
        ("Republic of India", "IN"),
        ("the Republic of India", "IN"),
        ("United States", "US"),
        ("the United States of America", "US"),
        ("U.S.", "US"),
        ("US", "US"),
        ("USA", "US"),
        ("European Union", "EU"),
        ("Democratic People's Republic of Korea", "KP"),
        ("Korea", "KR"),
        ("Georgia", "GE"),
        ("Jordan", "JO"),
        ("阿塞拜疆", "AZ"),
        ("中华人民共和国", "CN"),
        ("中国", "CN"),
        ("中方", "CN"),
        ("美国", "US"),
        ("美方", "US"),
        ("俄方", "RU"),
        ("阿联酋", "AE"),
        ("阿拉伯联合酋长国", "AE"),
        ("朝鲜", "KP"),
        ("欧盟", "EU"),
    ],
)
def test_canonical_party(name: str, code: str) -> None:
    assert canonical_party(name) == code


@pytest.mark.parametrize("name", ["", "us", "Europe", "Indo-Pacific", "阿方", "China Sea", "стороны"])
def test_canonical_party_rejects(name: str) -> None:
    assert canonical_party(name) is None


def test_forms() -> None:
    assert _found("the Azerbaijani side") == [("the Azerbaijani side", "AZ", "side")]
    assert _found("中方") == [("中方", "CN", "side")]
    assert _found("Китайская сторона", "ru") == [("Китайская сторона", "CN", "side")]
    assert _found("китайские компании", "ru") == [("китайские", "CN", "adjective")]
    assert _found("American companies", "en") == [("American", "US", "adjective")]


# --- longest match and ambiguity ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Niger and Nigeria", ["NE", "NG"]),
        ("Nigerien and Nigerian", ["NE", "NG"]),
        ("Guinea, Guinea-Bissau, Equatorial Guinea, Papua New Guinea", ["GN", "GW", "GQ", "PG"]),
        ("Гвинеи, Гвинеи-Бисау, Экваториальной Гвинеи", ["GN", "GW", "GQ"]),
        ("几内亚 几内亚比绍 赤道几内亚 巴布亚新几内亚", ["GN", "GW", "GQ", "PG"]),
        ("Sudan and South Sudan", ["SD", "SS"]),
        ("苏丹 南苏丹", ["SD", "SS"]),
        ("Democratic People's Republic of Korea and Republic of Korea", ["KP", "KR"]),
        ("DPRK, North Korea, South Korea, Korea", ["KP", "KP", "KR", "KR"]),
        ("КНДР и Республика Корея", ["KP", "KR"]),
        ("朝鲜 韩国", ["KP", "KR"]),
        ("Congo and the Democratic Republic of the Congo", ["CG", "CD"]),
        ("Республики Конго и Демократической Республики Конго", ["CG", "CD"]),
        ("Dominica and the Dominican Republic", ["DM", "DO"]),
        ("Австрия и Австралия", ["AT", "AU"]),
        ("奥地利 澳大利亚", ["AT", "AU"]),
        ("印度 印度尼西亚", ["IN", "ID"]),
        ("白俄罗斯 俄罗斯", ["BY", "RU"]),
        ("中国共产党", ["CN"]),
        ("Нигер и Нигерия, Нигерией", ["NE", "NG", "NG"]),
    ],
)
def test_longest_match(text: str, codes: list[str]) -> None:
    assert [m.code for m in find_parties(text)] == codes


def test_united_states_forms() -> None:
    text = "The United States, the U.S., US, USA and the United States of America; us and U.S.-China."
    assert [m.text for m in find_parties(text, "en")] == [
        "United States",
        "U.S.",
        "US",
        "USA",
        "United States of America",
        "U.S.",
        "China",
    ]


def test_abbreviations_are_case_sensitive() -> None:
    assert find_parties("let us go", "en") == ()
    assert find_parties("Если ес", "ru") == ()
    assert _found("кроме того, Того", "ru") == [("Того", "TG", "name")]


def test_geographic_names_are_not_parties() -> None:
    assert find_parties("the South China Sea and Latin America", "en") == ()
    assert find_parties("в Южно-Китайском море", "ru") == ()
    assert find_parties("朝鲜半岛 印度洋", "zh") == ()


def test_chinese_side_is_not_a_word_with_fang() -> None:
    # "执法方面" (law enforcement) holds 法方 (France's side) but says no such thing.
    assert find_parties("执法方面", "zh") == ()
    assert _found("中国方面", "zh") == [("中国", "CN", "name")]


def test_ambiguous_chinese_side_takes_the_party_named_in_the_text() -> None:
    assert _found("阿联酋 阿方", "zh")[-1] == ("阿方", "AE", "side")
    assert _found("阿塞拜疆 阿方", "zh")[-1] == ("阿方", "AZ", "side")
    assert find_parties("阿方", "zh") == ()
    assert [m.code for m in find_parties("阿塞拜疆 阿根廷 阿方", "zh")] == ["AZ", "AR"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("中美联合声明", [("中", "CN"), ("美", "US")]),
        ("中俄关系持续发展", [("中", "CN"), ("俄", "RU")]),
        ("中哈关于深化合作的联合声明", [("中", "CN"), ("哈", "KZ")]),
        ("推动美中关系", [("美", "US"), ("中", "CN")]),
        ("中欧关系", [("中", "CN"), ("欧", "EU")]),
        # An ambiguous character takes the party named elsewhere, as "阿方" does.
        ("巴基斯坦总理访华，中巴两国", [("巴基斯坦", "PK"), ("中", "CN"), ("巴", "PK")]),
        ("巴西总统访华，中巴关系", [("巴西", "BR"), ("中", "CN"), ("巴", "BR")]),
        ("中阿两国", [("中", "CN")]),
        # No pair without a word saying two countries are meant.
        ("中美洲国家", []),
        ("在会谈中俄方表示", [("俄方", "RU")]),
        ("美中不足", []),
        ("中欧班列", []),
    ],
)
def test_chinese_combined_forms_split_into_parties(text: str, expected: list[tuple[str, str]]) -> None:
    mentions = find_parties(text, "zh", combined=True)
    assert [(m.text, m.code) for m in mentions] == expected
    assert all(m.form == "name" for m in mentions if len(m.text) == 1)


def test_combined_forms_are_read_only_when_asked() -> None:
    # An annotator reads "中美两国" as the collective "两国", which stands for both parties.
    assert find_parties("中美两国同意", "zh") == ()
    assert [m.code for m in find_parties("中美两国同意", None, combined=True)] == ["CN", "US"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Korea", ["KR"]),
        ("the DPRK and Korea", ["KP", "KP"]),
        ("North Korean officials visited Korea", ["KP", "KP"]),
        ("DPRK, South Korea, Korea", ["KP", "KR", "KR"]),
        ("the Republic of Korea, the DPRK and Korea", ["KR", "KP", "KR"]),
        # Only the bare name switches: "Korean" stays the Republic of Korea's adjective.
        ("the DPRK and Korean culture in Korea", ["KP", "KR", "KP"]),
        ("КНДР и Корея", ["KP", "KP"]),
        ("Республика Корея, КНДР и Корея", ["KR", "KP", "KR"]),
        # "Congo" alone stays the Republic of the Congo.
        ("Congo and the Democratic Republic of the Congo", ["CG", "CD"]),
    ],
)
def test_bare_korea_is_the_dprk_when_only_the_dprk_is_named(text: str, expected: list[str]) -> None:
    assert [m.code for m in find_parties(text)] == expected


def test_bare_korea_before_an_end_is_decided_by_the_whole_text() -> None:
    text = "Korea and the DPRK"
    assert [m.code for m in find_parties(text, "en", end=5)] == ["KP"]


def test_language_restricts_the_forms() -> None:
    text = "China Китай 中国"
    assert [m.code for m in find_parties(text)] == ["CN", "CN", "CN"]
    assert [m.text for m in find_parties(text, "ru")] == ["Китай"]
    assert [m.text for m in find_parties(text, "zh")] == ["中国"]


# --- party_name -----------------------------------------------------------------------------


def test_party_name() -> None:
    assert party_name("AZ") == "Azerbaijan"
    assert party_name("AZ", "ru") == "Азербайджан"
    assert party_name("CN", "zh") == "中国"
    assert party_name("EU", "ru") == "Европейский союз"
    assert party_name("AZ", "fr") == "Azerbaijan"
    assert party_name("XX") == "XX"


# --- properties and speed -------------------------------------------------------------------


def test_mention_validates() -> None:
    with pytest.raises(ValueError):
        PartyMention(0, 1, "CN", "noun", "x")
    with pytest.raises(ValueError):
        PartyMention(3, 1, "CN", "name", "x")


_PIECES = st.sampled_from(
    [
        "China",
        "Chinese side",
        "the ",
        "U.S.",
        "US",
        "-",
        " ",
        "Китай",
        "ской",
        "сторон",
        "中",
        "方",
        "国",
        "阿",
        "联酋",
        "美",
        "两国",
        "关系",
        "Korea",
        "DPRK",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), st.lists(st.one_of(_PIECES, st.text(max_size=3))).map("".join)))
def test_mentions_are_ordered_disjoint_and_exact(text: str) -> None:
    for language, combined in [(lang, c) for lang in (None, "en", "ru", "zh") for c in (False, True)]:
        previous_end = 0
        for mention in find_parties(text, language, combined=combined):
            assert previous_end <= mention.start < mention.end <= len(text)
            assert text[mention.start : mention.end] == mention.text
            assert mention.form in FORMS
            previous_end = mention.end


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=3))).map("".join), st.integers(min_value=0, max_value=80))
def test_mentions_up_to_an_end_are_those_of_the_whole_text(text: str, end: int) -> None:
    # Past ``end`` the text is read only for an ambiguous side ("阿方"), which the names decide.
    for language in (None, "en", "ru", "zh"):
        for combined in (False, True):
            whole = find_parties(text, language, combined=combined)
            assert find_parties(text, language, end=end, combined=combined) == tuple(
                m for m in whole if m.end <= end
            )


def test_no_runaway_matching_on_a_long_text() -> None:
    # A guard against catastrophic backtracking (seconds or worse), not a
    # speed target: those live in benchmarks/.
    unit = (
        "The United States and the Republic of India reaffirm the U.S.-India partnership. "
        "Президент Азербайджанской Республики и Председатель Китайской Народной Республики. "
        "中华人民共和国和阿拉伯联合酋长国，中方和阿方。"
    )
    text = unit * 160
    assert len(text) > 29_000
    per_unit = len(find_parties(unit))  # also compiles the expression before timing
    started = time.perf_counter()
    mentions = find_parties(text)
    elapsed = time.perf_counter() - started
    # 阿方 names no one here: the UAE and Azerbaijan are both named once.
    assert len(mentions) == 160 * per_unit == 160 * 9
    assert elapsed < 2.0  # typically ~10 ms; a runaway pattern takes far longer
