"""Course categories (이수구분): keep the catalog's readable text, make the usual words findable.

Index filters match a category by substring (`SearchFilters.category`). Students and catalogs use
both the short words (전필, 전선, 전기, 교필, 교선) and the long ones (전공필수, 전공선택, 전공기초,
교양필수, 교양선택), so `normalize_category` keeps the source text and appends, in brackets, whichever
form the text lacks: ``전필-컴퓨터/전선-소프트`` -> ``전필-컴퓨터/전선-소프트 [전공필수·전공선택]`` and
``전공필수`` -> ``전공필수 [전필]``. Either word then finds the section.
"""

from __future__ import annotations

import re

SHORT_TO_LONG: dict[str, str] = {
    "전필": "전공필수",
    "전선": "전공선택",
    "전기": "전공기초",
    "교필": "교양필수",
    "교선": "교양선택",
}
LONG_TO_SHORT: dict[str, str] = {long: short for short, long in SHORT_TO_LONG.items()}

# A short word only counts at the start of a '/'-separated part and before '-', '_' or the end:
# '전선-전기' is 전공선택 for the 전기 major, not 전공기초.
_SHORT = re.compile(r"(?:^|[/,\s])(전필|전선|전기|교필|교선)(?=[-_\s/,]|$)")


def category_words(text: str) -> list[str]:
    """The short category words a category text carries, in order: '전필-컴퓨터/전선-소프트' -> ['전필', '전선']."""
    found: list[str] = []
    for match in _SHORT.finditer(text):
        if match.group(1) not in found:
            found.append(match.group(1))
    for long, short in LONG_TO_SHORT.items():
        if long in text and short not in found:
            found.append(short)
    return found


def normalize_category(text: str | None) -> str | None:
    """Source text plus the missing forms in brackets (see the module doc). Empty -> None."""
    if text is None:
        return None
    value = re.sub(r"\s*\n\s*", "/", text.strip())
    if not value:
        return None
    extra: list[str] = []
    for short in category_words(value):
        long = SHORT_TO_LONG[short]
        if long not in value and long not in extra:
            extra.append(long)
        if not _SHORT.search(value) and short not in value and short not in extra:
            extra.append(short)
    return f"{value} [{'·'.join(extra)}]" if extra else value
