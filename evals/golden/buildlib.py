"""Shared helpers for the golden-set builder scripts (`build_*.py` beside this file).

A builder declares cases as `Spec`s: a natural question plus a *predicate over catalog rows*. The gold
set is computed, never typed: every course code whose rows satisfy the predicate. `must_include` facts
are literal strings, and the builder checks that each one really occurs in the matched rows' fields
(so a misspelt professor or time fails the build instead of producing an unpassable case). Specs marked
`expect_empty` must match nothing (no-such-course / out-of-scope). Output is deterministic: same
catalog, same file.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Row = dict[str, Any]


@dataclass
class Spec:
    id: str
    question: str
    tags: list[str]
    match: Callable[[Row], bool] | None = None
    must: list[str] = field(default_factory=list)
    history: list[tuple[str, str]] = field(default_factory=list)
    expect_empty: bool = False
    max_gold: int | None = 25
    notes: str | None = None


def build(
    specs: Sequence[Spec], rows: Sequence[Row], *, catalog: str, code_of: Callable[[Row], str],
    text_of: Callable[[Row], str],
) -> list[dict[str, Any]]:
    """Compute each spec's gold set from `rows`; raise (naming the case) when a spec is inconsistent."""
    cases: list[dict[str, Any]] = []
    seen: set[str] = set()
    for spec in specs:
        if spec.id in seen:
            raise SystemExit(f"duplicate id {spec.id}")
        seen.add(spec.id)
        matched = [r for r in rows if spec.match(r)] if spec.match else []
        gold = sorted({code_of(r) for r in matched})
        if spec.expect_empty and gold:
            raise SystemExit(f"{spec.id}: expected no course, matched {gold}")
        if not spec.expect_empty and not gold:
            raise SystemExit(f"{spec.id}: predicate matched no course")
        if spec.max_gold is not None and len(gold) > spec.max_gold:
            raise SystemExit(f"{spec.id}: {len(gold)} gold courses (> {spec.max_gold}); narrow the question")
        blob = "\n".join(text_of(r) for r in matched)
        for fact in spec.must:
            if fact not in blob:
                raise SystemExit(f"{spec.id}: must_include {fact!r} not found in the matched rows")
        case: dict[str, Any] = {
            "id": spec.id, "catalog": catalog, "question": spec.question, "gold_courses": gold,
            "must_include": list(spec.must), "tags": list(spec.tags),
        }
        if spec.history:
            case["history"] = [{"role": role, "content": content} for role, content in spec.history]
        if spec.notes:
            case["notes"] = spec.notes
        cases.append(case)
    return cases


def write(cases: Sequence[dict[str, Any]], path: Path) -> None:
    path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8")
    print(f"wrote {len(cases)} cases to {path}", file=sys.stderr)
