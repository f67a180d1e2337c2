"""Words that carry no topic in a question (asking, wanting, listing, titles): the parser drops them from
the free text it searches with, Korean and English alike."""

from __future__ import annotations

from agent.query.text import PARTICLES, strip_particles

FILLERS = {
    "수업", "강의", "과목", "분반", "강좌", "교수", "교수님", "시간", "시간표", "강의실", "학기", "이번", "이번학기",
    "뭐", "뭐야", "뭐임", "뭔가요", "뭐가", "무슨", "어떤", "어느", "어디", "어디서", "언제", "누가", "누구", "몇", "몇시",
    "있어", "있어요", "있나요", "있나", "있음", "있는", "있냐", "있을까", "없어", "없나요", "좀", "혹시", "그", "그거",
    "알려줘", "알려주세요", "알려", "추천", "추천해줘", "찾아줘", "찾아", "궁금해", "궁금", "해요", "해", "하는", "하나요",
    "들을", "듣는", "듣고", "들어", "수강", "가능한", "가능", "싶어", "싶은데", "싶어요", "거", "것", "건", "게",
    "관련", "관련된", "같은", "수", "및", "요", "중에", "중", "개설", "열리는", "열려", "열리나요", "열린", "진행", "과목들", "수업들",
    "전공", "학년", "공강", "강의실", "실습실", "호실", "교실", "호", "과목번호", "학수번호", "목록", "리스트", "이거", "저거", "반", "개", "개야", "요일", "다른", "정보", "겹쳐", "겹치나", "이건", "그건", "해여", "해욤", "하나여", "인지", "알아", "싶다", "ㅠㅠ", "ㅎㅎ", "ㅋㅋ",
    "나", "저", "제가", "내가", "학생", "학점", "만", "는", "다", "전부", "모두", "다른", "말고", "혹은", "또는",
    "반만", "분반만", "것만", "거만", "빼고", "안", "다시", "그럼", "그러면",
    "the", "a", "class", "course", "lecture", "classes", "courses", "is", "there", "any", "who", "teaches",
    # English question words ("When is Linear Algebra?"), matched case-insensitively.
    "when", "what", "where", "which", "how", "does", "do", "are", "it", "its", "for", "of", "in", "on", "at",
    "meet", "meets", "taught", "teach", "year", "level", "time", "times", "room", "section", "sections",
    "professor", "instructor", "credit", "credits", "tell", "me", "about", "can", "i", "take", "and", "or",
    "no", "with", "want", "free", "off", "only", "please", "show", "find", "list", "all", "that", "have",
    "major", "majors", "department", "dept",
    # What a question asks of a course's record (its fields), never what the course is called.
    "선수과목", "선수", "선이수", "선수강", "여석", "자리", "정원", "수강인원", "인원", "시험", "시험일", "시험일자", "중간고사",
    "기말고사", "중간", "기말", "강의계획서", "계획서", "수강대상", "대상", "수강제한", "제한", "수업방식", "방식", "이수구분",
    "exam", "exams", "seats", "seat", "capacity", "prerequisite", "prerequisites", "syllabus",
    # Titles and small words around an English professor's name ("courses by Prof. 한도윤").
    "prof", "profs", "professors", "instructors", "dr", "by", "an", "some", "offered", "available",
}
FILLER_PREFIXES = (
    "있", "없", "알려", "가르", "듣", "들을", "들어", "들으", "하는", "해주", "해줘", "뭐", "무슨", "어떤", "어디", "언제",
    "누가", "누구", "몇", "추천", "찾아", "궁금", "싶", "하나", "할까", "되나", "돼", "되는", "돼요", "인가", "맞아",
    "나와", "나오", "나왔", "열리", "열려", "열렸", "가능", "수강", "신청", "부탁", "해봐", "하고싶", "해야", "했", "할", "합니", "입니",
    "만드", "만들", "배우", "배울", "배워", "공부", "다루", "다룰", "쓰는", "재밌", "재미있", "쉬운", "쉽", "어려운", "어렵",
    "좋은", "괜찮", "유명", "인기", "꿀강", "필요",
    "시작", "끝나", "끝내", "마치", "겹치", "겹쳐", "끼어", "껴있", "얼마", "들으", "가르", "강의하", "수업하", "하시", "계신", "계세", "담당", "맡", "ㅋ", "ㅎ", "ㅠ",
    "보여", "걸리", "걸려", "빼고", "제외",
)


def is_filler(word: str) -> bool:
    """A particle left alone, a filler word (with its particles stripped) or a word starting like one."""
    if word in PARTICLES:
        return True  # a particle left alone ("2150189901랑" -> code + "랑")
    forms = strip_particles(word.lower() if word.isascii() else word)
    if any(form in FILLERS for form in forms):
        return True
    return word.startswith(FILLER_PREFIXES)
