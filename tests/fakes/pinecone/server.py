"""A loopback Pinecone server: the data plane (API version 2025-04) and the two control-plane reads.

Written from `../shared/reference/pinecone.md` (itself from the Pinecone OpenAPI spec), not from the
client: the real `pinecone` SDK and `langchain-pinecone` talk to it over plain HTTP exactly as they
would to `https://<index>.svc.<region>.pinecone.io`.

Use in tests::

    from tests.fakes.pinecone import PineconeServer

    with PineconeServer(dimension=384, metric="dotproduct") as srv:
        pc = Pinecone(api_key=srv.api_key)
        index = pc.Index(host=srv.url)          # data plane, no control-plane call
        # or: env PINECONE_CONTROLLER_HOST=srv.url, then pc.Index(name=srv.index_name)
        srv.fail_next(3, 503)                   # the next 3 requests answer 503
        srv.hang_next(1, seconds=5)             # the next request stalls 5 s (client timeouts)
        srv.requests                            # [(method, path), ...] seen so far
        srv.vectors("2026-1")                   # {id: StoredVector} of a namespace (read-only view)

Standalone (benchmarks, manual runs)::

    python -m tests.fakes.pinecone --port 5081 --dimension 384 --metric dotproduct --api-key KEY

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

Modules of `tests.fakes.pinecone`: `server` (this one: HTTP, faults, `PineconeServer`, the CLI); `engine`
(the index: validation, scoring, list/fetch/stats); `filters` (metadata-filter semantics); `errors` (limits,
error codes, `ApiError`).
"""

from __future__ import annotations

import argparse
import base64
import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import parse_qs, urlsplit

from tests.fakes.pinecone.engine import IndexState, StoredVector
from tests.fakes.pinecone.errors import (
    INTERNAL,
    MAX_REQUEST_BYTES,
    NOT_FOUND,
    RESOURCE_EXHAUSTED,
    UNAUTHENTICATED,
    UNAVAILABLE,
    ApiError,
)

_FAULT_CODES = {429: RESOURCE_EXHAUSTED, 500: INTERNAL, 502: UNAVAILABLE, 503: UNAVAILABLE, 504: UNAVAILABLE}


@dataclass
class _Fault:
    remaining: int
    status: int | None = None  # None = hang only
    message: str = ""
    hang_seconds: float = 0.0
    path_prefix: str | None = None


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    protocol_version = "HTTP/1.1"  # keep-alive, as urllib3's pool expects
    disable_nagle_algorithm = True  # headers and body are separate writes: avoid the 40 ms delayed-ACK stall

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
        self._index = IndexState(dimension, metric)
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

