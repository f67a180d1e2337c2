from __future__ import annotations

import pytest

from tests.support.agent_inputs import search_settings


@pytest.fixture(scope="session")
def sample_assistant(sample_index):
    from agent.assistant import CourseAssistant

    return CourseAssistant.from_settings(search_settings(), index=sample_index)
