"""Search mode: what no course catalog answers, however the question is worded.

- Doing coursework (`coursework_request`): "운영체제 과제로 쉘 스크립트 짜야 되는데 대신 짜줘", "리포트 써 줄 수
  있어?", "이 코드 디버깅해줘", "풀이 좀", "debug my code". A request verb for producing work (짜/써/풀/만들어/
  해결/디버깅/요약/번역 + 줘/주세요/줄 수 있어 ...) with a piece of work to produce, or a verb that only work
  takes ("디버깅해줘", "대신 짜줘"). A question about courses that mentions work asks nothing to be made
  ("프로그래밍 과제 많은 수업?", "코딩 수업 추천해줘"), nor does a timetable to be drawn up ("시간표 짜줘").
- Choosing courses by what no catalog states (`asks_unknowable`): workload, difficulty ("꿀강", "과제 많은 수업").
- Facts no catalog holds (`not_held`): a professor's contact details, grade distributions, ratings and
  reviews, attendance rules, a course's workload and difficulty, what students share (past exams, group
  chats), textbooks, and (where no remark states it) how a course is graded. The answer
  says "수강편람에 그 정보는 없어요" and what the catalog does hold. A word of a course name is not one of
  these ("교육평가", "국어교과교재연구및지도법"), and grading is a catalog topic where the catalog's remarks
  state it (Sogang's 비고: "절대평가", "성적평가 S/U"): `GRADING` words are answered from them.
"""

from __future__ import annotations

import re

from agent.index.base import Vocabulary
from agent.search_mode.answer_plan import NotHeldTopic

# --- coursework ------------------------------------------------------------------------------------------
_WORK = (
    r"(?:과제|숙제|레포트|리포트|보고서|기출|문제|코드|소스|스크립트|프로그램|답안|에세이|논문|발표\s*자료|ppt|풀이|"
    r"족보|퀴즈|실습\s*(?:과제|문제)|프로젝트\s*(?:코드|과제)|homework|assignment|essay|report|code|script)"
)
_REQUEST = r"(?:줘|주세요|줄래|줄\s*수|주실\s*수|주시겠|달라|주라|줘요|주면|줬으면|줄\s*사람|주실래)"
_PRODUCE = (
    r"(?:짜|써|풀어|만들어|해결해|작성해|구현해|코딩해|번역해|요약해|채점해|검토해|고쳐|수정해|완성해|대신\s*해|해)"
)
# A verb only a piece of work takes, or one said as doing it in the student's place ("대신 짜줘").
_WORK_VERB = r"(?:디버깅|디버그|debug|코딩|구현|풀이)\s*(?:좀\s*)?해|풀어|대신\s*(?:좀\s*)?(?:짜|써|풀어|만들어|작성해|해)"
_KO_TASK = re.compile(
    _WORK + r"[가-힣]{0,3}\s*(?:좀\s*|대신\s*|다\s*|빨리\s*)?" + _PRODUCE + r"\s*" + _REQUEST
    + r"|(?:" + _WORK_VERB + r")\s*" + _REQUEST
    + r"|(?:풀이|해설|정답|답안|답|코드|솔루션)\s*(?:좀|만)\s*(?:[?!.]|$|알려|보여|줘|주세요)",
    re.IGNORECASE,
)
# Somewhere in the question, away from the verb: "과제로 쉘 스크립트 짜야 되는데 대신 짜줘".
_KO_WORK_ANYWHERE = re.compile(_WORK, re.IGNORECASE)
_KO_PRODUCE_REQUEST = re.compile(r"(?:짜|써|풀어|만들어|해결해|작성해|구현해|코딩해|고쳐|완성해)\s*" + _REQUEST)
_EN_TASK = re.compile(
    r"\b(?:write|do|solve|finish|complete|implement|answer|code|fix)\s+(?:my|our|the|this|these|a|an|some)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:homework|assignments?|essays?|reports?|problems?|code|scripts?|programs?|quiz"
    r"|labs?|exams?|papers?|exercises?|questions?)\b"
    r"|\bhelp\s+(?:me\s+)?with\s+(?:my|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:homework|assignments?|essays?|labs?|exams?)\b"
    r"|\b(?:debug|refactor)\s+(?:my|this|the|these|some|a)\b"
    r"|\bsolve\s+(?:[\w-]+\s+){0,3}?(?:problems?|exercises?|equations?)\b"
    r"|\bsummari[sz]e\s+(?:my|this|the|these|a)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:lectures?|chapters?|papers?|articles?|notes|readings?|textbook)\b|\bwrite\s+(?:some\s+)?code\b",
    re.IGNORECASE,
)
# Drawing up a timetable is the catalog's business ("시간표 짜줘", "make me a schedule").
_TIMETABLE_WORK = re.compile(r"시간표|스케줄|조합|timetable|schedule", re.IGNORECASE)


