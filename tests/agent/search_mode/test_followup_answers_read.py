"""Follow-ups to answers written by anyone (another model, a person): which course a shorthand meant when the
answer wrote it out (`thread`), "각각" about every cited section (`followup`), and "나머지" as the rest of what
the answer showed (`rest`). Pure functions over a small vocabulary of our own."""

from __future__ import annotations

from agent.catalog.models import CourseSection
from agent.index.base import Vocabulary
from agent.search_mode.conversation import named_courses
from agent.search_mode.followup import Step, read_turn, thread_of
from agent.search_mode.outcomes import ToolOutcome
from agent.search_mode.planning import plan_turn
from agent.search_mode.rest import Shown, asks_rest, shown_by, without_shown

VOCAB = Vocabulary(
    departments=["화학과", "사학과"], professors=["민서율", "도하준", "채유나"],
    course_names=["유기화학", "유기화학실험및분석", "분석화학", "한국사", "서양사", "동양사상사", "물리화학"],
)


def step(question: str, *turns: str) -> Step:
    history = [("user" if i % 2 == 0 else "assistant", text) for i, text in enumerate(turns)]
    return read_turn(question, thread_of(history, VOCAB), VOCAB)


def test_an_answer_names_courses_written_out_with_particles_and_brackets() -> None:
    text = "한국사(민서율), 서양사(도하준) 등이 있었어요. 동양사상사는 없었어요."
    assert named_courses(text, VOCAB) == ["한국사", "서양사", "동양사상사"]


def test_a_long_name_written_out_hides_the_shorter_names_inside_it() -> None:
    assert named_courses("유기화학실험및분석은 목요일이에요.", VOCAB) == ["유기화학실험및분석"]


def test_the_course_an_answer_wrote_out_is_what_a_shorthand_meant() -> None:
    # The student's words linked to two names; the answer (no code) wrote out one course in full.
    thread = thread_of([("user", "유기화학 분석화학 언제 해?"), ("assistant", "유기화학실험및분석은 목 13:00-15:50예요.")], VOCAB)
    assert thread is not None and thread.names == ("유기화학실험및분석",)
    assert step("어디서 해?", "유기화학 분석화학 언제 해?", "유기화학실험및분석은 목 13:00-15:50예요.").thread.names == (
        "유기화학실험및분석",
    )


def test_an_answer_naming_several_courses_or_citing_codes_keeps_the_students_names() -> None:
    assert thread_of([("user", "한국사 있어?"), ("assistant", "한국사와 서양사가 있어요.")], VOCAB).names == ("한국사",)
    cited = "• 물리화학 (과목번호 CH3001, 01분반) — 채유나 교수"
    assert thread_of([("user", "한국사 있어?"), ("assistant", cited)], VOCAB).names == ("한국사",)


def test_each_asks_about_every_section_the_answer_cited_not_the_first() -> None:
    answer = "목요일 분석화학은 CH2101, CH2102, CH2201 세 반이에요."
    each = step("교수님은 각각 누구야?", "분석화학 목요일 반 알려줘", answer)
    assert each.kind == "attribute" and each.reading is None
    assert each.thread.codes == ("CH2101", "CH2102", "CH2201") and not each.thread.names
    plan = plan_turn("담당 교수 모두 알려줘", [("user", "분석화학 목요일 반 알려줘"), ("assistant", answer)], VOCAB)
    assert [c.args["code"] for c in plan.calls] == ["CH2101", "CH2102", "CH2201"]


def test_without_each_several_cited_courses_still_mean_the_first() -> None:
    answer = "• 한국사 (과목번호 HI1001, 01분반) — 민서율 교수\n• 서양사 (과목번호 HI1002, 01분반) — 도하준 교수"
    first = step("교수님 누구야?", "사학과 과목 알려줘", answer)
    assert first.reading is not None and first.reading.kind == "first_course"


def _section(code: str, name: str, number: str = "") -> CourseSection:
    return CourseSection(term="2026-1", code=code, section=number, name=name)


def _outcome(sections: list[CourseSection]) -> ToolOutcome:
    artifact = {"sections": sections, "total_sections": len(sections), "total_courses": len({s.name for s in sections}),
                "matched_on_page": len(sections)}
    return ToolOutcome(name="search_courses", content="{}", artifact=artifact)


def test_asking_for_the_rest_is_read_in_its_usual_wordings() -> None:
    for text in ("나머지 반도 보여줘", "그게 전부야?", "그 외에는?", "what about the rest", "is that all?"):
        assert asks_rest(text), text
    assert not asks_rest("유기화학 언제야?")


