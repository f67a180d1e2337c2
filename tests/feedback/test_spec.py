"""`FEEDBACK_STORE` values: what names which store, and errors that say what is accepted."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from agent.feedback.factory import open_store
from agent.feedback.spec import StoreSpec, StoreSpecError, parse_store_spec
from agent.settings import Settings


@pytest.mark.parametrize(
    ("value", "backend", "target"),
    [
        (".coursebot/feedback.sqlite3", "sqlite", ".coursebot/feedback.sqlite3"),
        ("/var/lib/coursebot/fb.db", "sqlite", "/var/lib/coursebot/fb.db"),
        ("sqlite:///data/fb.sqlite3", "sqlite", "data/fb.sqlite3"),
        ("sqlite:////tmp/fb.sqlite3", "sqlite", "/tmp/fb.sqlite3"),
        ("SQLITE:///fb.db", "sqlite", "fb.db"),
        ("  dynamodb://chatbot-feedback ", "dynamodb", "chatbot-feedback"),
        ("dynamodb://Feedback_Table.v2", "dynamodb", "Feedback_Table.v2"),
        ("C:\\coursebot\\fb.db", "sqlite", "C:\\coursebot\\fb.db"),
    ],
)
def test_values_name_their_store(value: str, backend: str, target: str) -> None:
    spec = parse_store_spec(value)
    assert (spec.backend, spec.target) == (backend, target)
    assert parse_store_spec(str(spec)) == spec  # the printed form parses back


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("postgres://db/feedback", "unknown scheme 'postgres'"),
        ("dynamodb://", "table name"),
        ("dynamodb://ab", "table name"),
        ("dynamodb://bad name", "table name"),
        ("dynamodb://x/y", "table name"),
        ("sqlite://", "sqlite:///relative/path"),
        ("sqlite://relative.db", "sqlite:///relative/path"),
    ],
)
def test_bad_values_say_what_is_accepted(value: str, says: str) -> None:
    with pytest.raises(StoreSpecError, match=says.replace("(", r"\(")):
        parse_store_spec(value)


def test_settings_default_is_a_local_sqlite_file() -> None:
    settings = Settings(_env_file=None, FEEDBACK_STORE=".coursebot/feedback.sqlite3")  # type: ignore[call-arg]
    assert parse_store_spec(settings.feedback_store) == StoreSpec("sqlite", ".coursebot/feedback.sqlite3")
    assert Settings.model_fields["feedback_store"].default == ".coursebot/feedback.sqlite3"
    assert settings.feedback_retention_days == 180


def test_settings_reject_a_bad_store_naming_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FEEDBACK_STORE", "mysql://db")
    with pytest.raises(ValidationError) as caught:
        Settings(_env_file=None)  # type: ignore[call-arg]
    assert "FEEDBACK_STORE" in str(caught.value) and "unknown scheme 'mysql'" in str(caught.value)


def test_settings_reject_a_negative_retention(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FEEDBACK_RETENTION_DAYS", "-1")
    with pytest.raises(ValidationError, match="FEEDBACK_RETENTION_DAYS"):
        Settings(_env_file=None)  # type: ignore[call-arg]


def test_opening_touches_nothing(tmp_path: Path) -> None:
    """Opening a store creates no file and no AWS client: the first call does (cold start pays nothing)."""
    sqlite = open_store(str(tmp_path / "deep" / "fb.sqlite3"))
    assert not (tmp_path / "deep").exists()
    dynamo = open_store("dynamodb://chatbot-feedback")
    assert dynamo.spec == StoreSpec("dynamodb", "chatbot-feedback") and dynamo._client is None  # type: ignore[attr-defined]
    assert sqlite.spec.backend == "sqlite"
