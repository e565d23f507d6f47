"""docdiff.relate.ledger: what each of two statements got that the other did not."""

from __future__ import annotations

import json

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import docdiff
from docdiff.cli import main
from docdiff.lang import lexicon
from docdiff.relate.ledger import KINDS, ledger, strength_scale
from docdiff.render import render
from docdiff.render.jsonout import schema
from docdiff.result import Presence, StrengthChange

# Two constructed statements of China with two made-up-for-the-test partners
# (real parties, invented content): Alpha shares the BRI and the SCO,
# differs in the fields and in how firmly it backs the GDI.
LEFT = """Joint Statement between the People's Republic of China and the Republic of Kazakhstan

1. The Sides agreed to expand cooperation in trade and investment.

2. The Sides note the Belt and Road Initiative.

3. Kazakhstan supports the Global Development Initiative.

4. The Sides will strengthen cooperation within the Shanghai Cooperation Organisation."""

RIGHT = """Joint Statement between the People's Republic of China and the Republic of Uzbekistan

1. The Sides agreed to expand cooperation in agriculture and space cooperation.

2. The Sides firmly support the Belt and Road Initiative.

3. Uzbekistan notes the Global Development Initiative.

4. The Sides will strengthen cooperation within the Shanghai Cooperation Organisation.

5. China welcomes the accession of Uzbekistan to the WTO."""


@pytest.fixture(scope="module")
def pair() -> tuple[docdiff.Document, docdiff.Document]:
    return docdiff.loads(LEFT, language="en"), docdiff.loads(RIGHT, language="en")


def _rows(result: docdiff.Ledger) -> dict[str, docdiff.LedgerRow]:
    return {row.id: row for row in result.rows}


def test_presence_strength_actor_and_units(pair: tuple[docdiff.Document, docdiff.Document]) -> None:
    result = docdiff.ledger(*pair)
    rows = _rows(result)
    assert result.left_name == "Kazakhstan" and result.right_name == "Uzbekistan"
    assert rows["field.space"].presence is Presence.RIGHT and rows["field.space"].left is None
    assert rows["field.agriculture"].presence is Presence.RIGHT
    assert rows["org.wto"].presence is Presence.RIGHT
    assert rows["field.trade"].presence is Presence.LEFT and rows["field.trade"].right is None
    bri = rows["init.bri"]
    assert bri.presence is Presence.BOTH and bri.change is StrengthChange.STRONGER
    assert bri.left is not None and bri.left.scale == "note" and bri.left.labels == ("2",)
    assert bri.right is not None and bri.right.scale == "strongly support"
    assert rows["init.gdi"].change is StrengthChange.WEAKER
    assert rows["init.gdi"].left is not None and rows["init.gdi"].left.actor == ("KZ",)
    sco = rows["org.sco"]
    assert sco.change is StrengthChange.SAME and sco.right is not None
    assert sco.right.actor == ("CN", "UZ") and sco.right.commitment == "intend"
    assert rows["org.wto"].right is not None and rows["org.wto"].right.actor == ("CN",)


def test_rows_are_ordered_right_left_changed_same_then_kind_and_id(
    pair: tuple[docdiff.Document, docdiff.Document],
) -> None:
    rows = docdiff.ledger(*pair).rows
    group = {
        (Presence.RIGHT, None): 0,
        (Presence.LEFT, None): 1,
        (Presence.BOTH, StrengthChange.STRONGER): 2,
        (Presence.BOTH, StrengthChange.WEAKER): 2,
        (Presence.BOTH, StrengthChange.SAME): 3,
    }
    keys = [(group[r.presence, r.change], KINDS.index(r.kind), r.id) for r in rows]
    assert keys == sorted(keys)
    assert {g for g, _, _ in keys} == {0, 1, 2, 3}


def test_swapping_the_sides_swaps_every_row(pair: tuple[docdiff.Document, docdiff.Document]) -> None:
    ahead, back = _rows(ledger(*pair)), _rows(ledger(pair[1], pair[0]))
    assert ahead.keys() == back.keys()
    flip = {Presence.LEFT: Presence.RIGHT, Presence.RIGHT: Presence.LEFT, Presence.BOTH: Presence.BOTH}
    for key, row in ahead.items():
        other = back[key]
        assert (other.left, other.right, other.presence) == (row.right, row.left, flip[row.presence])