def test_the_rest_leaves_out_the_sections_an_answer_cited_and_counts_down() -> None:
    shown = shown_by("먼저 두 개: 1) 3100120301 민서율 2) 3100120302 도하준. 더 필요하면 말해 주세요", VOCAB)
    sections = [_section(f"31001203{n:02d}", "한국사") for n in range(1, 6)]
    rest = without_shown(_outcome(sections), shown)
    assert [s.code for s in rest.sections] == ["3100120303", "3100120304", "3100120305"]
    assert rest.total_sections == 3


def test_the_rest_leaves_out_the_courses_an_answer_named_without_codes() -> None:
    shown = shown_by("한국사(민서율), 서양사(도하준) 등이 있었어요.", VOCAB)
    outcome = _outcome([_section("HI1", "한국사", "01"), _section("HI2", "서양사", "01"), _section("HI3", "동양사상사", "01")])
    rest = without_shown(outcome, shown)
    assert [s.name for s in rest.sections] == ["동양사상사"] and rest.total_courses == 1


def test_the_rest_of_the_sections_of_a_course_cited_by_its_code_alone_keeps_the_course() -> None:
    answer = "물리화학(CH3001)은 분반이 5개라 앞에 몇 개만 보여 드릴게요. 01 월수 09:00 / 02 화목 10:30"
    outcome = _outcome([_section("CH3001", "물리화학", f"0{n}") for n in range(1, 6)])
    for question in ("나머지 분반도 알려줘", "나머지 중에 화목반만", "the other sections?"):
        assert without_shown(outcome, shown_by(answer, VOCAB, question)).sections == outcome.sections, question
    # The rest of the courses: a course cited by its code alone was shown.
    assert shown_by(answer, VOCAB, "나머지 과목은?").refs == frozenset({"CH3001"})


def test_a_cited_section_leaves_out_only_that_section_of_a_shared_code() -> None:
    shown = shown_by("• 물리화학 (과목번호 CH3001, 01분반) — 채유나 교수", VOCAB)
    outcome = _outcome([_section("CH3001", "물리화학", "01"), _section("CH3001", "물리화학", "02")])
    assert [s.section for s in without_shown(outcome, shown).sections] == ["02"]


def test_nothing_left_lists_the_set_again_rather_than_nothing() -> None:
    outcome = _outcome([_section("HI1", "한국사", "01")])
    assert without_shown(outcome, Shown(names=frozenset({"한국사"}))).sections == outcome.sections


def test_a_rest_follow_up_plans_what_the_answer_showed_and_keeps_its_conditions() -> None:
    history = [("user", "화학과 분석화학 분반 알려줘"), ("assistant", "분석화학은 CH2101(민서율), CH2102(도하준)가 있어요.")]
    plan = plan_turn("나머지 분반도 알려줘", history, VOCAB)
    assert plan.shown.refs == {"CH2101", "CH2102"}
    assert step("나머지 분반도 알려줘", *(t for _, t in history)).thread.conditions.departments == ["화학과"]


TERMS = Vocabulary(departments=["사학과"], course_names=["한국사", "서양사"],
                   terms=["2021-1", "2021-여름", "2021-겨울", "2022-1", "2022-여름", "2022-2"])


def _term_after(question: str, first: str) -> str | None:
    history = [("user", first), ("assistant", "한국사, 서양사가 열렸어요.")]
    return read_turn(question, thread_of(history, TERMS), TERMS).thread.conditions.term


def test_a_season_alone_is_read_in_the_year_the_conversation_was_about() -> None:
    assert _term_after("여름 계절학기엔?", "2021년 겨울 계절학기 사학과 과목 알려줘") == "2021-여름"


def test_a_question_that_says_its_year_or_a_year_the_catalog_lacks_keeps_its_own_reading() -> None:
    assert _term_after("2022년 여름학기는?", "2021년 겨울 계절학기 사학과 과목 알려줘") == "2022-여름"
    # The catalog holds no 2022 winter session: the newest winter session held is read, as before.
    assert _term_after("겨울학기는?", "2022년 여름학기 사학과 과목 알려줘") == "2021-겨울"


PLACES = Vocabulary(course_names=["회계원리", "세법개론"], professors=["나은별"],
                    rooms=["경상관 301", "경상관 302 (세미나실)", "인문관 105"])
ROOM_ANSWER = "회계원리는 01반(월 09:00)과 02반(수 13:30)이 경상관 302에서 해요."


def _slot_section(code: str, start: int) -> CourseSection:
    from agent.catalog.models import MeetingSlot

    return CourseSection(term="2026-1", code=code, name="회계원리", slots=[MeetingSlot(day="월", start=start, end=start + 75)])


def test_there_is_the_room_the_last_answer_named() -> None:
    history = [("user", "회계원리 어디서 해?"), ("assistant", ROOM_ANSWER)]
    there = read_turn("거기서 하는 오후 수업만", thread_of(history, PLACES), PLACES)
    assert there.kind == "narrow" and there.thread.conditions.rooms == ["경상관 302"]
    assert there.thread.names == ("회계원리",)


