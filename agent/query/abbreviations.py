"""Abbreviations derived from the catalog's own course names: 자료구조 -> 자구, 확률과통계 -> 확통.

Students shorten a compound name to the first syllable of each of its parts (`segments.py` finds the
parts). The table is derived once per vocabulary, so a new catalog brings its own abbreviations and the
hand list (`abbreviations.yaml`) keeps only the irregular ones (OS, 알고, 미적, 데베 ...).

Forms, in two tiers:
- tier 1: every part's first syllable (객체|지향|프로그래밍 -> 객지프), with the name's level when it has
  one ("컴퓨터프로그래밍2" -> 컴프2) and without it;
- tier 2: what students make of three or more parts: the first and last (객프) and the first two (경영|정보|
  시스템 -> 경정).
An abbreviation links to the courses of its best tier only; courses of a lower tier are kept as `others`
(the answer may name them), never silently lost. Within a tier the most likely course comes first: the
one more departments offer, then the lower level, then the shorter name. Which department the question
means is decided at link time (`link/courses.py`), where the question is known.

A form is not used when it is a word in its own right: a course name, a word inside the catalog's names
("경제", "가상"), a department or professor, a filler, an everyday word, a verb form ("하고", "보면") or days
("화금"), or when more than `MAX_CANDIDATES` courses share its best tier (too ambiguous to mean one). What
slips through is measured by benchmarks/bench_abbreviations.py against a dictionary.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import product

from agent.query.fillers import is_filler
from agent.query.segments import KNOWN_WORDS, SegmentModel, content_parts, name_chunks, trailing_number
from agent.query.text import name_key

MAX_CANDIDATES = 3
_MAX_LETTERS = 4
# Everyday nouns students write in questions about courses: never an abbreviation, whatever the catalog holds.
EVERYDAY_WORDS = frozenset("""
오늘 내일 모레 어제 주말 평일 아침 점심 저녁 오전 오후 새벽 요즘 지금 나중 먼저 다음 이번 지난 작년 올해 내년 재작년
학교 친구 선배 후배 동기 교수 조교 학생 사람 우리 저희 전공 교양 필수 선택 졸업 학점 성적 시험 중간 기말 과제 출석
팀플 발표 수강 신청 정정 취소 변경 추가 계절 여름 겨울 학기 시간 요일 교시 분반 강의 수업 과목 대면 원격 녹화 온라인
영어 한국 국어 진짜 정말 너무 완전 그냥 같이 따로 보통 주로 제일 가장 근데 그리고 아니면 그래서 그럼 혹시 다른 모든
정도 이상 이하 미만 초과 전부 하나 두개 세개 처음 마지막 최근 예전 원래 혼자 여기 거기 어디 건물 위치 장소 공간 정원
여석 인원 기준 조건 방법 이유 문제 질문 대답 답변 추천 후기 평가 난이도 기분 생각 느낌 걱정 부탁 감사 도움 확인
이수 재수 휴학 복학 편입 교환 장학 등록 출석 결석 지각 보강 휴강 개강 종강 방학 학과 학부 차이 사이 자주 전화 연락
메일 문의 공지 정리 기회 유지 비교 순서 다음주 이번주 담당 학번 신입 재학 학년 반장 동아리 시간대 주간 야간
소개 설명 내용 주제 목표 목적 범위 분량 수준 과정 단계 학습 공부 이론 실습 실험 실기 입문 기초 심화 응용 고급 초급
중급 교재 자료 필기 노트 퀴즈 숙제 리포트 보고서 논문 조별 개인 그룹 토론 출결 점수 등급 평점 절대 상대 채점 만점
인강 녹강 실강 화상 영상 혼합 병행 공통 일반 특수 전체 일부 다수 소수 인기 마감 경쟁 대기 확정 배정 우선 제한 자격
대상 규정 안내 상담 면담 강사 부전공 복수 복전 연계 융합 교직 요건 핵심 균형 기본 소양 채플 체육 외국어 순위 평판
리뷰 소문 꿀강 꿀팁 고민 계획 일정 동선 이동 거리 근처 주변 식사 휴식 알바 근로 학비 비용 무료 유료 자세 상세
구체 대충 간단 정확 확실 실제 현재 최신 이전 이후 매주 매일 격주 하루 이틀 시작 종료 청강 철회 포기 드랍 교류
봉사 대회 행사 진로 취업 인턴 실무 상식 구성 공개 기간 기한 연장 가능 불가 필요 중요 유용 부담 여유 재미 흥미
관심 기준 전통 고정 임시 인상 수입 대화 시중 중지 전개 상실 분실 실수 대가 유감 진입 소리 말씀 얘기 이야기 대신
""".split())
# A first syllable that starts a verb or adjective, and a second that ends one: "하고", "보면", "알지" are
# ordinary words even where some catalog could derive them.
_VERB_STEMS = frozenset("하해되돼있없듣들보봐알싶좋가와오주줘받나쉽많같맞끝했할한된볼갈올먹놀살쓰써배")
_VERB_ENDINGS = frozenset("고서면는은을게지다요니까네데래자며도야죠")
_DAYS = frozenset("월화수목금토")  # 일 is "one" and "work" as often as Sunday


@dataclass(frozen=True)
class Abbreviation:
    """What one derived abbreviation stands for."""

    courses: tuple[str, ...]
    """the courses of its best tier, most likely first (at most `MAX_CANDIDATES`)."""
    others: tuple[str, ...] = ()
    """courses of a lower tier (자구 -> 자료구조입문 where 자료구조 exists): named, not linked."""


# Parts that qualify a course rather than name it: students drop them ("기초컴퓨터그래픽스" is 컴그 too). Not
# 고급/심화/특수: those make another course (고급운영체제 is not what "운체" means).
_QUALIFIERS = frozenset({"기초", "일반", "현대"})
# Parts that end a long name as its level, dropped the same way when three parts are left to say it.
_TRAILING_QUALIFIERS = frozenset({"기초", "입문", "개론"})


def derived_forms(name: str, model: SegmentModel) -> list[tuple[str, int]]:
    """(form, tier) for one course name, tier 1 first; [] when the name has fewer than two parts."""
    parts = [part for chunk in name_chunks(name) for part in content_parts(model.segment(chunk))]
    initials = [part[0] for part in parts]
    if len(initials) < 2:
        return []
    forms: list[tuple[str, int]] = []
    if len(initials) <= _MAX_LETTERS:
        forms.append(("".join(initials), 1))
    if len(initials) >= 3:
        forms += [(initials[0] + initials[-1], 2), ("".join(initials[:2]), 2)]
    forms += _longer_forms(parts)
    level = trailing_number(name)
    if level is not None:
        forms = [(form + str(level), tier) for form, tier in forms] + forms
    return list(dict.fromkeys(forms))


def _longer_forms(parts: list[str]) -> list[tuple[str, int]]:
    """Tier 3: what students make of two or three parts beyond their initials: a part's first two syllables
    (컴퓨터|아키텍쳐 -> 컴아키, 컴퓨아), and the name without a leading qualifier (기초|컴퓨터|그래픽스 -> 컴그) or,
    past three parts, a trailing one (컴퓨팅|사고|코딩|기초 -> 컴사코)."""
    forms: list[tuple[str, int]] = []
    spans = [parts] if 2 <= len(parts) <= 3 else []
    if len(parts) >= 3:
        spans.append(parts[:2])  # the first two parts alone: 컴퓨터|아키|텍쳐 -> 컴아키
    for span in spans:
        for widths in product(*[(1, 2) if len(part) >= 2 else (1,) for part in span]):
            form = "".join(part[:width] for part, width in zip(span, widths, strict=True))
            if max(widths) == 2 and len(form) <= _MAX_LETTERS:
                forms.append((form, 3))
    if len(parts) >= 3 and parts[0] in _QUALIFIERS:
        forms.append(("".join(part[0] for part in parts[1:]), 3))
    if len(parts) >= 4 and parts[-1] in _TRAILING_QUALIFIERS:  # 컴퓨팅|사고|코딩|기초 -> 컴사코
        forms.append(("".join(part[0] for part in parts[:-1]), 3))
    return forms


class AbbreviationTable:
    """Derived abbreviations of one vocabulary, worked out lazily: a lookup derives only the names that
    could start with the word's first syllable (a few dozen), so a cold start pays for the syllables its
    questions use, not for the whole catalog. `everything()` derives it all (for measuring).

    `offered_by`: course name -> how many departments offer it (the likelier course first); `words`: other
    words of the catalog (department stems, professors' names) that no abbreviation may shadow; `units`:
    words that help cut names (department stems: "컴퓨터" of 컴퓨터학부).
    """

    def __init__(self, course_names: Iterable[str], *, offered_by: Mapping[str, int] | None = None,
                 words: Iterable[str] = (), units: Iterable[str] = ()) -> None:
        # Names that differ only in spacing or brackets ("컴퓨터 네트워크", "컴퓨터네트워크") are one course.
        self._by_key: dict[str, list[str]] = defaultdict(list)
        for name in dict.fromkeys(course_names):
            if name and name_key(name):
                self._by_key[name_key(name)].append(name)
        offered = offered_by or {}
        self._offered = {key: sum(offered.get(n, 1) for n in names) for key, names in self._by_key.items()}
        self._words = frozenset(words)
        self._units = KNOWN_WORDS | frozenset(units)
        self._model: SegmentModel | None = None
        self._by_syllable: dict[str, list[str]] | None = None
        self._derived: dict[str, dict[str, Abbreviation]] = {}
        self._forms: dict[str, list[tuple[str, int]]] = {}
        self.blocked: dict[str, str] = {}
        """form -> why it is not an abbreviation ("catalog word", "ordinary word", "4 courses" ...)."""

    def lookup(self, word: str) -> Abbreviation | None:
        """The abbreviation `word` is (2-4 syllables, maybe a level digit), or None."""
        if not 2 <= len(word) <= _MAX_LETTERS + 1 or not "가" <= word[0] <= "힣":
            return None
        return self._bucket(word[0]).get(word)

    def taken(self, form: str) -> str | None:
        """Why `form` may not be another kind of short form (a department's): a word in its own right, or
        one of this table's abbreviations; None when it is free."""
        reason = _not_free(form, self.model, self._words)
        return reason if reason is not None or self.lookup(form) is None else "course abbreviation"

    def everything(self) -> dict[str, Abbreviation]:
        """Every abbreviation of the vocabulary (derives all names)."""
        table: dict[str, Abbreviation] = {}
        for syllable in sorted(self._index()):
            table.update(self._bucket(syllable))
        return table

    @property
    def model(self) -> SegmentModel:
        if self._model is None:
            self._model = SegmentModel((n for names in self._by_key.values() for n in names), self._units)
        return self._model

    def _index(self) -> dict[str, list[str]]:
        """Names by the syllables their abbreviation may start with: the first two of their first run (the
        first may be a suffix or a connector that gives no letter)."""
        if self._by_syllable is None:
            self._by_syllable = defaultdict(list)
            for key, names in self._by_key.items():
                for syllable in dict.fromkeys(s for name in names for s in _first_syllables(name)):
                    self._by_syllable[syllable].append(key)
        return self._by_syllable

    def _bucket(self, syllable: str) -> dict[str, Abbreviation]:
        bucket = self._derived.get(syllable)
        if bucket is None:
            bucket = self._derive(self._index().get(syllable, []), syllable)
            self._derived[syllable] = bucket
        return bucket

    def _derive(self, keys: list[str], syllable: str) -> dict[str, Abbreviation]:
        tiers: dict[str, dict[str, int]] = defaultdict(dict)  # form -> course key -> its best tier
        for key in keys:
            for name in self._by_key[key]:
                for form, tier in self._forms_of(name):
                    if form[0] == syllable:
                        tiers[form][key] = min(tier, tiers[form].get(key, tier))
        bucket: dict[str, Abbreviation] = {}
        for form, by_key in tiers.items():
            top = min(by_key.values())
            chosen = self._most_likely([k for k, t in by_key.items() if t == top])
            reason = _not_free(form, self.model, self._words)
            if reason is None and len(chosen) > MAX_CANDIDATES:
                reason = f"{len(chosen)} courses"
            if reason is not None:
                self.blocked[form] = reason
                continue
            rest = self._most_likely([k for k, t in by_key.items() if t != top])
            bucket[form] = Abbreviation(self._names_of(chosen), self._names_of(rest))
        return bucket

    def _forms_of(self, name: str) -> list[tuple[str, int]]:
        """A name's forms, worked out once (a name sits in the buckets of its first two syllables)."""
        forms = self._forms.get(name)
        if forms is None:
            forms = self._forms[name] = derived_forms(name, self.model)
        return forms

    def _most_likely(self, keys: list[str]) -> list[str]:
        """More departments first (a course many offer is the one meant), then the lower level, then shorter."""
        return sorted(keys, key=lambda k: (-self._offered.get(k, 1), trailing_number(k) or 0, len(k), k))

    def _names_of(self, keys: list[str]) -> tuple[str, ...]:
        return tuple(name for key in keys for name in self._by_key[key])


def _first_syllables(name: str) -> list[str]:
    """The syllables a name's abbreviation may start with: the first two of its first run (the first may be
    a suffix or a connector that gives no letter); none when the name cannot have two parts."""
    chunks = name_chunks(name)
    if not chunks or (len(chunks) == 1 and len(chunks[0]) < 4):
        return []
    after = [chunks[0][len(q)] for q in _QUALIFIERS if chunks[0].startswith(q) and len(chunks[0]) > len(q)]
    return list(dict.fromkeys([*chunks[0][:2], *after]))


def _not_free(form: str, model: SegmentModel, words: frozenset[str]) -> str | None:
    """Why a form is a word in its own right, or None when it is free to be an abbreviation."""
    letters = form.rstrip("0123456789")
    if name_key(form) in model.name_keys or name_key(letters) in model.name_keys:
        return "course name"
    if letters in model.wholes or model.is_unit(letters) or model.occurs(letters):
        return "catalog word"  # a word the names use ("가상" in 가상현실): students mean the word
    if letters in words:
        return "department or professor"
    if letters in EVERYDAY_WORDS or is_filler(letters):
        return "ordinary word"
    if len(letters) == 2 and letters[0] in _VERB_STEMS and letters[1] in _VERB_ENDINGS:
        return "verb form"
    if all(letter in _DAYS for letter in letters):
        return "days"  # "화금" is Tuesday and Friday to a student

    return None
