"""A loopback Pinecone server: the data plane (API version 2025-04) and the two control-plane reads.

Written from `../shared/reference/pinecone.md` (itself from the Pinecone OpenAPI spec), not from the
client: the real `pinecone` SDK and `langchain-pinecone` talk to it over plain HTTP exactly as they
would to `https://<index>.svc.<region>.pinecone.io`.

Use in tests::

    from tests.pinecone_server import PineconeServer

    with PineconeServer(dimension=384, metric="dotproduct") as srv:
        pc = Pinecone(api_key=srv.api_key)
        index = pc.Index(host=srv.url)          # data plane, no control-plane call
        # or: env PINECONE_CONTROLLER_HOST=srv.url, then pc.Index(name=srv.index_name)
        srv.fail_next(3, 503)                   # the next 3 requests answer 503
        srv.hang_next(1, seconds=5)             # the next request stalls 5 s (client timeouts)
        srv.requests                            # [(method, path), ...] seen so far
        srv.vectors("2026-1")                   # {id: StoredVector} of a namespace (read-only view)

Standalone (benchmarks, manual runs)::

    python -m tests.pinecone_server --port 5081 --dimension 384 --metric dotproduct --api-key KEY

What it implements (HTTP status and the error envelope `{"code", "message", "details"}` as documented):
- `POST /vectors/upsert`: ≤ 1000 records and ≤ 2 MB a request, id ≤ 512 chars, metadata ≤ 40 KB and only
  string / number / boolean / list-of-strings values (no null), sparse ≤ 1000 non-zeros with matching
  lengths, the dimension check (`Vector dimension X does not match the dimension of the index Y`), sparse
  values only on a `dotproduct` index. Numbers in metadata are stored (and returned) as floats.
- `POST /query`: `topK` (1..10000), `vector` or `id`, `sparseVector` (dotproduct only), `namespace`,
  `filter` with `$eq $ne $gt $gte $lt $lte $in $nin $exists $and $or` (a list field matches `$eq`/`$in`
  when any element does, `$ne`/`$nin` when none does), `includeMetadata`, `includeValues`;
  scores: dotproduct = dense·dense + sparse·sparse, cosine, euclidean (squared distance, ascending);
  `usage.readUnits`.
- `POST /vectors/delete` (`ids` ≤ 1000 | `filter` | `deleteAll`), `GET /vectors/fetch` (≤ 1000 ids),
  `GET /vectors/list` (`prefix`, `limit` ≤ 100, `paginationToken`), `POST /vectors/update`,
  `POST /describe_index_stats`.
- control plane: `GET /indexes`, `GET /indexes/{name}` answering `"host": "http://127.0.0.1:PORT"`.
- `Api-Key` required on every request (401 otherwise); `X-Pinecone-API-Version` accepted (and recorded).
Not implemented: eventual consistency (writes are visible at once), rate limiting (use `fail_next(n, 429)`).
"""

from __future__ import annotations

import argparse
import base64
import json
import math
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import parse_qs, urlsplit

MAX_UPSERT_RECORDS = 1000
MAX_REQUEST_BYTES = 2 * 1024 * 1024
MAX_METADATA_BYTES = 40 * 1024
MAX_ID_CHARS = 512
MAX_SPARSE_NONZERO = 1000
MAX_TOP_K = 10_000
MAX_IDS_PER_REQUEST = 1000
MAX_LIST_LIMIT = 100
DEFAULT_LIST_LIMIT = 100

# gRPC status codes Pinecone puts in the error envelope's "code".
INVALID_ARGUMENT = 3
NOT_FOUND = 5
UNAUTHENTICATED = 16
UNAVAILABLE = 14
INTERNAL = 13
RESOURCE_EXHAUSTED = 8

_FAULT_CODES = {429: RESOURCE_EXHAUSTED, 500: INTERNAL, 502: UNAVAILABLE, 503: UNAVAILABLE, 504: UNAVAILABLE}


class ApiError(Exception):
    """A request the server answers with an HTTP error and the documented envelope."""

    def __init__(self, status: int, message: str, code: int = INVALID_ARGUMENT) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code


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


@dataclass
class _Fault:
    remaining: int
    status: int | None = None  # None = hang only
    message: str = ""
    hang_seconds: float = 0.0
    path_prefix: str | None = None


