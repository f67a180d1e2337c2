"""Search mode, understanding a turn: what kind of turn it is and which words of it matter.

Deterministic rules over the question (no model): prompt injection and secret requests, greetings,
questions outside the catalog (what no catalog answers, however worded: `beyond_catalog`), the question's
language, the attributes it asks about ("누가 가르쳐?" ->
professor), and references to earlier answers ("그 수업", "those"; `followup` reads what they continue).
`planning` turns these readings into tool calls.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from agent.index.base import Vocabulary
from agent.query.patterns import COURSE_CODE, mentions_days
from agent.search_mode.beyond_catalog import GRADING

Language = Literal["ko", "en"]
Focus = Literal[
    "credits", "professor", "time", "room", "sections", "timetable", "english", "year",
    "seats", "exam", "prerequisite", "restrictions", "delivery", "grading",
]

INJECTION = re.compile(
    r"(시스템\s*프롬프트|system\s*prompt|프롬프트|prompt|지시\s*(사항)?\s*(을|를)?\s*(모두\s*)?무시|이전\s*(지시|명령)|"
    r"ignore\s+(all\s+|the\s+)?(previous|prior|above)|instructions?|jailbreak|탈옥|"
    r"api\s*[-_]?\s*(키|key)|(비밀|시크릿|secret|access|액세스)\s*(키|key)|토큰\s*(값|알려)|비밀\s*번호|password|"
    r"환경\s*변수|env(ironment)?\s*var|너의?\s*(설정|규칙|지침|규칙들)|(설정|지침)\s*(을|를)?\s*(보여|알려|출력)|"
    # Role play that switches the rules off ("관리자 모드", "debug mode", "이전 규칙은 무효"), or asks to invent facts.
    r"(관리자|개발자|디버그|운영자|테스트|탈옥|무제한)\s*모드|(debug|developer|admin|god|dan)\s+mode|"
    r"(이전|기존|모든|앞의?|위의?)\s*(규칙|제약|조건|지침)\S{0,3}\s*(무효|무시|해제|잊어)|(규칙|제약|지침)[^.?!]{0,8}(무효|무시해|해제)|"
    r"hidden\s+(instruction|rule|prompt)|지어\s*내|꾸며\s*내|만들어\s*내서라도|make\s+(it|something|one)\s+up|"
    r"pretend\s+(you|to)|you\s+are\s+now|"
    # Rules forgotten and a new role given ("받은 규칙 다 잊어", "이제부터 넌 해적이야", "from now on you are").
    r"(규칙|제약|지침|설정)[^.?!]{0,8}(잊어(?!버리기|버리는)|잊고|잊으)|이제\s*부터\s*(넌|너는|당신은|니가|네가)|"
    r"forget\s+(all\s+)?(your|the|previous|prior|earlier)\s+(rules|instructions|prompt)|from\s+now\s+on,?\s+you\s+(are|will))",
    re.IGNORECASE,
)
GREETING = re.compile(
    r"^\s*(안녕|안뇽|하이|hi|hello|hey|반가워|반갑습니다|고마워|고맙습니다|감사합니다|감사해요|땡큐|thanks?|thank you)", re.I
)
_COURSE_WORDS = re.compile(
    r"(수업|강의|과목|강좌|학점|교수|가르치|가르쳐|가르칠|분반|시간표|전공|교양|수강|개설|학과|학부|이수|전필|전선|전기|교필|교선|실험|실습|"
    r"세미나|캡스톤|프로젝트|과정|강의실|몇\s*시|요일|오전|오후|저녁|아침|공강|영어\s*강의|원어|"
    r"course|class|lecture|credit|professor|syllabus|semester|section|timetable|schedule)",
    re.IGNORECASE,
)
_HOUR = re.compile(r"\d{1,2}\s*시(?!간)|\d{1,2}:\d{2}")
OFFTOPIC = re.compile(
    r"(날씨|맛집|점심|저녁\s*메뉴|메뉴\s*추천|주식|코인|비트코인|로또|연애|여자\s*친구|남자\s*친구|게임|영화\s*추천|노래|"
    r"농담|재밌는\s*얘기|운세|번역해|대신\s*(써|작성)|숙제\s*해|과제\s*해|레포트\s*(써|작성)|코드\s*짜|요리|레시피|"
    r"놀러|여행|데이트|카페|술집|노래방|(?:갈|놀)\s*만한\s*곳|곳\s*추천|"
    # University administration the course catalog does not hold.
    r"수강\s*신청\s*(?:기간|일정|언제|날짜|시작|마감|방법)|등록금|장학금|졸업\s*요건|학사\s*일정|휴학|복학|기숙사|학식|"
    r"weather|stock|joke|recipe|movie)",
    re.IGNORECASE,
)
REFERENCE = re.compile(
    r"(그\s*(수업|과목|강의|강좌|거|것|건|게|분반|교수)|그거|그건|그게|그것|이\s*(수업|과목|강의|강좌)|이거|이건|"
    r"거기|해당\s*(수업|과목|강의|강좌)|위\s*(수업|과목|강의|강좌)|방금|아까|둘\s*다|두\s*(과목|수업|개)|셋\s*다|"
    r"어느\s*(쪽|거|것|분반|반)|어떤\s*(거|것|분반|반)|그\s*중|그중|"
    r"다른\s*분반|다른\s*반|첫\s*번째|두\s*번째|세\s*번째|\d\s*번\s*(째|과목|수업)?|"
    r"that\s+(class|course|one|professor|instructor)|it\b|\b(?:[Tt]hose|[Tt]hese|them)\b)"
)
# "02분반", "3 분반"; not the numeral of a name ("일반화학1 분반" asks about every section of 일반화학I).
SECTION = re.compile(r"(?<![0-9A-Za-z가-힣ⅠⅡⅢⅣⅤ])(\d{1,3})\s*분반")
# An item that is only a section ("05반", "2분반", "section 3"): of the course the conversation was about.
SECTION_ONLY = re.compile(r"\s*(?:\d{1,3}\s*(?:분반|반)|(?:section|sec\.?)\s*\d{1,3})\s*", re.IGNORECASE)
# Whether courses fit together: "겹쳐?", "같이 넣어도 돼?", "둘 다 들을 수 있어?", "동시에 신청 가능?", "can I take both".
_TIMETABLE = re.compile(
    r"(겹[치쳐칩친침칠]|충돌|(?:같이|함께)\s*(?:들을|듣|들어|수강|신청|넣|담)|동시에|"
    r"둘\s*다\s*(?:들을|듣|들어|수강|신청|넣|담)|시간표\s*(짜|확인)|"
    r"overlap|clash|conflict|can\s+i\s+take\b.*\b(?:with|and|both)\b"
    r"|\b(?:take|fit|register\s+for)\b.*\b(?:together|both)\b)",
    re.I,
)
FOCUS_PATTERNS: dict[Focus, re.Pattern[str]] = {
    "credits": re.compile(r"(학점|credit)", re.I),
    "professor": re.compile(
        r"(교수|누가\s*(가르|강의|해)|누구(?:야|예요|에요|세요|지|인가요)|담당|선생|강사|professor|instructor"
        r"|who\s+(?:teaches|taught))", re.I
    ),
    "time": re.compile(r"(언제|몇\s*시|무슨\s*요일|어느\s*요일|요일|시간(?!표)|when|what\s+time)", re.I),
    "room": re.compile(r"(어디|강의실|장소|건물|호관|room|where)", re.I),
    "sections": re.compile(r"(분반|다른\s*반|sections?)", re.I),
    "english": re.compile(r"(영어\s*강의|영어로|영강|원어|english)", re.I),
    # "몇 학년 과목이야?" asks the recommended year; "3학년 전공" is a constraint, not this question.
    "year": re.compile(
        r"(몇\s*학년|권장\s*학년|대상\s*학년|학년\s*(?:이|은|용)?\s*(?:몇|어떻게|뭐|언제)|what\s+year|which\s+year|year\s+level)",
        re.I,
    ),
    # Attributes only some catalogs hold (`CourseSection` optional fields): answered from the catalog where it
    # has them, else "수강편람에 그 정보는 없어요" (agent/search_mode/compose_catalog.py).
    "seats": re.compile(
        r"(여석|잔여\s*석|빈\s*자리|자리\s*(?:가|이)?\s*(?:있|남|없)|정원|수강\s*인원|수강생\s*(?:수|몇|이\s*몇)|몇\s*명|"
        r"seats?\b|capacity|spots?\s+left|how\s+many\s+(?:students|people)|enrol(?:l)?(?:ed|ment))", re.I,
    ),
    "exam": re.compile(r"(시험|중간\s*고사|기말\s*고사|exams?\b|midterm|final\s+exam)", re.I),
    "prerequisite": re.compile(
        r"(선수\s*과목|선이수|선수\s*강좌|먼저\s*들어야|미리\s*들어야|prerequisites?|prereq)", re.I
    ),
    "restrictions": re.compile(
        r"(수강\s*대상|수강\s*제한|대상\s*외|타과생?|타\s*학과|다른\s*(?:과|학과)\s*(?:학생|사람)?도|복수\s*전공생?|"
        r"누가\s*들을\s*수|eligib|who\s+(?:can|may)\s+(?:take|register|enrol)|restrict|"
        # Conditions to register: "수강 조건", "조건 있어?", "자격 요건이 뭐야".
        r"(?:수강|신청|들을|듣는)\s*조건|조건\s*(?:이|은|도)?\s*(?:있|뭐|어떻|어때)|자격\s*(?:요건|조건)|"
        # Asking whether one may take it: "들어도 돼?", "수강 가능해?", "can a CS major take it?".
        r"(?:들어|수강해|신청해)\s*도\s*(?:돼|되|괜찮)|(?:수강|신청)\s*(?:이\s*)?가능(?:해|한가|할까|하나|한지|여부|\s*\?|$)|"
        r"(?:수강|신청)\s*할\s*수\s*있|\bcan\s+an?\s+(?:[\w-]+\s+){0,3}?(?:take|register|enrol)|"
        r"allowed\s+to\s+(?:take|register))", re.I,
    ),
    "delivery": re.compile(
        r"(온라인|비대면|대면|녹화|원격|실시간|zoom|online|in[-\s]person|recorded|remote)", re.I
    ),
    "grading": GRADING,
}
# Whether a student who said who they are may take it: the restrictions words, and "들을 수 있나요?", "can I take
# it?" (alone those ask for a list: "월요일에 들을 수 있는 전공").
MAY_TAKE = re.compile(FOCUS_PATTERNS["restrictions"].pattern + r"|들을\s*수\s*(?:있|없)|\bcan\s+i\s+take\b", re.I)
# "금요일에 안 겹치는 분반": a day the sections must avoid, not a timetable check between courses.
_DAY_AVOIDED = re.compile(
    r"[월화수목금토일](?:요일)?\s*(?:은|는|엔|에는|에|이랑|하고)?\s*(?:안\s*(?:겹|걸리|걸려)|겹치지\s*않|걸리지\s*않)"
)
# Words that keep to what was just shown rather than start a new search: its sections, "그 중에", "…만",
# "only", "of those", "말고 …", "what about …". ("월요일에만 하는 수업 있어?" names no section and stays a
# new question.)
NARROWING_WORDS = re.compile(
    r"분반|(?<![가-힣])반(?:만|은|이|도)?(?![가-힣])|다시|그럼|그러면|그\s*중|이\s*중"
    r"|(?:것|거|건|애|수업|강의|과목)들?\s*만|\b(?:only|just|among)\b|\bof\s+(?:those|them|these)\b"
    r"|\b(?:what|how)\s+about\b|말고|대신|\binstead\b|\bsections?\b|\bwhich\s+(?:one|ones)\b",
    re.IGNORECASE,
)
_COURSE_SUFFIX = re.compile(r"(학|론|개론|입문|실습|실험|세미나|연습|특강|원리|이론|과목|수업|강의)$")


def question_language(text: str, vocabulary: Vocabulary | None = None) -> Language:
    """"en" for a question written in English, also around Korean names copied from the catalog ("When is
    자료구조?", "courses by Prof. 한도윤"): every Hangul word is then a course, professor or department of
    the catalog (or a course nickname), and the sentence itself is English."""
    hangul_words = re.findall(r"[가-힣]+", text)
    latin = len(re.findall(r"[A-Za-z]", text))
    if not hangul_words:
        return "en" if latin >= 3 else "ko"
    if vocabulary is None or len(re.findall(r"[A-Za-z]{2,}", text)) < 2:
        return "ko"
    from agent.query.lexicon import default_lexicon
    from agent.query.vocab import matcher_for

    matcher = matcher_for(vocabulary)
    nicknames = default_lexicon().korean_aliases
    names_only = all(
        w in matcher.people_and_departments or w in nicknames or matcher.courses_for_key(w)
        or matcher.abbreviations.lookup(w) is not None  # a nickname derived from the catalog's names
        for w in hangul_words
    )
    return "en" if names_only else "ko"


def name_hits(question: str, vocabulary: Vocabulary | None) -> bool:
    """Does any word of the question (>= 2 syllables, particles stripped) occur in a course name,
    department or professor of the catalog? The catalog itself says what is on-topic."""
    if vocabulary is None:
        return False
    from agent.query.text import strip_particles, words  # light, pure Python

    haystack = "\n".join(n.replace(" ", "") for n in vocabulary.course_names + vocabulary.departments).lower()
    professors = set(vocabulary.professors)
    for word in words(question):
        if not word.is_hangul and not word.text.isascii():
            continue
        for form in strip_particles(word.text):
            if form in professors:
                return True
            if len(form) >= 2 and (word.is_hangul or len(form) >= 3) and form.lower() in haystack:
                return True
    return False


def _parser_hit(question: str, vocabulary: Vocabulary | None) -> bool:
    """The retrieval parser understood something course-like: a filter, or a course name/abbreviation."""
    from agent.query import parse_question  # pure Python, cached per vocabulary

    parsed = parse_question(question, vocabulary or Vocabulary())
    return not parsed.filters.is_empty() or bool(parsed.course_names)


def _course_signal(text: str) -> bool:
    """A course word, a day, an hour or a course code."""
    return bool(
        _COURSE_WORDS.search(text) or mentions_days(text) or _HOUR.search(text) or COURSE_CODE.search(text)
    )


def is_course_question(question: str, vocabulary: Vocabulary | None) -> bool:
    return _course_signal(question) or name_hits(question, vocabulary) or _parser_hit(question, vocabulary)


def course_like_word(question: str) -> bool:
    """A word shaped like a course name ("양자요리학", "화성탐사개론"): the question is about a course, even
    one the catalog lacks, so it is searched and answered "no such course" rather than declined."""
    from agent.query.text import strip_particles

    return any(
        len(form) >= 3 and _COURSE_SUFFIX.search(form)
        for word in re.findall(r"[가-힣]{3,}", question)
        for form in strip_particles(word)
    )


def is_off_topic(question: str, vocabulary: Vocabulary | None) -> bool:
    """An off-topic word ("날씨", "맛집") that is not part of a course name ("게임이론"), with no course
    signal (course word, day, hour, code) outside it: the question is not about the catalog even when
    another of its words happens to occur in a course name ("오늘" in "오늘의중국")."""
    spans = _off_topic_spans(question, vocabulary)
    if not spans:
        return False
    rest = question
    for start, end in reversed(spans):
        rest = rest[:start] + " " + rest[end:]
    return not _course_signal(rest)


def _off_topic_spans(question: str, vocabulary: Vocabulary | None) -> list[tuple[int, int]]:
    from agent.query.text import strip_particles
    from agent.query.vocab import matcher_for

    haystack: str | None = None  # the course names, only when an off-topic word needs checking against them
    spans: list[tuple[int, int]] = []
    for match in OFFTOPIC.finditer(question):
        if haystack is None:
            haystack = matcher_for(vocabulary).names_blob if vocabulary else ""
        start, end = match.start(), match.end()
        while start > 0 and question[start - 1].isalnum():
            start -= 1
        while end < len(question) and question[end].isalnum():
            end += 1
        forms = strip_particles(question[start:end]) + [match.group(0)]
        if haystack and any(len(f) >= 2 and f.lower() in haystack for f in forms):
            continue  # the course's own name ("게임이론", "요리와문화")
        if any(len(f) > len(match.group(0)) and _COURSE_SUFFIX.search(f) for f in forms):
            continue  # a course-like name that does not exist ("양자요리학"): answered as no such course
        spans.append((match.start(), match.end()))
    return spans


def focus_of(question: str) -> list[Focus]:
    """The attributes a question asks about, in `FOCUS_PATTERNS` order, then "timetable"."""
    found: list[Focus] = [name for name, pattern in FOCUS_PATTERNS.items() if pattern.search(question)]
    if _TIMETABLE.search(_DAY_AVOIDED.sub(" ", question)):
        found.append("timetable")
    return found


def course_codes(question: str) -> list[str]:
    """Course codes in the question, upper-cased, in order, once each."""
    return list(dict.fromkeys(m.group(1).upper() for m in COURSE_CODE.finditer(question)))


_SPLIT_ITEMS = re.compile(
    r"\s*(?:,|/|&|\+|및|그리고|\band\b|\bwith\b|(?<=[가-힣A-Za-z0-9])(?:이랑|랑|하고|와|과)\s)\s*", re.IGNORECASE
)
# Words of a timetable question around the courses it names ("자료구조랑 운영체제 시간 겹쳐?").
_NOISE_WORDS = (
    r"시간(이|은|도)?", r"수업(이|은)?", r"과목(이|은)?", r"강의(가|는)?", "둘이", "서로", "혹시", "같이", "함께", "동시에",
    r"들을\s*수\s*있어\??", r"들을\s*수\s*있나요?", "겹치는지", "겹쳐요?", "겹치나요?", "겹칩니까", "겹치니", r"겹쳐\??",
    "충돌(해|나)?", r"확인해\s*줘", r"알려\s*줘", r"\?", "!", r"\.", r"둘\s*다",
    r"(?:넣어|들어)도\s*(?:돼요?|되나요?|될까요?|괜찮아요?)", r"(?:넣을|신청할|수강할|들을)\s*수\s*있(?:어요?|나요?|을까요?)",
    r"(?:신청|수강)\s*(?:이\s*)?가능(?:해요?|할까요?|한가요?|하나요?)?",
    r"\b(?:do|does|can\s+i\s+take|can\s+i|take|register\s+for|both|overlap|clash|conflict|together"
    r"|at\s+the\s+same\s+time)\b",
)
_TIMETABLE_NOISE = re.compile("(" + "|".join(_NOISE_WORDS) + ")", re.IGNORECASE)


def timetable_items(question: str, vocabulary: Vocabulary | None = None) -> list[str]:
    """'자료구조랑 운영체제 시간 겹쳐?' -> ['자료구조', '운영체제'] (noise words removed; references such as
    "그거" dropped: the planner adds the course they refer to). With the catalog's vocabulary, a piece that
    names no course belongs to the course before it, so each item keeps its own conditions: "컴구는 화목 오전
    반, 알고리즘은 김 교수님 반" -> ['컴구는 화목 오전 반', '알고리즘은 김 교수님 반으로 들으면'], "Data Structures on
    Tue/Thu and OS" -> ['Data Structures on Tue/Thu', 'OS']. A piece before the first course goes with it
    ("컴공, 시프랑 컴아키" -> ['컴공 시프', '컴아키']); what it says for all the check reads (check_timetable)."""
    cleaned = _TIMETABLE_NOISE.sub(" ", question)
    items: list[str] = []
    start, separator, before = 0, "", ""
    names = _name_spans(cleaned, vocabulary)
    splits = [m for m in _SPLIT_ITEMS.finditer(cleaned) if not any(s <= m.start() < e for s, e in names)]
    for match in [*splits, None]:
        part = cleaned[start : match.start() if match else len(cleaned)].strip()
        course = vocabulary is None or not part or _names_a_course(part, vocabulary)
        if part and SECTION_ONLY.fullmatch(part):
            items.append(part)  # "05반이랑 머신러닝 01반": the dialogue's course in that section (the planner binds it)
        elif part and items and not course:
            items[-1] = f"{items[-1]}{separator}{part}"
        elif part and not course:
            before = f"{before} {part}".strip()  # "컴공, …": no course yet
        elif part:
            items.append(f"{before} {part}".strip())
            before = ""
        if match:
            start, separator = match.end(), match.group(0)
    return [p for p in items if len(p) >= 2 and not REFERENCE.fullmatch(p)]


def _name_spans(text: str, vocabulary: Vocabulary | None) -> list[tuple[int, int]]:
    """Where the catalog's course names holding a separator word stand in the text ("컴퓨터그래픽스및AI응용",
    "Data Structures and Algorithms"): a name is one item, never split."""
    if vocabulary is None:
        return []
    names = _names_with_separators(tuple(vocabulary.course_names))
    return [(m.start(), m.end()) for name in names for m in re.finditer(re.escape(name), text)]


@lru_cache(maxsize=8)
def _names_with_separators(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name for name in names if _SPLIT_ITEMS.search(f" {name} "))


def _names_a_course(text: str, vocabulary: Vocabulary) -> bool:
    """A course name, code or course-like name, or a word referring to an earlier course ("그거")."""
    from agent.query import parse_question

    parsed = parse_question(text, vocabulary)
    return bool(parsed.course_names or parsed.course_codes or parsed.unknown_names or REFERENCE.search(text))
