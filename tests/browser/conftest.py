"""Browser tests: the built page, served by the real backend (`coursebot serve`) on loopback in search
mode, driven in Debian's headless Chromium by Playwright (never a downloaded browser)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DIST = PROJECT_ROOT / "frontend" / "dist"
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Chromium on a closed network: no background fetches, no sandbox as root, software rendering.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 90.0) -> None:
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
    raise RuntimeError("server did not become healthy in time")


class Backend:
    def __init__(self, url: str, proc: subprocess.Popen, log: Path) -> None:
        self.url, self.proc, self.log = url, proc, log

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def start_backend(tmp: Path, index_dir: Path, extra_env: dict[str, str] | None = None) -> Backend:
    """`coursebot serve` as a user runs it, on a copy of the cached sample index (so it starts warm)."""
    if not (DIST / "index.html").exists():
        pytest.fail("frontend/dist is missing: run `make test` (it builds the page) or `npm run build` in frontend/")
    store = tmp / "index"
    shutil.copytree(index_dir, store)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HYPERCLOVA_", "PINECONE_"))}
    env.update({"LOCAL_STORE_PATH": str(store), "VECTOR_STORE": "local", "LOG_LEVEL": "INFO", **(extra_env or {})})
    log = tmp / f"server-{port}.log"
    proc = subprocess.Popen(
        [sys.executable, "-m", "agent.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=PROJECT_ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc)
    except RuntimeError as exc:
        proc.kill()
        pytest.fail(f"{exc}\n--- server log ---\n{log.read_text(errors='replace')[-4000:]}")
    return Backend(url, proc, log)


def stop_backend(backend: Backend) -> None:
    backend.proc.terminate()
    try:
        backend.proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        backend.proc.kill()


@pytest.fixture(scope="session")
def sample_index_dir(sample_index) -> Path:
    return Path(sample_index.path)


@pytest.fixture(scope="module")
def backend(sample_index_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backend]:
    server = start_backend(tmp_path_factory.mktemp("backend"), sample_index_dir)
    yield server
    stop_backend(server)


@pytest.fixture(scope="module")
def browser():
    # Module scope, not session: Playwright's sync API keeps an event loop marked running in this thread
    # while it lives, and later tests (Mangum's Lambda handler) need to run their own loop.
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed: `make test` installs it (apt-get install chromium)")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="ko-KR", viewport={"width": 1100, "height": 900})
    page = context.new_page()
    yield page
    context.close()
