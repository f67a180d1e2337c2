"""How students name terms, in Korean and English: each pattern with what it means as term names.

Read against a `Calendar` (the terms the index holds, oldest first, and the CURRENT term: the request's, else
the newest held), see `agent.query.term_arithmetic` for the rules of relative words:
- absolute: "2024년 1학기", "2024학년도 2학기", "2024-1", "24-1", "24년도 2학기", "2024 여름학기", "2024년 겨울 계절학기",
  "spring 2024", "fall '23", "2024 summer"; a year alone ("2024년", "in 2024") means every held term of it;
- relative: "이번 학기" (current), "지난(번)/저번/직전 학기", "last semester" (previous REGULAR semester), "다음 학기",
  "next semester" (next regular), "작년"/"재작년"/"last year" alone (every held term of that year, as "2024년"),
  "올해"/"내년" alone (the current semester in that year), a relative year with a semester ("작년 1학기",
  "올해 여름학기"), "지난 겨울 계절학기"/"last winter" (the
  newest such session before the current term), "이번 여름 계절학기", "this fall", "다음 겨울학기", "next spring";
- a semester alone: "2학기", "봄학기", "fall semester" (this year's), "여름학기", "겨울 계절", "계절학기", "summer
  session" (the newest such session the index holds; before the current term when it holds none);
- across terms (no term of its own): "예전에도", "전에도", "그동안", "역대", "지금까지", "열린 적 있어?", "매 학기",
  "언제 열렸어?", "어느 학기에", "ever", "previously", "in past semesters", "over the years", "which terms",
  "when was it offered"; an earlier name ("원래 이름", "이름 바뀌었어?",
  "old name", "renamed").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from agent.catalog.terms import TermError, semester_code
from agent.query import term_arithmetic as ta

_SESSION_WORDS = {"여름": "여름", "하계": "여름", "summer": "여름", "겨울": "겨울", "동계": "겨울", "winter": "겨울"}


@dataclass(frozen=True)
class Calendar:
    """What relative words are read against: `held` (oldest first; empty = unknown) and `now`."""

    held: tuple[str, ...]
    now: str | None

    @property
    def now_year(self) -> int | None:
        parts = ta.split_term(self.now or "")
        return parts[0] if parts else None

    def year(self, text: str | None) -> int | None:
        """'2024' -> 2024; '24' -> 2024 when plausible for this index (a few years around its terms)."""
        if not text:
            return None
        value = int(text)
        if value >= 100:
            return value
        years = [parts[0] for t in (*self.held, self.now or "") if (parts := ta.split_term(t))]
        low, high = (min(years) - 6, max(years) + 3) if years else (2010, 2039)
        return 2000 + value if low <= 2000 + value <= high else None


@dataclass(frozen=True)
class Named:
    """Term names a phrase means, and how to name them when the index lacks them. A phrase for one term
    names it whether held or not ("2022-1"); a phrase for several ("2024년") names the held ones only, and
    none when the index holds none of them (then `label` is the year)."""

    terms: tuple[str, ...]
    label: str
    low: str = ""
    high: str = ""
    """The first and last term the phrase covers, held or not (a range "2023년부터" starts at `low`)."""

    @classmethod
    def one(cls, term: str | None) -> Named | None:
        return cls((term,), term, term, term) if term else None


Reader = Callable[[re.Match[str], Calendar], Named | None]


def _group(m: re.Match[str], *names: str) -> str | None:
    """The first of the named groups that matched (alternations capture one thing under several names)."""
    return next((m.group(n) for n in names if n in m.re.groupindex and m.group(n)), None)


def _semester(word: str | None) -> str | None:
    try:
        return semester_code(word) if word else None
    except TermError:
        return None


def _year_semester(m: re.Match[str], cal: Calendar) -> Named | None:
    year, semester = cal.year(_group(m, "year")), _semester(_group(m, "sem", "sem2"))
    return Named.one(f"{year}-{semester}") if year and semester else None


def _year_alone(m: re.Match[str], cal: Calendar) -> Named | None:
    year = cal.year(_group(m, "year", "year2"))
    if year is None:
        return None
    return Named(tuple(ta.terms_of_year(year, cal.held)), str(year), f"{year}-1", f"{year}-겨울")


_RELATIVE_YEARS = {"재작년": -2, "작년": -1, "지난해": -1, "지난 해": -1, "전년": -1, "올해": 0, "금년": 0, "내년": 1,
                   "다음해": 1, "다음 해": 1, "last year": -1, "this year": 0, "next year": 1,
                   "the year before last": -2, "two years ago": -2, "2 years ago": -2}


def _relative_year(m: re.Match[str], cal: Calendar) -> Named | None:
    """"작년 1학기", "올해 여름학기", "재작년 계절학기"; a past year alone ("작년", "last year") is all its terms,
    "올해"/"내년" alone the current semester in that year."""
    if cal.now is None:
        return None
    shift = _RELATIVE_YEARS.get(" ".join(m.group("rel").lower().split()), 0)
    semester = _semester(_group(m, "sem", "sem2"))
    if _group(m, "sessions"):
        year = (cal.now_year or 0) + shift
        sessions = ta.terms_of_year(year, cal.held, ta.SESSIONS)
        return Named(tuple(sessions), str(year), f"{year}-여름", f"{year}-겨울")
    if semester is None and shift < 0:  # "작년에 뭐 가르치셨어?": the whole of that year, as "2024년에" is
        year = (cal.now_year or 0) + shift
        return Named(tuple(ta.terms_of_year(year, cal.held)), str(year), f"{year}-1", f"{year}-겨울")
    return Named.one(ta.shift_years(cal.now, shift, semester))


def _last_season(m: re.Match[str], cal: Calendar) -> Named | None:
    """"지난 겨울 계절학기", "저번 여름학기", "last summer": the newest such session before the current term."""
    if cal.now is None:
        return None
    kind = _semester(_group(m, "sem", "sem2"))
    if kind is None:  # "지난 계절학기": the newer of the last summer and the last winter
        found = [t for t in (ta.last_session(k, cal.now) for k in ta.SESSIONS) if t]
        return Named.one(ta.chronological(found)[-1] if found else None)
    return Named.one(ta.last_session(kind, cal.now))


def _this_or_next_season(m: re.Match[str], cal: Calendar) -> Named | None:
    if cal.now is None or (kind := _semester(m.group("sem"))) is None:
        return None
    if m.group("rel").lower() in ("next", "다음", "담"):
        return Named.one(ta.next_session(kind, cal.now))
    return Named.one(f"{cal.now_year}-{kind}")


def _current(m: re.Match[str], cal: Calendar) -> Named | None:
    return Named.one(cal.now)


def _previous(m: re.Match[str], cal: Calendar) -> Named | None:
    return Named.one(ta.previous_regular(cal.now)) if cal.now else None


def _next(m: re.Match[str], cal: Calendar) -> Named | None:
    if cal.now is None:
        return None
    after = ta.next_regular(cal.now)
    return Named.one(ta.next_regular(after) if after and m.group(0).startswith("다다음") else after)


def _session_alone(m: re.Match[str], cal: Calendar) -> Named | None:
    """"여름학기", "겨울 계절", "계절학기", "summer session": the newest such session held (else the last one
    before the current term, which the index then lacks)."""
    word = (_group(m, "sem", "sem2", "sem3") or "").lower()
    kinds = (_SESSION_WORDS[word],) if word in _SESSION_WORDS else ta.SESSIONS
    held = ta.newest_of(kinds, cal.held)
    if held:
        return Named.one(held)
    if cal.now is None:
        return None
    found = [t for t in (ta.last_session(k, cal.now) for k in kinds) if t]
    return Named.one(ta.chronological(found)[-1] if found else None)


def _semester_alone(m: re.Match[str], cal: Calendar) -> Named | None:
    """"2학기", "봄학기", "fall semester": that semester of the current term's year."""
    semester = _semester(_group(m, "sem", "sem2"))
    return Named.one(f"{cal.now_year}-{semester}") if cal.now_year and semester else None


