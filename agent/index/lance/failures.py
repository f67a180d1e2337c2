"""LanceDB failures as the project's index error: a damaged or vanished store is an outage, not "no courses".

LanceDB reports a missing data file, a truncated manifest or a broken full-text index as `RuntimeError`
("lance error: …"), `ValueError` or `OSError`. Left as they are, the agent's tool-error middleware turns them
into a tool message and search mode answers "찾지 못했어요" with HTTP 200. `reading(path, what)` wraps each
public read of `LanceCourseIndex` so they become `IndexUnavailableError` (HTTP 503 `index_unavailable`),
logged once at ERROR with the cause and the store's path.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

from agent.index.base import IndexError_, IndexUnavailableError

log = logging.getLogger("agent.index.lance")

F = TypeVar("F", bound=Callable[..., Any])
LANCE_FAILURES = (RuntimeError, ValueError, OSError)


def unavailable(path: Path, what: str, error: BaseException) -> IndexUnavailableError:
    """The error to raise (and log) for a LanceDB failure during `what`."""
    cause = f"{type(error).__name__}: {str(error).splitlines()[0][:300] if str(error) else ''}"
    log.error("course index unavailable: %s at %s failed (%s)", what, path, cause)
    return IndexUnavailableError(f"The course index at {path} cannot be read ({what}: {cause}). Restore it "
                                 "(`coursebot ingest --rollback`) or rebuild it (`coursebot ingest FILE`).")


def reading(what: str) -> Callable[[F], F]:
    """Decorate a read method of an object with a `path`: LanceDB failures become `IndexUnavailableError`."""

    def decorate(method: F) -> F:
        @functools.wraps(method)
        def guarded(self: Any, *args: Any, **kwargs: Any) -> Any:
            try:
                return method(self, *args, **kwargs)
            except IndexError_:
                raise
            except LANCE_FAILURES as error:
                raise unavailable(self.path, what, error) from error

        return cast(F, guarded)

    return decorate



def probe_store(path: Path, table: str = "sections") -> None:
    """Check a store on disk without opening it (no lancedb import, no model: `/health` before the assistant
    is built stays cheap and changes nothing in the process): the table, a version manifest and data files
    are there and not empty. `IndexUnavailableError` with what is missing otherwise."""
    root = path / f"{table}.lance"
    missing = None
    if not root.is_dir():
        missing = "no course table"
    elif not any(f.stat().st_size > 0 for f in (root / "_versions").glob("*.manifest")):
        missing = "no readable version manifest in the course table"
    elif not any(f.stat().st_size > 0 for f in (root / "data").glob("*.lance")):
        missing = "no data files in the course table"
    if missing:
        log.error("course index unavailable: %s at %s", missing, path)
        raise IndexUnavailableError(f"The course index at {path} has {missing}: run `coursebot ingest FILE`.")
