"""What a sync would change, decided before anything is written, and whether it may go ahead.

A catalog file is the truth for the terms it holds, except where it cannot be trusted:
- a section whose row was skipped (bad time, broken cells) is *kept*, never deleted as "gone": the row
  still names it (`CatalogProblem.cells` holds the course code and section number it had);
- a sync that would delete more than `DEFAULT_MAX_DELETE_SHARE` of a term's stored sections, or delete
  anything while rows were skipped, is *refused* unless the operator allows it (`--prune`, or
  `--max-delete N` per term). A truncated export (10 rows of 200) or a half-broken one then changes nothing.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from agent.catalog.models import CourseSection

if TYPE_CHECKING:
    from agent.catalog.result import CatalogProblem, LoadResult

DEFAULT_MAX_DELETE_SHARE = 0.05  # of the term's stored sections
SHOWN_IDS = 10  # ids listed per kind in a diff summary


@dataclass
class TermDiff:
    """One term: what the file would add, change, leave alone and delete; `kept` are stored sections whose
    rows were skipped (not deleted); `stored` is how many the term holds now."""

    term: str
    stored: int
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    deleted: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    refused: str | None = None  # why the guard refuses this term's sync

    def summary(self) -> str:
        line = (f"학기 {self.term}: 추가 {len(self.added):,} · 변경 {len(self.changed):,} · 그대로 {self.unchanged:,} · "
                f"삭제 {len(self.deleted):,} · 건너뛴 행이라 유지 {len(self.kept):,} (저장된 분반 {self.stored:,}) — "
                f"would add {len(self.added)} / change {len(self.changed)} / keep unchanged {self.unchanged} / "
                f"delete {len(self.deleted)} / keep skipped {len(self.kept)} of {self.stored} stored")
        parts = [line]
        for label, ids in (("삭제 delete", self.deleted), ("유지 kept (row skipped)", self.kept),
                           ("추가 add", self.added), ("변경 change", self.changed)):
            if ids:
                more = f" … +{len(ids) - SHOWN_IDS}" if len(ids) > SHOWN_IDS else ""
                parts.append(f"  {label}: {', '.join(ids[:SHOWN_IDS])}{more}")
        return "\n".join(parts)


@dataclass(frozen=True)
class DeletePolicy:
    """What deletions the operator allows: `prune` = any; `max_delete` = up to N per term; neither = the
    default share of the term, and none at all when rows were skipped."""

    prune: bool = False
    max_delete: int | None = None
    max_share: float = DEFAULT_MAX_DELETE_SHARE

    def refusal(self, diff: TermDiff, skipped_rows: int) -> str | None:
        """Why this term's sync must not run (None: it may)."""
        count = len(diff.deleted)
        if self.prune or count == 0:
            return None
        if self.max_delete is not None:
            if count <= self.max_delete:
                return None
            return f"{count} deletions exceed --max-delete {self.max_delete}"
        if skipped_rows:
            return f"{count} deletions while {skipped_rows} rows were skipped (a broken file is not a reason to delete)"
        allowed = math.floor(self.max_share * diff.stored)
        if count > allowed:
            return (f"{count} deletions exceed {self.max_share:.0%} of the {diff.stored} stored sections "
                    f"(at most {allowed} without --prune or --max-delete)")
        return None


def plan_term(term: str, sections: Sequence[CourseSection], stored: dict[str, str],
              skipped: Sequence[CatalogProblem]) -> TermDiff:
    """The diff of syncing `sections` into a term that stores `stored` (id → content hash)."""
    diff = TermDiff(term=term, stored=len(stored))
    wanted: dict[str, CourseSection] = {}
    for section in sections:
        wanted.setdefault(section.id, section)
    for doc_id, section in wanted.items():
        old = stored.get(doc_id)
        if old is None:
            diff.added.append(doc_id)
        elif old == section.content_hash():
            diff.unchanged += 1
        else:
            diff.changed.append(doc_id)
    gone = [doc_id for doc_id in stored if doc_id not in wanted]
    rows = [_cell_set(problem.cells) for problem in skipped if problem.cells]
    for doc_id in gone:
        (diff.kept if any(_row_names(doc_id, cells) for cells in rows) else diff.deleted).append(doc_id)
    return diff


def plan_load(result: LoadResult, stored_of: Any, policy: DeletePolicy) -> list[TermDiff]:
    """A diff per term of the loaded file, each judged by `policy`. `stored_of(term)` → id → content hash."""
    skipped = result.errors
    diffs: list[TermDiff] = []
    for term, sections in result.by_term().items():
        diff = plan_term(term, sections, stored_of(term), skipped)
        diff.refused = policy.refusal(diff, len(skipped))
        diffs.append(diff)
    return diffs


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold()


def _cell_set(cells: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for cell in cells:
        value = _norm(cell)
        found.add(value)
        found.add(value.lstrip("0") or "0")  # "1" and "01" name the same section
    return found


def _row_names(doc_id: str, cells: set[str]) -> bool:
    """Whether a skipped row's cells name this stored section: its course code, and its section number
    when it has one (ids are `term:code[:section]`)."""
    parts = doc_id.split(":")
    if len(parts) < 2:
        return False
    code = _norm(parts[1])
    if code not in cells:
        return False
    if len(parts) < 3 or not parts[2]:
        return True
    section = _norm(parts[2])
    return section in cells or (section.lstrip("0") or "0") in cells
