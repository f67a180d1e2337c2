"""Period tables (교시): the mapping file's `periods:`, its errors, and what the sections carry."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from agent.catalog import CatalogError, load_catalog
from agent.catalog.models import CourseSection
from agent.catalog.periods import DEFAULT, PeriodTableError, parse_period_table, period_table

CSV = """\
코드,교과목,교수,학점,강의시간
HB101,도예입문,김하늘,3,"월 08:30-09:45 미술관 101"
HB102,목공기초,이바다,2,"화 10:00-11:15 미술관 102"
"""
MAPPING = """\
university: 한결대학교
term: "2026-1"
columns: {code: 코드, name: 교과목, professors: 교수, credits: 학점}
slots: {style: combined, column: 강의시간}
"""


def test_a_table_reads_in_period_order() -> None:
    assert parse_period_table({2: "10:00-11:15", 1: "08:30~09:45"}) == ((1, 510, 585), (2, 600, 675))


@pytest.mark.parametrize(("data", "message"), [
    ({"첫째": "09:00-09:50"}, "periods.첫째: a period is a whole number"),
    ({1: "9시-10시"}, "periods.1: '9시' is not a time"),
    ({1: "09:00"}, "periods.1: '09:00' is not a time range"),
    ({1: "10:00-09:00"}, "periods.1: '10:00-09:00' ends before it starts"),
    ({1: "09:00-10:00", 2: "09:30-10:30"}, "periods.2 starts before periods.1 ends"),
    (["09:00-09:50"], "periods must map a period number"),
])
def test_a_bad_table_names_the_period(data: object, message: str) -> None:
    with pytest.raises(PeriodTableError, match=message):
        parse_period_table(data)


def test_where_a_table_comes_from() -> None:
    own = [(1, 510, 585)]
    assert period_table(own, ["숭실대학교"]) == (((1, 510, 585),), True)
    assert period_table(None, ["서강대학교"])[0][1] == (2, 630, 705)
    assert period_table(None, ["한결대학교"]) == (DEFAULT, False)


def test_a_mapping_table_is_carried_by_every_section(tmp_path: Path) -> None:
    (tmp_path / "crafts.csv").write_text(CSV, encoding="utf-8")
    table = 'periods: {1: "08:30-09:45", 2: "10:00-11:15"}\n'
    (tmp_path / "crafts.mapping.yaml").write_text(MAPPING + table, encoding="utf-8")
    sections = load_catalog(tmp_path / "crafts.csv").sections
    assert [s.periods for s in sections] == [[(1, 510, 585), (2, 600, 675)]] * 2


def test_a_bad_table_in_a_mapping_is_a_catalog_error(tmp_path: Path) -> None:
    (tmp_path / "crafts.csv").write_text(CSV, encoding="utf-8")
    (tmp_path / "crafts.mapping.yaml").write_text(MAPPING + 'periods: {1: "10:00-09:00"}\n', encoding="utf-8")
    with pytest.raises(CatalogError, match=r"crafts.mapping.yaml: periods.1: '10:00-09:00' ends before it starts"):
        load_catalog(tmp_path / "crafts.csv")


def test_sections_without_a_table_keep_their_content_hash() -> None:
    """`periods` (and later `flags`) joined the record later: while unset, the hash is that of every other field,
    as it was before the fields existed, so re-ingesting a catalog without them rewrites nothing."""
    section = CourseSection(term="2026-1", code="X1", name="도예입문", professors=["김하늘"])
    dumped = section.model_dump(mode="json", exclude={"periods", "flags"})
    others = json.dumps(dumped, ensure_ascii=False, sort_keys=True)
    assert section.content_hash() == hashlib.sha256(others.encode("utf-8")).hexdigest()[:32]
    assert section.model_copy(update={"periods": [(1, 540, 590)]}).content_hash() != section.content_hash()
