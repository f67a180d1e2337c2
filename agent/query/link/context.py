"""What every linker may consult besides the question: the catalog's vocabulary, the lexicon, the index's
terms (oldest first; empty when the caller gave none) with the current term, and the class periods."""

from __future__ import annotations

from dataclasses import dataclass

from agent.query.lexicon import Lexicon
from agent.query.text import Word
from agent.query.vocab import VocabularyMatcher


@dataclass(frozen=True)
class LinkContext:
    matcher: VocabularyMatcher
    lexicon: Lexicon
    tokens: list[Word]
    terms: tuple[str, ...] = ()
    now_term: str | None = None
