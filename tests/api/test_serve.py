"""`coursebot serve` as a user runs it: a real uvicorn process serving the API and the page."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def served(sample_index, tmp_path: Path):  # type: ignore[no-untyped-def]
    # A copy of the ingested sample index (serve opens it read-write; the shared cache is read-only).
    store = tmp_path / "index"
    shutil.copytree(sample_index.path, store)
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HYPERCLOVA_", "PINECONE_"))}
    env.update({"LOCAL_STORE_PATH": str(store), "VECTOR_STORE": "local", "LOG_LEVEL": "WARNING"})
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "coursebot"), "serve", "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    try:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"coursebot serve exited: {process.stdout.read()[-3000:]}")  # type: ignore[union-attr]
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.5)
        else:
            pytest.fail("coursebot serve did not start in 180 s")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_serve_gives_api_and_page_on_one_port(served: str) -> None:
    health = httpx.get(f"{served}/health").json()
    assert health["assistant_ready"] is True and health["model"]["mode"] == "search"
    answer = httpx.post(f"{served}/chat", json={"message": "운체 누가 가르쳐?"}, timeout=120)
    assert answer.status_code == 200 and "CSE3010" in {s["code"] for s in answer.json()["sources"]}
    if (ROOT / "frontend" / "dist" / "index.html").is_file():
        page = httpx.get(f"{served}/")
        assert page.status_code == 200 and "<html" in page.text.lower()
        config = httpx.get(f"{served}/config.js")
        assert 'window.COURSEBOT_CONFIG = {"apiBaseUrl": ""' in config.text
    missing = httpx.get(f"{served}/no-such-file.txt")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
