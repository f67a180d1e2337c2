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