def coursework_request(question: str) -> bool:
    """Does the question ask the assistant to do a piece of coursework (see the module doc)?"""
    if _TIMETABLE_WORK.search(question):
        return False
    if _KO_TASK.search(question) or _EN_TASK.search(question):
        return True
    return bool(_KO_WORK_ANYWHERE.search(question) and _KO_PRODUCE_REQUEST.search(question))


# --- choosing by what no catalog states -------------------------------------------------------------------
# A question that ranks courses by one of these alone ("과제 많은 수업?") cannot be answered from the catalog.
UNKNOWABLE = re.compile(
    r"과제|숙제|레포트|리포트|팀플|팀\s*프로젝트|난이도|꿀강|꿀\s*과목|널널|빡세|빡센"
    r"|\bworkload\b|\bhomework\b|\b(?:easiest|hardest)\b",
    re.IGNORECASE,
)


def asks_unknowable(question: str, vocabulary: Vocabulary | None) -> bool:
    """Courses asked for by what the catalog does not state ("과제 많은 수업?", "꿀강 추천"), with nothing else
    that links to it: no course, topic, code or condition ("프로그래밍 과제 있는 수업" still lists 프로그래밍)."""
    if not UNKNOWABLE.search(question):
        return False
    from agent.query import parse_question

    parsed = parse_question(question, vocabulary or Vocabulary())
    topics = [t for t in parsed.name_terms if not UNKNOWABLE.search(t)]
    linked = parsed.course_names or parsed.course_codes or topics or parsed.filters.term
    return not (linked or not parsed.filters.is_empty())


