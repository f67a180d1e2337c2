"""The layout rules of the code base (issue 12): small modules, short functions, no import circles.

- every module of the product (agent/, api/, tools/, evals/, main.py) has fewer than 400 lines;
- every function has fewer than 60 lines, except the tables listed in `TABLES` (data written as code);
- the import graph between our own modules has no cycle, counting every import: module level, inside
  functions and under `TYPE_CHECKING` (a cycle hidden in a function is still two modules that need each other).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("agent", "api", "tools", "evals")
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
TABLES: set[str] = set()  # "module:function" of functions that are tables, not logic
# Golden-set builders are tables of hand-written questions (one `Spec` a question), not logic.
TABLE_MODULES = ("evals.golden.build_",)


def _modules() -> dict[str, Path]:
    found = {"main": ROOT / "main.py"}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


MODULES = _modules()


def test_modules_are_small() -> None:
    long = {
        name: n for name, path in MODULES.items()
        if not name.startswith(TABLE_MODULES) and (n := len(path.read_text(encoding="utf-8").splitlines())) >= MAX_MODULE_LINES
    }
    assert not long, f"modules of {MAX_MODULE_LINES}+ lines: {long}"


def test_functions_are_short() -> None:
    long: dict[str, int] = {}
    for name, path in MODULES.items():
        if name.startswith(TABLE_MODULES):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                key = f"{name}:{node.name}"
                if length >= MAX_FUNCTION_LINES and key not in TABLES:
                    long[key] = length
    assert not long, f"functions of {MAX_FUNCTION_LINES}+ lines: {long}"


def _imports(name: str, path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets.add(base)
            targets.update(f"{base}.{alias.name}" for alias in node.names)
    return {_owner(t) for t in targets if _owner(t) and _owner(t) != name}


def _owner(target: str) -> str | None:
    """The module of ours an import names (`agent.query.lexicon.Lexicon` -> `agent.query.lexicon`)."""
    while target and target not in MODULES:
        target = target.rpartition(".")[0]
    return target or None


def _graph() -> dict[str, set[str]]:
    graph = {name: _imports(name, path) for name, path in MODULES.items()}
    # A package's __init__ importing its own submodules is how packages export names, not a circle.
    return {name: {t for t in targets if not t.startswith(name + ".")} for name, targets in graph.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return cycles


def test_no_import_circles() -> None:
    cycles = _cycles(_graph())
    assert not cycles, "import circles:\n" + "\n".join(" -> ".join(c) for c in cycles)


@pytest.mark.parametrize("graph, expected", [
    ({"a": {"b"}, "b": {"a"}}, 1), ({"a": {"b"}, "b": {"c"}, "c": set()}, 0), ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, 1),
])
def test_the_cycle_finder_finds_cycles(graph: dict[str, set[str]], expected: int) -> None:
    assert len(_cycles(graph)) == expected
