"""Feedback records as golden-case candidates (the format of `evals/golden.py`), for prompt engineers.

A rated answer becomes a case with its question, history and term, tagged `draft` and `feedback-<rating>`,
the codes the bot's answer rested on in `retrieved`, and the marker `needs_gold: true`: `coursebot eval`
refuses the line (naming it) until a human has filled in the gold and deleted the marker. What the right
answer rests on is not known from a rating: a thumbs-up's cited courses are a fair first guess at
`gold_courses`, a thumbs-down's are what was wrong, so its `gold_courses` starts empty; `notes` says what to
fill in, with the comment and the start of the answer. A record without a question cannot become a case
and is counted as skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from agent.feedback.record import FeedbackRecord, format_timestamp

if TYPE_CHECKING:
    from evals.golden import GoldenCase

NOTE_ANSWER_CHARS = 300
NEEDS_GOLD = "needs_gold"  # the same name `evals.golden` refuses


def golden_drafts(records: Iterable[FeedbackRecord], catalog: str) -> tuple[list[GoldenCase], int]:
    """(draft cases, how many records were skipped for lack of a question)."""
    cases: list[GoldenCase] = []
    skipped = 0
    for record in records:
        case = golden_draft(record, catalog)
        if case is None:
            skipped += 1
        else:
            cases.append(case)
    return cases, skipped


def candidates_jsonl(cases: Iterable[GoldenCase]) -> str:
    """One candidate a line: the case in the golden files' canonical order, then `needs_gold: true`."""
    from evals.golden import dump_cases

    lines: list[str] = []
    for case in cases:
        data: dict[str, Any] = json.loads(dump_cases([case]))
        data[NEEDS_GOLD] = True
        lines.append(json.dumps(data, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)


def golden_draft(record: FeedbackRecord, catalog: str) -> GoldenCase | None:
    from evals.golden import GoldenCase

    if not record.question:
        return None
    return GoldenCase(
        id=f"feedback-{record.request_id}",
        catalog=catalog,
        question=record.question,
        gold_courses=list(record.sources) if record.rating == "up" else [],
        must_include=[],
        tags=["feedback", f"feedback-{record.rating}", "draft"],
        history=[turn.model_dump() for turn in record.history if turn.content.strip()],
        term=record.term,
        notes=_notes(record),
        retrieved=list(record.sources),
    )


def _notes(record: FeedbackRecord) -> str:
    parts = [
        f"DRAFT from feedback ({record.rating}, {format_timestamp(record.updated_at)}, answer "
        f"{record.request_id}, {record.mode or 'unknown'} mode): check catalog and gold_courses, fill in "
        f"must_include, then delete {NEEDS_GOLD}."
    ]
    if record.rating == "down":
        parts.append("gold_courses is empty until filled in (empty means the bot must abstain); "
                     "retrieved holds what the bot cited.")
    if record.comment:
        parts.append(f"Comment: {record.comment}")
    if record.answer:
        cut = record.answer[:NOTE_ANSWER_CHARS] + ("…" if len(record.answer) > NOTE_ANSWER_CHARS else "")
        parts.append(f"Answer: {cut}")
    return " ".join(parts)
