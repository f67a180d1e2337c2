"""Rooms written another way than the catalog writes them resolve to the catalog's room."""

from __future__ import annotations

from agent.index.base import Vocabulary
from agent.query import parse_question
from agent.query.link.places import resolve_room

ROOMS = (
    "미래융합관 03204", "미래융합관 03210 (세미나실)", "바이오센터 41107", "본관 7205", "예술관 7205", "K305",
    "창업보육센터 60112",
)


def test_a_leading_zero_left_out() -> None:
    assert resolve_room("미래융합관 3204", ROOMS) == "미래융합관 03204"
    assert resolve_room("미래융합관 3210", ROOMS) == "미래융합관 03210"


def test_an_everyday_building_name_with_a_number_only_one_building_has() -> None:
    assert resolve_room("바이오관 41107", ROOMS) == "바이오센터 41107"
    assert resolve_room("창업관 60112", ROOMS) == "창업보육센터 60112"


def test_a_number_several_buildings_share_is_chosen_by_the_building_written() -> None:
    assert resolve_room("예관 7205", ROOMS) == "예술관 7205"
    assert resolve_room("본관 7205", ROOMS) == "본관 7205"
    assert resolve_room("학생회관 7205", ROOMS) == "학생회관 7205"  # neither: left as written


def test_rooms_written_as_the_catalog_writes_them_or_unknown_stay() -> None:
    assert resolve_room("K305", ROOMS) == "K305"
    assert resolve_room("미래융합관 99999", ROOMS) == "미래융합관 99999"
    assert resolve_room("7205", ROOMS) == "7205"  # part of two rooms: the filter matches both


# ---- buildings a catalog writes by code (Sogang: "J305" is 정하상관 305호) ----------------------------------
CODED = ("J305", "J118", "D305", "MA305", "PA203", "GN101", "GN203")
SOGANG = {"정하상관": "J", "다산관": "D", "마태오관": "MA", "경제관": "GN"}


def test_a_coded_building_named_in_words_picks_its_room() -> None:
    assert resolve_room("정하상관 305", CODED, SOGANG) == "J305"
    assert resolve_room("마태오관 305", CODED, SOGANG) == "MA305"


def test_a_coded_building_without_that_room_stays_as_written() -> None:
    assert resolve_room("정하상관 999", CODED, SOGANG) == "정하상관 999"
    assert resolve_room("경제관 305", CODED, SOGANG) == "경제관 305"  # 305 is in J, D and MA, not GN


def _sogang_vocabulary() -> Vocabulary:
    return Vocabulary(rooms=list(CODED), course_names=["경제원론", "회계원리"], universities=["서강대학교"])


def test_a_question_names_a_coded_building_and_room() -> None:
    parsed = parse_question("마태오관 305호에서 하는 수업 뭐야", _sogang_vocabulary())
    assert parsed.filters.rooms == ["MA305"]


def test_a_coded_building_alone_means_its_rooms() -> None:
    parsed = parse_question("경제관 수업 알려줘", _sogang_vocabulary())
    assert parsed.filters.rooms == ["GN101", "GN203"]
    assert not parse_question("정하상관 수업", Vocabulary(rooms=list(CODED))).filters.rooms  # no university: no table


def test_coded_building_rooms_filter_no_other_building() -> None:
    parsed = parse_question("정하상관에서 하는 거", _sogang_vocabulary())
    assert parsed.filters.rooms == ["J305", "J118"]
