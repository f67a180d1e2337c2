"""The per-deployment request limits (`MAX_MESSAGE_CHARS`, `MAX_HISTORY_TURNS`, `MAX_HISTORY_CHARS`), for a
chat request and for the question and history a feedback carries.

Checked after schema validation, before any model or index work; each violation is a 422 that names
the limit and the field.
"""

from __future__ import annotations

from collections.abc import Sequence

from agent.settings import Settings
from api.errors import ApiError
from api.schemas import ChatRequest, FeedbackRequest, HistoryTurn


def check_chat_request(body: ChatRequest, settings: Settings) -> None:
    if not body.message.strip():
        raise ApiError(422, "empty_message", "메시지가 비어 있습니다. 질문을 입력해 주세요.", "message")
    if len(body.message) > settings.max_message_chars:
        raise ApiError(
            422, "message_too_long",
            f"메시지가 너무 깁니다 ({len(body.message)}자). 최대 {settings.max_message_chars}자까지 보낼 수 있습니다.",
            "message",
        )
    check_history(body.history, settings)


def check_history(history: Sequence[HistoryTurn], settings: Settings) -> None:
    """The history's turns and characters within `MAX_HISTORY_TURNS` and `MAX_HISTORY_CHARS`."""
    if len(history) > settings.max_history_turns:
        raise ApiError(
            422, "history_too_many_turns",
            f"대화 기록이 너무 깁니다 ({len(history)}개). 최대 {settings.max_history_turns}개 턴까지 보낼 수 있습니다.",
            "history",
        )
    total = sum(len(turn.content) for turn in history)
    if total > settings.max_history_chars:
        raise ApiError(
            422, "history_too_long",
            f"대화 기록의 글자 수가 너무 많습니다 ({total}자). 최대 {settings.max_history_chars}자까지 보낼 수 있습니다.",
            "history",
        )


def check_feedback_request(body: FeedbackRequest, settings: Settings) -> None:
    """A rated answer's question and history are what the chat accepted: the chat's limits apply."""
    if body.question is not None and len(body.question) > settings.max_message_chars:
        raise ApiError(
            422, "value_too_long", f"'question' 값이 너무 깁니다 (최대 {settings.max_message_chars}자).", "question"
        )
    check_history(body.history, settings)
