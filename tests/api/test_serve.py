"""`coursebot serve` as a user runs it: a real uvicorn process serving the API and the page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.served import PROJECT_ROOT, start_backend, stop_backend


@pytest.fixture
def served(sample_index, tmp_path: Path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    backend = start_backend(tmp_path, Path(sample_index.path))
    try:
        yield backend.url
    finally:
        stop_backend(backend)


def test_serve_gives_api_and_page_on_one_port(served: str) -> None:
    health = httpx.get(f"{served}/health").json()
    assert health["assistant_ready"] is True and health["model"]["mode"] == "search"
    answer = httpx.post(f"{served}/chat", json={"message": "운체 누가 가르쳐?"}, timeout=120)
    assert answer.status_code == 200 and "CSE3010" in {s["code"] for s in answer.json()["sources"]}
    if (PROJECT_ROOT / "frontend" / "dist" / "index.html").is_file():
        page = httpx.get(f"{served}/")
        assert page.status_code == 200 and "<html" in page.text.lower()
        config = httpx.get(f"{served}/config.js")
        assert 'window.COURSEBOT_CONFIG = {"apiBaseUrl": ""' in config.text
    missing = httpx.get(f"{served}/no-such-file.txt")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
