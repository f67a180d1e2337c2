"""Inputs for assistant tests: settings holding secrets that must never reach a student, a sentence only the
system prompt contains, and chat turns."""

from __future__ import annotations

from agent.answer import ChatTurn
from agent.settings import Settings

FAKE_PINECONE_KEY = "pcsk_test_9f8e7d6c5b4a39281706"
FAKE_HCX_KEY = "nv-test-5c1d2e3f4a5b6c7d8e9f"
# A sentence only the system prompt contains: it must never reach a student.
PROMPT_SENTENCE = "기억이나 추측으로 강좌 정보를 만들지 마세요"


def search_settings(**overrides: object) -> Settings:
    """Keyless settings (search mode) that still hold a secret the assistant must never show."""
    values: dict[str, object] = {"PINECONE_API_KEY": FAKE_PINECONE_KEY}
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def turns(*pairs: tuple[str, str]) -> list[ChatTurn]:
    return [ChatTurn(role=r, content=c) for r, c in pairs]  # type: ignore[arg-type]
