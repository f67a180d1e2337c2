"""Start-up measures for a Lambda container's cold start, as functions: importing this module (or any module
of ours) changes nothing process-wide. The Lambda entry point (`main.py`) calls `start_lambda_container`
before the app and its libraries load; everything else (the CLI, `coursebot serve`, evals, tests, a host
application) runs with Python's and pydantic's ordinary behaviour.

The measures, each measured on and off by `benchmarks/bench_coldstart.py --ab NAME` (README, Performance):

- `model-builds`: pydantic builds each model's validator and serializer when the class is created. The
  libraries on the request path define about 500 models (LangSmith, LangChain, FastAPI) and most are never
  used in a given process. With `defer_build` as pydantic's default, a model is built on its first use
  instead, the path pydantic takes for a model whose forward references resolve late. Behaviour is
  unchanged; an error in a model's definition would surface at its first use rather than at import.
  `defer_build` is a documented model setting, but the process-wide default lives in pydantic's private
  `_internal._config.config_defaults`: if a release moves it, models build eagerly again (nothing breaks)
  and `tests/deploy/test_lambda_handler.py` fails, so the regression is noticed. Builds on first use are
  thread-safe from pydantic 2.14 on (the floor in pyproject.toml says why).
- `package-inits`: three library packages run their `__init__` on first use (`agent/lazy_packages.py`).
- `gc-pause`: start-up allocates a few hundred thousand objects that live as long as the process (modules,
  classes, the agent graph); each full collection on the way re-traverses them all and frees nothing. So
  collection pauses while the container starts, and the end of start-up (the first request, whatever it
  was: the request middleware calls `end_startup`) freezes what start-up made (moved out of the
  collector's generations, so later full collections skip it) and resumes collection. A container is
  never left without collection.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Mapping

from agent.lazy_packages import defer_package_inits

# In the order applied. `benchmarks/bench_coldstart.py --off NAME` narrows this tuple in its child process
# (before it imports `main`) to measure the cold start without a measure.
LAMBDA_MEASURES: tuple[str, ...] = ("model-builds", "package-inits", "gc-pause")


def in_lambda_container(environ: Mapping[str, str] | None = None) -> bool:
    """The Lambda runtime sets AWS_LAMBDA_FUNCTION_NAME in every container."""
    return bool((os.environ if environ is None else environ).get("AWS_LAMBDA_FUNCTION_NAME"))


def start_lambda_container(environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """In a Lambda container, apply the measures in `LAMBDA_MEASURES`; elsewhere do nothing. Returns the names
    of those that took effect. Call it before the app's libraries are imported."""
    if not in_lambda_container(environ):
        return ()
    applied: list[str] = []
    for name in LAMBDA_MEASURES:
        if _MEASURES[name]():
            applied.append(name)
    return tuple(applied)


def defer_model_builds() -> bool:
    """Make pydantic build models on first use; True when the setting took effect."""
    try:
        from pydantic._internal import _config
    except ImportError:  # pragma: no cover - a pydantic without the private module
        return False
    defaults = getattr(_config, "config_defaults", None)
    if not isinstance(defaults, dict) or "defer_build" not in defaults:
        return False  # pragma: no cover - a pydantic that stores defaults elsewhere
    defaults["defer_build"] = True
    return True


_paused = False


def pause_gc_for_startup() -> bool:
    """Stop automatic collection until `end_startup`; True when it is paused."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True
    return _paused


def startup_pending() -> bool:
    """True while collection is paused for start-up."""
    return _paused


def end_startup() -> None:
    """Freeze what start-up allocated and resume collection if `pause_gc_for_startup` paused it; a no-op
    otherwise (so it may be called on every request)."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


_MEASURES = {
    "model-builds": defer_model_builds,
    "package-inits": lambda: bool(defer_package_inits()),
    "gc-pause": pause_gc_for_startup,
}
