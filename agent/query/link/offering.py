"""How a section is offered, as students ask for it: level ("대학원 수업", "학부생", "grad courses"), delivery
("온라인", "비대면", "녹화 강의", "대면 수업", "in-person"), language of instruction ("영한혼합", "bilingual"),
grading as remarks state it ("절대평가인 과목", "S/U", "pass/fail"), the catalog's yes/no marks ("CU공유대학
과목", "honors 반", "아너스 분반", "승인과목", "국제학생 전용") and seats ("여석 있는", "자리 남은",
"open seats"). Each may be ruled out ("대학원 수업 말고", "not online": see
`agent.query.negation`); the words' meanings are in `agent.query.offering_words`.

A word glued to other letters is part of another word ("사이버보안", "대학원논문연구", "Remote Sensing"), never
a condition: it must stand alone or be followed only by particles and class words ("온라인으로", "녹화강의").
"""

from __future__ import annotations

import re
from dataclasses import replace

from agent.query.link.context import LinkContext
from agent.query.negation import negation_of, with_negation
from agent.query.offering_words import slot_value
from agent.query.reading import ParseState
from agent.query.text import strip_particles

_LEVEL_KO = re.compile(
    r"(?<![가-힣])(대학원생?|석사(?:\s*과정|생)?|박사(?:\s*과정|생)?(?!님)|석박사?(?:\s*과정)?|학부생|학부\s*과정|학사\s*과정"
    r"|학부(?=\s*(?:수업|과목|강의|강좌|전용))|학사(?=\s*(?:수업|과목|강의|강좌)))"
)
_LEVEL_EN = re.compile(
    r"(?<![a-z])(undergraduates?|undergrads?|postgraduate|master'?s|ph\.?d\.?|doctoral"
    r"|(?:graduate|grad)(?=s?\s*-?\s*(?:level|course|class|lecture|student|program|section|seminar|only)|s\b))",
    re.IGNORECASE,
)
_DELIVERY_KO = re.compile(r"(?<![가-힣])(비대면|대면|오프라인|온라인|원격|녹화|동영상|사이버|혼합형?|블렌디드)(?!본|해|하|된|했|됐)")
_DELIVERY_EN = re.compile(
    r"(?<![a-z])(online|remote|virtual|pre-recorded|recorded|hybrid|blended|in[-\s]person|face[-\s]to[-\s]face"
    r"|offline)(?![a-z])",
    re.IGNORECASE,
)
_LANGUAGE = re.compile(
    r"(영\s*[·ㆍ・.]?\s*한\s*혼합|한\s*[·ㆍ・]?\s*영\s*혼합|영한\s*혼용"
    r"|중국어로\s*(?:진행(?:하는|되는|하|돼)?|하는|가르치는)"
    r"|bilingual|korean\s*(?:and|&|/|-)\s*english|english\s*(?:and|&|/|-)\s*korean"
    r"|(?:taught|classes|courses|lectures?)\s+in\s+chinese|chinese[-\s]taught)",
    re.IGNORECASE,
)
# Grading as remarks state it: "절대평가인 과목", "S/U 과목", "pass/fail courses" (distinctive words: no
# `stands_alone` check, so "절대평가인" and "P/F로" read).
_GRADING = re.compile(
    r"(절대\s*평가|상대\s*평가|(?<![A-Za-z])(?:S\s*/\s*U|P\s*/\s*F)(?![A-Za-z])|pass\s*[/-]\s*fail|pass\s+or\s+fail)",
    re.IGNORECASE,
)
# The catalog's yes/no marks. Only the marks' own names, or a word that names a kind of section with its class
# word ("국제학생 전용", "honors class"): "국제학생도 들을 수 있어?" asks who may register, not for a kind of section.
_FLAGS = re.compile(
    r"(?<![A-Za-z0-9])(CU\s*공유\s*대학|CU(?=\s*(?:과목|강좌|수업|강의|분반|반)|\s*$|[^A-Za-z0-9])"
    r"|(?<![가-힣])(?:가톨릭\s*)?공유\s*대학|shared[-\s]university"
    r"|honou?rs|honou?r(?=\s*(?:class|section|course|반|분반|과목))|(?<![가-힣])아너스"
    r"|(?<![가-힣])승인\s*과목|approval[-\s](?:required|course(?=s?\b))"
    r"|(?<![가-힣])국제\s*학생(?=\s*(?:전용|대상\s*(?:반|분반|수업|과목|강좌)|반|분반))"
    r"|international\s+students?(?=\s+(?:only|sections?|class(?:es)?|courses?)))"
    r"(?![A-Za-z0-9])",
    re.IGNORECASE,
)
_FOR_WHOM = re.compile(r"(?:\s*(?:전용|대상|only)(?![가-힣A-Za-z]))?", re.IGNORECASE)
_SEATS_YES = re.compile(
    r"(?:여석|빈\s*자리|자리)\s*(?:이|가|은|는|도)?\s*(?:좀\s*|아직\s*)?(?:있는|남은|남아\s*있는|넉넉한|많은|있을)"
    r"|open\s+seats?|seats?\s+(?:left|available|remaining)|with\s+(?:open\s+|free\s+)?seats|not\s+(?:yet\s+)?full",
    re.IGNORECASE,
)
_SEATS_NO = re.compile(r"(?:여석|빈\s*자리|자리)\s*(?:이|가|은|는)?\s*(?:없는|꽉\s*찬|다\s*찬)|(?<![a-z])full\s+(?:classes|courses|sections)", re.I)


