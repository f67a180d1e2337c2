"""What a rollback restores: the result both backends report, and the error when it cannot be done.

- LanceDB keeps table versions: `rollback` restores one (`agent/index/lance/versions.py`).
- Pinecone keeps none: the previous catalog file recorded at ingestion is re-synced if it is still there
  unchanged, and the report lists what that re-upserts and deletes; otherwise it says it cannot.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class RollbackError(RuntimeError):
    """The rollback cannot be done; the message says why (nothing was changed)."""


@dataclass
class RollbackResult:
    """`before` / `after`: sections per term now and in the restored state. `restored`: the new current
    version (LanceDB), None for a dry run. `lines`: what else the report says (Pinecone: the file used and
    what it re-upserts)."""

    backend: str
    current: int | None = None
    target: int | None = None
    before: dict[str, int] = field(default_factory=dict)
    after: dict[str, int] = field(default_factory=dict)
    restored: int | None = None
    lines: list[str] = field(default_factory=list)

    def summary(self) -> list[str]:
        out: list[str] = []
        if self.target is not None:
            out.append(f"버전 {self.current} → {self.target} (rollback from version {self.current} to {self.target})")
        for term in sorted(set(self.before) | set(self.after)):
            out.append(f"  학기 {term}: 분반 {self.before.get(term, 0):,} → {self.after.get(term, 0):,}")
        out.extend(self.lines)
        if self.restored is not None:
            out.append(f"복원 완료: 현재 버전 {self.restored} (restored; `coursebot ingest --rollback` again undoes it)")
        return out


def run_rollback(version: str | None, *, store: Any, dry_run: bool, out: Any, err: Any) -> int:
    """`coursebot ingest --rollback [VERSION]`: the exit code (0 restored or dry run, 2 refused, 1 failed)."""
    from rich.markup import escape

    from agent.index.base import IndexError_
    from agent.index.ingest.cli import EXIT_CLEAN, EXIT_FAILED, EXIT_REFUSED, open_store

    target: int | None = None
    if version is not None:
        if not version.strip().isdigit():
            err.print(f"[red]오류:[/red] VERSION must be a table version number, got {escape(version)!r}")
            return EXIT_REFUSED
        target = int(version)
    try:
        index = open_store(store)
        rollback = getattr(index, "rollback", None)
        if rollback is None:
            raise RollbackError(f"{type(index).__name__} keeps no versions: it cannot roll back")
        result = rollback(target, dry_run=dry_run)
    except RollbackError as exc:
        err.print(f"[red]복원 불가 (cannot roll back):[/red] {escape(str(exc))}. Nothing was changed.")
        return EXIT_REFUSED
    except IndexError_ as exc:
        err.print(f"[red]오류:[/red] {escape(str(exc))}")
        return EXIT_FAILED
    for line in result.summary():
        out.print(escape(line), highlight=False)
    if dry_run:
        out.print("--dry-run: 아무것도 쓰지 않았습니다 (nothing written).")
    return EXIT_CLEAN
