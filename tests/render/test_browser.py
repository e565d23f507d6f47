"""The HTML report in headless Chromium: the script runs, the page renders.

Skips when no Chromium or Chrome binary is on PATH (CI installs one with
``apt-get install chromium``).
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from lxml import html as lxml_html
from render_sample import sample_comparison

from docdiff.render import render

pytestmark = pytest.mark.browser

BROWSER = next(
    (found for name in ("chromium", "chromium-browser", "google-chrome") if (found := shutil.which(name))),
    None,
)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    if BROWSER is None:
        pytest.skip("no chromium, chromium-browser or google-chrome on PATH")
    return subprocess.run(
        [BROWSER, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render(sample_comparison(hostile=True), "html"), encoding="utf-8")
    return path


def test_rendered_dom(report: Path, tmp_path: Path) -> None:
    dom = chromium(tmp_path, "--dump-dom", report.as_uri()).stdout
    tree = lxml_html.document_fromstring(dom)
    body = tree.find("body")
    assert body.get("data-ready") == "1", "the report script did not run to its end"
    controls = tree.xpath("//div[contains(@class, 'controls')]")[0]
    assert controls.get("hidden") is None
    assert tree.xpath("string(//span[contains(@class, 'count')])") == "Showing 8 of 8 clause pairs"
    assert len(tree.xpath("//tbody[contains(@class, 'pair')]")) == 8
    assert tree.xpath("//tbody//del") and tree.xpath("//tbody//ins")
    assert not tree.xpath("//img")
    assert len(tree.xpath("//script")) == 1
    root = tree.xpath("//div[contains(@class, 'docdiff')]")[0]
    assert "view-both" in root.get("class").split()


def png_pixels(data: bytes) -> tuple[int, int, bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    chunks, offset = [], 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        if kind == b"IDAT":
            chunks.append(data[offset + 8 : offset + 8 + length])
        offset += 12 + length
    return width, height, zlib.decompress(b"".join(chunks))


def test_screenshot(report: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    chromium(
        tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", "--hide-scrollbars", report.as_uri()
    )
    width, height, raw = png_pixels(shot.read_bytes())
    assert (width, height) == (1280, 2000)
    # A blank or one-colour page would compress to almost nothing and use few byte values.
    assert shot.stat().st_size > 50_000
    assert len(set(raw)) > 100


def test_filter_hides_minor_rows(report: Path, tmp_path: Path) -> None:
    # A test harness clicks the checkbox after the report's own script has run.
    clicked = tmp_path / "clicked.html"
    page = report.read_text(encoding="utf-8")
    harness = "<script>document.getElementById('filter-minor').click();</script></body>"
    clicked.write_text(page.replace("</body>", harness), encoding="utf-8")
    tree = lxml_html.document_fromstring(chromium(tmp_path, "--dump-dom", clicked.as_uri()).stdout)
    root = tree.xpath("//div[contains(@class, 'docdiff')]")[0]
    assert "hide-minor" in root.get("class").split()
    assert tree.xpath("string(//span[contains(@class, 'count')])") == "Showing 6 of 8 clause pairs"


def test_print_opens_folded_phrases(report: Path, tmp_path: Path) -> None:
    # Before printing every <details> opens, so a printout holds every phrase; after, they fold back.
    page = report.read_text(encoding="utf-8")
    folded = lxml_html.document_fromstring(page).xpath("//details[not(@open)]")
    assert folded, "the sample report folds its phrases"
    for event, expected in (("beforeprint", "open"), ("afterprint", None)):
        harness = (
            "<script>window.dispatchEvent(new Event('beforeprint'));"
            + ("window.dispatchEvent(new Event('afterprint'));" if expected is None else "")
            + "</script></body>"
        )
        path = tmp_path / f"{event}.html"
        path.write_text(page.replace("</body>", harness), encoding="utf-8")
        tree = lxml_html.document_fromstring(chromium(tmp_path, "--dump-dom", path.as_uri()).stdout)
        states = {d.get("open") is not None for d in tree.xpath("//details")}
        assert states == {expected is not None}, event
