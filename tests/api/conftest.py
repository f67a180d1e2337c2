"""Fixtures for the API tests: a TestClient over the default app (`make_app` and `search_assistant`, shared
with the deploy tests, are in `tests/conftest.py`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient


@pytest.fixture
def client(make_app: Callable[..., FastAPI]) -> Iterator[TestClient]:
    with TestClient(make_app()) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def two_term_assistant(sample_index, sample_sections, tmp_path_factory):  # type: ignore[no-untyped-def]
    """The real search assistant over a copy of the sample index plus an older term
    (`tests.support.two_terms`)."""
    from agent.assistant import CourseAssistant
    from agent.index.factory import open_index
    from tests.support.api_checks import api_settings
    from tests.support.two_terms import two_term_index

    store = two_term_index(sample_index, sample_sections, tmp_path_factory.mktemp("two-terms") / "index")
    index = open_index(api_settings(LOCAL_STORE_PATH=str(store)))
    return CourseAssistant.from_settings(api_settings(), index=index)