# --- facts no catalog holds --------------------------------------------------------------------------------
# How a course is graded: asked ("성적 평가 방식", "how is it graded") or named as a value the remarks may state.
GRADING_VALUE = re.compile(
    r"절대\s*평가|상대\s*평가|(?<![A-Za-z])S\s*/\s*U(?![A-Za-z])|(?<![A-Za-z])P\s*/\s*F(?![A-Za-z])"
    r"|pass\s*/\s*fail|pass\s+or\s+fail",
    re.IGNORECASE,
)
GRADING = re.compile(
    GRADING_VALUE.pattern
    + r"|성적\s*(?:평가|산출|반영|기준|처리|매기)|평가\s*(?:방식|방법|기준|비율|비중|항목)"
    r"|(?:중간|기말)\s*(?:고사|시험)?\s*(?:비율|반영\s*비율|비중|몇\s*(?:퍼|%))|과제\s*(?:비율|비중|반영\s*비율)"
    r"|\bgrading\b|\bgraded\b|\bgrade\s+(?:breakdown|weights?)\b",
    re.IGNORECASE,
)
_NOT_HELD: dict[NotHeldTopic, re.Pattern[str]] = {
    "contact": re.compile(
        r"이메일|메일\s*주소|e-?mail|연락처|연락\s*(?:방법|드리|할\s*수|하려)|전화\s*번호|전번|핸드폰|휴대\s*폰|연구실"
        r"|교수실|오피스\s*아워|면담\s*(?:시간|신청|가능|하려)|\boffice(?:\s+hours?)?\b|\bcontact\b|\bphone\b",
        re.IGNORECASE,
    ),
    "grades": re.compile(
        r"(?:성적|학점)\s*(?:분포|비율|통계)|(?<![A-Za-z])[AB]\+?\s*(?:학점\s*)?(?:몇\s*(?:퍼|%|프로|명)|비율|비중)"
        r"|몇\s*(?:퍼|%|프로)\s*(?:가|까지|나)?\s*[AB](?![A-Za-z])|평점|강의\s*평가|강평|평판|(?<![가-힣])에타|에브리타임"
        # "후기"/"리뷰" of a course, not "조선 후기" or "코드 리뷰": said of a course or asked after.
        r"|(?:수강|강의|수업|과목)\s*(?:후기|리뷰)|(?:후기|리뷰)\s*(?:가|는|도)?\s*(?:좀|어때|좋|알려|있|보여|궁금|많|찾)"
        r"|(?:학점|성적)\s*(?:을\s*|를\s*)?(?:제일\s*|가장\s*|젤\s*|더\s*)?(?:잘|후하게|짜게|박하게|안)\s*(?:주|줘|줌)"
        r"|\bgrade\s+distribution|\b(?:ratings?|reviews?)\b|\beasy\s+a\b|rate\s*my\s*prof",
        re.IGNORECASE,
    ),
    "attendance": re.compile(
        r"출석|출첵|결석|지각\s*(?:하면|처리|몇|체크|감점|기준)|\battendance\b", re.IGNORECASE
    ),
    # How heavy or hard a course is, asked of it ("자료구조 과제 많아?", "시험 어려워?"); ranking courses by it
    # with no course named is `asks_unknowable` ("과제 많은 수업?"). "과제 있는 수업" lists courses, not this.
    "workload": re.compile(
        r"(?:과제|숙제|레포트|리포트|팀플|팀\s*프로젝트)\s*(?:이|가|은|는|도)?\s*(?:양\s*)?"
        r"(?:많|적|빡세|빡셈|빡센|힘들|어려|쉬워|쉽|널널|할\s*만|어때|얼마나|몇\s*개)"
        r"|(?:시험|수업|강의)\s*(?:이|가|은|는|도)?\s*(?:빡세|빡셈|빡센|힘들|어려워|어렵|쉬워|쉽|널널|할\s*만)"
        r"|(?:과제|숙제|레포트|팀플)\s*(?:이|가|는|도)?\s*(?:있어|있나|있음|있냐|있어요|있을까)"
        r"|난이도|꿀강(?:이야|인가|이에요|임|이냐)|\bworkload\b|\bhow\s+(?:hard|difficult|heavy)\b"
        r"|\bis\s+(?:it|the\s+\w+)\s+(?:hard|difficult|easy)\b|\blots?\s+of\s+(?:homework|assignments)\b",
        re.IGNORECASE,
    ),
    # What students share among themselves: past exams, notes, group chats.
    "community": re.compile(
        r"족보|기출\s*(?:문제)?\s*(?:있|구|공유|받)|단톡|오픈\s*(?:채팅|톡)|카톡\s*방|톡방|스터디\s*(?:구|모집|원)"
        r"|\bpast\s+(?:exams?|papers?)\b|\bgroup\s*chat\b|\bdiscord\b|\bkakao\s*(?:room|chat)\b",
        re.IGNORECASE,
    ),
    "textbook": re.compile(
        r"교재|교과서|참고\s*(?:서|도서|문헌)|(?:무슨|어떤|어느)\s*책|(?<![가-힣])책\s*(?:은|이|뭐|뭘|사야|써|쓰|필요)"
        r"|\btext\s*books?\b|\bcourse\s*books?\b|\breading\s+list\b|\bwhat\s+books?\b",
        re.IGNORECASE,
    ),
}


def not_held(question: str, vocabulary: Vocabulary | None) -> NotHeldTopic | None:
    """The fact no catalog holds that the question asks about (the first, in `_NOT_HELD` order), when its
    word is not part of a course name of the catalog."""
    for topic, pattern in _NOT_HELD.items():
        if any(not _in_course_name(question, m, vocabulary) for m in pattern.finditer(question)):
            return topic
    return None


def asks_grading(question: str, vocabulary: Vocabulary | None) -> bool:
    """Does the question ask how a course is graded (a word outside the catalog's course names)?"""
    return any(not _in_course_name(question, m, vocabulary) for m in GRADING.finditer(question))


def _in_course_name(question: str, match: re.Match[str], vocabulary: Vocabulary | None) -> bool:
    """Is the matched word part of a longer word that occurs in a course name of the catalog ("교육평가 방식",
    "국어교과교재연구및지도법")? The word alone is not ("후기" asks for reviews even where a course is named
    "중세후기문학")."""
    if vocabulary is None:
        return False
    from agent.query.text import strip_particles
    from agent.query.vocab import matcher_for

    start, end = match.start(), match.start() + len(match.group(0).split()[0])
    while start > 0 and question[start - 1].isalnum():
        start -= 1
    while end < len(question) and question[end].isalnum():
        end += 1
    core = len(match.group(0).split()[0])
    names = matcher_for(vocabulary).names_blob
    forms = [f for f in strip_particles(question[start:end]) if len(f) > core]
    return any(form.lower() in names for form in forms)
