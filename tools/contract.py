"""The import contract of docdiff, checked over the source with ``ast`` (run by ``make lint``).

Every import counts: module level, inside functions, and under
``if TYPE_CHECKING:`` -- exactly where cycles and wrong-way edges hide.

Rules:

1. **Layers.**  ``LAYERS`` runs from top to bottom; a module may import
   modules of its own component (the same entry, e.g. ``docdiff.segment.*``)
   and of lower layers only.  Entries on one line are siblings and may not
   import each other.
2. **No cycles** between modules, counting every import.
3. **Third-party owners**: only ``docdiff.text.inline`` imports
   diff_match_patch; only ``docdiff.read`` and ``docdiff.render`` import lxml;
   only ``docdiff.corpus.index`` imports sqlite3.
4. **Renderers never compute**: ``docdiff.render`` imports no engine stage
   and, of the corpus, only ``docdiff.corpus.types``.
5. **The CLI alone meets the process**: no module but ``docdiff.cli`` reads
   ``os.environ``/``os.getenv``, ``sys.argv``, ``sys.stdin``/``stdout``/``stderr``,
   calls ``print`` or ``sys.exit``.

``python tools/contract.py [PACKAGE_DIR]`` prints one line per violation and
exits 1 if there is any; with ``--stats`` it also counts the imports made
inside functions and under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parent.parent

# Top to bottom.  A tuple holds siblings.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("docdiff.__main__",),  # python -m docdiff: exits with what the CLI returns
    ("docdiff.cli",),
    ("docdiff.cli_args",),  # the argument parser the CLI runs
    ("docdiff",),  # the facade, docdiff/__init__.py itself (only it: see layer_of)
    ("docdiff.render",),
    ("docdiff.corpus",),
    ("docdiff.pipeline",),
    ("docdiff.relate",),
    ("docdiff.align", "docdiff.phrases"),
    ("docdiff.describe",),
    ("docdiff.segment", "docdiff.read"),
    ("docdiff.text",),
    ("docdiff.lang",),
    ("docdiff.result",),
    ("docdiff.registry",),
    ("docdiff.model", "docdiff.akn_names"),
    ("docdiff.options",),
    ("docdiff.errors",),
)

OWNERS: dict[str, tuple[str, ...]] = {
    "diff_match_patch": ("docdiff.text.inline",),
    "lxml": ("docdiff.read", "docdiff.render"),
    "sqlite3": ("docdiff.corpus.index",),
}

RENDER_MAY_NOT = (
    "docdiff.pipeline",
    "docdiff.relate",
    "docdiff.align",
    "docdiff.phrases",
    "docdiff.describe",
    "docdiff.segment",
    "docdiff.read",
    "docdiff.corpus",
    "docdiff.text",
    "docdiff.lang",
)
RENDER_MAY = ("docdiff.corpus.types",)

PROCESS_OWNERS = ("docdiff.cli", "docdiff.__main__")
PROCESS_ATTRIBUTES = {
    ("os", "environ"),
    ("os", "getenv"),
    ("os", "environb"),
    ("sys", "argv"),
    ("sys", "stdin"),
    ("sys", "stdout"),
    ("sys", "stderr"),
    ("sys", "exit"),
}


@attrs.frozen
class Import:
    """One import statement's edge: the importer, the imported module and where."""

    source: str
    target: str
    line: int
    nested: bool  # inside a function or a TYPE_CHECKING block


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def module_name(path: Path, package_dir: Path) -> str:
    """The dotted name of the module at ``path`` inside ``package_dir``."""
    parts = [package_dir.name, *path.relative_to(package_dir).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _walk(node: ast.AST, nested: bool) -> Iterator[tuple[ast.AST, bool]]:
    for child in ast.iter_child_nodes(node):
        deeper = nested or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
        if isinstance(child, ast.If) and _is_type_checking(child.test):
            deeper = True
        yield child, deeper
        yield from _walk(child, deeper)


def imports(path: Path, name: str, modules: set[str]) -> Iterator[Import]:
    """Every import edge of one module (``modules``: every module of the package)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node, nested in _walk(tree, False):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(name, alias.name, node.lineno, nested)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            for alias in node.names:
                sub = f"{origin}.{alias.name}"
                yield Import(name, sub if sub in modules else origin, node.lineno, nested)


def process_reads(path: Path) -> Iterator[tuple[int, str]]:
    """Lines where a module reads the process's environment, arguments or streams."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if (node.value.id, node.attr) in PROCESS_ATTRIBUTES:
                yield node.lineno, f"{node.value.id}.{node.attr}"
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
            yield node.lineno, "print()"
        elif isinstance(node, ast.ImportFrom) and node.module in ("os", "sys"):
            for alias in node.names:
                if (node.module, alias.name) in PROCESS_ATTRIBUTES:
                    yield node.lineno, f"{node.module}.{alias.name}"


def layer_of(name: str) -> tuple[int, str] | None:
    """(layer index, component) of a module, by the longest matching entry."""
    best: tuple[int, str] | None = None
    for index, entries in enumerate(LAYERS):
        for entry in entries:
            # The root entry is the facade alone: a module missing from the
            # layers must be reported, not taken for the facade.
            inside = name == entry if "." not in entry else _within(name, entry)
            if inside and (best is None or len(entry) > len(best[1])):
                best = (index, entry)
    return best


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    # Tarjan's strongly connected components, iteratively.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                    break
                if child in on:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def check(package_dir: Path) -> tuple[list[str], list[Import]]:
    """(violations, every import edge) of the package in ``package_dir``."""
    files = {module_name(p, package_dir): p for p in sorted(package_dir.rglob("*.py"))}
    modules = set(files)
    root = package_dir.name
    violations: list[str] = []
    edges: dict[str, set[str]] = {name: set() for name in modules}
    every: list[Import] = []
    for name, path in files.items():
        rel = path.relative_to(package_dir.parent)
        for edge in imports(path, name, modules):
            every.append(edge)
            where = f"{rel}:{edge.line}"
            top = edge.target.split(".")[0]
            if top != root:
                owners = OWNERS.get(top)
                if owners is not None and not any(_within(name, o) for o in owners):
                    violations.append(f"{where}: {name} imports {top} (only {', '.join(owners)} may)")
                continue
            target = edge.target
            while target not in modules and "." in target:
                target = target.rpartition(".")[0]
            if target == name:
                continue
            edges[name].add(target)
            engine = any(_within(target, m) for m in RENDER_MAY_NOT)
            allowed = any(_within(target, m) for m in RENDER_MAY)
            if _within(name, f"{root}.render") and engine and not allowed:
                violations.append(f"{where}: renderer {name} imports the engine {target}")
                continue
            mine, theirs = layer_of(name), layer_of(target)
            if mine is None:
                violations.append(f"{where}: {name} is in no layer of tools/contract.py")
                continue
            if theirs is None:
                violations.append(f"{where}: {target} is in no layer of tools/contract.py")
                continue
            if mine[1] == theirs[1]:
                continue
            if theirs[0] < mine[0]:
                violations.append(f"{where}: {name} imports {target}, a higher layer")
            elif theirs[0] == mine[0]:
                violations.append(f"{where}: {name} imports its sibling {target}")
        if name not in {o.replace("docdiff", root, 1) for o in PROCESS_OWNERS}:
            for line, what in process_reads(path):
                violations.append(f"{rel}:{line}: {name} uses {what} (only {root}.cli meets the process)")
    for cycle in _cycles(edges):
        violations.append(f"cycle: {' <-> '.join(cycle)}")
    return list(dict.fromkeys(violations)), every


def main(argv: list[str]) -> int:
    """Print the violations; exit 1 if there is any (the contract is strict)."""
    args = [a for a in argv[1:] if not a.startswith("--")]
    package_dir = Path(args[0]) if args else ROOT / "docdiff"
    violations, every = check(package_dir)
    for line in violations:
        print(line)
    if "--stats" in argv:
        nested = [e for e in every if e.nested and e.target.split(".")[0] == package_dir.name]
        print(f"{len(every)} imports, {len(nested)} of the package inside functions or TYPE_CHECKING:")
        for edge in nested:
            print(f"  {edge.source}:{edge.line} -> {edge.target}")
    print(f"import contract: {len(violations)} violations", file=sys.stderr)
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
