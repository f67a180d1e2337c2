"""Browser tests: the built page, served by the real backend (`coursebot serve`) on loopback in search
mode, driven in Debian's headless Chromium by Playwright (never a downloaded browser)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.served import PROJECT_ROOT, Backend, start_backend, stop_backend

DIST = PROJECT_ROOT / "frontend" / "dist"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Chromium on a closed network: no background fetches, no sandbox as root, software rendering.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session", autouse=True)
def built_page() -> Path:
    """Every browser test needs the built page (`coursebot serve` serves it from frontend/dist)."""
    if not (DIST / "index.html").exists():
        pytest.fail("frontend/dist is missing: run `make test` (it builds the page) or `npm run build` in frontend/")
    return DIST


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