# Pattern pieces: a year ("2024", "24"), a Korean season, an English one, and what may not follow "24-1".
_YEAR = r"(?P<year>20\d{2}|\d{2})"
_SEASON = r"(?P<sem2>봄|가을|여름|겨울|하계|동계)(?:\s*계절)?(?:\s*학기)?"
_EN_SEASON = r"(?P<sem>spring|fall|autumn|summer|winter)"
_NOT_AFTER = r"(?!\s*(?:교시|학년|분반|반|학점|시|호|번|명|개|과목))"


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("".join(parts))


READERS: tuple[tuple[re.Pattern[str], Reader], ...] = (
    # absolute: "2024년 1학기", "24년도 2학기", "2024 여름학기"; "2024-1", "24-2"; "spring 2024", "2024 fall"
    (_rx(r"(?<![\d.])", _YEAR, r"\s*(?:년도|학년도|년)?\s*[-_./]?\s*(?:(?P<sem>1|2)\s*학기|", _SEASON, ")"),
     _year_semester),
    (_rx(r"(?<![0-9A-Za-z.-])", _YEAR, r"\s*-\s*(?P<sem>1|2|여름|겨울)(?![0-9A-Za-z.-])", _NOT_AFTER), _year_semester),
    (_rx(r"(?i)\b", _EN_SEASON, r"(?:\s+(?:semester|term|session|quarter))?(?:\s+of)?\s*'?", _YEAR, r"\b"),
     _year_semester),
    (_rx(r"(?i)\b(?P<year>20\d{2})\s+", _EN_SEASON, r"\b"), _year_semester),
    # relative: "작년 (1학기)", "재작년 여름학기", "올해 계절학기", "last year"; "지난 겨울 계절학기", "last fall"
    (_rx(r"(?P<rel>재작년|(?<!재)작년|지난\s?해|전년|올해|금년|내년|다음\s?해)도?(?:\s*에)?\s*",
         r"(?:(?P<sem>1|2)\s*학기|", _SEASON, r"|(?P<sessions>계절\s*학기))?"), _relative_year),
    (_rx(r"(?i)\b(?P<rel>the year before last|two years ago|2 years ago|last year|this year|next year)"),
     _relative_year),
    (_rx(r"(?:지난|저번|전번|직전)\s*(?:", _SEASON, r"|계절\s*학기)"), _last_season),
    (_rx(r"(?i)\b(?:last|previous)\s+", _EN_SEASON, r"\b"), _last_season),
    (_rx(r"(?i)\b(?P<rel>this|next)\s+", _EN_SEASON, r"\b"), _this_or_next_season),
    (_rx(r"(?P<rel>이번|올|다음|담)\s?(?P<sem>여름|겨울|하계|동계)(?:\s*계절)?(?:\s*학기)?"), _this_or_next_season),
    # the current, previous and next regular semester
    (_rx(r"(?:이번|금|현)\s?학기|(?i:\b(?:this|current|present)\s+(?:semester|term)\b)"), _current),
    (_rx(r"(?:지난번|지난|저번|직전|이전|전번)\s?학기(?!\s*들)",
         r"|(?i:\b(?:last|previous|prior)\s+(?:semester|term)\b(?!s))"), _previous),
    (_rx(r"(?:다다음|다음|담)\s?학기|(?i:\b(?:next|upcoming|coming)\s+(?:semester|term)\b)"), _next),
    # a semester alone: "여름학기", "겨울 계절", "계절학기", "summer session"; "2학기", "봄학기", "fall semester"
    (_rx(r"(?P<sem>여름|겨울|하계|동계)\s*(?:계절\s*)?학기|(?P<sem2>여름|겨울)\s*계절|(?<![가-힣])계절\s*학기",
         r"|(?i:\b(?P<sem3>summer|winter)\s+(?:session|semester|term|school)s?\b)"), _session_alone),
    (_rx(r"(?<![\d\-.])(?P<sem>1|2|봄|가을)\s*학기",
         r"|(?i:\b(?P<sem2>spring|fall|autumn|first|second)\s+semester\b)"), _semester_alone),
    # a year alone: "2024년", "24년도", "in 2024", "since 2024"
    (_rx(r"(?<![\d.])", _YEAR, r"\s*(?:년도|학년도|년)(?!\s*\d)(?!생|차|대)",
         r"|(?i:\b(?:in|since)\s+(?P<year2>20\d{2})\b)"), _year_alone),
)

