"""Golden cases: loading and validating the JSONL files under `evals/golden/`.

A golden file holds one JSON object a line (UTF-8; blank lines and lines starting with `//` are skipped):

    {"id": "ssu-017", "catalog": "ssu-2026-1", "question": "월요일 1시에 하는 물리 실험 누가 가르쳐?",
     "gold_courses": ["5006762801"], "must_include": ["이순녀"], "tags": ["by-schedule", "by-professor"]}

Required: `id` (unique across every file of a run), `catalog` (a name `evals.catalogs` resolves),
`question`, `gold_courses` (course codes; empty = the bot must abstain: no such course, or out of scope),
`must_include` (short literal facts a correct answer contains), `tags` (at least one).

Optional:
- `history`: earlier turns for a multi-turn (follow-up) case, oldest first, each `{"role": "user" |
  "assistant", "content": "..."}`. The runner passes them to the assistant as `ChatTurn`s; the question is
  the turn after them.
- `term`: the term to ask about ("2024-2") when the catalog holds several terms; by default the runner uses
  the catalog's only (or newest) term.
- `notes`: free text for humans (why this gold set, how it was computed).
- `timetable`: a timetable-planning case's gold, computed by brute force (`evals/timetable_scoring.py`).
- `retrieved`: the course codes the bot's answer rested on when the case was drafted from feedback
  (`coursebot feedback export`), for the human filling in the gold; never scored.

A candidate exported from feedback carries `needs_gold` until a human has filled in `gold_courses` and
`must_include`: a line with `needs_gold` set is refused (the error names the case and its line), so an
unchecked draft can never be scored as if its gold were known. Delete the field (or set it to false) once
the gold is filled.

Any other field is an error (a misspelt `must_inclde` must not silently drop facts).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator


class GoldenError(ValueError):
    """A golden file is unreadable or a case is malformed; the message names the file, line and field."""


class HistoryTurn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Literal["user", "assistant"]
    content: str = Field(min_length=1)


class GoldenCase(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    catalog: str = Field(min_length=1)
    question: str = Field(min_length=1)
    gold_courses: list[str]
    must_include: list[str]
    tags: list[str] = Field(min_length=1)
    history: list[HistoryTurn] = Field(default_factory=list)
    term: str | None = None
    notes: str | None = None
    timetable: dict[str, Any] | None = None  # a planning case's gold (evals.timetable_scoring.TimetableGold)
    retrieved: list[str] = Field(default_factory=list)

    @field_validator("question")
    @classmethod
    def _question_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("question is blank")
        return value

    @field_validator("gold_courses", "must_include", "tags")
    @classmethod
    def _no_blank_items(cls, value: list[str]) -> list[str]:
        for item in value:
            if not isinstance(item, str) or not item.strip():
                raise ValueError(f"blank item in {value!r}")
        if len(set(value)) != len(value):
            raise ValueError(f"duplicate items in {value!r}")
        return value

    @property
    def abstain(self) -> bool:
        """An empty gold set means the right answer is "no such course" / "out of scope"."""
        return not self.gold_courses


def parse_case(line: str, *, source: str = "<string>", lineno: int = 1) -> GoldenCase:
    """Parse one JSONL line; errors say `source:lineno: field: problem`."""
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise GoldenError(f"{source}:{lineno}: not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(raw, dict):
        raise GoldenError(f"{source}:{lineno}: a case must be a JSON object, got {type(raw).__name__}")
    _refuse_candidate(raw, source, lineno)
    try:
        return GoldenCase.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '(case)'}: {err['msg']}" for err in exc.errors()
        )
        case_id = raw.get("id", "?")
        raise GoldenError(f"{source}:{lineno}: case {case_id!r}: {problems}") from None


NEEDS_GOLD = "needs_gold"


def _refuse_candidate(raw: dict, source: str, lineno: int) -> None:
    """A feedback candidate whose gold is not filled in yet is an error; `needs_gold: false` is dropped."""
    if NEEDS_GOLD not in raw:
        return
    marker = raw.pop(NEEDS_GOLD)
    if marker in (False, None, "", 0):
        return
    raise GoldenError(
        f"{source}:{lineno}: case {raw.get('id', '?')!r} still needs gold ({NEEDS_GOLD} is set): fill in "
        f"gold_courses and must_include, then delete {NEEDS_GOLD}"
    )


def load_golden(path: str | Path) -> list[GoldenCase]:
    """All cases of one file, in file order. Raises `GoldenError` (file, line, field) on the first bad line
    and on an id repeated within the file."""
    path = Path(path)
    if not path.is_file():
        raise GoldenError(f"golden file not found: {path}")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GoldenError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    cases: list[GoldenCase] = []
    seen: dict[str, int] = {}
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        case = parse_case(line, source=str(path), lineno=lineno)
        if case.id in seen:
            raise GoldenError(f"{path}:{lineno}: duplicate id {case.id!r} (first on line {seen[case.id]})")
        seen[case.id] = lineno
        cases.append(case)
    if not cases:
        raise GoldenError(f"{path}: no cases")
    return cases


def load_many(paths: Sequence[str | Path]) -> list[GoldenCase]:
    """Cases of several files; ids must be unique across all of them."""
    cases: list[GoldenCase] = []
    origin: dict[str, str] = {}
    for path in paths:
        for case in load_golden(path):
            if case.id in origin:
                raise GoldenError(f"{path}: id {case.id!r} already used in {origin[case.id]}")
            origin[case.id] = str(path)
            cases.append(case)
    return cases


_REQUIRED = ("id", "catalog", "question", "gold_courses", "must_include", "tags")


def dump_cases(cases: Iterable[GoldenCase]) -> str:
    """Canonical JSONL (the builder scripts write files with this), one case a line, optional fields only
    when set."""
    lines = []
    for case in cases:
        data = case.model_dump()
        ordered = {
            key: data[key] for key in GoldenCase.model_fields if key in _REQUIRED or data[key] not in (None, [])
        }
        lines.append(json.dumps(ordered, ensure_ascii=False))
    return "\n".join(lines) + "\n"