# ---------------------------------------------------------------------------------------------- validation


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _validate_metadata(metadata: Any, vector_id: str) -> dict[str, Any]:
    if not isinstance(metadata, dict):
        raise ApiError(400, f"Metadata of vector '{vector_id}' must be a JSON object")
    clean: dict[str, Any] = {}
    for key, value in metadata.items():
        if isinstance(value, (bool, str)):
            clean[key] = value
        elif _is_number(value):
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
    if any(not _is_number(v) for v in values):
        raise ApiError(400, f"{what}: sparse values must be numbers")
    return list(indices), [float(v) for v in values]


def _validate_dense(values: Any, dimension: int, what: str, query: bool = False) -> list[float]:
    if not isinstance(values, list) or any(not _is_number(v) for v in values):
        raise ApiError(400, f"{what}: values must be an array of numbers")
    if len(values) != dimension:
        prefix = "Query vector" if query else "Vector"
        raise ApiError(400, f"{prefix} dimension {len(values)} does not match the dimension of the index {dimension}")
    return [float(v) for v in values]


# ---------------------------------------------------------------------------------------------- filters

_FIELD_OPERATORS = {"$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$in", "$nin", "$exists"}


def _check_filter(node: Any) -> None:
    """Reject malformed filters the way the service does: 400 with what was wrong."""
    if not isinstance(node, dict):
        raise ApiError(400, "Invalid filter: a filter must be a JSON object")
    for key, value in node.items():
        if key in ("$and", "$or"):
            if not isinstance(value, list) or not value:
                raise ApiError(400, f"Invalid filter: {key} expects a non-empty array of filters")
            for child in value:
                _check_filter(child)
        elif key.startswith("$"):
            raise ApiError(400, f"Invalid filter: unknown top-level operator {key}")
        elif isinstance(value, dict):
            if not value:
                raise ApiError(400, f"Invalid filter: empty condition for field '{key}'")
            for op, operand in value.items():
                if op not in _FIELD_OPERATORS:
                    raise ApiError(400, f"Invalid filter: unknown operator {op} for field '{key}'")
                if op in ("$in", "$nin"):
                    if not isinstance(operand, list) or not operand:
                        raise ApiError(400, f"Invalid filter: {op} for field '{key}' expects a non-empty array")
                    if any(not (isinstance(v, (str, bool)) or _is_number(v)) for v in operand):
                        raise ApiError(400, f"Invalid filter: {op} for field '{key}' expects strings, numbers or booleans")
                elif op in ("$gt", "$gte", "$lt", "$lte"):
                    if not _is_number(operand):
                        raise ApiError(400, f"Invalid filter: {op} for field '{key}' expects a number")
                elif op == "$exists":
                    if not isinstance(operand, bool):
                        raise ApiError(400, f"Invalid filter: $exists for field '{key}' expects a boolean")
                elif not (isinstance(operand, (str, bool)) or _is_number(operand)):
                    raise ApiError(400, f"Invalid filter: {op} for field '{key}' expects a string, number or boolean")
        elif not (isinstance(value, (str, bool)) or _is_number(value)):
            raise ApiError(400, f"Invalid filter: field '{key}' expects a string, number, boolean or an operator object")


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if _is_number(a) and _is_number(b):
        return float(a) == float(b)
    return a == b


def _field_matches(stored: Any, op: str, operand: Any, present: bool) -> bool:
    if op == "$exists":
        return present == operand
    if not present:
        # A missing field is "not equal" to anything and "not in" any set; every other test fails.
        return op in ("$ne", "$nin")
    elements = stored if isinstance(stored, list) else [stored]
    if op == "$eq":
        return any(_same(e, operand) for e in elements)
    if op == "$ne":
        return not any(_same(e, operand) for e in elements)
    if op == "$in":
        return any(_same(e, v) for e in elements for v in operand)
    if op == "$nin":
        return not any(_same(e, v) for e in elements for v in operand)
    numbers = [float(e) for e in elements if _is_number(e)]
    bound = float(operand)
    compare = {
        "$gt": lambda x: x > bound,
        "$gte": lambda x: x >= bound,
        "$lt": lambda x: x < bound,
        "$lte": lambda x: x <= bound,
    }[op]
    return any(compare(x) for x in numbers)


def filter_matches(metadata: dict[str, Any] | None, node: dict[str, Any]) -> bool:
    """Pinecone metadata-filter semantics (the filter must have passed `_check_filter`)."""
    metadata = metadata or {}
    for key, value in node.items():
        if key == "$and":
            if not all(filter_matches(metadata, child) for child in value):
                return False
        elif key == "$or":
            if not any(filter_matches(metadata, child) for child in value):
                return False
        else:
            conditions = value if isinstance(value, dict) else {"$eq": value}
            present = key in metadata
            for op, operand in conditions.items():
                if not _field_matches(metadata.get(key), op, operand, present):
                    return False
    return True


