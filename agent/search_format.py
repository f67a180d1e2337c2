"""How search mode writes course facts: citations, schedules, categories, Korean particles.

Pure formatting of `CourseSection` fields (nothing here adds a fact). A citation always reads
"과목명 (과목번호 CODE, NN분반)": `agent.search_history.cited_courses` reads it back for follow-ups.
"""

from __future__ import annotations

import re

from agent.catalog.models import DAYS, CourseSection, hhmm


def has_batchim(word: str) -> bool | None:
    """Whether the last Hangul syllable has a final consonant (None for non-Hangul endings)."""
    roman = re.search(r"(?<![A-Za-z])(III|II|IV|I|V|Ⅲ|Ⅱ|Ⅳ|Ⅰ|Ⅴ)\s*$", word)
    if roman:
        # Read as Sino-Korean numbers: 일, 이, 삼, 사, 오.
        return roman.group(1) in ("I", "Ⅰ", "III", "Ⅲ")
    for char in reversed(word.strip()):
        if "가" <= char <= "힣":
            return (ord(char) - 0xAC00) % 28 != 0
        if char.isdigit():
            return char in "013678"  # 영, 일, 삼, 육, 칠, 팔 end in a consonant
        if char.isalpha():
            return None
    return None


def josa(word: str, with_batchim: str, without: str) -> str:
    final = has_batchim(word)
    if final is None:
        return f"{with_batchim}({without})"
    return with_batchim if final else without


def credits_text(section: CourseSection) -> str | None:
    return None if section.credits is None else f"{section.credits:g}학점"


def year_text(section: CourseSection) -> str | None:
    """The recommended year as catalogs write it ("4학년", "2-4학년", "전체학년"); bare digits get "학년"."""
    year = (section.year or "").strip()
    if not year:
        return None
    return year if "학년" in year else f"{year}학년"


def cite(section: CourseSection) -> str:
    part = f", {section.section}분반" if section.section else ""
    return f"{section.name} (과목번호 {section.code}{part})"


def professors_text(section: CourseSection) -> str:
    return ", ".join(section.professors) + " 교수" if section.professors else "담당 교수 미정"


def schedule_text(section: CourseSection) -> str:
    """Meetings with back-to-back slots in the same room merged ("월 13:00-14:50 (조만식기념관 12214)"), and
    days sharing a time and room written once ("화·목 12:00-13:15 (K201)"); groups in weekday order."""
    merged: list[list] = []
    for slot in sorted(section.slots, key=lambda x: (DAYS.index(x.day), x.start)):
        last = merged[-1] if merged else None
        if last and last[0] == slot.day and last[3] == slot.room and 0 <= slot.start - last[2] <= 15:
            last[2] = max(last[2], slot.end)
        else:
            merged.append([slot.day, slot.start, slot.end, slot.room])
    if not merged:
        return "시간 미정"
    # Days meeting at the same time in the same room read as one: "화·목 12:00-13:15 (공학관 210)".
    groups: dict[tuple, list[str]] = {}
    for day, start, end, room in merged:
        groups.setdefault((start, end, room), []).append(day)
    return ", ".join(
        f"{'·'.join(days)} {hhmm(start)}-{hhmm(end)}" + (f" ({room})" if room else "")
        for (start, end, room), days in groups.items()
    )


def category_text(category: str | None) -> str | None:
    """Long per-major lists ("전기-AI융합/전기-IT융합/... [전공기초]") shortened to their summary."""
    if not category or len(category) <= 30:
        return category
    match = re.search(r"\[([^\]]+)\]\s*$", category)
    return f"[{match.group(1)}]" if match else category[:30] + "…"


def bullet(section: CourseSection) -> str:
    details = [professors_text(section)]
    if credits_text(section):
        details.append(credits_text(section))
    details.append(schedule_text(section))
    extra = " ".join(x for x in (section.department, category_text(section.category)) if x)
    if extra:
        details.append(extra)
    if section.english:
        details.append("영어강의")
    return f"• {cite(section)} — " + " · ".join(details)
