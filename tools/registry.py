"""The one list of course tools the agent gets. A new tool = one module in `tools/` + one line here."""

from __future__ import annotations

from langchain_core.tools import BaseTool

from tools.check_timetable import check_timetable
from tools.get_course import get_course
from tools.plan_timetable import plan_timetable
from tools.search_courses import search_courses

TOOLS: list[BaseTool] = [
    search_courses,
    get_course,
    check_timetable,
    plan_timetable,
]


def tool_names() -> list[str]:
    return [t.name for t in TOOLS]
