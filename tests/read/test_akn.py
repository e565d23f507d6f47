"""Akoma Ntoso output and input: structure, determinism and a lossless round trip."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree
from strategies import statement_texts

from docdiff import load, loads
from docdiff.akn_names import AKN_NS, DOCDIFF_NS
from docdiff.errors import ParseError
from docdiff.model import Block, Clause, Document
from docdiff.read import sniff
from docdiff.render.document_akn import to_akn

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SEED = ROOT / "seeds" / "az-cn-2025-04.ru.txt"
HTML_FIXTURES = sorted((ROOT / "tests" / "fixtures" / "html").glob("*.html"))
NS = {"a": AKN_NS, "d": DOCDIFF_NS}

SECTIONED = """Joint Statement of the Republic of Kazakhstan and the French Republic

Astana, 1 November 2023

The Presidents of the two States held talks and declare as follows:

I. Political cooperation

1. The Sides will hold regular political consultations at the level of foreign ministers.

2. The Sides support each other's candidacies in international organizations.

II. Economic cooperation

1. The Sides agreed to expand trade & investment <in> "critical" raw materials:
a) uranium and rare earth metals;
b) green hydrogen.

2. Trade and investment
The Sides welcome the growth of bilateral trade.

Done at Astana on 1 November 2023 in two originals.
"""


def _block(block: Block | None) -> str | None:
    return None if block is None else block.text


def _unit(clause: Clause) -> tuple[Any, ...]:
    return (
        clause.label,
        clause.ordinal,
        clause.part,
        clause.heading,
        clause.section,
        _block(clause.number),
        [
            (p.text, p.label, [(s.text, s.actor, s.commitment, s.intensity) for s in p.sentences])
            for p in clause.paragraphs
        ],
    )


def model(document: Document) -> tuple[Any, ...]:
    """Everything in a document except offsets, path and format."""
    return (
        document.metadata,
        [_unit(u) for u in document.units],
        [b.text for b in document.envelope],
        _block(document.title),
        _block(document.dateline),
        [b.text for b in document.closing],
    )


def assert_spans_valid(document: Document) -> None:
    source = document.source
    for block in (*document.envelope, document.title, document.dateline, *document.closing):
        if block is not None:
            assert block.span.of(source) == block.text
    for unit in document.units:
        if unit.number is not None:
            assert unit.number.span.of(source) == unit.number.text
            assert unit.span.contains(unit.number.span)
        for paragraph in unit.paragraphs:
            assert paragraph.span.of(source) == paragraph.text
            assert unit.span.contains(paragraph.span)
            for sentence in paragraph.sentences:
                assert sentence.span.of(source) == sentence.text
                assert paragraph.span.contains(sentence.span)


def round_trip(document: Document) -> Document:
    xml = to_akn(document)
    assert sniff(xml) == "akn"
    again = loads(xml, path="x.akn")
    assert again.format == "akn"
    assert model(again) == model(document)
    assert_spans_valid(again)
    # Writing the rebuilt document gives the same XML: nothing was lost or invented.
    assert to_akn(again) == xml
    return again


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_round_trip_seeds(path: Path) -> None:
    round_trip(load(path))


@pytest.mark.parametrize("path", HTML_FIXTURES, ids=lambda p: p.name)
def test_round_trip_html_fixtures(path: Path) -> None:
    round_trip(load(path))


def test_round_trip_sections_points_headings() -> None:
    round_trip(loads(SECTIONED))


def test_structure() -> None:
    xml = to_akn(loads(SECTIONED))
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso')
    root = etree.fromstring(xml.encode("utf-8"))
    statement = root.find("a:statement", NS)
    assert statement is not None and statement.get("name") == "jointStatement"
    assert [etree.QName(c).localname for c in statement] == [
        "meta",
        "preface",
        "preamble",
        "mainBody",
        "conclusions",
    ]
    assert root.findtext(".//a:FRBRExpression/a:FRBRlanguage", namespaces=NS) == ""
    assert root.find(".//a:FRBRExpression/a:FRBRlanguage", NS).get("language") == "eng"  # type: ignore[union-attr]
    assert root.find(".//a:FRBRWork/a:FRBRdate", NS).get("date") == "2023-11-01"  # type: ignore[union-attr]
    assert root.findtext(".//a:preface//a:docTitle", namespaces=NS).startswith("Joint Statement")  # type: ignore[union-attr]
    assert root.find(".//a:preface//a:docDate", NS).get("date") == "2023-11-01"  # type: ignore[union-attr]
    assert root.findtext(".//a:preface//a:location", namespaces=NS) == "Astana"
    sections = root.findall(".//a:mainBody/a:section", NS)
    assert [s.get("eId") for s in sections] == ["sec_I", "sec_II"]
    assert [s.findtext("a:num", namespaces=NS) for s in sections] == ["I.", "II."]
    assert sections[1].findtext("a:heading", namespaces=NS) == "Economic cooperation"
    first = sections[1].find("a:paragraph", NS)
    assert first is not None and first.get("eId") == "sec_II__para_1"
    points = first.findall("a:point", NS)
    assert [p.get("eId") for p in points] == ["sec_II__para_1__point_a", "sec_II__para_1__point_b"]
    assert [p.findtext("a:num", namespaces=NS) for p in points] == ["a)", "b)"]
    intro = first.find("a:intro/a:p", NS)
    assert intro is not None
    text = "".join(str(t) for t in intro.itertext())
    assert text.endswith('trade & investment <in> "critical" raw materials:')
    headed = sections[1].findall("a:paragraph", NS)[1]
    assert headed.findtext("a:heading", namespaces=NS) == "Trade and investment"
    assert root.findtext(".//a:conclusions/a:p", namespaces=NS).startswith("Done at Astana")  # type: ignore[union-attr]
    eids = [e.get("eId") for e in root.iter() if e.get("eId")]
    assert len(eids) == len(set(eids))


def test_seed_structure_and_signatures() -> None:
    document = load(SEED)
    root = etree.fromstring(to_akn(document).encode("utf-8"))
    paragraphs = root.findall(".//a:mainBody/a:paragraph", NS)
    assert paragraphs[0].get("eId") == "para_1"
    assert paragraphs[0].findtext("a:num", namespaces=NS) == "1."
    assert len(root.findall(".//a:preamble/a:p", NS)) == len(document.preamble)
    envelope = root.findall(".//a:proprietary/d:document/d:envelope", NS)
    assert [e.text for e in envelope] == [b.text for b in document.envelope]
    people = [p.text for p in root.iterfind(".//a:signature/a:person", NS)]
    assert people == [s.name for s in document.metadata.signatories]


def test_deterministic() -> None:
    assert to_akn(load(SEED)) == to_akn(load(SEED))


def test_foreign_akn_is_flattened_and_segmented() -> None:
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="{AKN_NS}"><statement name="jointStatement">
<meta><identification source="#x"><FRBRExpression><FRBRlanguage language="eng"/></FRBRExpression>
</identification></meta>
<preface><p><docTitle>Joint Statement of Brazil and Chile</docTitle></p></preface>
<mainBody>
<paragraph eId="para_1"><num>1.</num><content><p>The Sides reaffirmed their friendship and agreed to deepen
cooperation.</p></content></paragraph>
<paragraph eId="para_2"><num>2.</num><content><p>The Sides will hold consultations every year.</p></content>
</paragraph>
</mainBody></statement></akomaNtoso>"""
    document = loads(xml)
    assert document.format == "akn"
    assert document.language == "en"
    assert [u.label for u in document.clauses] == ["1", "2"]
    assert document.clauses[1].paragraphs[0].text == "The Sides will hold consultations every year."


