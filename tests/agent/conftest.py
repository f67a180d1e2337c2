from __future__ import annotations

from pathlib import Path

import pytest
from _agent_support import search_settings

from agent.catalog.loader import load_catalog
from agent.catalog.models import CourseSection

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample-catalog.csv"


@pytest.fixture(scope="session")
def sample_sections() -> list[CourseSection]:
    return load_catalog(SAMPLE).sections


@pytest.fixture(scope="session")
def sample_assistant(sample_index):
    from agent.assistant import CourseAssistant

    return CourseAssistant.from_settings(search_settings(), index=sample_index)
