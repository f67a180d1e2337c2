"""The loopback Pinecone server speaks the documented REST API: checked with the real `pinecone` SDK
(and raw HTTP where the SDK would refuse bad input before sending it)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from pinecone import Pinecone
from pinecone.exceptions import PineconeApiException, UnauthorizedException

from tests.fakes.pinecone import PineconeServer

DIM = 4


@pytest.fixture
def srv() -> Iterator[PineconeServer]:
    with PineconeServer(dimension=DIM, metric="dotproduct") as server:
        yield server


@pytest.fixture
def index(srv: PineconeServer) -> Any:
    return Pinecone(api_key=srv.api_key).Index(host=srv.url)


def vec(*values: float) -> list[float]:
    return [float(v) for v in values]


def raw_post(srv: PineconeServer, path: str, body: Any, key: str | None = None) -> tuple[int, dict]:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(srv.url + path, data=data, method="POST", headers={
        "Api-Key": key if key is not None else srv.api_key, "Content-Type": "application/json",
        "X-Pinecone-API-Version": "2025-04"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def seed(index: Any) -> None:
    index.upsert(namespace="t", vectors=[
        {"id": "a", "values": vec(1, 0, 0, 0), "sparse_values": {"indices": [7], "values": [2.0]},
         "metadata": {"days": ["월", "수"], "credits": 3, "dept": "컴퓨터학부", "english": False}},
        {"id": "b", "values": vec(0, 1, 0, 0),
         "metadata": {"days": ["화", "목"], "credits": 2, "dept": "경영학부", "english": True}},
        {"id": "c", "values": vec(0.5, 0.5, 0, 0), "sparse_values": {"indices": [7, 9], "values": [1.0, 1.0]},
         "metadata": {"days": [], "credits": 1, "dept": "컴퓨터학부"}},
    ])


def test_upsert_fetch_roundtrip_stores_numbers_as_floats(index: Any, srv: PineconeServer) -> None:
    seed(index)
    fetched = index.fetch(ids=["a", "missing"], namespace="t")
    assert set(fetched.vectors) == {"a"}
    record = fetched.vectors["a"]
    assert record.values == vec(1, 0, 0, 0)
    assert record.sparse_values.indices == [7] and record.sparse_values.values == [2.0]
    assert record.metadata["credits"] == 3.0 and isinstance(record.metadata["credits"], float)
    assert record.metadata["days"] == ["월", "수"]
    headers = srv.request_headers[0]
    assert headers["X-Pinecone-API-Version"] == "2025-04" and headers["Api-Key"] == srv.api_key


def test_query_scores_dense_plus_sparse_with_dotproduct(index: Any) -> None:
    seed(index)
    result = index.query(vector=vec(1, 0.5, 0, 0), sparse_vector={"indices": [7], "values": [1.0]},
                         top_k=3, namespace="t", include_metadata=True)
    scores = {m.id: m.score for m in result.matches}
    assert scores == pytest.approx({"a": 1.0 + 2.0, "b": 0.5, "c": 0.75 + 1.0})
    assert [m.id for m in result.matches] == ["a", "c", "b"]
    assert result.usage.read_units >= 1
    assert result.matches[0].values == []  # includeValues defaults to false
    top1 = index.query(vector=vec(0, 1, 0, 0), top_k=1, namespace="t", include_values=True)
    assert [m.id for m in top1.matches] == ["b"] and top1.matches[0].values == vec(0, 1, 0, 0)


@pytest.mark.parametrize(("flt", "expected"), [
    ({"dept": "컴퓨터학부"}, {"a", "c"}),
    ({"dept": {"$ne": "컴퓨터학부"}}, {"b"}),
    ({"credits": {"$gte": 2}}, {"a", "b"}),
    ({"credits": {"$gt": 2}}, {"a"}),
    ({"credits": {"$lt": 2}}, {"c"}),
    ({"credits": {"$lte": 2, "$gt": 1}}, {"b"}),
    ({"days": {"$in": ["월", "화"]}}, {"a", "b"}),       # list field: any element
    ({"days": "수"}, {"a"}),                            # implicit $eq on a list field
    ({"days": {"$nin": ["월"]}}, {"b", "c"}),            # no element in the set
    ({"days": {"$ne": "화"}}, {"a", "c"}),
    ({"english": True}, {"b"}),
    ({"english": {"$exists": False}}, {"c"}),
    ({"$and": [{"days": "월"}, {"days": "수"}]}, {"a"}),
    ({"$or": [{"credits": 1}, {"english": True}]}, {"b", "c"}),
    ({"dept": "컴퓨터학부", "credits": 3}, {"a"}),         # several keys: all must hold
])
def test_query_filters(index: Any, flt: dict, expected: set[str]) -> None:
    seed(index)
    result = index.query(vector=vec(1, 1, 1, 1), top_k=10, namespace="t", filter=flt)
    assert {m.id for m in result.matches} == expected


def test_bad_filter_is_a_400_with_reason(index: Any) -> None:
    seed(index)
    with pytest.raises(PineconeApiException) as info:
        index.query(vector=vec(1, 1, 1, 1), top_k=3, namespace="t", filter={"credits": {"$between": [1, 2]}})
    assert info.value.status == 400 and "$between" in info.value.body


def test_dimension_mismatch_message(index: Any) -> None:
    with pytest.raises(PineconeApiException) as info:
        index.upsert(vectors=[{"id": "x", "values": vec(1, 2, 3)}], namespace="t")
    assert info.value.status == 400
    body = json.loads(info.value.body)
    assert body["code"] == 3 and body["details"] == []
    assert body["message"] == "Vector dimension 3 does not match the dimension of the index 4"


def test_upsert_limits(srv: PineconeServer, index: Any) -> None:
    many = [{"id": f"v{i}", "values": vec(1, 0, 0, 0)} for i in range(1001)]
    with pytest.raises(PineconeApiException, match="1000"):
        index.upsert(vectors=many, namespace="t")
    big = PineconeServer(dimension=1536).start()
    try:
        big_index = Pinecone(api_key=big.api_key).Index(host=big.url)
        heavy = [{"id": f"v{i}", "values": [0.123456789] * 1536} for i in range(120)]
        with pytest.raises(PineconeApiException, match="2MB"):
            big_index.upsert(vectors=heavy, namespace="t")
        assert big.vectors("t") == {}  # nothing half-written
    finally:
        big.stop()
    with pytest.raises(PineconeApiException, match="40960 bytes"):
        index.upsert(vectors=[{"id": "m", "values": vec(1, 0, 0, 0), "metadata": {"text": "가" * 14000}}])
    status, body = raw_post(srv, "/vectors/upsert", {"vectors": [{"id": "i" * 513, "values": vec(1, 0, 0, 0)}]})
    assert status == 400 and "512 characters" in body["message"]  # the SDK checks this too, before sending
    sparse = {"indices": list(range(1001)), "values": [1.0] * 1001}
    with pytest.raises(PineconeApiException, match="maximum is 1000"):
        index.upsert(vectors=[{"id": "s", "values": vec(1, 0, 0, 0), "sparse_values": sparse}])
    with pytest.raises(PineconeApiException, match="non-zero"):
        index.upsert(vectors=[{"id": "z", "values": vec(0, 0, 0, 0)}])
    status, body = raw_post(srv, "/vectors/upsert", {"vectors": [
        {"id": "n", "values": vec(1, 0, 0, 0), "metadata": {"room": None}}]})
    assert status == 400 and "'null' for field 'room'" in body["message"]
    assert srv.vectors("t") == {} and srv.vectors("") == {}


def test_sparse_needs_dotproduct() -> None:
    with PineconeServer(dimension=DIM, metric="cosine") as cos:
        index = Pinecone(api_key=cos.api_key).Index(host=cos.url)
        with pytest.raises(PineconeApiException, match="dotproduct"):
            index.upsert(vectors=[{"id": "a", "values": vec(1, 0, 0, 0),
                                   "sparse_values": {"indices": [1], "values": [1.0]}}])
        index.upsert(vectors=[{"id": "a", "values": vec(3, 0, 0, 0)}, {"id": "b", "values": vec(1, 1, 0, 0)}])
        result = index.query(vector=vec(1, 0, 0, 0), top_k=2)
        assert [m.id for m in result.matches] == ["a", "b"]
        assert result.matches[0].score == pytest.approx(1.0)
        assert result.matches[1].score == pytest.approx(2 ** -0.5)


def test_delete_by_ids_filter_and_all(index: Any, srv: PineconeServer) -> None:
    seed(index)
    index.delete(ids=["a"], namespace="t")
    assert set(srv.vectors("t")) == {"b", "c"}
    index.delete(filter={"english": True}, namespace="t")
    assert set(srv.vectors("t")) == {"c"}
    seed(index)
    index.delete(delete_all=True, namespace="t")
    assert srv.namespaces() == []


def test_list_paginates_with_prefix(index: Any) -> None:
    index.upsert(namespace="t", vectors=[{"id": f"2026-1:C{i:03d}", "values": vec(1, 0, 0, 0)} for i in range(250)]
                 + [{"id": "other", "values": vec(1, 0, 0, 0)}])
    page = index.list_paginated(namespace="t", prefix="2026-1:", limit=100)
    assert len(page.vectors) == 100 and page.pagination.next
    pages = list(index.list(namespace="t", prefix="2026-1:"))
    ids = [i for p in pages for i in p]
    assert len(pages) == 3 and len(ids) == 250 and len(set(ids)) == 250 and "other" not in ids
    with pytest.raises(PineconeApiException, match="limit"):
        index.list_paginated(namespace="t", limit=1000)


def test_update_and_stats(index: Any) -> None:
    seed(index)
    index.update(id="b", set_metadata={"credits": 4}, namespace="t")
    assert index.fetch(ids=["b"], namespace="t").vectors["b"].metadata["credits"] == 4.0
    index.upsert(vectors=[{"id": "x", "values": vec(1, 0, 0, 0)}], namespace="u")
    stats = index.describe_index_stats()
    assert stats.dimension == DIM and stats.metric == "dotproduct" and stats.total_vector_count == 4
    assert {name: ns.vector_count for name, ns in stats.namespaces.items()} == {"t": 3, "u": 1}
    with pytest.raises(PineconeApiException) as info:
        index.update(id="nope", set_metadata={"a": "b"}, namespace="t")
    assert info.value.status == 404


def test_api_key_required_and_never_echoed(srv: PineconeServer) -> None:
    wrong = Pinecone(api_key="pcsk_wrong_secret_value").Index(host=srv.url)
    with pytest.raises(UnauthorizedException) as info:
        wrong.describe_index_stats()
    assert "pcsk_wrong_secret_value" not in str(info.value)
    status, body = raw_post(srv, "/describe_index_stats", {}, key="")
    assert status == 401 and body["code"] == 16


def test_control_plane_resolves_host(srv: PineconeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PINECONE_CONTROLLER_HOST", srv.url)
    pc = Pinecone(api_key=srv.api_key)
    assert pc.list_indexes().names() == ["coursebot"]
    description = pc.describe_index("coursebot")
    assert description.host == srv.url and description.dimension == DIM
    index = pc.Index(host=description.host)
    assert index.describe_index_stats().dimension == DIM
    with pytest.raises(PineconeApiException) as info:
        pc.describe_index("missing")
    assert info.value.status == 404


def test_scripted_faults(srv: PineconeServer, index: Any) -> None:
    srv.fail_next(2, 503)
    assert index.describe_index_stats().dimension == DIM  # the SDK retries 5xx
    assert srv.requests.count(("POST", "/describe_index_stats")) == 3
    srv.fail_next(1, 429, path_prefix="/query")
    index.describe_index_stats()  # other paths unaffected
    with pytest.raises(PineconeApiException) as info:
        index.query(vector=vec(1, 0, 0, 0), top_k=1, namespace="t")
    assert info.value.status == 429
    srv.hang_next(10, seconds=0.6)  # longer than the client's timeout on every retry
    with pytest.raises(Exception, match="timed out"):
        index.describe_index_stats(_request_timeout=0.2)
    srv.clear_faults()
    assert index.describe_index_stats().dimension == DIM
