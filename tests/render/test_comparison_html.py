"""docdiff.render.comparison_html: the self-contained report, parsed back with lxml."""

from __future__ import annotations

import itertools
import re

import pytest
from lxml import html as lxml_html
from render_sample import INJECTIONS, sample_comparison

from docdiff.render import render
from docdiff.result import Comparison, Op, PairKind

SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    return SPACE.sub("", text)


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return sample_comparison()


@pytest.fixture(scope="module")
def page(comparison: Comparison) -> str:
    return render(comparison, "html")


@pytest.fixture(scope="module")
def tree(page: str) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(page)


def test_document_shell(page: str, tree: lxml_html.HtmlElement) -> None:
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert page.endswith("</html>\n")
    assert tree.xpath("//head/meta[@charset='utf-8']")
    assert tree.findtext(".//title") == "Comparison: ru-cn-2024.ru.txt → ru-cn-2025.ru.txt"
    assert [h.text_content() for h in tree.xpath("//h1")] == [
        "Comparison: ru-cn-2024.ru.txt → ru-cn-2025.ru.txt"
    ]
    assert len(tree.xpath("//style")) == 1
    scripts = tree.xpath("//script")
    assert len(scripts) == 1 and scripts[0].get("src") is None


def test_heading_hierarchy(tree: lxml_html.HtmlElement) -> None:
    levels = [int(h.tag[1]) for h in tree.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1


def test_one_row_group_per_pair(comparison: Comparison, tree: lxml_html.HtmlElement) -> None:
    bodies = tree.xpath("//table[contains(@class, 'pairs')]/tbody[contains(@class, 'pair')]")
    assert [b.get("id") for b in bodies] == [f"pair-{i}" for i in range(1, len(comparison.pairs) + 1)]
    for body, pair in zip(bodies, comparison.pairs, strict=True):
        classes = body.get("class").split()
        assert f"kind-{pair.kind}" in classes and str(pair.change) in classes
        assert ("moved" in classes) is pair.moved
        for label in pair.left:
            assert body.xpath(f".//td[contains(@class, 'left')]//*[@id='L-{label}']")
        for label in pair.right:
            assert body.xpath(f".//td[contains(@class, 'right')]//*[@id='R-{label}']")
        for flag in pair.flags:
            assert str(flag) in [b.text_content() for b in body.xpath(".//span[contains(@class, 'badge')]")]
        for note in pair.notes:
            assert note in body.text_content()


def test_del_and_ins_equal_the_edits(comparison: Comparison, tree: lxml_html.HtmlElement) -> None:
    for index, pair in enumerate(comparison.pairs, 1):
        body = tree.get_element_by_id(f"pair-{index}")
        deleted = squash("".join(e.text for e in pair.edits if e.op is Op.DELETE))
        inserted = squash("".join(e.text for e in pair.edits if e.op is Op.INSERT))
        left = body.xpath(".//td[contains(@class, 'side') and contains(@class, 'left')]")
        right = body.xpath(".//td[contains(@class, 'side') and contains(@class, 'right')]")
        assert squash("".join(d.text_content() for c in left for d in c.iter("del"))) == deleted
        assert squash("".join(i.text_content() for c in right for i in c.iter("ins"))) == inserted
        assert not [i for c in left for i in c.iter("ins")]
        assert not [d for c in right for d in c.iter("del")]
        redline = body.xpath(".//td[contains(@class, 'redline')]")
        if pair.left and pair.right and str(pair.change) != "none":
            assert squash("".join(d.text_content() for d in redline[0].iter("del"))) == deleted
            assert squash("".join(i.text_content() for i in redline[0].iter("ins"))) == inserted
            # The redline holds the whole of both texts.
            assert squash(redline[0].xpath("string(.//div[contains(@class, 'text')])")) == squash(
                "".join(e.text for e in pair.edits)
            )
        else:
            assert not redline
        # Without the changes each side reads as that side's text.
        if left:
            assert squash(left[0].xpath("string(.//div[contains(@class, 'text')])")) == squash(pair.left_text)
        if right:
            assert squash(right[0].xpath("string(.//div[contains(@class, 'text')])")) == squash(
                pair.right_text
            )


def test_changes_never_cross_paragraphs(tree: lxml_html.HtmlElement) -> None:
    for element in tree.xpath(
        "//*[@id='clauses' or @id='around' or @id='phrases']//*[self::del or self::ins]"
    ):
        assert element.getparent().tag == "p"
        assert element.text_content()
        assert not element.xpath(".//p")


def test_every_link_resolves(tree: lxml_html.HtmlElement) -> None:
    ids = set(tree.xpath("//@id"))
    assert len(ids) == len(tree.xpath("//@id")), "ids must be unique"
    hrefs = tree.xpath("//@href")
    assert hrefs
    for href in hrefs:
        assert href.startswith("#"), href
        assert href[1:] in ids, href


def test_moved_pair_linked_both_ways(comparison: Comparison, tree: lxml_html.HtmlElement) -> None:
    moved = [i for i, p in enumerate(comparison.pairs, 1) if p.moved]
    assert moved == [8]
    ghost = tree.get_element_by_id("moved-from-8")
    assert ghost.xpath(".//a[@href='#pair-8']")
    assert tree.get_element_by_id("pair-8").xpath(".//a[@href='#moved-from-8']")
    # The old position: right after the pair holding left 3, the unit before left 4.
    following = ghost.getprevious()
    assert following.get("id") == "pair-4"


def test_no_external_resources(page: str, tree: lxml_html.HtmlElement) -> None:
    for attribute in ("src", "href", "action", "srcset", "poster", "data"):
        for value in tree.xpath(f"//@{attribute}"):
            assert value.startswith("#"), (attribute, value)
    assert "http:" not in page and "https:" not in page
    assert "@import" not in page and "url(" not in page and "@font-face" not in page


def test_languages_marked(comparison: Comparison, tree: lxml_html.HtmlElement) -> None:
    texts = tree.xpath("//div[contains(@class, 'text')]")
    assert texts and all(t.get("lang") == "ru" for t in texts)


def test_filter_classes(comparison: Comparison, tree: lxml_html.HtmlElement) -> None:
    minor = [b.get("id") for b in tree.xpath("//tbody[contains(concat(' ', @class, ' '), ' minor ')]")]
    assert minor == ["pair-1", "pair-3"]  # the unchanged preamble and the formal-only clause 2
    assert tree.xpath("//input[@id='filter-minor'][@type='checkbox']")
    assert tree.xpath("//div[contains(@class, 'controls')][@hidden]")  # shown by the script only


def test_legend_and_print_css(page: str, tree: lxml_html.HtmlElement) -> None:
    assert tree.get_element_by_id("legend").xpath(".//del") and tree.get_element_by_id("legend").xpath(
        ".//ins"
    )
    assert "@media print" in page
    assert 'del::before { content: " [deleted: "' in page


def test_metadata_differences_marked(tree: lxml_html.HtmlElement) -> None:
    rows = tree.xpath("//table[contains(@class, 'meta')]/tbody/tr")
    differing = [r.xpath("string(th/text())") for r in rows if "differs" in (r.get("class") or "")]
    assert differing == ["Title", "Date", "Place"]


def test_phrases_section(tree: lxml_html.HtmlElement) -> None:
    section = tree.get_element_by_id("phrases")
    assert "comprehensive-partnership" in section.text_content()
    assert section.xpath(".//del[.='200'] and .//ins[.='240']")


def test_injections_are_text(comparison: Comparison) -> None:
    hostile = sample_comparison(hostile=True)
    page = render(hostile, "html")
    tree = lxml_html.document_fromstring(page)
    assert len(tree.xpath("//script")) == 1
    assert not tree.xpath("//img")
    assert "\x1b" not in page
    inserted = tree.get_element_by_id("pair-6")
    for injection in INJECTIONS:
        assert injection in inserted.text_content()
        assert injection in tree.xpath("string(//header/p[@class='sub'])")
    # The table keeps its shape: every pair's side row spans two columns.
    for row in tree.xpath("//tr[contains(@class, 'sides')]"):
        assert sum(int(td.get("colspan", "1")) for td in row.xpath("td")) == 2
    insert = next(p for p in hostile.pairs if p.kind is PairKind.INSERT)
    assert insert.right_text.replace("\x1b", "\ufffd") in inserted.text_content()


def test_fragment(comparison: Comparison) -> None:
    fragment = comparison._repr_html_()
    assert not fragment.lstrip().startswith("<!DOCTYPE")
    assert "<html" not in fragment and "<script" not in fragment
    element = lxml_html.fragment_fromstring(fragment)
    assert element.tag == "div" and "docdiff" in element.get("class")
    assert element.xpath("./style")
    assert len(element.xpath(".//tbody[contains(@class, 'pair')]")) == len(comparison.pairs)


def test_title_option(comparison: Comparison) -> None:
    tree = lxml_html.document_fromstring(render(comparison, "html", title="RU–CN <2024>"))
    assert tree.findtext(".//title") == "RU–CN <2024>"
    assert tree.xpath("string(//h1)") == "RU–CN <2024>"


def test_deterministic(page: str) -> None:
    assert render(sample_comparison(), "html") == page
    assert sample_comparison().to_html() == page


def test_cross_language_report_has_no_redline(comparison: Comparison) -> None:
    import attrs

    english = attrs.evolve(comparison.right, metadata=attrs.evolve(comparison.right.metadata, language="en"))
    crossed = attrs.evolve(comparison, right=english)
    tree = lxml_html.document_fromstring(render(crossed, "html"))
    root = tree.xpath("//div[contains(@class, 'docdiff')]")[0]
    assert "cross-language" in root.get("class").split()
    assert not tree.xpath("//tr[contains(@class, 'redline')]")
    # Without a note from the engine the report says why the texts are not redlined.
    caveats = tree.xpath("string(//ul[contains(@class, 'caveats')])")
    assert "two languages (ru, en)" in caveats


def test_formula_units_listed_once(tree: lxml_html.HtmlElement) -> None:
    for cell in tree.xpath("//table[contains(@class, 'formulas')]//td/a/.."):
        labels = [a.text for a in cell.xpath("./a")]
        assert len(labels) == len(set(labels))
