"""Start-up choices (agent/startup.py): deferred pydantic model builds, and no garbage collection during a
Lambda container's start-up, resumed once the first request is over."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

import agent
from agent.startup import defer_model_builds

ROOT = Path(__file__).resolve().parents[2]


def test_model_builds_are_deferred_once_agent_is_imported() -> None:
    # Fails when a pydantic release moves the private default: the cold start would silently regress.
    from pydantic._internal import _config

    assert agent.MODEL_BUILDS_DEFERRED is True and defer_model_builds() is True
    assert _config.config_defaults["defer_build"] is True


def test_a_deferred_model_still_validates_and_rejects_on_first_use() -> None:
    class Slot(BaseModel):
        day: str
        start: int

    class Course(BaseModel):
        code: str
        slots: list[Slot] = []

    assert not Course.__pydantic_complete__  # not built at definition...
    course = Course.model_validate({"code": "CSE3010", "slots": [{"day": "화", "start": "720"}]})
    assert Course.__pydantic_complete__  # ...but on first use, with full validation
    assert course.slots[0].start == 720
    with pytest.raises(ValidationError) as caught:
        Course.model_validate({"code": "X", "slots": [{"day": "화", "start": "noon"}]})
    assert "start" in str(caught.value)
    assert Course.model_json_schema()["properties"]["code"]["type"] == "string"


def test_collection_pauses_only_in_a_lambda_container(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from agent import startup

    assert startup.pause_gc_for_startup({}) is False and gc.isenabled()
    monkeypatch.setattr(startup, "_paused", False)
    try:
        assert startup.pause_gc_for_startup({"AWS_LAMBDA_FUNCTION_NAME": "chatbot-backend-lambda"}) is True
        assert not gc.isenabled() and startup.startup_pending()
        startup.end_startup()
        assert gc.isenabled() and not startup.startup_pending()
        startup.end_startup()  # a second call changes nothing
        assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


_LAMBDA_SCRIPT = """
import gc, json, sys
DEFERRED = ("langgraph_sdk.client", "langsmith.types.run", "langchain.agents.middleware.summarization")
sys.path.insert(0, {root!r})
import main
paused_at_import = not gc.isenabled()
from tests.support.lambda_events import LambdaContext, rest_v1_event
first = main.lambda_handler(rest_v1_event({method!r}, {path!r}, {body}, headers={{"Content-Type": "application/json"}}),
                            LambdaContext())
print("RESULT " + json.dumps({{"paused_at_import": paused_at_import, "status": first["statusCode"],
                              "collecting_after_first": gc.isenabled(), "frozen": gc.get_freeze_count(),
                              "deferred_inits_run": sorted(m for m in DEFERRED if m in sys.modules)}}))
"""


@pytest.mark.parametrize(
    ("method", "path", "body", "status"),
    [("POST", "/chat", {"message": "운체 누가 가르쳐?"}, 200), ("GET", "/health", None, 200),
     ("POST", "/chat", {"message": ""}, 422)],
    ids=["chat", "health-first", "rejected-first"],
)
def test_a_lambda_container_collects_again_after_its_first_request(
    sample_index, tmp_path: Path, method: str, path: str, body: dict | None, status: int
) -> None:
    script = _LAMBDA_SCRIPT.format(root=str(ROOT), method=method, path=path, body=repr(body))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HYPERCLOVA_", "PINECONE_"))}
    env.update({"LOCAL_STORE_PATH": str(sample_index.path), "VECTOR_STORE": "local", "LOG_LEVEL": "WARNING",
                "AWS_LAMBDA_FUNCTION_NAME": "chatbot-backend-lambda"})
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=300)
    line = next((l for l in result.stdout.splitlines() if l.startswith("RESULT ")), None)
    assert line, result.stdout[-2000:] + result.stderr[-2000:]
    outcome = json.loads(line[len("RESULT "):])
    assert outcome["paused_at_import"] is True
    assert outcome["status"] == status
    assert outcome["collecting_after_first"] is True and outcome["frozen"] > 10_000  # what start-up made was frozen
    # The packages agent/lazy_packages.py defers stay unrun through a whole first request.
    assert outcome["deferred_inits_run"] == []
