"""docdiff.render.comparison_md: GitHub Markdown that cannot be turned into markup by the statements.

When cmarkgfm (GitHub's own cmark fork) is installed, the reports are also
rendered to HTML and checked structurally; otherwise those tests skip.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html
from render_sample import INJECTIONS, sample_comparison

from docdiff.render import render
from docdiff.render.comparison_md import inline_markdown
from docdiff.result import Edit, Op


def gfm(markdown: str) -> str:
    cmarkgfm = pytest.importorskip("cmarkgfm", reason="cmarkgfm not installed: GFM rendering checks skipped")
    from cmarkgfm.cmark import Options

    # UNSAFE keeps raw HTML, as a permissive renderer would: escaping must hold anyway.
    return str(cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE))


def test_report_sections() -> None:
    md = render(sample_comparison(), "md")
    assert md.startswith("# Comparison: left/ru-cn-2024.ru.txt → right/ru-cn-2025.ru.txt\n")
    for heading in (
        "## Summary",
        "## Clause map",
        "## Changes",
        "## Envelope",
        "## Closing",
        "## Formulas (2)",
    ):
        assert f"\n{heading}\n" in md
    assert "\n## Reworded phrases (1)\n" in md and "\n## Identical phrases (1)\n" in md
    assert "### 4 → 7 (moved)" in md
    assert "### 3 → 3, 4 (split)" in md
    assert "### — → 6 (inserted)" in md
    assert "### 7 → — (deleted)" in md
    assert "### preamble" not in md  # unchanged pairs get no section
    assert "Стороны <del>выражают готовность</del><ins>договорились</ins> углублять" in md
    assert "| Date | 2024-05-16 | 2025-05-08 | **yes** |" in md
    assert md.endswith("\n") and not md.endswith("\n\n")


def test_title_option() -> None:
    md = render(sample_comparison(), "markdown", title="RU–CN: 2024 vs 2025")
    assert md.startswith("# RU–CN: 2024 vs 2025\n")


def test_injections_escaped_in_raw_markdown() -> None:
    md = render(sample_comparison(hostile=True), "md")
    for injection in INJECTIONS:
        assert injection not in md
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    assert "\x1b" not in md
    assert "\\|" in md and "\\*звёзды\\*" in md and "\\[ссылка\\]" in md and "\\`код\\`" in md


def test_injections_are_text_after_gfm_rendering() -> None:
    rendered = gfm(render(sample_comparison(hostile=True), "md"))
    tree = lxml_html.fragment_fromstring(rendered, create_parent="div")
    assert not tree.xpath("//script | //img | //code | //a[@href and not(starts-with(@href, '#'))]")
    for emphasis in tree.xpath("//em | //strong"):  # only the report's own emphasis
        assert "звёзды" not in emphasis.text_content()
        assert "подчёркивание" not in emphasis.text_content()
    text = tree.text_content()
    for injection in INJECTIONS:
        assert injection in text
    assert "[ссылка](http://evil.example)" in text
    # The metadata table keeps its four columns in every row despite "|" and "</td>".
    for row in tree.xpath("//table[1]//tr"):
        assert len(row.xpath("td | th")) == 4


def test_ins_del_after_gfm_rendering_match_edits() -> None:
    comparison = sample_comparison()
    tree = lxml_html.fragment_fromstring(gfm(render(comparison, "md")), create_parent="div")
    for index, pair in enumerate(comparison.pairs, 1):
        anchors = tree.xpath(f"//a[@id='pair-{index}']")
        if not anchors:
            continue
        # The pair's section runs from its anchor to the next anchor or h2.
        section = []
        node = anchors[0].getparent().getnext()
        while node is not None and not node.xpath("self::h2 or .//a[@id]"):
            section.append(node)
            node = node.getnext()
        deleted = "".join(d.text_content() for n in section for d in n.xpath(".//del"))
        inserted = "".join(i.text_content() for n in section for i in n.xpath(".//ins"))
        strip = re.compile(r"\s+")
        assert strip.sub("", deleted) == strip.sub(
            "", "".join(e.text for e in pair.edits if e.op is Op.DELETE)
        )
        assert strip.sub("", inserted) == strip.sub(
            "", "".join(e.text for e in pair.edits if e.op is Op.INSERT)
        )
    for href in tree.xpath("//a/@href"):
        assert href.startswith("#") and tree.xpath(f"//*[@id='{href[1:]}']")


def test_markers_never_cross_paragraphs_and_never_empty() -> None:
    edits = [
        Edit(Op.EQUAL, "Один"),
        Edit(Op.DELETE, " два.\n\nТри\n\n"),
        Edit(Op.INSERT, "\n\n- четыре\n"),
        Edit(Op.EQUAL, "пять"),
    ]
    lines = inline_markdown(edits)
    for line in lines:
        assert line.count("<del>") == line.count("</del>")
        assert line.count("<ins>") == line.count("</ins>")
        assert "<del></del>" not in line and "<ins></ins>" not in line
    assert "<ins>\\- четыре</ins>" in lines
    md = render(sample_comparison(), "md")
    for paragraph in md.split("\n\n"):
        assert paragraph.count("<del>") == paragraph.count("</del>")
        assert paragraph.count("<ins>") == paragraph.count("</ins>")


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("1. пункт", "1\\. пункт"),
        ("- пункт", "\\- пункт"),
        ("=====", "\\====="),
        ("    код", "&#32;&#32;&#32;&#32;код"),
        ("http://x.example", "http\\://x.example"),
        ("www.example.com", "www\\.example.com"),
        ("$100 и $200", "\\$100 и \\$200"),
        (":flag_ru:", "\\:flag\\_ru:"),
        ("Стороны: Россия", "Стороны: Россия"),
    ],
)
def test_block_and_autolink_escapes(text: str, escaped: str) -> None:
    assert inline_markdown([Edit(Op.EQUAL, text)]) == [escaped]


MARKDOWN_ALPHABET = st.sampled_from(list("-+=*_`[]()<>!#$@:|~\\&;/.w1 аz\"'^%{}"))


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(
            alphabet=st.characters(
                codec="utf-8",
                exclude_categories=("Cc", "Cs", "Zl", "Zp", "Co", "Cn"),
                exclude_characters="\u00a0",
            ),
            min_size=1,
            max_size=40,
        ),
        st.text(alphabet=MARKDOWN_ALPHABET, min_size=1, max_size=30),
    )
    .filter(lambda s: s.strip() == s and s.strip())
    # cmark drops a byte-order mark that opens the whole document; in a report
    # a piece never opens the document (it starts with a heading).
    .filter(lambda s: not s.startswith("\ufeff"))
)
def test_escape_renders_as_the_same_text(text: str) -> None:
    rendered = gfm(inline_markdown([Edit(Op.EQUAL, text)])[0])
    tree = lxml_html.fragment_fromstring(rendered, create_parent="div")
    assert [el.tag for el in tree.iter()] in (["div", "p"], ["div"])
    assert tree.text_content().strip() == text


def test_phrases_render_on_github() -> None:
    """Reworded phrases name their change in one line; identical ones fold in <details>."""
    md = render(sample_comparison(), "md")
    assert "| 3 | 4 | 0.83 |  | <del>200</del> → <ins>240</ins> |" in md
    assert "| oppose-sanctions | weaker | 4 | 7 | <del>выступают</del> → <ins>выступает</ins> |" in md
    tree = lxml_html.fragment_fromstring(gfm(md), create_parent="div")
    folded = tree.xpath("//details")
    assert len(folded) == 1 and folded[0].xpath("./summary")
    # The folded table is a real table, not text, on GitHub.
    assert folded[0].xpath(".//table//td[.='comprehensive-partnership']")


def test_two_languages_give_both_texts_not_a_redline() -> None:
    import attrs

    comparison = sample_comparison()
    english = attrs.evolve(comparison.right, metadata=attrs.evolve(comparison.right.metadata, language="en"))
    md = render(attrs.evolve(comparison, right=english), "md")
    changes = md[md.index("## Changes") : md.index("## Envelope")]
    assert "**Left** (ru):" in changes and "**Right** (en):" in changes
    # Only insertions and deletions of whole clauses keep their tags.
    assert changes.count("<del>") == 1 and changes.count("<ins>") == 1
