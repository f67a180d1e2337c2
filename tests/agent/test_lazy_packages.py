"""Deferred package `__init__`s (agent/lazy_packages.py): the submodules the request path needs import without
their package's `__init__`, and every name the package defines still resolves on first use.

Each check runs in a fresh interpreter: the finder is process-wide (and installed only when asked: the
Lambda entry point asks), and this test process has long since imported the libraries."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.support.fresh_process import run_fresh

_PUBLIC_NAMES = """
import json, sys
{setup}
import langgraph_sdk, langsmith.types, langchain.agents.middleware
def public(module):
    return sorted(name for name in dir(module) if not name.startswith("_"))
print("RESULT " + json.dumps({{"sdk": public(langgraph_sdk), "types": public(langsmith.types),
                               "middleware": public(langchain.agents.middleware),
                               "version": langgraph_sdk.__version__}}))
"""


def test_the_request_paths_submodules_import_without_their_packages_init(tmp_path: Path) -> None:
    outcome = run_fresh("""
        import json, sys
        from agent.lazy_packages import defer_package_inits
        deferred = defer_package_inits()
        import langgraph.runtime, langsmith.run_trees
        from langchain.agents import create_agent
        from langchain.agents.middleware.types import AgentMiddleware
        from langgraph_sdk.auth.types import BaseUser
        from langsmith.types.run_select_field import RunSelectField
        heavy = ("langgraph_sdk.client", "langsmith.types.run", "httpx._main", "rich",
                 "langchain.agents.middleware.s", "langchain.agents.middleware.p")
        loaded = sorted(name for name in sys.modules if name.startswith(heavy))
        print("RESULT " + json.dumps({"deferred": deferred, "loaded": loaded,
                                      "imported": [BaseUser.__name__, len(RunSelectField.__args__) > 0]}))
    """, tmp_path)
    assert outcome["deferred"] == ["langsmith.types", "langgraph_sdk", "langchain.agents.middleware"]
    # Only the submodules the path asked for: not the platform client, not the 160 API types, not the
    # shell-tool, summarization or PII middlewares.
    assert outcome["loaded"] == ["langsmith.types.run_select_field"]
    assert outcome["imported"] == ["BaseUser", True]


def test_every_public_name_of_a_deferred_package_still_resolves(tmp_path: Path) -> None:
    setup = "import agent.lazy_packages; agent.lazy_packages.defer_package_inits(); import agent.assistant"
    deferred = run_fresh(_PUBLIC_NAMES.format(setup=setup), tmp_path)
    ordinary = run_fresh(_PUBLIC_NAMES.format(setup=""), tmp_path)
    assert deferred == ordinary
    assert "get_client" in deferred["sdk"] and "Run" in deferred["types"] and deferred["version"]
    assert "SummarizationMiddleware" in deferred["middleware"]


def test_first_use_from_many_threads_runs_the_init_once(tmp_path: Path) -> None:
    outcome = run_fresh("""
        import json, sys, threading
        from agent.lazy_packages import defer_package_inits
        defer_package_inits()
        import langgraph.runtime
        import langgraph_sdk
        barrier = threading.Barrier(8)
        seen, errors = [], []
        def use():
            barrier.wait()
            try:
                seen.append(id(langgraph_sdk.get_client))
            except Exception as exc:
                errors.append(repr(exc))
        threads = [threading.Thread(target=use) for _ in range(8)]
        [t.start() for t in threads]; [t.join() for t in threads]
        print("RESULT " + json.dumps({"distinct": len(set(seen)), "count": len(seen), "errors": errors}))
    """, tmp_path)
    assert outcome == {"distinct": 1, "count": 8, "errors": []}


def _write_package(root: Path, init: str) -> None:
    package = root / "pkgx"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(textwrap.dedent(init), encoding="utf-8")
    (package / "light.py").write_text("LIGHT = 'light'\n", encoding="utf-8")
    (package / "heavy.py").write_text("HEAVY = 'heavy'\n", encoding="utf-8")


def test_a_deferred_package_behaves_as_itself_on_first_use(tmp_path: Path) -> None:
    _write_package(tmp_path / "lib", """
        import pkgx.heavy
        from . import light
        from .heavy import HEAVY
        VALUE = 1
        def __getattr__(name):
            if name == "dynamic":
                return 42
            raise AttributeError(name)
    """)
    outcome = run_fresh("""
        import json, sys
        from agent.lazy_packages import defer_package_inits
        defer_package_inits(["pkgx", "json.decoder", "no_such_package"])
        import json.decoder  # a plain module: imported the ordinary way
        import pkgx.light
        heavy_before = "pkgx.heavy" in sys.modules
        values = [pkgx.light.LIGHT, pkgx.VALUE, pkgx.HEAVY, pkgx.dynamic]
        try:
            pkgx.missing
            missing = "no error"
        except AttributeError as exc:
            missing = str(exc)
        try:
            import no_such_package
            not_found = "imported"
        except ModuleNotFoundError:
            not_found = "ModuleNotFoundError"
        print("RESULT " + json.dumps({"heavy_before": heavy_before, "values": values, "missing": missing,
                                      "heavy_after": "pkgx.heavy" in sys.modules, "not_found": not_found,
                                      "decoder": json.decoder.JSONDecoder.__name__}))
    """, tmp_path, extra_path=[tmp_path / "lib"])
    assert outcome["heavy_before"] is False and outcome["heavy_after"] is True
    assert outcome["values"] == ["light", 1, "heavy", 42]
    assert "missing" in outcome["missing"]
    assert outcome["not_found"] == "ModuleNotFoundError" and outcome["decoder"] == "JSONDecoder"


def test_a_failing_init_fails_at_each_use_and_never_leaves_half_a_package(tmp_path: Path) -> None:
    _write_package(tmp_path / "lib", """
        FIRST = 1
        raise RuntimeError("broken package")
    """)
    outcome = run_fresh("""
        import json
        from agent.lazy_packages import defer_package_inits
        defer_package_inits(["pkgx"])
        import pkgx.light
        errors = []
        for _ in range(2):
            try:
                pkgx.FIRST
                errors.append("no error")
            except RuntimeError as exc:
                errors.append(str(exc))
        print("RESULT " + json.dumps({"errors": errors}))
    """, tmp_path, extra_path=[tmp_path / "lib"])
    assert outcome["errors"] == ["broken package", "broken package"]
