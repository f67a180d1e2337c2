"""`coursebot ask` / `coursebot chat` through the real CLI app, on a fresh (empty) embedded index that
they fill from CATALOG_PATH on first use. A small slice of the sample catalog keeps embedding short."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from agent.catalog.loader import load_catalog
from tests.support.catalog_slices import sample_slice

@pytest.fixture()
def tiny_catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = sample_slice(tmp_path, "tiny", lambda row: row["학수번호"] in ("CSE2010", "BUS1010"))
    monkeypatch.setenv("CATALOG_PATH", str(path))
    monkeypatch.setenv("COLUMNS", "200")
    from agent.settings import get_settings

    get_settings.cache_clear()
    return path


def test_ask_ingests_on_first_use_and_prints_answer_and_sources(tiny_catalog: Path) -> None:
    from agent.cli import app

    truth = [s for s in load_catalog(tiny_catalog).sections if s.code == "CSE2010"]
    result = CliRunner().invoke(app, ["ask", "자료구조 누가 가르쳐?"])
    assert result.exit_code == 0, result.output
    for professor in {p for s in truth for p in s.professors}:
        assert professor in result.output
    assert "출처" in result.output and "CSE2010" in result.output
    assert "검색 모드" in result.output

    from agent.index.factory import open_index
    from agent.settings import get_settings

    assert open_index(get_settings()).count() == len(load_catalog(tiny_catalog).sections)


def test_chat_keeps_history_until_new_chat(tiny_catalog: Path) -> None:
    from agent.cli import app

    script = "회계원리 01분반 누가 가르쳐?\n그 수업 몇 학점이야?\n새 대화\n그 수업 몇 학점이야?\nexit\n"
    result = CliRunner().invoke(app, ["chat"], input=script)
    assert result.exit_code == 0, result.output
    after_first, after_reset = result.output.split("새 대화를 시작해요", 1)
    assert "회계원리 (과목번호 BUS1010, 01분반)는 3학점이에요." in after_first
    assert "BUS1010" not in after_reset  # no history: the follow-up has nothing to refer to


def test_ask_rejects_an_empty_question_clearly(tiny_catalog: Path) -> None:
    from agent.cli import app

    result = CliRunner().invoke(app, ["ask", "  "])
    assert result.exit_code == 1
    assert "질문이 비어 있어요" in result.output and "Traceback" not in result.output