def test_a_statement_against_itself_has_every_row_the_same(
    pair: tuple[docdiff.Document, docdiff.Document],
) -> None:
    rows = ledger(pair[0], pair[0]).rows
    assert rows and all(r.change is StrengthChange.SAME for r in rows)


def test_the_scale_is_the_lexicon_s_and_every_category_has_a_level() -> None:
    scale = strength_scale()
    data = lexicon("commitments")
    categories = {c["id"] for c in data["categories"]}
    assert categories == {c for c, _ in scale.levels}
    order = ["note", "welcome", "support", "intend", "commit"]
    ranks = [scale.rank(c, None) for c in order]
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)
    assert scale.rank("support", None) < scale.rank("support", "strong") < scale.rank("intend", None)
    assert scale.name(scale.rank("support", "strong")) == "strongly support"
    assert scale.rank(None, "strong") == 0  # an intensifier with no commitment ranks nothing


def test_renderers_lead_with_the_answer(pair: tuple[docdiff.Document, docdiff.Document]) -> None:
    result = docdiff.ledger(*pair)
    text = render(result, "text")
    first = text.splitlines()[0]
    assert first.startswith("Uzbekistan got that Kazakhstan didn't: ") and "field.space" in first
    assert text.splitlines()[1].startswith("Kazakhstan got that Uzbekistan didn't: field.investment, field.trade.")
    md = result.to_markdown()
    assert md.startswith("# Uzbekistan and Kazakhstan: the ledger\n\n- Uzbekistan got that")
    assert "| right | field | field.space | - | agree CN,UZ \\@ 1 |" in md


def test_json_validates_against_the_schema(pair: tuple[docdiff.Document, docdiff.Document]) -> None:
    data = json.loads(docdiff.ledger(*pair).to_json())
    jsonschema.Draft202012Validator.check_schema(schema("ledger"))
    jsonschema.Draft202012Validator(schema("ledger")).validate(data)
    assert data["schema"] == "docdiff/ledger@1"
    assert data["summary"]["right"] == sum(1 for r in data["rows"] if r["presence"] == "right")
    assert [r["id"] for r in data["rows"]] == [r.id for r in docdiff.ledger(*pair).rows]


def test_cli_ledger_writes_each_format_and_refuses_a_missing_file(
    tmp_path: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    left, right = tmp_path / "kz.en.txt", tmp_path / "uz.en.txt"  # type: ignore[operator]
    left.write_text(LEFT, encoding="utf-8")
    right.write_text(RIGHT, encoding="utf-8")
    for fmt in ("text", "md", "json"):
        out = tmp_path / f"ledger.{fmt}"  # type: ignore[operator]
        assert main(["ledger", str(left), str(right), "--format", fmt, "-o", str(out)]) == 0
        assert "Uzbekistan got that Kazakhstan" in out.read_text(encoding="utf-8") or fmt == "json"
    assert main(["ledger", str(left), str(tmp_path / "none.txt")]) == 2  # type: ignore[operator]
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "none.txt" in err


_POOL = [
    "The Sides agreed to expand cooperation in trade and investment.",
    "The Sides firmly support the Belt and Road Initiative.",
    "China notes the Global Development Initiative.",
    "Kazakhstan will strengthen cooperation within the Shanghai Cooperation Organisation.",
    "The Sides may consider cooperation in artificial intelligence.",
    "The Sides welcome space cooperation and the launch of satellites.",
    "The Sides condemn terrorism and are committed to food security.",
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_POOL), min_size=1, max_size=5), st.lists(st.sampled_from(_POOL), min_size=1, max_size=5))
def test_swapping_mirrors_and_every_item_is_on_the_side_that_names_it(a: list[str], b: list[str]) -> None:
    def statement(lines: list[str]) -> docdiff.Document:
        body = "\n\n".join(f"{k}. {line}" for k, line in enumerate(lines, 1))
        return docdiff.loads("Joint Statement of China and Kazakhstan\n\n" + body, language="en")

    left, right = statement(a), statement(b)
    ahead, back = ledger(left, right), ledger(right, left)
    assert [(r.id, r.left, r.right) for r in ahead.rows if r.presence is Presence.BOTH] == [
        (r.id, r.right, r.left) for r in back.rows if r.presence is Presence.BOTH
    ]
    assert {r.id for r in ahead.rows if r.presence is Presence.RIGHT} == {
        r.id for r in back.rows if r.presence is Presence.LEFT
    }
    for row in ahead.rows:
        for side, document in ((row.left, left), (row.right, right)):
            if side is not None:
                assert all(document.unit(label) for label in side.labels)
