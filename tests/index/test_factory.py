"""open_index / ensure_sample_ingested: the configured backend, and the first-run demo ingestion."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from agent.index.factory import ensure_sample_ingested, open_index
from agent.index.lance import LanceCourseIndex
from agent.settings import Settings

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SAMPLE = PROJECT_ROOT / "data" / "sample-catalog.csv"


def small_catalog(folder: Path, rows: int) -> Path:
    lines = SAMPLE.read_text(encoding="utf-8-sig").splitlines()[: rows + 1]
    path = folder / "mini.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    shutil.copy(SAMPLE.with_name("sample-catalog.mapping.yaml"), folder / "mini.mapping.yaml")
    return path


def test_local_index_at_local_store_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOCAL_STORE_PATH", str(tmp_path / "store"))
    index = open_index(Settings())
    assert isinstance(index, LanceCourseIndex) and index.path == tmp_path / "store"
    assert index.dimension == 384


def test_pinecone_backend_is_chosen_lazily(monkeypatch: pytest.MonkeyPatch) -> None:
    from agent.index.pinecone import PineconeConfigError

    monkeypatch.setenv("VECTOR_STORE", "pinecone")
    with pytest.raises(PineconeConfigError, match="PINECONE_API_KEY"):
        open_index(Settings())


def test_ensure_sample_ingested_only_when_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CATALOG_PATH", str(small_catalog(tmp_path, 4)))
    settings = Settings()
    index = open_index(settings)
    reports = ensure_sample_ingested(index, settings)
    assert [(r.term, r.added) for r in reports] == [("2026-1", 4)]
    assert index.count() == 4
    assert ensure_sample_ingested(index, settings) == []
    assert ensure_sample_ingested(open_index(settings), settings) == []  # persisted: a new process skips too