ACROSS = _rx(
    r"예전에?|옛날에?|과거에?|(?<!시 )(?<![시분0-9])이전에도|(?<!시 )(?<![가-힣0-9])전에도",
    r"|(?<!시 )(?<![가-힣0-9])전에(?=\s*(?:는\s*)?(?:열|개설|했|있었|가르|강의|누가))",
    r"|그동안|그간|역대|지금까지|여태(?:까지|껏)?|이때까지|매\s?학기|학기마다|학기별로?",
    r"|다른\s?학기|모든\s?학기|전체\s?학기|여러\s?학기|(?:지난|이전|예전)\s?학기들",
    r"|(?:열린|열렸던|개설된|개설됐던|개설했던|있었던|했던|가르친|가르쳤던|강의한|강의했던|진행된|나왔던)\s?적",
    # when, or in which terms, it ran: "언제 열렸어?", "언제 가르쳤어?", "어느 학기에 있었어?"
    r"|언제\s?(?:열렸|개설됐|개설되었|가르쳤|강의했|맡았|있었)|(?:어느|어떤|무슨|몇)\s?학기(?:에|들|마다)",
    # an earlier name ("원래 이름", "이름 바뀌었어?", "old name"): what the course was called in other terms
    r"|(?:원래|이전|옛|(?<![가-힣])전)\s?(?:이름|과목명|명칭)|(?:이름|과목명)(?:이|은)?\s?(?:바뀌|바꼈|변경)",
    r"|(?i:\bever\b|\bpreviously\b|\bin\s+(?:the\s+)?past\b|\bhistorically\b|\bover\s+the\s+years\b|\bused\s+to\b",
    r"|\b(?:in\s+)?(?:the\s+)?(?:past|previous|earlier|other|prior)\s+(?:semesters|terms|years)\b",
    r"|\b(?:every|each)\s+(?:semester|term)\b|\ball\s+(?:the\s+)?(?:semesters|terms)\b",
    r"|\b(?:which|what)\s+(?:terms?|semesters?|sessions?)\b|\bwhen\s+(?:was|were|did|has|had)\b",
    r"|\b(?:offered|taught|opened|given|held|run|called|named)\s+before\b(?!\s*\d)|\brenamed\b",
    r"|\b(?:old|former|previous|earlier|original)\s+(?:course\s+)?name\b|\bformerly\b)",
)
# Between two terms, a range ("2023-1부터 2024-2까지", "2023-1~2024-2", "from spring 2023 to fall 2024"); after
# one term, a range up to the current term ("2023년부터", "작년 이후로", "since 2023").
RANGE_BETWEEN = re.compile(r"^\s*(?:부터|에서|~|-|to|through|until)\s*$", re.I)
RANGE_FROM = re.compile(r"^\s*(?:도|에|에도)?\s*(?:부터|이후로?|以後)")
SINCE = re.compile(r"(?i)\b(?:since|from)\s+$|^since\b")


