"""Property-based run of the app's own OpenAPI schema (schemathesis, pytest integration).

Every operation gets generated requests, valid and invalid, against the real app (real assistant over
the sample index): no 5xx, status codes, content types, headers and bodies as documented, and invalid
data rejected. Bounded (`max_examples`) so it stays well under a minute."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.support.api_checks import api_settings


def _sample_assistant(settings):  # type: ignore[no-untyped-def]
    from agent.assistant import CourseAssistant
    from agent.settings import SAMPLE_CATALOG
    from tests.support.index_cache import cached_index

    return CourseAssistant.from_settings(settings, index=cached_index("sample", SAMPLE_CATALOG))


def _app():  # type: ignore[no-untyped-def]
    from api.main import create_app

    # The assistant is built by the app itself on the first request that needs it (the lazy production
    # path); a generous rate limit, since the run sends many requests from one client on purpose. Built at
    # import, before any fixture: the feedback it stores goes to a temporary file, not the working tree.
    feedback = Path(tempfile.mkdtemp(prefix="schemathesis-feedback-")) / "feedback.sqlite3"
    return create_app(api_settings(RATE_LIMIT_PER_MINUTE=100_000, FEEDBACK_STORE=str(feedback)),
                      assistant_factory=_sample_assistant, static_dir=None)


# Module level, not `schemathesis.pytest.from_fixture`: its lazy loader reads `node._nodeid`, which
# pytest 9 no longer has.
schema = schemathesis.openapi.from_asgi("/openapi.json", _app())

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
    negative_data_rejection,
]


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_api_conforms_to_its_schema(case) -> None:  # type: ignore[no-untyped-def]
    case.call_and_validate(checks=CHECKS)
