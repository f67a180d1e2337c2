"""`store`: the same tests against both backends, SQLite on a real file and DynamoDB in moto."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.feedback.factory import open_store
from agent.feedback.store import FeedbackStore


@pytest.fixture(params=["sqlite", "dynamodb"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> FeedbackStore:
    if request.param == "sqlite":
        return open_store(str(tmp_path / "feedback.sqlite3"))
    return open_store(request.getfixturevalue("feedback_table"))
