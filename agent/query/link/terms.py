"""The term linker: which term(s) of the index a question is about (see `agent.query.term_words` for how
students write terms, and `agent.query.term_arithmetic` for relative words).

What it sets on the `ParseState`:
- one term named ("2024년 1학기", "작년 1학기", "지난 학기"): `filters.term`, when the index holds it;
- several ("2024년", "2023-1부터 2024-2까지", "2023-1이랑 2024-1"), or across terms ("예전에도 열렸어?",
  "역대", "ever"): `filters.terms`, the held ones oldest first (`filters.term` None), and `across_terms` for
  the latter;
- a term the index does not hold ("2022년 1학기", "다음 학기"): `missing_term` (its name, or a year), and
  `filters.term` stays the current term, which the answer then uses and names.
With no term list (a parser used without an index) a single named term is taken as it is, as before.
A term named in the question is what the student means: the retriever lets it win over the request's term.
"""

from __future__ import annotations

from dataclasses import dataclass

from agent.query import term_arithmetic as ta
from agent.query.link.context import LinkContext
from agent.query.reading import ParseState
from agent.query.term_words import ACROSS, RANGE_BETWEEN, RANGE_FROM, READERS, SINCE, Calendar, Named


@dataclass(frozen=True)
class _Phrase:
    start: int
    end: int
    named: Named


def link_terms(state: ParseState, ctx: LinkContext) -> None:
    calendar = Calendar(ctx.terms, ctx.now_term or (ctx.terms[-1] if ctx.terms else None))
    phrases = _phrases(state, calendar)
    across = [m.span() for m in ACROSS.finditer(state.question) if not state.taken(*m.span())]
    for start, end in across:
        state.take(start, end)  # "열린 적", "ever": read here, never a topic word
    if phrases:
        for phrase in phrases:
            state.take(phrase.start, phrase.end)
        named, label = _combined(state.question, phrases, calendar)
        _settle(state, named, label)
    elif across:
        _across(state, calendar)


def _phrases(state: ParseState, calendar: Calendar) -> list[_Phrase]:
    """Every term phrase, earlier readers first (a span read once), in the order they occur."""
    found: list[_Phrase] = []
    for pattern, reader in READERS:
        for match in pattern.finditer(state.question):
            start, end = match.span()
            if state.taken(start, end) or any(not (end <= p.start or start >= p.end) for p in found):
                continue
            named = reader(match, calendar)
            if named is not None:
                found.append(_Phrase(start, end, named))
    return sorted(found, key=lambda p: p.start)


def _combined(question: str, phrases: list[_Phrase], calendar: Calendar) -> tuple[list[str], str | None]:
    """The held terms the phrases mean together (a range, or all of them), and the name of the first one
    the index lacks (None when every phrase found a held term)."""
    first = phrases[0]
    if len(phrases) >= 2 and RANGE_BETWEEN.match(question[first.end : phrases[1].start]):
        second = phrases[1].named
        return _range(first.named.low, second.high, calendar, f"{first.named.label}~{second.label}")
    if len(phrases) == 1 and calendar.now and (
        RANGE_FROM.match(question[first.end :]) or SINCE.search(question[: first.start])
        or SINCE.search(question[first.start : first.end])
    ):
        return _range(first.named.low, calendar.now, calendar, first.named.label)
    held: list[str] = []
    missing: str | None = None
    for phrase in phrases:
        known = [t for t in phrase.named.terms if not calendar.held or t in calendar.held]
        held += known
        if not known and missing is None and calendar.held:
            missing = phrase.named.label
    return ta.chronological(held), missing


def _range(low: str, high: str, calendar: Calendar, label: str) -> tuple[list[str], str | None]:
    held = ta.between(low, high, calendar.held)
    return held, (None if held else label)


def _settle(state: ParseState, held: list[str], missing: str | None) -> None:
    if missing is not None:
        state.missing_term = missing
        state.notes.append(f"학기: {missing} (수강편람에 없음, {state.filters.term or '기본 학기'} 기준)")
    if len(held) == 1:
        state.filters.term = held[0]
        state.notes.append(f"학기: {held[0]}")
    elif len(held) > 1:
        state.filters.term, state.filters.terms = None, held
        state.notes.append(f"학기: {', '.join(held)}")


def _across(state: ParseState, calendar: Calendar) -> None:
    """Across terms ("예전에도 열렸어?"): every term the index holds (one alone: that one)."""
    state.across_terms = True
    if len(calendar.held) > 1:
        state.filters.term, state.filters.terms = None, list(calendar.held)
        state.notes.append(f"학기: 전체 ({calendar.held[0]}~{calendar.held[-1]})")
    elif calendar.held:
        state.filters.term = calendar.held[0]
        state.notes.append(f"학기: {calendar.held[0]} (수강편람의 유일한 학기)")
