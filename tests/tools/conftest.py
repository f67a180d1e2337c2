from __future__ import annotations

import pytest


@pytest.fixture()
def sample_ctx(sample_index):
    from agent.retrieval import CourseRetriever
    from tools import CourseToolContext

    return CourseToolContext(index=sample_index, retriever=CourseRetriever(sample_index), term=None, k=8)
