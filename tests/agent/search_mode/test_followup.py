"""Reading a conversation (`agent.search_mode.followup`, `thread`): which kind of follow-up a question is, and
what it is about, from text alone. Pure functions over a small vocabulary of our own (no index)."""

from __future__ import annotations

import pytest

from agent.index.base import SearchFilters, Vocabulary
from agent.search_mode.followup import Step, read_turn, thread_of
from agent.search_mode.thread import continued, dropped

VOCAB = Vocabulary(
    departments=["전자공학과", "생명과학과"], professors=["윤채원", "백승호", "Grace Lin"],
    course_names=["회로이론", "미생물학", "국제경제론", "데이터마이닝"], categories=["전공선택"],
)
# An answer of ours about two sections of 회로이론, and one written by a person, naming the same course.
OURS = (
    "회로이론은 분반이 2개이고 분반마다 담당 교수가 달라요: 윤채원, 백승호 교수님.\n"
    "• 회로이론 (과목번호 EE2001, 01분반) — 윤채원 교수 · 3학점 · 화·목 09:00-10:15 (공학관 101)\n"
    "• 회로이론 (과목번호 EE2001, 02분반) — 백승호 교수 · 3학점 · 월·수 13:30-14:45 (공학관 102)"
)
BY_HAND = "회로이론(EE2001)은 두 반이 있어요. 윤채원 교수님 반은 화목 아침, 백승호 교수님 반은 월수 오후예요."
LIST = (
    "조건(전자공학과, 화요일)에 맞는 강좌를 찾았어요 (2과목, 분반 2개):\n"
    "• 회로이론 (과목번호 EE2001, 01분반) — 윤채원 교수\n• 데이터마이닝 (과목번호 EE3100, 01분반) — Grace Lin 교수"
)


def step(question: str, *turns: str) -> Step:
    history = [("user" if i % 2 == 0 else "assistant", text) for i, text in enumerate(turns)]
    return read_turn(question, thread_of(history, VOCAB), VOCAB)


def test_a_first_question_starts_a_thread_with_its_course_and_conditions() -> None:
    first = step("회로이론 화요일 분반 있어?")
    assert first.kind == "new" and first.thread.names == ("회로이론",)
    assert first.thread.conditions.days == ["화"] and first.thread.conditions.term is None


@pytest.mark.parametrize("answer", [OURS, BY_HAND])
def test_narrowing_keeps_what_was_asked_before(answer: str) -> None:
    narrowed = step("그 중 영어로 진행하는 건?", "회로이론 화요일 분반 있어?", answer)
    assert narrowed.kind == "narrow" and narrowed.reading is None
    assert narrowed.thread.names == ("회로이론",)
    assert (narrowed.thread.conditions.days, narrowed.thread.conditions.english) == (["화"], True)
    later = step("저녁 수업만 추려 줘", "회로이론 화요일 분반 있어?", answer)
    assert later.kind == "narrow" and later.thread.conditions.start_after is not None
    assert later.thread.conditions.days == ["화"]


def test_a_condition_named_again_replaces_the_earlier_one() -> None:
    turns = ("회로이론 화요일 분반 있어?", OURS)
    instead = step("화요일 대신 수요일로 알려줘", *turns)
    assert (instead.thread.conditions.days, instead.thread.conditions.exclude_days) == (["수"], [])
    other_days = step("화요일 말고 다른 날은?", *turns)
    assert (other_days.thread.conditions.days, other_days.thread.conditions.exclude_days) == ([], ["화"])
    english = step("how about Wednesday instead?", "Which 회로이론 sections meet on Tuesday?", OURS)
    assert english.kind == "narrow" and english.thread.conditions.days == ["수"]
    assert english.reading is None  # "how about … instead" refers back: no reading to state


def test_a_condition_can_be_dropped_again() -> None:
    turns = ("회로이론 화요일 영어 강의 있어?", OURS)
    wider = step("요일은 상관없어", *turns)
    assert wider.kind == "widen"
    assert (wider.thread.conditions.days, wider.thread.conditions.english) == ([], True)
    everything = step("조건 다 빼고 보여줘", *turns)
    assert everything.thread.conditions.model_copy(update={"term": None}).is_empty()
    assert everything.thread.names == ("회로이론",)


def test_the_same_question_about_another_course_keeps_the_focus_and_says_which_conditions_it_kept() -> None:
    other = step("그럼 미생물학은?", "회로이론 목요일 반 누가 가르쳐?", OURS)
    assert other.kind == "subject" and other.thread.names == ("미생물학",)
    assert "professor" in other.thread.focus and other.thread.conditions.days == ["목"]
    assert other.reading is not None and other.reading.kind == "kept_conditions"
    assert other.reading.conditions is not None and other.reading.conditions.days == ["목"]
    plain = step("미생물학은 어때?", "회로이론 누가 가르쳐?", OURS)
    assert plain.kind == "subject" and plain.reading is None


