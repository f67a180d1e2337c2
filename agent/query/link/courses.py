"""Course names: exact names, the lexicon's nicknames and typos, abbreviations derived from the catalog's
names (`agent.query.abbreviations`), English aliases, names written with spaces or glued to other words,
and near-misses (one or two letters off) of a name in the catalog."""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.query.abbreviations import Abbreviation
from agent.query.fillers import is_filler
from agent.query.lexicon import Lexicon
from agent.query.link.context import LinkContext
from agent.query.negation import negation_after, negation_before, with_negation
from agent.query.reading import ParseState
from agent.query.text import Word, levenshtein, remove_spans, squash, strip_particles
from agent.query.vocab import VocabularyMatcher

_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]{5,}")


@dataclass(frozen=True)
class _Derived:
    """A word that is a derived abbreviation, linked once the rest of the question is known."""

    token: Word
    form: str
    abbreviation: Abbreviation


def resolve_name(word: str, matcher: VocabularyMatcher, lexicon: Lexicon) -> list[str]:
    """Course names a single word stands for (alias, typo table, exact name or derived abbreviation), or []."""
    for form in strip_particles(word):
        if form in lexicon.korean_aliases and matcher.existing(lexicon.courses[form]):
            return matcher.existing(lexicon.courses[form])
        if form in lexicon.typos:
            return matcher.courses_for_key(lexicon.typos[form])
        if matcher.courses_for_key(form):
            return matcher.courses_for_key(form)
    for form in strip_particles(word):
        derived = matcher.abbreviations.lookup(form)
        if derived is not None:
            return list(derived.courses)
    return []


def link_courses(state: ParseState, ctx: LinkContext) -> None:
    _catalog_english_names(state, ctx)
    _english_aliases(state, ctx)
    _glued_english(state, ctx)
    derived: list[_Derived] = []
    for token in ctx.tokens:
        if token.is_hangul and not state.taken(token.start, token.end):
            if not _excluded(state, ctx, token):
                found = _korean_word(state, ctx, token)
                if found is not None:
                    derived.append(found)
    # Names written with spaces or glued to other words ("컴퓨터 구조", "회계원리랑").
    spans = state.claimed() + [(d.token.start, d.token.end) for d in derived]
    squashed = squash(remove_spans(state.question, spans))
    for key in ctx.matcher.scan_names(squashed):
        state.add_name([n for n in ctx.matcher.courses_for_key(key) if n not in state.excluded])
    for found in derived:
        _link_derived(state, ctx, found)
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
            start, end = match.span()
            if not state.taken(start, end) and all(end <= s or start >= e for s, e in state.replacements):
                _link_english_alias(state, ctx, match.span(), alias)  # "calc" inside "calc 1" is read once


def _link_english_alias(state: ParseState, ctx: LinkContext, span: tuple[int, int], alias: str) -> None:
    if ctx.matcher.courses_for_key(alias):
        return  # the catalog has a course of that very name ("Natural Language Processing"): the name wins
    candidates = ctx.lexicon.courses[alias]
    existing = ctx.matcher.existing(candidates)
    if not existing:  # "선형대수" where this catalog says "선형대수학": the typo tolerance Korean words get
        existing = [n for key in ctx.matcher.closest_names(candidates[0]) for n in ctx.matcher.courses_for_key(key)]
    if _excluded_english(state, span, existing):
        return
    state.replacements[span] = existing[0] if existing else candidates[0]
    state.add_name(existing)
    state.notes.append(f"'{state.question[span[0]:span[1]]}' → {candidates[0]}")
    if not existing and not ctx.matcher.name_contains(candidates[0]):
        # A name students use for a course this catalog does not have, nor any course named with it.
        state.unlinked.append(state.question[span[0] : span[1]])


def _glued_english(state: ParseState, ctx: LinkContext) -> None:
    """English names glued or slightly misspelt: "datastructures", "LinearAlgebra", "algoritms". A Latin
    word of 6+ letters nothing else took is compared, spaces and case aside, with the aliases and the
    catalog's English names: equal, or one letter off for words of 8+ letters."""
    if not re.search(r"[A-Za-z]{6}", state.question):
        return
    aliases = {alias.replace(" ", ""): alias for alias in ctx.lexicon.english_aliases}
    _, names = ctx.matcher.english_names
    catalog = {english.replace(" ", ""): name for english, name in names.items()}
    for match in _LATIN_WORD.finditer(state.question):
        word = match.group(0).lower()
        if state.taken(*match.span()) or is_filler(word):
            continue
        key = _glued_key(word, [*aliases, *catalog])
        if key in catalog:
            state.replacements[match.span()] = catalog[key]
            state.add_name(ctx.matcher.courses_for_key(catalog[key]) or [catalog[key]])
            state.notes.append(f"'{match.group(0)}' → {catalog[key]}")
        elif key in aliases:
            _link_english_alias(state, ctx, match.span(), aliases[key])


