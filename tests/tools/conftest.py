from __future__ import annotations

from pathlib import Path

import pytest

from agent.catalog.loader import load_catalog
from agent.catalog.models import CourseSection

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample-catalog.csv"


@pytest.fixture(scope="session")
def sample_sections() -> list[CourseSection]:
    """The sample catalog as the loader reads it: the ground truth the tools are checked against."""
    return load_catalog(SAMPLE).sections


@pytest.fixture()
def sample_ctx(sample_index):
    from agent.retrieval import CourseRetriever
    from tools import CourseToolContext

    return CourseToolContext(index=sample_index, retriever=CourseRetriever(sample_index), term=None, k=8)