# ---------------------------------------------------------------------------------------------- the index


class _Index:
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
            _check_filter(flt)
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
            _check_filter(flt)
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
            _check_filter(flt)
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


# ---------------------------------------------------------------------------------------------- HTTP


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    protocol_version = "HTTP/1.1"  # keep-alive, as urllib3's pool expects

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.owner.verbose:
            super().log_message(format, *args)

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def do_PATCH(self) -> None:
        self._dispatch("PATCH")

    def _dispatch(self, method: str) -> None:
        owner = self.server.owner
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        owner._record(method, parts.path, dict(self.headers.items()), len(raw))
        fault = owner._take_fault(parts.path)
        if fault is not None:
            if fault.hang_seconds:
                time.sleep(fault.hang_seconds)
            if fault.status is not None:
                code = _FAULT_CODES.get(fault.status, INTERNAL)
                self._send(fault.status, {"code": code, "message": fault.message or _reason(fault.status), "details": []})
                return
        if self.headers.get("Api-Key") != owner.api_key:
            # Both planes answer 401; the message never echoes the key that was sent.
            self._send(401, {"code": UNAUTHENTICATED, "message": "Invalid API Key", "details": []})
            return
        try:
            status, body = owner._route(method, parts.path, parse_qs(parts.query), raw)
        except ApiError as error:
            status, body = error.status, {"code": error.code, "message": error.message, "details": []}
        except Exception as error:  # noqa: BLE001 - a server bug must still answer, or the client hangs
            status, body = 500, {"code": INTERNAL, "message": f"internal error: {error}", "details": []}
        self._send(status, body)

    def _send(self, status: int, body: Any) -> None:
        payload = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        try:
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (its timeout fired during a scripted hang)


def _reason(status: int) -> str:
    return {
        429: "Too many requests. Please retry shortly.",
        500: "Internal server error",
        502: "Bad gateway",
        503: "Service unavailable",
        504: "Gateway timeout",
    }.get(status, f"HTTP {status}")


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    owner: PineconeServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        import sys

        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError, TimeoutError)):
            return  # a client that timed out and hung up: expected in fault tests, not a server bug
        super().handle_error(request, client_address)


