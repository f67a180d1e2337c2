"""Section numbers as students say them ("01반", "3분반"), wherever the catalog keeps them."""

from __future__ import annotations

import pytest

from agent.catalog.models import CourseSection


def test_soongsil_section_numbers_are_the_codes_last_two_digits(ssu) -> None:
    section = next(s for s in ssu.sections if s.code.endswith("03") and len(s.code) == 10)
    assert section.section == "" and section.section_no == "03" and section.number == "03"
    assert section.is_section("3") and section.is_section("03") and not section.is_section("13")


@pytest.mark.parametrize("kept, asked, same", [("02", "2", True), ("02", "002", True), ("10", "1", False), ("", "1", False)])
def test_is_section(kept: str, asked: str, same: bool) -> None:
    section = CourseSection(term="2026-1", code="ABC1234", section=kept, name="x")
    assert section.is_section(asked) is same
