"""What a rollback restores: the result both backends report, and the error when it cannot be done.

- LanceDB keeps table versions: `rollback` restores one (`agent/index/lance/versions.py`).
- Pinecone keeps none: the previous catalog file recorded at ingestion is re-synced if it is still there
  unchanged, and the report lists what that re-upserts and deletes; otherwise it says it cannot.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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

