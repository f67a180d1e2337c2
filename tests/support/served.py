"""`coursebot serve` as a user runs it, on loopback: a free port, the server process on a copy of an index
(and its own feedback file), started when it answers /health, and stopped."""

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

PROJECT_ROOT = Path(__file__).resolve().parents[2]
COURSEBOT = Path(sys.executable).parent / "coursebot"  # the `[project.scripts]` entry of the test venv


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Backend:
    def __init__(self, url: str, proc: subprocess.Popen, log: Path, feedback_store: str) -> None:
        self.url, self.proc, self.log = url, proc, log
        self.feedback_store = feedback_store  # FEEDBACK_STORE of the server (a SQLite file under tmp)

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def start_backend(tmp: Path, index_dir: Path, extra_env: dict[str, str] | None = None) -> Backend:
    """`coursebot serve` in search mode on a copy of `index_dir` (serve opens it read-write; the shared
    cached indexes are read-only), logging at INFO to a file under `tmp`. Fails the test if it does not
    answer /health in time, with the end of its log."""
    store = tmp / "index"
    shutil.copytree(index_dir, store)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HYPERCLOVA_", "PINECONE_"))}
    env.update({"LOCAL_STORE_PATH": str(store), "VECTOR_STORE": "local", "LOG_LEVEL": "INFO",
                "FEEDBACK_STORE": str(tmp / "feedback.sqlite3")})
    env.update(extra_env or {})
    log = tmp / f"server-{port}.log"
    proc = subprocess.Popen(
        [str(COURSEBOT), "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=PROJECT_ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc)
    except RuntimeError as exc:
        proc.kill()
        pytest.fail(f"{exc}\n--- server log ---\n{log.read_text(errors='replace')[-4000:]}")
    return Backend(url, proc, log, env["FEEDBACK_STORE"])


def stop_backend(backend: Backend) -> None:
    backend.proc.terminate()
    try:
        backend.proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        backend.proc.kill()


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 180.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited early with code {proc.returncode}")
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"server did not answer /health within {timeout:.0f} s")
