"""The loopback server's index: namespaces of stored vectors, request validation and scoring.

Every method takes the decoded JSON body (or query string) of one data-plane request and returns the
JSON answer, or raises `ApiError` with the HTTP status and message Pinecone documents.
"""

from __future__ import annotations

import base64
import json
import math
from dataclasses import dataclass, field
from typing import Any

from tests.fakes.pinecone.errors import (
    DEFAULT_LIST_LIMIT,
    MAX_ID_CHARS,
    MAX_IDS_PER_REQUEST,
    MAX_LIST_LIMIT,
    MAX_METADATA_BYTES,
    MAX_SPARSE_NONZERO,
    MAX_TOP_K,
    MAX_UPSERT_RECORDS,
    NOT_FOUND,
    ApiError,
)
from tests.fakes.pinecone.filters import check_filter, filter_matches, is_number


@dataclass
class StoredVector:
    id: str
    values: list[float]
    sparse_indices: list[int] = field(default_factory=list)
    sparse_values: list[float] = field(default_factory=list)
    metadata: dict[str, Any] | None = None

    def to_json(self, include_values: bool = True, include_metadata: bool = True) -> dict[str, Any]:
        body: dict[str, Any] = {"id": self.id, "values": list(self.values) if include_values else []}
        if include_values and self.sparse_indices:
            body["sparseValues"] = {"indices": list(self.sparse_indices), "values": list(self.sparse_values)}
        if include_metadata and self.metadata is not None:
            body["metadata"] = self.metadata
        return body


