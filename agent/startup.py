"""Process-wide start-up choices: deferred pydantic model builds (applied when the `agent` package is first
imported) and, in a Lambda container, no garbage collection until start-up is over.

Pydantic builds each model's validator and serializer when the class is created. The libraries on the
request path define about 500 models (LangSmith 369, LangChain 79, FastAPI 41, counted on the Lambda path), and
most are never used to validate anything in a given process; building them all was about a
fifth of a Lambda cold start. With `defer_build` as the default, a model is built on its first use instead,
the same path pydantic takes for a model whose forward references resolve late. Behaviour is unchanged;
only an error in a model's definition would surface at its first use rather than at import.

`defer_build` is a documented model setting, but the process-wide default lives in pydantic's private
`_internal._config.config_defaults`. If a pydantic release moves it, nothing breaks: models build eagerly
again, and `tests/agent/test_startup.py` fails so the cold start regression is noticed.
"""

from __future__ import annotations

import os
from collections.abc import Mapping


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


# ---- garbage collection during start-up ---------------------------------------------------------------
# Start-up allocates about 300,000 objects that live as long as the process (modules, classes, the agent
# graph). Each full collection on the way re-traverses all of them and frees nothing; on the Lambda path
# those collections cost a few hundred ms of a cold start. So in a Lambda container (the runtime sets
# AWS_LAMBDA_FUNCTION_NAME) the handler module pauses collection while the container starts, and the end of
# start-up resumes it: what start-up made is frozen (moved out of the collector's generations, so later full
# collections skip it) and collection goes on. Start-up ends with the first request, whatever it was (the
# request middleware calls `end_startup`), so a container is never left without collection. Elsewhere (a
# laptop, tests, uvicorn) nothing is paused.

_paused = False


def pause_gc_for_startup(environ: Mapping[str, str] | None = None) -> bool:
    """In a Lambda container, stop automatic collection until `end_startup`; True when paused."""
    import gc

    global _paused
    if not (environ if environ is not None else os.environ).get("AWS_LAMBDA_FUNCTION_NAME"):
        return False
    if gc.isenabled():
        gc.disable()
        _paused = True
    return _paused


def startup_pending() -> bool:
    return _paused


def end_startup() -> None:
    """Freeze what start-up allocated and resume collection if `pause_gc_for_startup` paused it; a no-op
    otherwise (so it may be called on every request)."""
    import gc

    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
