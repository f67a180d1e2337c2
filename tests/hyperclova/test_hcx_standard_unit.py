"""The `langchain-tests` unit suites for ChatHyperClovaX, with sockets disabled (pytest-socket): constructing,
binding and configuring the model must not touch the network. (Kept apart from the integration suites, whose
module-scoped loopback server needs sockets.)"""

from __future__ import annotations

from typing import Any

import pytest
from langchain_tests.unit_tests import ChatModelUnitTests
from langchain_tests.unit_tests.chat_models import TEST_PYDANTIC_MODELS

from agent.hyperclova import ChatHyperClovaX

API_KEY = "nv-test-secret-0123456789"  # same as conftest.API_KEY


@pytest.mark.disable_socket
class TestHyperClovaX007Unit(ChatModelUnitTests):
    @property
    def chat_model_class(self) -> type[ChatHyperClovaX]:
        return ChatHyperClovaX

    @property
    def chat_model_params(self) -> dict[str, Any]:
        return {"model": "HCX-007", "api_key": API_KEY}

    @property
    def init_from_env_params(self) -> tuple[dict[str, str], dict[str, Any], dict[str, Any]]:
        return (
            {"HYPERCLOVA_API_KEY": "nv-from-env", "HYPERCLOVA_BASE_URL": "http://127.0.0.1:1"},
            {},
            {"api_key": "nv-from-env", "base_url": "http://127.0.0.1:1"},
        )

    @property
    def supports_json_mode(self) -> bool:
        return True

    # test_serdes is skipped by the suite itself ("Model is not serializable."): ChatHyperClovaX keeps the
    # default `is_lc_serializable() == False`, like most partner chat models; nothing in the project
    # serializes models with `dumpd`.


@pytest.mark.disable_socket
class TestHyperClovaX005Unit(TestHyperClovaX007Unit):
    @property
    def chat_model_params(self) -> dict[str, Any]:
        return {"model": "HCX-005", "api_key": API_KEY}

    @property
    def supports_json_mode(self) -> bool:
        return False

    @property
    def supports_image_inputs(self) -> bool:
        return True

    @pytest.mark.parametrize("schema", TEST_PYDANTIC_MODELS)
    @pytest.mark.xfail(
        strict=True,
        raises=ValueError,
        reason="HCX-005 has no responseFormat (reference section 2): with_structured_output("
        "method='json_schema' | 'json_mode') raises ValueError by design; function_calling works",
    )
    def test_with_structured_output(self, model: Any, schema: Any) -> None:  # type: ignore[override]
        super().test_with_structured_output(model, schema)