def test_a_time_ruled_out_is_left_out_not_searched_for() -> None:
    history = [("user", "회계원리 어디서 해?"), ("assistant", ROOM_ANSWER)]
    step_ = read_turn("10시 반 수업 빼고 알려줘", thread_of(history, PLACES), PLACES)
    assert step_.kind == "narrow" and step_.left_out.starting == (630, 659)
    assert step_.thread.conditions.start_after is None and step_.thread.conditions.start_before is None
    plan = plan_turn("10시 반 수업 빼고 알려줘", history, PLACES)
    outcome = _outcome([_slot_section("AC1", 9 * 60), _slot_section("AC2", 630), _slot_section("AC3", 13 * 60 + 30)])
    assert [s.code for s in without_shown(outcome, plan.shown).sections] == ["AC1", "AC3"]


def test_a_time_asked_for_is_still_a_condition() -> None:
    history = [("user", "회계원리 어디서 해?"), ("assistant", ROOM_ANSWER)]
    step_ = read_turn("10시 반 수업만 알려줘", thread_of(history, PLACES), PLACES)
    assert not step_.left_out and step_.thread.conditions.start_after == 630


def test_a_section_alone_in_a_timetable_check_is_of_the_course_talked_about() -> None:
    history = [("user", "세법개론 나은별 교수님 반 언제야?"), ("assistant", "나은별 교수님 세법개론은 03반(화 10:30)과 04반(목 15:00)이에요.")]
    plan = plan_turn("04반이랑 회계원리 2반 같이 들어도 돼?", history, PLACES)
    assert plan.calls[0].name == "check_timetable"
    assert plan.calls[0].args["courses"] == ["세법개론 나은별 04반", "회계원리 2반"]


def test_a_section_alone_without_a_course_before_it_is_not_made_an_item() -> None:
    plan = plan_turn("3반이랑 회계원리 1반이랑 세법개론 겹쳐?", [], PLACES)
    assert [i for i in plan.calls[0].args["courses"] if i.strip().startswith("3")] == []


def test_at_the_same_time_is_the_meeting_the_last_answer_gave_without_its_course() -> None:
    history = [("user", "세법개론 나은별 교수님 반 언제야?"), ("assistant", "나은별 교수님 반은 02반, 월·수 13:30~14:45, 경상관 301이에요.")]
    same = read_turn("같은 시간에 하는 다른 과목 뭐 있어?", thread_of(history, PLACES), PLACES)
    assert same.kind == "narrow" and not same.thread.names
    assert same.thread.conditions.days == ["월", "수"]
    assert (same.thread.conditions.start_after, same.thread.conditions.start_before) == (810, 824)
    assert same.left_out.names == {"세법개론"}
    outcome = _outcome([_section("TX1", "세법개론", "02"), _section("AC1", "회계원리", "01")])
    assert [s.name for s in without_shown(outcome, plan_turn("같은 시간에 하는 다른 과목 뭐 있어?", history, PLACES).shown).sections] == [
        "회계원리"]


def test_at_the_same_time_reads_our_english_answers_too() -> None:
    from agent.search_mode.referents import meeting_conditions

    read = meeting_conditions("• Tax Law [세법개론] (code TX1, section 02) — Tue/Thu 09:00-10:15 (Room 3)")
    assert read is not None and read.days == ["화", "목"] and read.start_after == 540
    assert meeting_conditions("세법개론은 나은별 교수님이 가르쳐요.") is None


def test_whether_it_kept_its_time_is_not_a_search_for_other_courses() -> None:
    history = [("user", "세법개론 언제야?"), ("assistant", "세법개론은 월·수 13:30~14:45예요.")]
    kept = read_turn("작년에도 같은 시간이었어?", thread_of(history, PLACES), PLACES)
    assert kept.thread.names == ("세법개론",) and not kept.left_out


def test_the_rest_of_a_list_keeps_its_conditions_even_said_with_all() -> None:
    history = [("user", "화학과 영어강의 과목 뭐 있어"), ("assistant", "유기화학(민서율), 분석화학(도하준) 등이 있어요. 더 있어요.")]
    rest = step("나머지도 다 보여줘", *(t for _, t in history))
    assert rest.thread.conditions.departments == ["화학과"] and rest.thread.conditions.english is True
    everything = step("조건 없이 다 보여줘", *(t for _, t in history))
    assert everything.kind == "widen" and everything.thread.conditions.departments == []


def test_the_rest_with_a_condition_of_its_own_narrows_the_list() -> None:
    history = [("user", "화학과 과목 뭐 있어"), ("assistant", "유기화학(민서율), 분석화학(도하준) 등이 있어요. 더 있어요.")]
    narrowed = step("나머지 중에 영어강의만 보여줘", *(t for _, t in history))
    assert narrowed.thread.conditions.departments == ["화학과"] and narrowed.thread.conditions.english is True
