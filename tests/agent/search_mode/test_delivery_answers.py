"""How a course is taught: asked for recordings, a mixed section (in person plus recordings) counts, and the
answer gives the catalog's own words beside the normalized mode."""

from __future__ import annotations

from agent.catalog.models import CourseSection
from agent.search_mode.render import Voice, _catalog_value
from agent.search_mode.sections import delivery_remarks


def _section(**fields: object) -> CourseSection:
    return CourseSection(term="2026-1", code="Z9", name="열역학", **fields)  # type: ignore[arg-type]


def test_delivery_remarks_are_the_catalog_words() -> None:
    section = _section(delivery="혼합", notes="가\n강좌유형: 대면+녹화, EL+\n다전공 이수구분: 복선-기계")
    assert delivery_remarks(section) == ["강좌유형: 대면+녹화"]
    assert delivery_remarks(_section(notes="경영대학(가능), 2주차 비대면_실시간")) == ["2주차 비대면_실시간"]
    assert delivery_remarks(_section(notes="3학년 대상\n절대평가")) == []


def test_the_delivery_value_quotes_the_catalog() -> None:
    mixed = _section(delivery="혼합", notes="강좌유형: 대면+녹화")
    assert _catalog_value(mixed, "delivery", Voice("ko")) == "대면+온라인 혼합 (강좌유형: 대면+녹화)"
    assert _catalog_value(mixed, "delivery", Voice("en")) == 'in person plus online ("강좌유형: 대면+녹화")'
    online = _section(delivery="원격", notes="10/3(금) 비대면_실시간")
    assert "비대면_실시간" in (_catalog_value(online, "delivery", Voice("ko")) or "")
    assert _catalog_value(_section(delivery="대면"), "delivery", Voice("ko")) == "대면"  # no words: the mode alone
    assert _catalog_value(_section(), "delivery", Voice("ko")) is None
