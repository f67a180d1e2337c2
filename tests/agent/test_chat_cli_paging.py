"""`coursebot ask` / `coursebot chat` state a long list's true total and how to see the rest, and show it:
`ask --offset N`, "더 보기" in chat. A slice of the sample catalog: its 교양필수 courses (16 sections in 4
courses, more than one answer lists) and 자료구조 (4 sections, a list that fits)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from agent.catalog.loader import load_catalog
from tests.support.catalog_slices import sample_slice

QUESTION = "교양필수 과목 뭐 있어?"


@pytest.fixture()
def required_catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    keep = lambda row: "교양필수" in row["이수구분"] or row["학수번호"] == "CSE2010"  # noqa: E731
    path = sample_slice(tmp_path, "required", keep)
    monkeypatch.setenv("CATALOG_PATH", str(path))
    monkeypatch.setenv("COLUMNS", "250")
    from agent.settings import get_settings

    get_settings.cache_clear()
    return path


def _required(catalog: Path) -> list[str]:
    return [s.code for s in load_catalog(catalog).sections if "교양필수" in (s.category or "")]


def _bullets(text: str) -> list[str]:
    return re.findall(r"^• .*\(과목번호 (\w+), (\d+)분반\)", text, flags=re.MULTILINE)


def test_ask_states_the_total_and_how_to_see_the_rest(required_catalog: Path) -> None:
    from agent.cli import app

    total = len(_required(required_catalog))
    first = CliRunner().invoke(app, ["ask", QUESTION])
    assert first.exit_code == 0, first.output
    assert f"{total}개 분반(4과목) 중 1-12번째" in first.output
    assert f"더 보기: coursebot ask '{QUESTION}' --offset 12" in first.output
    rest = CliRunner().invoke(app, ["ask", QUESTION, "--offset", "12"])
    assert rest.exit_code == 0, rest.output
    assert f"{total}개 분반(4과목) 중 13-{total}번째" in rest.output and "더 보기:" not in rest.output
    shown = _bullets(first.output) + _bullets(rest.output)
    assert len(shown) == total and len(set(shown)) == total  # every section once, none skipped


def test_a_list_that_fits_prints_no_paging_line(required_catalog: Path) -> None:
    from agent.cli import app

    result = CliRunner().invoke(app, ["ask", "자료구조 분반 알려줘"])
    assert result.exit_code == 0, result.output
    assert "번째" not in result.output and "더 보기" not in result.output


def test_more_in_chat_continues_the_last_list(required_catalog: Path) -> None:
    from agent.cli import app

    total = len(_required(required_catalog))
    result = CliRunner().invoke(app, ["chat"], input=f"{QUESTION}\n더 보기\n더 보기\nexit\n")
    assert result.exit_code == 0, result.output
    assert "더 보기: '더 보기' 입력" in result.output
    first, second, third = result.output.split("나>")[1:4]
    assert f"13-{total}번째" in second and set(_bullets(first)).isdisjoint(_bullets(second))
    assert "더 보여 드릴 강좌가 없어요" in third


def test_ask_rejects_a_negative_offset(required_catalog: Path) -> None:
    from agent.cli import app

    result = CliRunner().invoke(app, ["ask", QUESTION, "--offset", "-1"])
    assert result.exit_code == 2 and "--offset" in result.output and "Traceback" not in result.output
