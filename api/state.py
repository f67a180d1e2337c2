"""Per-app objects made on first use and kept on `app.state` (the feedback store, the metrics recorder): one
per app, so tests with several apps never share them, and nothing is made before a request needs it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import Request

T = TypeVar("T")
_lock = threading.Lock()


def app_singleton(request: Request, name: str, make: Callable[[Any], T]) -> T:
    """`app.state.<name>`, made by `make(app.state)` the first time (once, even with concurrent requests)."""
    state = request.app.state
    value = getattr(state, name, None)
    if value is None:
        with _lock:
            value = getattr(state, name, None)
            if value is None:
                value = make(state)
                setattr(state, name, value)
    return value
