"""`open_store(FEEDBACK_STORE)`: the backend a setting names."""

from __future__ import annotations

from agent.feedback.spec import StoreSpec, parse_store_spec
from agent.feedback.store import FeedbackStore


def open_store(spec: str | StoreSpec) -> FeedbackStore:
    """The backend `spec` names (`StoreSpecError` if it names none). Nothing is touched yet (no file, no
    AWS client): the first call does, so opening costs nothing at start-up."""
    parsed = parse_store_spec(spec) if isinstance(spec, str) else spec
    if parsed.backend == "dynamodb":
        from agent.feedback.dynamodb import DynamoFeedbackStore

        return DynamoFeedbackStore(parsed.target)
    from agent.feedback.sqlite import SqliteFeedbackStore

    return SqliteFeedbackStore(parsed.path)
