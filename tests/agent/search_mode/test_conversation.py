"""Reading earlier answers back (`agent.search_mode.conversation`): what both renderers write, this reads."""

from __future__ import annotations

from agent.catalog.models import CourseSection
from agent.index.base import Vocabulary
from agent.search_mode import format_en, format_ko
from agent.search_mode.conversation import cited_courses, referred_professor
from agent.search_mode.render import bullet

SECTION = CourseSection(term="2026-1", code="CSE2010", section="02", name="자료구조", name_en="Data Structures",
                        professors=["Daniel Whitford"])
VOCAB = Vocabulary(professors=["Daniel Whitford", "한도윤"], course_names=["자료구조"])


def test_citations_of_both_languages_read_back_as_the_same_course() -> None:
    for line in (bullet(SECTION, "ko"), bullet(SECTION, "en")):
        [cited] = cited_courses(line)
        assert (cited.code, cited.section, cited.ref) == ("CSE2010", "02", "CSE2010-02")
    assert cited_courses(format_ko.cite(SECTION))[0].name == "자료구조"
    assert cited_courses(format_en.cite(SECTION))[0].name == "Data Structures [자료구조]"


def test_the_professor_an_answer_named_in_either_language() -> None:
    korean = [("assistant", f"{format_ko.cite(SECTION)}는 Daniel Whitford 교수님이 가르쳐요.")]
    english = [("assistant", f"{format_en.cite(SECTION)} is taught by Prof. Daniel Whitford.")]
    assert referred_professor("그 교수님 다른 수업은 뭐 있어?", korean, VOCAB) == "Daniel Whitford"
    assert referred_professor("What else does that professor teach?", english, VOCAB) == "Daniel Whitford"
    assert referred_professor("Does that professor teach other courses?", english, VOCAB) == "Daniel Whitford"
    # Not a question about that professor's courses, or a name the catalog does not hold.
    assert referred_professor("What else is on Monday?", english, VOCAB) is None
    stranger = [("assistant", "Prof. Nobody Here.")]
    assert referred_professor("What else does that professor teach?", stranger, VOCAB) is None