def _glued_key(word: str, keys: list[str]) -> str | None:
    if word in keys:
        return word
    if len(word) < 8:
        return None
    close = [key for key in keys if levenshtein(word, key, 1) <= 1]
    return close[0] if len(close) == 1 else None


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


def _korean_word(state: ParseState, ctx: LinkContext, token: Word) -> _Derived | None:
    """A nickname ("자구"), a listed typo ("운영채제") or an exact name, particles stripped; else a derived
    abbreviation, returned to be linked once the question's other courses are known."""
    forms = strip_particles(token.text)
    for form in forms:
        if form in ctx.lexicon.korean_aliases:
            existing = ctx.matcher.existing(ctx.lexicon.courses[form])
            derived = None if existing else ctx.matcher.abbreviations.lookup(form)
            if derived is not None:  # the hand list's courses are not in this catalog; its own names may say
                return _Derived(token, form, derived)
            target = existing[0] if existing else ctx.lexicon.courses[form][0]
            state.replacements[(token.start, token.end)] = target
            state.add_name(existing)
            state.notes.append(f"'{form}' → {target}")
            if not existing and not ctx.matcher.name_contains(target):  # nor any course named with it
                state.unlinked.append(target)
            return None
        corrected = ctx.lexicon.typos.get(form)
        if corrected:
            state.replacements[(token.start, token.end)] = corrected
            state.add_name(ctx.matcher.courses_for_key(corrected))
            state.notes.append(f"오타 '{form}' → {corrected}")
            return None
        existing = ctx.matcher.courses_for_key(form)
        if existing:
            state.add_name(existing)
            return None
    if is_filler(token.text):
        return None
    for form in forms:
        abbreviation = ctx.matcher.abbreviations.lookup(form)
        if abbreviation is not None:
            return _Derived(token, form, abbreviation)
    return None


def _link_derived(state: ParseState, ctx: LinkContext, found: _Derived) -> None:
    """A derived abbreviation: the courses that fit the question's department or its other courses, else
    every course of its best tier, the likeliest first. The rest are named in the notes, never dropped
    silently."""
    abbreviation = found.abbreviation
    chosen = _fitting(list(abbreviation.courses), state, ctx) or _fitting(list(abbreviation.others), state, ctx)
    chosen = [n for n in chosen or abbreviation.courses if n not in state.excluded]
    if not chosen:
        return
    others = [n for n in (*abbreviation.courses, *abbreviation.others) if n not in chosen]
    state.replacements[(found.token.start, found.token.end)] = chosen[0]
    state.add_name(chosen)
    note = f"'{found.form}' → {', '.join(chosen)}"
    state.notes.append(note + (f" (다른 후보: {', '.join(others[:3])})" if others else ""))


def _fitting(candidates: list[str], state: ParseState, ctx: LinkContext) -> list[str]:
    """The candidates offered by the question's departments, else by a department of its other courses;
    [] when the question says nothing about departments or no candidate fits."""
    wanted = set(state.filters.departments)
    if not wanted:
        wanted = {d for name in state.names for d in ctx.matcher.departments_of(name)}
    return [n for n in candidates if ctx.matcher.departments_of(n) & wanted] if wanted else []


def _inside_named(form: str, state: ParseState) -> bool:
    return any(form in squash(name) for name in state.names)


def _typos(state: ParseState, ctx: LinkContext) -> None:
    """Content words that match nothing else but are one or two letters away from a course name. Beside a
    course the question already names, only words of 4+ letters are tried ("자구랑 운영채제 겹쳐?"): a short
    word next to a course is more often an ordinary one. A department's stem is a word spelt right, never a
    typo ("경영학" is not 경영과학 misspelt)."""
    for token in ctx.tokens:
        if not token.is_hangul or state.taken(token.start, token.end) or is_filler(token.text):
            continue
        forms = strip_particles(token.text)
        if any(ctx.matcher.courses_for_key(form) or _inside_named(form, state) for form in forms):
            continue  # a course name written out, or a word of one ("시스템 프로그래밍"): linked already
        if state.names and min(len(form) for form in forms) < 4:
            continue
        if any(ctx.matcher.is_department_stem(form) for form in forms):
            continue  # a department's own word ("경영학", "국어국문"), said right: no course name's typo
        for form in forms[::-1]:
            closest = ctx.matcher.closest_names(form)
            if closest:
                names = [n for key in closest for n in ctx.matcher.courses_for_key(key)]
                state.add_name(names)
                state.replacements[(token.start, token.end)] = ctx.matcher.courses_for_key(closest[0])[0]
                state.notes.append(f"오타 '{form}' → {names[0]}")
                break
