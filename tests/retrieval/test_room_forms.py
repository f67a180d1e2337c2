"""Rooms written another way than the catalog writes them resolve to the catalog's room."""

from __future__ import annotations

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
