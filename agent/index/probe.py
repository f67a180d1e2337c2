"""Is the course index able to serve? A cheap check for `/health`, cached for a few seconds.

`IndexProbe.reason(index_or_none, settings)` returns None when the index answers, else a short reason
(no secrets, no hosts). With a built index it calls the backend's `probe()` (LanceDB: the in-memory copy is
current and one full-text query runs; Pinecone: one `describe_index_stats`). Before the assistant is built,
a local store is checked on disk (its table, a manifest, data files: no import, no model); Pinecone is not contacted then (its key may still be in
Parameter Store) and counts as unchecked.
"""

from __future__ import annotations

import re
import threading
import time
from typing import TYPE_CHECKING, Any

from agent.index.base import IndexError_

if TYPE_CHECKING:
    from agent.settings import Settings

CACHE_SECONDS = 5.0
# Hosts never reach /health: URLs, urllib3's host='…' / port=…, and bare IPv4 addresses are masked.
_HOSTS = [(re.compile(r"https?://[^\s),'\"]+"), "<host>"), (re.compile(r"host='[^']*'"), "host=<host>"),
          (re.compile(r"port=\d+"), "port=<port>"), (re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}\b"), "<host>")]


class IndexProbe:
    """One per app: the last verdict and when it was reached."""

    def __init__(self, ttl: float = CACHE_SECONDS) -> None:
        self.ttl = ttl
        self._lock = threading.Lock()
        self._checked = -1e9
        self._reason: str | None = None

    def reason(self, index: Any, settings: Settings) -> str | None:
        with self._lock:
            now = time.monotonic()
            if now - self._checked >= self.ttl:
                self._reason = _check(index, settings)
                self._checked = time.monotonic()
            return self._reason


def _check(index: Any, settings: Settings) -> str | None:
    try:
        if index is not None:
            probe = getattr(index, "probe", None)
            if probe is not None:
                probe()
        elif settings.vector_store == "local":
            from pathlib import Path

            from agent.index.lance.failures import probe_store

            probe_store(Path(settings.local_store_path))
    except IndexError_ as error:
        reason = f"course index unavailable: {error}"
        for pattern, mask in _HOSTS:
            reason = pattern.sub(mask, reason)
        return reason[:400]
    return None
