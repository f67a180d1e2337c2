"""Question understanding: a student's Korean question -> structured `SearchFilters` + free text.

Public API: `parse_question(question, vocabulary, now_term=None) -> ParsedQuestion`.
"""

from agent.query.parser import parse_question
from agent.query.reading import ParsedQuestion

__all__ = ["ParsedQuestion", "parse_question"]
