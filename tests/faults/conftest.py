"""Fixtures of the fault suite (issue 15, part B): the loopback HyperCLOVA X server, and apps whose
assistant talks to it with the settings a test needs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.fakes.hyperclova import HyperClovaServer
from tests.support.api_checks import api_settings
from tests.hyperclova.conftest import API_KEY as FAULT_HCX_KEY
from tests.hyperclova.conftest import server  # noqa: F401 - the client tests' loopback server, reused


@pytest.fixture
def fault_hcx(server: HyperClovaServer) -> HyperClovaServer:  # noqa: F811
    """The loopback HyperCLOVA X server (a fresh one per test), accepting `FAULT_HCX_KEY`."""
    return server


@pytest.fixture
def fault_hcx_client(fault_hcx: HyperClovaServer, sample_index, make_app: Callable[..., FastAPI]) -> Callable[..., TestClient]:  # type: ignore[no-untyped-def]
    """`fault_hcx_client(**settings)`: a TestClient (use it in `with`) over the app whose assistant uses
    HyperCLOVA X at `fault_hcx`, with the key it accepts unless `HYPERCLOVA_API_KEY` says otherwise."""
    from agent.assistant import CourseAssistant

    def build(**overrides: Any) -> TestClient:
        settings = {"HYPERCLOVA_API_KEY": FAULT_HCX_KEY, "HYPERCLOVA_BASE_URL": fault_hcx.base_url, **overrides}
        assistant = CourseAssistant.from_settings(api_settings(**settings), index=sample_index)
        return TestClient(make_app(assistant=assistant, **settings))

    return build
