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
    """Check a store without building an index (no embedding model): the table opens, a row reads, and the
    full-text index answers. `IndexUnavailableError` with the cause otherwise."""
    import lancedb

    if not (path / f"{table}.lance").exists():
        log.error("course index unavailable: no course table at %s", path)
        raise IndexUnavailableError(f"The course index at {path} holds no course table: run `coursebot ingest FILE`.")
    try:
        opened = lancedb.connect(str(path)).open_table(table)
        opened.search().select(["id", "record"]).limit(1).to_arrow()
        if any("tokens" in index.columns for index in opened.list_indices()):
            opened.search("probe", query_type="fts", fts_columns="tokens").select(["id"]).limit(1).to_arrow()
    except LANCE_FAILURES as error:
        raise unavailable(path, "probe", error) from error
