"""open_index / ensure_sample_ingested: the configured backend, and the first-run demo ingestion."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
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


# What each import may load: the shared parts nothing of either backend, a backend package nothing of the
# other backend and not its own library (that loads when an index is built). The Lambda path with Pinecone
# must not pay for LanceDB, nor a local run for Pinecone.
_LIBRARIES = ("lancedb", "lance", "pyarrow", "pinecone", "langchain_pinecone")
_BACKENDS = ("agent.index.lance", "agent.index.pinecone")


@pytest.mark.parametrize(("module", "backend"), [
    ("agent.index.factory", None),
    ("agent.index.ingest", None),
    ("agent.index.lance", "agent.index.lance"),
    ("agent.index.pinecone", "agent.index.pinecone"),
])
def test_importing_loads_no_backend_it_does_not_need(module: str, backend: str | None) -> None:
    code = (f"import json, sys; import {module}; "
            f"print(json.dumps(sorted(m for m in sys.modules if m.startswith({_LIBRARIES + _BACKENDS!r}))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT_ROOT,
                         timeout=120, check=True)
    loaded = json.loads(out.stdout)
    assert [m for m in loaded if m.split(".")[0] in _LIBRARIES] == []
    assert sorted({b for b in _BACKENDS for m in loaded if m == b or m.startswith(b + ".")}) == (
        [backend] if backend else [])
    if backend:
        assert f"{backend}.store" in loaded  # the package exports its store class


def test_ensure_sample_ingested_only_when_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CATALOG_PATH", str(small_catalog(tmp_path, 4)))
    settings = Settings()
    index = open_index(settings)
    reports = ensure_sample_ingested(index, settings)
    assert [(r.term, r.added) for r in reports] == [("2026-1", 4)]
    assert index.count() == 4
    assert ensure_sample_ingested(index, settings) == []
    assert ensure_sample_ingested(open_index(settings), settings) == []  # persisted: a new process skips too