class PineconeServer:
    """A Pinecone index (data plane + control plane reads) on 127.0.0.1, in a background thread.

    `PineconeServer(dimension=384, metric="dotproduct", api_key=None, index_name="coursebot", port=0)`;
    `with` starts and stops it. `url` is both the index host and the controller host.
    """

    def __init__(
        self,
        dimension: int = 384,
        metric: str = "dotproduct",
        *,
        api_key: str | None = None,
        index_name: str = "coursebot",
        host: str = "127.0.0.1",
        port: int = 0,
        verbose: bool = False,
    ) -> None:
        if metric not in ("dotproduct", "cosine", "euclidean"):
            raise ValueError(f"metric must be dotproduct, cosine or euclidean, got {metric!r}")
        self.api_key = api_key or "pcsk_loopback_" + base64.b32encode(bytes(range(10))).decode().lower()
        self.index_name = index_name
        self.verbose = verbose
        self._index = _Index(dimension, metric)
        self._lock = threading.RLock()
        self._faults: list[_Fault] = []
        self.requests: list[tuple[str, str]] = []
        self.request_headers: list[dict[str, str]] = []
        self.request_sizes: list[int] = []
        self._bind = (host, port)
        self._http: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle
    def start(self) -> PineconeServer:
        self._http = _HTTPServer(self._bind, _Handler)
        self._http.owner = self
        self._thread = threading.Thread(target=self._http.serve_forever, args=(0.05,), name="pinecone-loopback", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._http is not None:
            self._http.shutdown()
            self._http.server_close()
            self._http = None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._http is not None, "server not started"
        return self._http.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def dimension(self) -> int:
        return self._index.dimension

    @property
    def metric(self) -> str:
        return self._index.metric

    # -- scripted faults
    def fail_next(self, n: int, status: int = 503, *, message: str = "", path_prefix: str | None = None) -> None:
        """The next `n` requests (to paths starting with `path_prefix`, if given) answer `status`."""
        with self._lock:
            self._faults.append(_Fault(n, status, message, 0.0, path_prefix))

    def hang_next(self, n: int, seconds: float, *, status: int | None = None, path_prefix: str | None = None) -> None:
        """The next `n` requests stall `seconds` before answering (normally, or with `status`)."""
        with self._lock:
            self._faults.append(_Fault(n, status, "", seconds, path_prefix))

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def _take_fault(self, path: str) -> _Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.remaining > 0 and (fault.path_prefix is None or path.startswith(fault.path_prefix)):
                    fault.remaining -= 1
                    if fault.remaining == 0:
                        self._faults.remove(fault)
                    return fault
        return None

    # -- inspection
    def _record(self, method: str, path: str, headers: dict[str, str], size: int) -> None:
        with self._lock:
            self.requests.append((method, path))
            self.request_headers.append(headers)
            self.request_sizes.append(size)

    def clear_requests(self) -> None:
        with self._lock:
            self.requests.clear()
            self.request_headers.clear()
            self.request_sizes.clear()

    def vectors(self, namespace: str = "") -> dict[str, StoredVector]:
        with self._lock:
            return dict(self._index.namespaces.get(namespace, {}))

    def namespaces(self) -> list[str]:
        with self._lock:
            return sorted(self._index.namespaces)

    def reset(self) -> None:
        """Empty the index and forget faults and recorded requests."""
        with self._lock:
            self._index.namespaces.clear()
        self.clear_faults()
        self.clear_requests()

    # -- routing
    def _index_model(self) -> dict[str, Any]:
        return {
            "name": self.index_name,
            "dimension": self._index.dimension,
            "metric": self._index.metric,
            "host": self.url,
            "spec": {"serverless": {"cloud": "aws", "region": "us-east-1"}},
            "status": {"ready": True, "state": "Ready"},
            "vector_type": "dense",
            "deletion_protection": "disabled",
            "tags": None,
        }

    def _route(self, method: str, path: str, query: dict[str, list[str]], raw: bytes) -> tuple[int, Any]:
        if method == "GET" and path == "/indexes":
            return 200, {"indexes": [self._index_model()]}
        if method == "GET" and path.startswith("/indexes/"):
            name = path.removeprefix("/indexes/")
            if name != self.index_name:
                return 404, {"error": {"code": "NOT_FOUND", "message": f"Resource {name} not found"}, "status": 404}
            return 200, self._index_model()
        if method == "GET" and path == "/vectors/fetch":
            with self._lock:
                return 200, self._index.fetch(query)
        if method == "GET" and path == "/vectors/list":
            with self._lock:
                return 200, self._index.list_ids(query)
        routes = {
            "/vectors/upsert": self._index.upsert,
            "/query": self._index.query,
            "/vectors/delete": self._index.delete,
            "/vectors/update": self._index.update,
            "/describe_index_stats": self._index.stats,
        }
        if method == "POST" and path in routes:
            if len(raw) > MAX_REQUEST_BYTES:
                mb = len(raw) / (1024 * 1024)
                raise ApiError(400, f"Request size {mb:.2f}MB exceeds the maximum supported size of 2MB")
            try:
                body = json.loads(raw or b"{}")
            except json.JSONDecodeError as error:
                raise ApiError(400, f"Invalid JSON body: {error.msg}") from None
            if not isinstance(body, dict):
                raise ApiError(400, "Invalid request: the body must be a JSON object")
            with self._lock:
                return 200, routes[path](body)
        return 404, {"code": NOT_FOUND, "message": f"Not found: {method} {path}", "details": []}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Loopback Pinecone server (data plane + control-plane reads)")
    parser.add_argument("--port", type=int, default=5081)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--dimension", type=int, default=384)
    parser.add_argument("--metric", default="dotproduct", choices=["dotproduct", "cosine", "euclidean"])
    parser.add_argument("--api-key", default=None, help="key clients must send (default: a fixed test key)")
    parser.add_argument("--index-name", default="coursebot")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    server = PineconeServer(
        args.dimension, args.metric, api_key=args.api_key, index_name=args.index_name,
        host=args.host, port=args.port, verbose=args.verbose,
    ).start()
    # The key is printed only when the caller did not choose it (then it is a public test constant).
    shown = server.api_key if args.api_key is None else "(as given)"
    print(f"pinecone loopback on http://{args.host}:{server.port} index={args.index_name} "
          f"dimension={args.dimension} metric={args.metric} api_key={shown}", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


if __name__ == "__main__":
    main()
