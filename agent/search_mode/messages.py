"""Every sentence search mode says, in both answer languages side by side: `messages.toml`.

A message is a TOML table with `ko` and `en` (`[course.sections]`, `[course.sections.matching]`, ...).
`render` picks one for each part of an `AnswerPlan` and fills its placeholders with facts worded by
`format_ko` / `format_en` (`{cite}` a citation, `{name}` a course name, `{topic}` a course name as the
topic of a Korean sentence, `{schedule}`, `{credits}`, `{year}`, `{conditions}`, ...). Read once, on the
first answer.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

MESSAGES_PATH = Path(__file__).with_name("messages.toml")


@cache
def messages() -> dict[str, tuple[str, str]]:
    """Message key ("course.sections.matching") -> (Korean, English)."""
    with MESSAGES_PATH.open("rb") as file:
        return dict(_flatten(tomllib.load(file)))


def _flatten(table: dict[str, Any], path: tuple[str, ...] = ()) -> list[tuple[str, tuple[str, str]]]:
    found: list[tuple[str, tuple[str, str]]] = []
    if "ko" in table or "en" in table:
        missing = [lang for lang in ("ko", "en") if not isinstance(table.get(lang), str)]
        if missing:
            raise ValueError(f"{MESSAGES_PATH.name}: [{'.'.join(path)}] has no {' or '.join(missing)} text")
        found.append((".".join(path), (table["ko"], table["en"])))
    for key, value in table.items():
        if isinstance(value, dict):
            found += _flatten(value, (*path, key))
    return found
