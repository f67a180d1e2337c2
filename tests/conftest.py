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


# ---- shared course indexes (owned by the index helper) ---------------------------------------------
# Built once per catalog + code version under <repo>/.cache/test-index and reused by every later run,
# so tests anywhere can search real data without re-embedding it. READ-ONLY: never sync into them.


@pytest.fixture(scope="session")
def sample_index():
    """A LanceCourseIndex with `data/sample-catalog.csv` ingested (the project's own catalog)."""
    from _index_cache import cached_index

    if not SAMPLE_CATALOG.exists():
        pytest.fail(f"sample catalog not found at {SAMPLE_CATALOG}")
    return cached_index("sample", SAMPLE_CATALOG)


@pytest.fixture(scope="session")
def ssu_index(shared_data: Path):
    """A LanceCourseIndex with the real `ssu-2026-1.csv` ingested (term 2026-1, 3,048 sections).
    Tests using it are marked `@pytest.mark.slow` (they still run in CI; the first build takes ~2 min)."""
    from _index_cache import cached_index

    return cached_index("ssu-2026-1", shared_data / "ssu-2026-1.csv")