def test_that_professor_is_the_one_the_answer_named_and_said_when_it_named_several() -> None:
    one = step("그 교수님 강의 또 뭐 있어?", "회로이론 01분반 교수님 누구야?", "회로이론 (과목번호 EE2001, 01분반)은 윤채원 교수님이 가르쳐요.")
    assert (one.kind, one.professor, one.reading) == ("professor", "윤채원", None)
    several = step("that professor's other classes?", "Who teaches 회로이론?", BY_HAND)
    assert (several.kind, several.professor) == ("professor", "윤채원")
    assert several.reading is not None and several.reading.kind == "first_professor"


def test_an_ordinal_picks_one_cited_section() -> None:
    picked = step("두 번째 건 어디서 해?", "회로이론 알려줘", OURS)
    assert picked.kind == "pick" and picked.target is not None
    assert (picked.target.code, picked.target.section) == ("EE2001", "02")
    history = [("user", "회로이론 알려줘"), ("assistant", OURS), ("user", "두 번째 건 어디서 해?"), ("assistant", "…")]
    after = read_turn("그 수업 몇 학점?", thread_of(history, VOCAB), VOCAB)
    assert (after.thread.codes, after.thread.section) == (("EE2001",), "02")


def test_asking_about_it_keeps_the_thread_and_a_list_is_read_as_its_first_course() -> None:
    about = step("그 과목 담당이 누구야?", "회로이론 화요일 분반 있어?", OURS)
    assert about.kind == "attribute" and about.thread.names == ("회로이론",)
    assert about.thread.conditions.days == ["화"] and about.thread.focus == ("professor",)
    first = step("그 수업 몇 학점이야?", "전자공학과 화요일 수업 있어?", LIST)
    assert first.kind == "attribute" and first.thread.names == ("회로이론",)
    assert first.reading is not None
    assert (first.reading.kind, first.reading.subject) == ("first_course", "회로이론")
    those = step("Who teaches those?", "전자공학과 화요일 수업 있어?", LIST)
    assert those.reading is None and those.thread.names == ()


def test_a_term_named_in_a_follow_up_switches_the_term_and_keeps_the_rest() -> None:
    earlier = step("2024년 2학기엔?", "회로이론 누가 가르쳐?", OURS)
    assert earlier.kind == "narrow" and earlier.thread.conditions.term == "2024-2"
    assert earlier.thread.names == ("회로이론",) and earlier.thread.focus == ("professor",)


def test_conditions_alone_are_read_within_the_thread_and_said_so() -> None:
    within = step("목요일은?", "회로이론 누가 가르쳐?", OURS)
    assert within.kind == "narrow" and within.reading is not None
    assert (within.reading.kind, within.reading.subject) == ("within", "회로이론")
    # With a course noun of its own, it is a question about the whole catalog, said as such.
    everywhere = step("목요일 수업 있어?", "회로이론 누가 가르쳐?", OURS)
    assert everywhere.kind == "new" and everywhere.reading is not None
    assert everywhere.reading.kind == "everywhere"


@pytest.mark.parametrize(
    "question", ["생명과학과 수업 뭐 있어?", "데이터마이닝 누가 가르쳐?", "모든 수업 중에 목요일 건?", "고마워"]
)
def test_a_question_with_a_subject_of_its_own_starts_over(question: str) -> None:
    assert step(question, "회로이론 화요일 분반 있어?", OURS).kind == "new"


def test_a_department_with_a_narrowing_word_narrows() -> None:
    narrowed = step("그 중에 전자공학과만", "화요일 수업 뭐 있어?", "…")
    assert narrowed.kind == "narrow"
    assert (narrowed.thread.conditions.departments, narrowed.thread.conditions.days) == (["전자공학과"], ["화"])


def test_our_stated_conditions_and_term_stand_in_for_a_question_cut_from_the_history() -> None:
    thread = thread_of([("assistant", LIST.replace("화요일)", "화요일) 2024-2학기 기준"))], VOCAB)
    assert thread is not None and thread.conditions.departments == ["전자공학과"]
    assert thread.conditions.days == ["화"] and thread.conditions.term == "2024-2"
    assert read_turn("그 중에 오전 수업만", thread, VOCAB).thread.conditions.days == ["화"]


