"""Question understanding: a student's Korean question -> structured `SearchFilters` + free text.

Public API: `parse_question(question, vocabulary, now_term=None, terms=()) -> ParsedQuestion` (`now_term`: the
current term; `terms`: the terms the index holds, for the terms a question names).
"""

from agent.query.parser import parse_question
from agent.query.reading import ParsedQuestion

__all__ = ["ParsedQuestion", "parse_question"]
