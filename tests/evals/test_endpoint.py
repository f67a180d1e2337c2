"""`coursebot eval --endpoint URL` against the real API (`api.main.create_app`) served by uvicorn on
loopback, with the real search-mode assistant over the cached sample index. The API returns no
`retrieved`, so recall falls back to the cited sources (and says so per case)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from agent.cli import app
from tests.support.served import free_port


@pytest.fixture
def served_api(sample_index) -> Iterator[str]:
    import uvicorn

    from agent.assistant import CourseAssistant
    from agent.settings import Settings
    from api.main import create_app

    settings = Settings(RATE_LIMIT_PER_MINUTE=10_000)
    assistant = CourseAssistant.from_settings(settings, index=sample_index)
    assert assistant.mode == "search"
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings, assistant, static_dir=None), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not server.started:
        if time.time() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def test_eval_against_served_api(served_api: str, small_golden: Path, tmp_path: Path) -> None:
    out = tmp_path / "endpoint"
    result = CliRunner().invoke(app, ["eval", "--golden", str(small_golden), "--endpoint", served_api,
                                      "--out", str(out), "--concurrency", "3"])
    assert result.exit_code == 0, result.output
    results = [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(results) == 10
    for r in results:
        assert r["error"] is None, r["error"]
        assert r["mode"] == "search" and r["answer"].strip()
        assert r["retrieved_from"] == "sources"
        assert r["retrieved"] == r["source_codes"]
    by_id = {r["id"]: r for r in results}
    assert "CSE3050" in by_id["smp-031"]["source_codes"]  # the API's cited cards reach the scorer
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["run"]["endpoint"] == served_api and summary["run"]["mode"] == "endpoint"


def test_unreachable_endpoint_is_a_per_case_error(small_golden: Path, tmp_path: Path) -> None:
    out = tmp_path / "down"
    result = CliRunner().invoke(app, ["eval", "--golden", str(small_golden), "--endpoint",
                                      f"http://127.0.0.1:{free_port()}", "--out", str(out), "--timeout", "2"])
    assert result.exit_code == 0, result.output  # no --check: the run completes and reports the errors
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["metrics"]["errors"] == 10 and summary["metrics"]["pass_rate"] == 0.0
    first = json.loads((out / "results.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert first["error"].startswith("ConnectError")