def test_slot_groups_replace_and_drop_together() -> None:
    before = SearchFilters(days=["화", "목"], start_before=719, english=True, term="2024-2")
    assert continued(before, SearchFilters(start_after=780)).model_dump(exclude_defaults=True) == {
        "days": ["화", "목"], "start_after": 780, "english": True, "term": "2024-2",
    }
    assert dropped(before, ("days",)).model_dump(exclude_defaults=True) == {
        "start_before": 719, "english": True, "term": "2024-2",
    }


def test_a_course_noun_asking_what_exists_is_a_new_search_but_a_bare_one_continues() -> None:
    turns = ("회로이론 분반 알려줘", OURS)
    assert step("저녁 수업은?", *turns).kind == "narrow"
    assert step("저녁 강의 있나?", *turns).kind == "new"
    assert step("what classes are in the evening?", *turns).kind == "new"
    assert step("그 중에 저녁 수업 있어?", *turns).kind == "narrow"


def test_words_of_a_reference_are_never_a_subject_of_its_own() -> None:
    turns = ("회로이론 분반 알려줘", OURS)
    # "경제" occurs in a course name (국제경제론), "번째" may look like a name: both only refer back here.
    assert step("그 과목 경제 쪽이야?", *turns).kind == "attribute"
    picked = step("세 번째 과목 교수님 누구야?", "전자공학과 화요일 수업 있어?", LIST + "\n• 미생물학 (과목번호 BIO1001, 01분반)")
    assert picked.kind == "pick" and picked.target is not None and picked.target.code == "BIO1001"


def test_show_them_all_drops_every_condition() -> None:
    for question in ("그냥 전부 보여줘", "show them all"):
        wider = step(question, "회로이론 화요일 영어 강의 있어?", OURS)
        assert wider.kind == "widen" and wider.thread.names == ("회로이론",)
        assert wider.thread.conditions.model_copy(update={"term": None}).is_empty()


def test_english_follow_ups_that_point_at_the_sections_need_no_reading() -> None:
    for question in ("Which one is on Thursday?", "Any sections on Thursday?"):
        narrowed = step(question, "Who teaches 회로이론?", OURS)
        assert narrowed.kind == "narrow" and narrowed.reading is None
        assert narrowed.thread.conditions.days == ["목"]


def test_nothing_to_continue_after_a_declined_question() -> None:
    declined = "죄송하지만 그 질문은 수강편람으로 답할 수 없어요."
    assert step("월요일은?", "오늘 날씨 어때?", declined).kind == "new"
    # A topic that found related courses is something to continue: the answer cited them.
    related = "질문과 관련 있어 보이는 강좌예요:\n• 데이터마이닝 (과목번호 EE3100, 01분반) — Grace Lin 교수"
    assert step("그 중에 월요일 건?", "데이터 분석 배우는 수업", related).kind == "narrow"


def test_a_remembered_thread_is_the_thread_read_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    from agent.search_mode import followup

    history = [("user", "회로이론 화요일 분반 있어?"), ("assistant", OURS)]
    assert thread_of(history, VOCAB) == thread_of(history, VOCAB)
    longer = [*history, ("user", "그 중 영어로 진행하는 건?"), ("assistant", "…")]
    remembered = thread_of(longer, VOCAB)  # read on from the remembered first exchange
    monkeypatch.setattr(followup, "_THREADS", followup._ThreadCache())
    afresh = thread_of(longer, VOCAB)
    assert afresh == remembered and afresh.conditions.english and afresh.conditions.days == ["화"]
    # Another catalog is another conversation: nothing remembered for one is used for the other.
    other = Vocabulary(course_names=["미생물학"])
    assert thread_of(history, other).names == ()


def test_a_relative_term_in_a_follow_up_is_read_by_the_tool(multi_term_index) -> None:
    """"작년 2학기엔?" after a question about this term's 자료구조: the tool (which knows the current term) reads
    the relative term from the follow-up's own words; 2024-2's 자료구조 was taught by 옛교수."""
    from agent.assistant import CourseAssistant
    from agent.answer import ChatTurn
    from tests.support.api_checks import api_settings
    from tests.support.multi_term import OLD_PROFESSOR

    assistant = CourseAssistant.from_settings(api_settings(), index=multi_term_index)
    first = assistant.answer("자료구조 누가 가르쳐?")
    history = [ChatTurn(role="user", content="자료구조 누가 가르쳐?"), ChatTurn(role="assistant", content=first.answer)]
    answer = assistant.answer("작년 2학기엔 누가 했어?", history)
    assert answer.sources and {s.term for s in answer.sources} == {"2024-2"}, answer.answer
    assert OLD_PROFESSOR in answer.answer