def _validate_metadata(metadata: Any, vector_id: str) -> dict[str, Any]:
    if not isinstance(metadata, dict):
        raise ApiError(400, f"Metadata of vector '{vector_id}' must be a JSON object")
    clean: dict[str, Any] = {}
    for key, value in metadata.items():
        if isinstance(value, (bool, str)):
            clean[key] = value
        elif is_number(value):
            if isinstance(value, float) and not math.isfinite(value):
                raise ApiError(400, f"Metadata value for field '{key}' must be a finite number")
            clean[key] = float(value)  # Pinecone stores every number as a float
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            clean[key] = list(value)
        else:
            kind = "null" if value is None else type(value).__name__
            raise ApiError(
                400,
                f"Metadata value must be a string, number, boolean or list of strings, got '{kind}' "
                f"for field '{key}'",
            )
    size = len(json.dumps(clean, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    if size > MAX_METADATA_BYTES:
        raise ApiError(
            400, f"Metadata size is {size} bytes, which exceeds the limit of {MAX_METADATA_BYTES} bytes per vector"
        )
    return clean


def _validate_sparse(sparse: Any, what: str) -> tuple[list[int], list[float]]:
    if not isinstance(sparse, dict):
        raise ApiError(400, f"{what}: sparse values must be an object with 'indices' and 'values'")
    indices, values = sparse.get("indices"), sparse.get("values")
    if not isinstance(indices, list) or not isinstance(values, list):
        raise ApiError(400, f"{what}: sparse values need 'indices' and 'values' arrays")
    if len(indices) != len(values):
        raise ApiError(
            400, f"{what}: sparse indices and values must have the same length ({len(indices)} != {len(values)})"
        )
    if len(indices) > MAX_SPARSE_NONZERO:
        raise ApiError(
            400, f"{what}: sparse vector has {len(indices)} non-zero values, the maximum is {MAX_SPARSE_NONZERO}"
        )
    if any(not isinstance(i, int) or isinstance(i, bool) or i < 0 or i > 0xFFFFFFFF for i in indices):
        raise ApiError(400, f"{what}: sparse indices must be unsigned 32-bit integers")
    if len(set(indices)) != len(indices):
        raise ApiError(400, f"{what}: sparse indices must be unique")
    if any(not is_number(v) for v in values):
        raise ApiError(400, f"{what}: sparse values must be numbers")
    return list(indices), [float(v) for v in values]


def _validate_dense(values: Any, dimension: int, what: str, query: bool = False) -> list[float]:
    if not isinstance(values, list) or any(not is_number(v) for v in values):
        raise ApiError(400, f"{what}: values must be an array of numbers")
    if len(values) != dimension:
        prefix = "Query vector" if query else "Vector"
        raise ApiError(400, f"{prefix} dimension {len(values)} does not match the dimension of the index {dimension}")
    return [float(v) for v in values]


class IndexState:
    """The index state: namespaces of vectors. All methods run under the server's lock."""

    def __init__(self, dimension: int, metric: str) -> None:
        self.dimension = dimension
        self.metric = metric
        self.namespaces: dict[str, dict[str, StoredVector]] = {}

    # -- writes
    def upsert(self, body: dict[str, Any]) -> dict[str, Any]:
        vectors = body.get("vectors")
        namespace = _namespace(body)
        if not isinstance(vectors, list) or not vectors:
            raise ApiError(400, "Invalid request: 'vectors' must be a non-empty array")
        if len(vectors) > MAX_UPSERT_RECORDS:
            raise ApiError(400, f"Invalid request: upsert of {len(vectors)} vectors exceeds the limit of {MAX_UPSERT_RECORDS}")
        parsed: list[StoredVector] = []
        for raw in vectors:
            if not isinstance(raw, dict):
                raise ApiError(400, "Invalid request: each vector must be an object")
            vector_id = raw.get("id")
            if not isinstance(vector_id, str) or not vector_id:
                raise ApiError(400, "Invalid request: each vector needs a non-empty string 'id'")
            if len(vector_id) > MAX_ID_CHARS:
                raise ApiError(400, f"Vector ID must be {MAX_ID_CHARS} characters or less, got {len(vector_id)}")
            values = _validate_dense(raw.get("values"), self.dimension, f"Vector '{vector_id}'")
            if not any(values):
                raise ApiError(400, f"Dense vector '{vector_id}' must contain at least one non-zero value")
            indices: list[int] = []
            sparse_values: list[float] = []
            if raw.get("sparseValues") is not None:
                if self.metric != "dotproduct":
                    raise ApiError(400, "Sparse values are supported only for indexes with the dotproduct metric")
                indices, sparse_values = _validate_sparse(raw["sparseValues"], f"Vector '{vector_id}'")
            metadata = None
            if raw.get("metadata") is not None:
                metadata = _validate_metadata(raw["metadata"], vector_id)
            parsed.append(StoredVector(vector_id, values, indices, sparse_values, metadata))
        store = self.namespaces.setdefault(namespace, {})
        for vector in parsed:
            store[vector.id] = vector
        return {"upsertedCount": len(parsed)}

    def delete(self, body: dict[str, Any]) -> dict[str, Any]:
        namespace = _namespace(body)
        store = self.namespaces.get(namespace, {})
        ids, flt, delete_all = body.get("ids"), body.get("filter"), bool(body.get("deleteAll"))
        if sum(x is not None and x is not False for x in (ids, flt, body.get("deleteAll"))) != 1:
            raise ApiError(400, "Invalid request: give exactly one of 'ids', 'filter' or 'deleteAll'")
        if delete_all:
            self.namespaces.pop(namespace, None)
            return {}
        if ids is not None:
            if not isinstance(ids, list) or any(not isinstance(i, str) for i in ids):
                raise ApiError(400, "Invalid request: 'ids' must be an array of strings")
            if len(ids) > MAX_IDS_PER_REQUEST:
                raise ApiError(400, f"Invalid request: delete of {len(ids)} ids exceeds the limit of {MAX_IDS_PER_REQUEST}")
            for vector_id in ids:
                store.pop(vector_id, None)
        else:
            check_filter(flt)
            for vector_id in [v.id for v in store.values() if filter_matches(v.metadata, flt)]:
                del store[vector_id]
        if namespace in self.namespaces and not store:
            del self.namespaces[namespace]  # an emptied namespace disappears from the stats
        return {}

    def update(self, body: dict[str, Any]) -> dict[str, Any]:
        namespace = _namespace(body)
        vector_id = body.get("id")
        if not isinstance(vector_id, str) or not vector_id:
            raise ApiError(400, "Invalid request: 'id' is required")
        vector = self.namespaces.get(namespace, {}).get(vector_id)
        if vector is None:
            raise ApiError(404, f"Vector with ID '{vector_id}' not found in namespace '{namespace}'", NOT_FOUND)
        if body.get("values") is not None:
            vector.values = _validate_dense(body["values"], self.dimension, f"Vector '{vector_id}'")
        if body.get("sparseValues") is not None:
            if self.metric != "dotproduct":
                raise ApiError(400, "Sparse values are supported only for indexes with the dotproduct metric")
            vector.sparse_indices, vector.sparse_values = _validate_sparse(body["sparseValues"], f"Vector '{vector_id}'")
        if body.get("setMetadata") is not None:
            merged = dict(vector.metadata or {})
            merged.update(body["setMetadata"])
            vector.metadata = _validate_metadata(merged, vector_id)
        return {}

    # -- reads
    def query(self, body: dict[str, Any]) -> dict[str, Any]:
        namespace = _namespace(body)
        top_k = body.get("topK")
        if not isinstance(top_k, int) or isinstance(top_k, bool) or not 1 <= top_k <= MAX_TOP_K:
            raise ApiError(400, f"Invalid request: topK must be an integer between 1 and {MAX_TOP_K}, got {top_k!r}")
        store = self.namespaces.get(namespace, {})
        if body.get("vector") is not None and body.get("id") is not None:
            raise ApiError(400, "Invalid request: give either 'vector' or 'id', not both")
        if body.get("vector") is not None:
            dense = _validate_dense(body["vector"], self.dimension, "Query", query=True)
        elif body.get("id") is not None:
            source = store.get(body["id"])
            dense = list(source.values) if source else [0.0] * self.dimension
        else:
            raise ApiError(400, "Invalid request: a query needs 'vector' or 'id'")
        sparse: dict[int, float] = {}
        if body.get("sparseVector") is not None:
            if self.metric != "dotproduct":
                raise ApiError(400, "Sparse vectors are supported only for indexes with the dotproduct metric")
            indices, values = _validate_sparse(body["sparseVector"], "Query")
            sparse = dict(zip(indices, values))
        flt = body.get("filter")
        if flt is not None:
            check_filter(flt)
        candidates = [v for v in store.values() if flt is None or filter_matches(v.metadata, flt)]
        scored = [(self._score(dense, sparse, v), v) for v in candidates]
        reverse = self.metric != "euclidean"
        scored.sort(key=lambda pair: (-pair[0] if reverse else pair[0], pair[1].id))
        include_values = bool(body.get("includeValues"))
        include_metadata = bool(body.get("includeMetadata"))
        matches = []
        for score, vector in scored[:top_k]:
            match = vector.to_json(include_values, include_metadata)
            match["score"] = score
            matches.append(match)
        # Serverless bills reads by namespace size; 1 RU per started 10k records is close enough.
        read_units = max(1, math.ceil(len(store) / 10_000))
        return {"matches": matches, "namespace": namespace, "usage": {"readUnits": read_units}}

    def _score(self, dense: list[float], sparse: dict[int, float], vector: StoredVector) -> float:
        if self.metric == "euclidean":
            return sum((a - b) ** 2 for a, b in zip(dense, vector.values))
        dot = sum(a * b for a, b in zip(dense, vector.values))
        if self.metric == "cosine":
            na = math.sqrt(sum(a * a for a in dense))
            nb = math.sqrt(sum(b * b for b in vector.values))
            return dot / (na * nb) if na and nb else 0.0
        if sparse:
            dot += sum(sparse.get(i, 0.0) * v for i, v in zip(vector.sparse_indices, vector.sparse_values))
        return dot

    def fetch(self, query: dict[str, list[str]]) -> dict[str, Any]:
        namespace = (query.get("namespace") or [""])[0]
        ids = query.get("ids") or []
        if not ids:
            raise ApiError(400, "Invalid request: at least one id is required")
        if len(ids) > MAX_IDS_PER_REQUEST:
            raise ApiError(400, f"Invalid request: fetch of {len(ids)} ids exceeds the limit of {MAX_IDS_PER_REQUEST}")
        store = self.namespaces.get(namespace, {})
        found = {i: store[i].to_json() for i in ids if i in store}
        return {"vectors": found, "namespace": namespace, "usage": {"readUnits": max(1, math.ceil(len(ids) / 10))}}

    def list_ids(self, query: dict[str, list[str]]) -> dict[str, Any]:
        namespace = (query.get("namespace") or [""])[0]
        prefix = (query.get("prefix") or [""])[0]
        raw_limit = (query.get("limit") or [str(DEFAULT_LIST_LIMIT)])[0]
        try:
            limit = int(raw_limit)
        except ValueError:
            raise ApiError(400, f"Invalid request: limit must be an integer, got {raw_limit!r}") from None
        if not 1 <= limit <= MAX_LIST_LIMIT:
            raise ApiError(400, f"Invalid request: limit must be between 1 and {MAX_LIST_LIMIT}, got {limit}")
        after = ""
        token = (query.get("paginationToken") or [""])[0]
        if token:
            try:
                after = base64.urlsafe_b64decode(token.encode("ascii")).decode("utf-8")
            except Exception:  # noqa: BLE001 - any undecodable token is the client's error
                raise ApiError(400, "Invalid request: malformed paginationToken") from None
        ids = sorted(i for i in self.namespaces.get(namespace, {}) if i.startswith(prefix) and i > after)
        page = ids[:limit]
        body: dict[str, Any] = {
            "vectors": [{"id": i} for i in page],
            "namespace": namespace,
            "usage": {"readUnits": 1},
        }
        if len(ids) > limit:
            body["pagination"] = {"next": base64.urlsafe_b64encode(page[-1].encode("utf-8")).decode("ascii")}
        return body

    def stats(self, body: dict[str, Any]) -> dict[str, Any]:
        flt = body.get("filter")
        if flt is not None:
            check_filter(flt)
        namespaces = {}
        for name, store in self.namespaces.items():
            count = len(store) if flt is None else sum(filter_matches(v.metadata, flt) for v in store.values())
            if count:
                namespaces[name] = {"vectorCount": count}
        return {
            "namespaces": namespaces,
            "dimension": self.dimension,
            "indexFullness": 0.0,
            "totalVectorCount": sum(ns["vectorCount"] for ns in namespaces.values()),
            "metric": self.metric,
            "vectorType": "dense",
        }


def _namespace(body: dict[str, Any]) -> str:
    namespace = body.get("namespace", "") or ""
    if not isinstance(namespace, str):
        raise ApiError(400, "Invalid request: 'namespace' must be a string")
    return namespace
