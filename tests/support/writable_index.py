"""A writable copy of a cached index (the shared cached indexes are read-only), for tests that write to,
damage or delete the store."""

from __future__ import annotations

import shutil
from pathlib import Path


def writable_copy(cached: Path, target: Path) -> Path:
    """Copy the cached index directory `cached` to `target` (without the cache's READY mark); returns `target`."""
    shutil.copytree(cached, target)
    (target / "READY").unlink(missing_ok=True)
    return target