def stands_alone(text: str, start: int, end: int) -> bool:
    """The word text[start:end] is not the start of a longer word: what follows it without a space is empty
    or only particles and class words ("온라인으로", "녹화강의" yes; "사이버보안" no)."""
    rest = re.match(r"[가-힣A-Za-z]*", text[end:])
    glued = rest.group(0) if rest else ""
    if not glued:
        return True
    if glued.isascii() != text[start:end].replace(" ", "").isascii():
        return True  # "온라인class": another script starts another word
    word = text[start:end].replace(" ", "")
    return word in strip_particles(word + glued)


def _as_table_word(word: str) -> str:
    """The language phrases as the table's words ("Korean and English" -> bilingual, "중국어로" -> 중국어)."""
    lowered = word.lower()
    if "chinese" in lowered or word.startswith("중국어"):
        return "중국어"
    if "korean" in lowered and "english" in lowered:
        return "bilingual"
    return word


def _in_english_name(ctx: LinkContext, text: str, start: int, end: int) -> bool:
    """Inside one of the catalog's English course names ("Remote Sensing"): the name's, not a condition."""
    pattern, _ = ctx.matcher.english_names
    return pattern is not None and any(m.start() < end and start < m.end() for m in pattern.finditer(text))


def _link_words(state: ParseState, ctx: LinkContext, field: str, patterns: tuple[re.Pattern[str], ...]) -> None:
    text = state.question
    for pattern in patterns:
        for match in pattern.finditer(text):
            start, end = match.span(1) if match.lastindex else match.span()
            if state.taken(start, end) or not stands_alone(text, start, end):
                continue
            if text[start:end].isascii() and _in_english_name(ctx, text, start, end):
                continue
            value = slot_value(field, _as_table_word(text[start:end]))
            if value is None:
                continue
            if value.negated_values is not None and _says_only(text, start, end):
                value = replace(value, values=value.negated_values)  # "녹화로만": recorded-only, not mixed
            negation = negation_of(text, start, end)
            note = value.apply(state.filters, negated=negation is not None)
            state.take(*with_negation(start, end, negation), note=None if note in state.notes else note)


_ONLY_AFTER = re.compile(r"^\s*(?:강의|수업|강좌)?\s*(?:으로|로)?\s*만(?![가-힣])|^\s*(?:강의|수업)?\s*only\b", re.I)
_ONLY_BEFORE = re.compile(r"(?:\bonly|\bfully|\bpurely|100%|완전|전부|전체)\s*$", re.I)


def _says_only(text: str, start: int, end: int) -> bool:
    """"녹화 강의로만", "recorded only", "fully recorded": that mode alone."""
    return bool(_ONLY_AFTER.match(text[end : end + 16]) or _ONLY_BEFORE.search(text[max(0, start - 12) : start]))


def link_levels(state: ParseState, ctx: LinkContext) -> None:
    _link_words(state, ctx, "levels", (_LEVEL_KO, _LEVEL_EN))


def link_languages(state: ParseState, ctx: LinkContext) -> None:
    """Before English-taught and delivery: "Korean and English" and "영·한 혼합" are a language, neither the
    English-taught flag nor the 혼합 delivery mode."""
    _link_words(state, ctx, "languages", (_LANGUAGE,))


def link_delivery(state: ParseState, ctx: LinkContext) -> None:
    _link_words(state, ctx, "delivery", (_DELIVERY_KO, _DELIVERY_EN))


def link_grading(state: ParseState, ctx: LinkContext) -> None:
    text = state.question
    for match in _GRADING.finditer(text):
        start, end = match.span(1)
        value = slot_value("grading", re.sub(r"\s+or\s+", "/", text[start:end]))
        if state.taken(start, end) or value is None:
            continue
        negation = negation_of(text, start, end)
        note = value.apply(state.filters, negated=negation is not None)
        state.take(*with_negation(start, end, negation), note=None if note in state.notes else note)


def link_flags(state: ParseState, ctx: LinkContext) -> None:
    """"CU공유대학 과목", "honors 반", "아너스 분반 말고", "not honors": the catalog's marks; a word inside a course
    name ("Soongsil Honor Code", "화공유체역학") stays the name's."""
    text = state.question
    for match in _FLAGS.finditer(text):
        start, end = match.span(1)
        word = re.sub(r"^가톨릭\s*", "", text[start:end])
        end += len(_FOR_WHOM.match(text, end).group(0))  # "국제학생 전용": the words are the mark's
        value = slot_value("flags", re.sub(r"[-\s]+", "", word).lower())
        if value is None or state.taken(start, end) or _in_course_name(ctx, text, start, end):
            continue
        negation = negation_of(text, start, end)
        note = value.apply(state.filters, negated=negation is not None)
        state.take(*with_negation(start, end, negation), note=None if note in state.notes else note)


def _in_course_name(ctx: LinkContext, text: str, start: int, end: int) -> bool:
    """Is text[start:end] part of a course name the question writes out (Korean or English)?"""
    if text[start:end].isascii() and _in_english_name(ctx, text, start, end):
        return True
    word = re.sub(r"\s+", "", text[start:end]).lower()
    squashed = re.sub(r"\s+", "", text).lower()
    return any(word in key and key != word for key in ctx.matcher.scan_names(squashed))


def link_seats(state: ParseState, ctx: LinkContext) -> None:
    """"여석 있는" -> seats left as the catalog states them; the catalog's figure is a snapshot, and the note
    says so. "여석 있어?" asks about seats rather than filtering by them, and is left to the answer."""
    for pattern, wanted in ((_SEATS_NO, False), (_SEATS_YES, True)):
        match = pattern.search(state.question)
        if match and not state.taken(*match.span()):
            state.filters.has_seats = wanted
            said = "여석 있음" if wanted else "여석 없음"
            state.take(*match.span(), note=f"{said} (수강편람 기준, 실시간 여석 아님)")
            return
