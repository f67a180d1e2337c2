"""Library packages whose `__init__` runs on first use instead of on import (a cold start cost).

Three packages on the request path have an `__init__.py` that eagerly imports far more than the path uses, and
the path imports them only to reach a small submodule or two:

- `langsmith.types` (about 160 generated API-type modules): `langsmith.run_trees` imports one enum from
  `langsmith.types.run_select_field`, and Python runs the package's `__init__`, which imports all of them;
- `langgraph_sdk` (the LangGraph Platform client, with httpx's CLI and rich): `langgraph.runtime` imports
  one protocol from `langgraph_sdk.auth.types`, and the package's `__init__` imports the whole client;
- `langchain.agents.middleware` (some twenty ready-made middlewares: shell tool, PII, summarization...):
  `create_agent` needs its `types` and `_trace_policy`, and our middleware `types` and `tool_error`.

Together they were about 0.3 s of a 1.6-2.1 s Lambda cold start (`python -X importtime`). Here such a
package is created with its `__path__` (so its submodules import as usual) and its own `__init__` code runs
when an attribute of the package itself is first read (`langgraph_sdk.get_client`,
`from langsmith.types import Run`, `dir(...)`), in the same module object, once, under a lock. So every
name the package defines is still there for whoever asks; the only difference is when its `__init__` runs.

Nothing happens on import: the finder is installed by `defer_package_inits`, which the Lambda entry point
calls (through `agent.startup.start_lambda_container`) before those libraries load. A package already
imported is left alone, and a package that is not found, or is no longer a package, is imported the
ordinary way.
`tests/agent/test_lazy_packages.py` checks both halves: the submodules import without the package's
`__init__`, and every public name still resolves.
"""

from __future__ import annotations

import importlib.machinery
import sys
import threading
from collections.abc import Sequence
from types import ModuleType
from typing import Any

LAZY_PACKAGES: tuple[str, ...] = ("langsmith.types", "langgraph_sdk", "langchain.agents.middleware")


class _DeferredInitLoader:
    """Wraps a package's loader: `exec_module` only installs a module `__getattr__` that runs the real
    `__init__` on first use. Everything else (resources, source, code) is the wrapped loader's."""

    def __init__(self, loader: Any) -> None:
        self._loader = loader

    def __getattr__(self, name: str) -> Any:
        return getattr(self._loader, name)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        lock = threading.RLock()
        state = {"loading": False, "done": False}
        real_loader = self._loader

        def run_init() -> None:
            with lock:
                if state["done"] or state["loading"]:
                    return
                state["loading"] = True
                before = dict(module.__dict__)
                try:
                    real_loader.exec_module(module)
                    state["done"] = True
                except BaseException:
                    # As a failed import leaves no module behind, a failed `__init__` leaves none of its
                    # names: the next use runs it again (and fails again, with the same error).
                    module.__dict__.clear()
                    module.__dict__.update(before)
                    raise
                finally:
                    state["loading"] = False
                # Ours are kept while the `__init__` runs, so other threads wait for it instead of
                # finding half a package; a package's own `__getattr__`/`__dir__` replaced them.
                for name, ours in (("__getattr__", __getattr__), ("__dir__", __dir__)):
                    if module.__dict__.get(name) is ours:
                        del module.__dict__[name]

        def __getattr__(name: str) -> Any:
            with lock:
                # While the `__init__` runs (in this thread: the lock is re-entrant), its own
                # `from . import x` probes the package: answering "missing" lets the import system load
                # the submodule, as it would for any package.
                if state["loading"]:
                    raise AttributeError(f"module {module.__name__!r} has no attribute {name!r}")
                run_init()
            try:
                return module.__dict__[name]
            except KeyError:
                own = module.__dict__.get("__getattr__")
                if own is not None and own is not __getattr__:
                    return own(name)
                raise AttributeError(f"module {module.__name__!r} has no attribute {name!r}") from None

        def __dir__() -> list[str]:
            run_init()
            own = module.__dict__.get("__dir__")
            return list(own()) if own is not None and own is not __dir__ else sorted(module.__dict__)

        module.__dict__["__getattr__"] = __getattr__
        module.__dict__["__dir__"] = __dir__


class _DeferredInitFinder:
    """A meta path finder for exactly the names in `packages`; any other import passes through."""

    def __init__(self) -> None:
        self.packages: set[str] = set()

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if fullname not in self.packages:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None or not spec.submodule_search_locations:
            return None  # not found or not a package: the ordinary import decides
        if not hasattr(spec.loader, "exec_module"):
            return None  # pragma: no cover - a legacy loader
        spec.loader = _DeferredInitLoader(spec.loader)  # type: ignore[assignment]
        return spec


def defer_package_inits(packages: Sequence[str] = LAZY_PACKAGES) -> list[str]:
    """Install the finder for the packages not yet imported; returns the names it will defer."""
    pending = [name for name in packages if name not in sys.modules]
    finder = next((f for f in sys.meta_path if isinstance(f, _DeferredInitFinder)), None)
    if finder is None:
        finder = _DeferredInitFinder()
        sys.meta_path.insert(0, finder)  # type: ignore[arg-type]
    finder.packages.update(pending)
    return pending
