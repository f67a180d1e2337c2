"""Course names: exact names, the lexicon's nicknames and typos, English aliases, names written with
spaces or glued to other words, and near-misses (one or two letters off) of a name in the catalog."""

from __future__ import annotations

import re

from agent.query.fillers import is_filler
from agent.query.lexicon import Lexicon
from agent.query.link.context import LinkContext
from agent.query.negation import negation_after, negation_before, with_negation
from agent.query.reading import ParseState
from agent.query.text import Word, remove_spans, squash, strip_particles
from agent.query.vocab import VocabularyMatcher


def resolve_name(word: str, matcher: VocabularyMatcher, lexicon: Lexicon) -> list[str]:
    """Course names a single word stands for (alias, typo table or exact name), or []."""
    for form in strip_particles(word):
        if form in lexicon.korean_aliases:
            return matcher.existing(lexicon.courses[form])
        if form in lexicon.typos:
            return matcher.courses_for_key(lexicon.typos[form])
        if matcher.courses_for_key(form):
            return matcher.courses_for_key(form)
    return []


def link_courses(state: ParseState, ctx: LinkContext) -> None:
    _catalog_english_names(state, ctx)
    _english_aliases(state, ctx)
    for token in ctx.tokens:
        if token.is_hangul and not state.taken(token.start, token.end):
            if not _excluded(state, ctx, token):
                _korean_word(state, ctx, token)
    # Names written with spaces or glued to other words ("컴퓨터 구조", "회계원리랑").
    squashed = squash(remove_spans(state.question, state.spans))
    for key in ctx.matcher.scan_names(squashed):
        state.add_name([n for n in ctx.matcher.courses_for_key(key) if n not in state.excluded])
    if not state.names:
        _typos(state, ctx)


def _catalog_english_names(state: ParseState, ctx: LinkContext) -> None:
    """The catalog's own English course names, whole words ("Game Theory" is 게임이론 where the catalog says so)."""
    if not re.search(r"[A-Za-z]{3}", state.question):
        return
    pattern, names = ctx.matcher.english_names
    if pattern is None:
        return
    for match in pattern.finditer(state.question):
        if state.taken(*match.span()):
            continue
        name = names[" ".join(match.group(0).lower().split())]
        if _excluded_english(state, match.span(), ctx.matcher.courses_for_key(name) or [name]):
            continue
        state.replacements[match.span()] = name
        state.add_name(ctx.matcher.courses_for_key(name) or [name])
        state.notes.append(f"'{match.group(0)}' → {name}")


def _english_aliases(state: ParseState, ctx: LinkContext) -> None:
    """English aliases, longest first ("data structures" before "data")."""
    lowered = state.question.lower()
    for alias in sorted(ctx.lexicon.english_aliases, key=len, reverse=True):
        for match in re.finditer(r"(?<![a-z])" + re.escape(alias) + r"(?![a-z])", lowered):
            if state.taken(match.start(), match.end()):
                continue
            candidates = ctx.lexicon.courses[alias]
            existing = ctx.matcher.existing(candidates)
            if not existing:  # "선형대수" where this catalog says "선형대수학": the typo tolerance Korean words get
                existing = [n for key in ctx.matcher.closest_names(candidates[0]) for n in ctx.matcher.courses_for_key(key)]
            if _excluded_english(state, match.span(), existing):
                continue
            state.replacements[(match.start(), match.end())] = existing[0] if existing else candidates[0]
            state.add_name(existing)
            state.notes.append(f"'{state.question[match.start():match.end()]}' → {candidates[0]}")


def _excluded(state: ParseState, ctx: LinkContext, token: Word) -> bool:
    """"운체 말고 컴구": the first course is what the student does NOT want (`agent.query.negation`)."""
    negation = negation_after(state.question, token.end)
    if negation is None:
        return False
    excluded = resolve_name(token.text, ctx.matcher, ctx.lexicon)
    if not excluded:
        return False
    state.excluded.extend(n for n in excluded if n not in state.excluded)
    state.take(*with_negation(token.start, token.end, negation), note=f"제외: {', '.join(excluded[:3])}")
    return True


def _excluded_english(state: ParseState, span: tuple[int, int], names: list[str]) -> bool:
    """"except Data Structures", "not Linear Algebra": the named course is ruled out."""
    negation = negation_before(state.question, span[0])
    if negation is None or not names:
        return False
    state.excluded.extend(n for n in names if n not in state.excluded)
    state.take(*with_negation(*span, negation), note=f"제외: {', '.join(names[:3])}")
    return True


def _korean_word(state: ParseState, ctx: LinkContext, token: Word) -> None:
    """A nickname ("자구"), a listed typo ("운영채제") or an exact name, particles stripped."""
    for form in strip_particles(token.text):
        if form in ctx.lexicon.korean_aliases:
            existing = ctx.matcher.existing(ctx.lexicon.courses[form])
            target = existing[0] if existing else ctx.lexicon.courses[form][0]
            state.replacements[(token.start, token.end)] = target
            state.add_name(existing)
            state.notes.append(f"'{form}' → {target}")
            return
        corrected = ctx.lexicon.typos.get(form)
        if corrected:
            state.replacements[(token.start, token.end)] = corrected
            state.add_name(ctx.matcher.courses_for_key(corrected))
            state.notes.append(f"오타 '{form}' → {corrected}")
            return
        existing = ctx.matcher.courses_for_key(form)
        if existing:
            state.add_name(existing)
            return


def _typos(state: ParseState, ctx: LinkContext) -> None:
    """Content words that match nothing else but are one or two letters away from a course name."""
    for token in ctx.tokens:
        if not token.is_hangul or state.taken(token.start, token.end) or is_filler(token.text):
            continue
        for form in strip_particles(token.text)[::-1]:
            closest = ctx.matcher.closest_names(form)
            if closest:
                names = [n for key in closest for n in ctx.matcher.courses_for_key(key)]
                state.add_name(names)
                state.replacements[(token.start, token.end)] = ctx.matcher.courses_for_key(closest[0])[0]
                state.notes.append(f"오타 '{form}' → {names[0]}")
                break
