"""docdiff.registry: the render table keyed by (kind, format), lazy built-ins, one error message."""

from __future__ import annotations

import importlib
import sys

import pytest
from attrs import frozen

from docdiff.errors import OptionsError

registry = importlib.import_module("docdiff.registry")


@pytest.fixture(autouse=True)
def clean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "_RENDERERS", {k: dict(v) for k, v in registry._RENDERERS.items()})
    monkeypatch.setattr(registry, "_DECLARED", {k: dict(v) for k, v in registry._DECLARED.items()})
    monkeypatch.setattr(registry, "_ALIASES", {k: dict(v) for k, v in registry._ALIASES.items()})


@frozen
class Note:
    text: str


class Shout(Note):
    pass


def test_register_render_formats() -> None:
    @registry.register(Note, "plain")
    def plain(note: Note, *, suffix: str = "") -> str:
        return note.text + suffix

    assert registry.render(Note("hi"), "plain", suffix="!") == "hi!"
    assert registry.formats(Note) == ("plain",)
    assert registry.formats(f"{__name__}.Note") == ("plain",)  # by name, without the class
    with pytest.raises(OptionsError, match="unknown output format 'pdf'; choose one of: plain"):
        registry.render(Note("hi"), "pdf")
    with pytest.raises(OptionsError, match="format 'plain' got option\\(s\\) colour; it takes: suffix"):
        registry.render(Note("hi"), "plain", colour=True)


def test_a_subclass_uses_its_base_renderers_until_it_has_its_own() -> None:
    registry.register(Note, "plain")(lambda note: note.text)
    assert registry.render(Shout("hi"), "plain") == "hi"
    assert registry.formats(Shout) == ("plain",)
    registry.register(Shout, "loud")(lambda note: note.text.upper())
    assert registry.formats(Shout) == ("loud",)
    assert registry.render(Shout("hi"), "loud") == "HI"


def test_a_kind_with_no_format() -> None:
    assert registry.formats(int) == ()
    with pytest.raises(OptionsError, match="unknown output format 'json'; choose one of: none"):
        registry.render(3, "json")


def test_declared_formats_are_imported_on_first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    from docdiff.result import Comparison

    monkeypatch.delitem(sys.modules, "docdiff.render.comparison_md", raising=False)
    kind = "docdiff.result.Comparison"
    registry._RENDERERS.get(kind, {}).pop("md", None)
    assert "md" in registry.formats(Comparison)  # declared, not imported yet
    assert "docdiff.render.comparison_md" not in sys.modules
    from render_sample import sample_comparison

    assert registry.render(sample_comparison(), "markdown").startswith("#")  # an alias
    assert "docdiff.render.comparison_md" in sys.modules
    assert "markdown" not in registry.formats(Comparison)


def test_the_registry_imports_nothing_of_docdiff_but_errors() -> None:
    source = importlib.util.find_spec("docdiff.registry").origin  # type: ignore[union-attr]
    with open(source, encoding="utf-8") as handle:
        imports = [line for line in handle if line.startswith(("from .", "import docdiff", "from docdiff"))]
    assert imports == ["from .errors import OptionsError\n"]


def test_every_declared_format_names_a_real_kind_and_a_module_that_registers_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Kinds and modules are named by strings (so that importing docdiff.render
    # loads no renderer): a typo would only fail when a user asks for that format.
    import importlib

    from docdiff import cli_args as cli
    from docdiff import registry
    from docdiff import render as _render  # noqa: F401  (declares the built-ins)

    declared = {kind: dict(formats) for kind, formats in registry._DECLARED.items()}
    assert declared
    for kind, by_name in declared.items():
        module, _, name = kind.rpartition(".")
        cls = getattr(importlib.import_module(module), name)
        assert isinstance(cls, type), kind
        for fmt, where in by_name.items():
            # Imported afresh (and put back after the test): it must register this format itself.
            monkeypatch.delitem(sys.modules, where, raising=False)
            assert callable(registry._renderer(cls, fmt)), f"{where} does not register {kind} {fmt}"
    for command, (kind, order) in cli._PRINTS.items():
        assert kind in declared, command
        assert set(order) <= set(declared[kind]), command