def test_not_akoma_ntoso() -> None:
    with pytest.raises(ParseError, match="not <akomaNtoso>"):
        loads('<?xml version="1.0"?><rss><channel/></rss>', path="feed.xml")


def test_malformed_xml() -> None:
    with pytest.raises(ParseError, match="not well-formed"):
        loads(f'<akomaNtoso xmlns="{AKN_NS}"><statement>', path="broken.xml")


# --- property: generated statements survive the round trip ------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(statement_texts())
def test_round_trip_generated(text: str) -> None:
    try:
        document = loads(text)
    except ParseError:
        return  # nothing statement-like was generated
    round_trip(document)


@pytest.mark.parametrize(
    ("prefix", "number"),
    [
        ("II. Trade\n", "II."),
        ("3) Energy\n", "3)"),
        ("Б. Торговля\n", "Б."),
        ("十二、经贸合作\n", "十二、"),
        ("经济、贸易合作\n", None),  # words before the enumeration comma are no number
        ("b. trade\n", None),  # a lower-case letter is a list item, not a section number
        ("Trade\n", None),
    ],
)
def test_a_section_number_is_told_by_character_properties(prefix: str, number: str | None) -> None:
    from docdiff.render.document_akn import _section_number

    match = _section_number(prefix)
    assert (match.group(1) if match else None) == number
