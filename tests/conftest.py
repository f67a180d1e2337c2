"""Fixtures shared by the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = PROJECT_ROOT.parent / "shared" / "data"
SAMPLE_CATALOG = PROJECT_ROOT / "data" / "sample-catalog.csv"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """`../shared/data`, the real catalogs. CI always has it; a test that needs it fails loudly without it."""
    if not (SHARED_DATA / "ssu-2026-1.csv").exists():
        pytest.fail(f"real catalogs not found at {SHARED_DATA}: clone the project beside ../shared")
    return SHARED_DATA


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test sees the developer's keys or `.env`, and each gets its own local index path."""
    for name in (
        "HYPERCLOVA_API_KEY", "HYPERCLOVA_API_KEY_PARAM", "PINECONE_API_KEY", "PINECONE_API_KEY_PARAM",
        "PINECONE_INDEX_NAME", "PINECONE_INDEX_NAME_PARAM", "PINECONE_HOST", "VECTOR_STORE",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LOCAL_STORE_PATH", str(tmp_path / "index"))
    from agent.settings import get_settings

    get_settings.cache_clear()
