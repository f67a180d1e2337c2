"""pyproject.toml declares every third-party library the code imports: the image installs exactly
`[project] dependencies`, so an undeclared import works here (another package brought it) and fails
there, or breaks the day that package stops bringing it."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CODE = ("agent", "api", "tools", "evals", "main.py")
TEST_CODE = ("tests", "benchmarks")
# Named, not imported: agent/lazy_packages.py defers these packages' `__init__` and relies on their layout.
NAMED_BY_THE_FINDER = {"langsmith", "langgraph_sdk"}


def _imported_top_levels(paths: tuple[str, ...]) -> set[str]:
    found: set[str] = set()
    for name in paths:
        path = ROOT / name
        for file in [path] if path.is_file() else sorted(path.rglob("*.py")):
            for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    found.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    found.add(node.module.split(".")[0])
    return found


def _local_modules() -> set[str]:
    """Our own top-level names, including the scripts' and tests' sibling modules (`buildlib`, `_common`)."""
    names = {"agent", "api", "tools", "evals", "main", "tests", "benchmarks"}
    for folder in (*CODE[:-1], *TEST_CODE):
        names.update(p.stem for p in (ROOT / folder).rglob("*.py"))
    return names


def _third_party(imports: set[str]) -> set[str]:
    return {name for name in imports if name not in sys.stdlib_module_names and name not in _local_modules()}


def _normal(distribution: str) -> str:
    return re.sub(r"[-_.]+", "-", distribution).lower()


def _declared(*groups: str) -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = list(project["dependencies"])
    for group in groups:
        specs += project["optional-dependencies"][group]
    return {_normal(re.match(r"[A-Za-z0-9._-]+", spec).group()) for spec in specs}  # type: ignore[union-attr]


def _undeclared(modules: set[str], declared: set[str]) -> dict[str, list[str]]:
    by_module = packages_distributions()
    missing = {}
    for module in sorted(modules):
        distributions = {_normal(d) for d in by_module.get(module, [])}
        if not distributions & declared:
            missing[module] = sorted(distributions) or ["(not installed)"]
    return missing


def test_every_library_the_code_imports_is_a_declared_dependency() -> None:
    modules = _third_party(_imported_top_levels(CODE)) | NAMED_BY_THE_FINDER
    assert {"langchain_core", "pydantic", "fastapi", "mangum"} <= modules  # the scan sees the code
    # sentence-transformers is the optional `st` extra (imported only when a deployer asks for it).
    assert _undeclared(modules - {"sentence_transformers"}, _declared()) == {}
    optional = _undeclared({"sentence_transformers"}, _declared("st"))
    assert optional in ({}, {"sentence_transformers": ["(not installed)"]})


def test_every_library_the_tests_and_benchmarks_import_is_declared_with_the_dev_extra() -> None:
    modules = _third_party(_imported_top_levels(TEST_CODE))
    assert {"pytest", "moto", "schemathesis"} <= modules
    assert _undeclared(modules, _declared("dev")) == {}