def asks_only_terms(text: str) -> bool:
    """Does the text name a term and, besides it, only ask ("여름학기에 뭐 열려?", "계절학기 있어?", "예전에도
    있었어?")? Then it is a question about the catalog even with no course word; "지난 학기 성적 어떻게 봐?" is not."""
    from agent.query.fillers import is_filler
    from agent.query.text import words

    spans = [m.span() for m in ACROSS.finditer(text)]
    spans += [m.span() for pattern, _ in READERS for m in pattern.finditer(text)]
    if not spans:
        return False
    rest = "".join(" " if any(s <= i < e for s, e in spans) else char for i, char in enumerate(text))
    return all(is_filler(w.text) or not w.text[:1].isalnum() for w in words(rest))


def mentions_term(text: str) -> bool:
    """Does the text name a term, or ask across terms ("2024-1", "지난 학기", "예전에도")? Without reading it:
    callers that route a question (search mode's planning) only need to know the retriever should read it."""
    return bool(ACROSS.search(text)) or any(pattern.search(text) for pattern, _ in READERS)


def term_words(text: str) -> str:
    """Only the words of the text that name a term or ask across terms ("그 교수님 다음 학기엔 뭐 해?" -> "다음
    학기"): what a follow-up passes on for the tool to read against the request's term."""
    spans = sorted({m.span() for m in ACROSS.finditer(text)}
                   | {m.span() for pattern, _ in READERS for m in pattern.finditer(text)})
    return " ".join(text[start:end] for start, end in spans)
