"""The `Page` of an answer: which part of a matching set it lists, and where the rest starts; and the weeks
it planned (`answer_timetables`).

Search mode states it itself (`response_metadata["page"]`, from its answer plan's totals: what its bullets
showed). For HyperCLOVA X it is the last `search_courses` result of the turn: the page the tool returned,
with the set's true totals (the model is told to state them and to page with `offset`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from langchain_core.messages import AIMessage, BaseMessage, ToolMessage

from agent.answer import Page
from agent.timetable import Timetable


def answer_page(final: AIMessage | None, turn: Sequence[BaseMessage]) -> Page | None:
    """The page the final answer states, else the last search's (None when the turn listed no set)."""
    stated = final.response_metadata.get("page") if final is not None and final.response_metadata else None
    if isinstance(stated, dict):
        return Page.model_validate(stated)
    if final is not None and final.response_metadata and "cited_ids" in final.response_metadata:
        return None  # search mode answered without a list
    searches = [m for m in turn if isinstance(m, ToolMessage) and m.name == "search_courses"]
    return _tool_page(searches[-1].artifact) if searches else None


def _tool_page(artifact: Any) -> Page | None:
    if not isinstance(artifact, dict) or not isinstance(artifact.get("total_sections"), int):
        return None
    total, offset = artifact["total_sections"], int(artifact.get("offset") or 0)
    shown = int(artifact.get("matched_on_page") or 0)
    end = offset + shown
    courses, rest = int(artifact.get("total_courses") or 0), end if end < total else None
    return Page(total_sections=total, total_courses=courses, offset=offset, shown=shown, next_offset=rest)


def page_metadata(totals: Any) -> dict[str, Any] | None:
    """An answer plan's `Totals` as the `page` an answer message carries."""
    if totals is None:
        return None
    return {
        "total_sections": totals.sections, "total_courses": totals.courses, "offset": totals.start,
        "shown": totals.shown, "next_offset": totals.next_offset,
    }


def answer_timetables(final: AIMessage | None, turn: Sequence[BaseMessage]) -> list[Timetable]:
    """The weeks an answer planned: those search mode states (`response_metadata["timetables"]`, notes in its
    answer's language), else the last `plan_timetable` result of the turn (HyperCLOVA X)."""
    metadata = final.response_metadata if final is not None and final.response_metadata else {}
    if "timetables" in metadata:
        return [Timetable.model_validate(week) for week in metadata["timetables"]]
    if "cited_ids" in metadata:
        return []  # search mode answered without planning
    plans = [
        m for m in turn
        if isinstance(m, ToolMessage) and m.name in ("plan_timetable", "check_timetable") and m.status != "error"
    ]
    artifact = plans[-1].artifact if plans else None
    weeks = artifact.get("timetables", []) if isinstance(artifact, dict) else []
    return [week for week in weeks if isinstance(week, Timetable)]
