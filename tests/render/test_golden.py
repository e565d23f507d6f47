"""Golden files: every format of the fixed sample comparison, byte for byte.

After a deliberate change to a renderer, regenerate with ``make golden``
(``pytest tests/render/test_golden.py --update-golden``) and review the diff of
``tests/golden/`` like code.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from render_sample import sample_comparison

from docdiff.render import render

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
CASES = {
    "small.json": ("json", {}),
    "small.md": ("md", {}),
    "small.html": ("html", {}),
    "small.txt": ("text", {"color": False}),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name: str, request: pytest.FixtureRequest) -> None:
    format, options = CASES[name]
    rendered = render(sample_comparison(), format, **options)
    path = GOLDEN / name
    if request.config.getoption("--update-golden"):
        GOLDEN.mkdir(exist_ok=True)
        path.write_bytes(rendered.encode("utf-8"))
        return
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make golden` and review the new file")
    expected = path.read_bytes().decode("utf-8")
    assert rendered == expected, f"{name} differs from the golden file: if intended, run `make golden`"


SCRIPT = """
import sys
sys.path.insert(0, {tests!r})
from render_sample import sample_comparison
from docdiff.render import render
c = sample_comparison()
sys.stdout.buffer.write("\\0".join(render(c, f) for f in ("json", "md", "html")).encode())
"""


def test_byte_identical_across_processes() -> None:
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", SCRIPT.format(tests=str(Path(__file__).resolve().parents[1]))],
            env=env,
            capture_output=True,
            check=True,
            cwd=Path(__file__).resolve().parents[2],
        )
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    assert outputs[0]
