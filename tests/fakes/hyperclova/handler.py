"""The HTTP side of the loopback HyperCLOVA X server: routing, checks in the documented order, scripted
replies resolved, and answers written as JSON or as a chunked SSE stream."""

from __future__ import annotations

import hashlib
import json
import math
import random
import re
import socket
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any

from tests.fakes.hyperclova import protocol as proto
from tests.fakes.hyperclova.completion import Completion, build_completion
from tests.fakes.hyperclova.replies import ReceivedRequest, Reply, default_reply
from tests.fakes.hyperclova.validation import validate_body

if TYPE_CHECKING:
    from tests.fakes.hyperclova.server import HyperClovaServer

_CHAT_PATH = re.compile(r"^(?:/(?:testapp|serviceapp))?/v3/chat-completions/([^/?]+)$")
_EMBED_PATH = re.compile(r"^/v1/api-tools/embedding/v2/?$")


class Handler(BaseHTTPRequestHandler):
    """One connection to the server: HTTP/1.1 keep-alive, JSON and chunked SSE answers."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are separate writes: avoid the 40 ms delayed-ACK stall
    server_version = "HyperClovaServer/1.0"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - silence per-request stderr logs
        pass

    def setup(self) -> None:
        super().setup()
        hcx: HyperClovaServer = self.server.hcx  # type: ignore[attr-defined]
        with hcx._lock:
            hcx.connections += 1

    @property
    def hcx(self) -> HyperClovaServer:
        return self.server.hcx  # type: ignore[attr-defined]

    # ---- plumbing
    def _send_json(self, status: int, payload: Any, extra_headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (extra_headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _send_error(self, err: proto.ProtocolError, extra_headers: dict[str, str] | None = None) -> None:
        self._send_json(err.http_status, err.envelope(), extra_headers)

    def _start_sse(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()

    def _sse(self, event: str, data: Any) -> None:
        sep = ": " if self.hcx.sse_spaced else ":"
        text = f"id{sep}{proto.new_event_id()}\nevent{sep}{event}\ndata{sep}{json.dumps(data, ensure_ascii=False)}\n\n"
        raw = text.encode()
        self.wfile.write(f"{len(raw):X}\r\n".encode() + raw + b"\r\n")
        self.wfile.flush()

    def _end_sse(self) -> None:
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    # ---- routing
    def do_GET(self) -> None:  # noqa: N802
        self._read_body()
        self._send_error(proto.ProtocolError(404, "40400", "Not found"))

    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def do_POST(self) -> None:  # noqa: N802
        try:
            self._handle_post()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (e.g. its read timeout): nothing to answer

    def _handle_post(self) -> None:
        headers = {k.lower(): v for k, v in self.headers.items()}
        if int(headers.get("content-length") or 0) > proto.MAX_BODY_BYTES:
            self.close_connection = True
            self._send_error(proto.ProtocolError(413, "41300", "Request body size exceeded"))
            return
        raw = self._read_body()
        path = self.path.split("?", 1)[0]
        chat = _CHAT_PATH.match(path)
        stream = "text/event-stream" in headers.get("accept", "")
        try:
            body: Any = json.loads(raw) if raw else None
        except ValueError:
            body = None
        request = ReceivedRequest(headers, body, path, chat.group(1) if chat else None, stream)
        self.hcx._record(request)
        try:
            proto.check_auth(headers, self.hcx.api_keys)
            if not headers.get("content-type", "").startswith("application/json"):
                raise proto.ProtocolError(415, "41500", "MediaType error")
            if body is None:
                raise proto.ProtocolError(400, "40000", "Bad request")
            if _EMBED_PATH.match(path):
                self._embed(body)
                return
            if not chat:
                raise proto.ProtocolError(404, "40400", "Not found")
            model = chat.group(1)
            proto.check_model(model)
            ignored = validate_body(
                model, body, unknown_fields=self.hcx.unknown_fields, legacy_fields=self.hcx.legacy_fields
            )
            self.hcx.ignored_fields.extend(ignored)
        except proto.ProtocolError as err:
            self._send_error(err)
            return
        self._answer(request, self.hcx._next_reply())

    def _embed(self, body: dict[str, Any]) -> None:
        """Embedding v2 (section 8): one text -> 1024 deterministic floats (hash-seeded, unit length)."""
        text = body.get("text")
        if not isinstance(text, str) or not text.strip():
            raise proto.ProtocolError(400, "40004", "Text empty")
        rng = random.Random(hashlib.sha256(text.encode()).digest())
        vec = [rng.gauss(0, 1) for _ in range(1024)]
        norm = math.sqrt(sum(v * v for v in vec)) or 1.0
        self._send_json(
            200,
            {
                "status": {"code": "20000", "message": "OK"},
                "result": {"embedding": [v / norm for v in vec], "inputTokens": max(1, len(text) // 3)},
            },
        )

    # ---- answering
    def _resolve(self, request: ReceivedRequest, reply: Reply | None) -> Reply | None:
        """Scripted reply -> the concrete reply (custom functions called, hangs waited out, defaults applied).
        None means the server is stopping."""
        for _ in range(16):
            if reply is not None and reply.kind == "custom":
                assert reply.fn is not None
                reply = reply.fn(request)
            elif reply is not None and reply.kind == "hang":
                if self.hcx._stop.wait(reply.seconds):
                    return None
                reply = reply.then
            elif reply is None and self.hcx._default is not None:
                reply = self.hcx._default(request) or default_reply(request)
            elif reply is None:
                reply = default_reply(request)
            else:
                return reply
        raise RuntimeError("scripted replies nest too deeply")

    def _answer(self, request: ReceivedRequest, scripted: Reply | None) -> None:
        try:
            reply = self._resolve(request, scripted)
        except Exception as exc:  # a broken test responder must show up in the test, not kill the thread
            self.hcx.errors.append(f"{type(exc).__name__}: {exc}")
            self._send_error(proto.ProtocolError(500, "50000", f"HyperClovaServer responder failed: {exc!r}"))
            return
        if reply is None:
            self.close_connection = True
            return
        if reply.kind == "drop":
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        if reply.kind == "fail":
            if request.stream and reply.as_sse:
                self._start_sse()
                self._sse("error", {"status": {"code": reply.code, "message": reply.message}})
                self._end_sse()
                return
            extra = {"Retry-After": reply.retry_after} if reply.retry_after is not None else None
            self._send_error(proto.ProtocolError(reply.status, reply.code, reply.message), extra)
            return
        problem = _tool_call_mismatch(request.body, reply)
        if problem:
            self._send_error(proto.ProtocolError(400, "40009", f"Unsupported function: {problem}"))
            return
        self._message(request, reply)

    def _message(self, request: ReceivedRequest, reply: Reply) -> None:
        completion = build_completion(request, reply, self.hcx._random(), self.hcx.created_ms)
        error = {"status": {"code": reply.code, "message": reply.message}}
        if not request.stream:
            if reply.error_after is not None:
                self._send_json(int(reply.code[:3]), error)
            else:
                ok = {"status": {"code": "20000", "message": "OK"}, "result": completion.result}
                self._send_json(200, ok)
            return
        self._stream(reply, completion, error)

    def _stream(self, reply: Reply, completion: Completion, error: dict[str, Any]) -> None:
        self._start_sse()
        for index, data in enumerate(completion.events):
            if reply.error_after is not None and index >= reply.error_after:
                break
            if reply.token_delay and self.hcx._stop.wait(reply.token_delay):
                return
            self._sse("token", data)
        if reply.error_after is not None:
            self._sse("error", error)
        else:
            if reply.result_event:
                self._sse("result", completion.result)
            if reply.signal if reply.signal is not None else self.hcx.signal:
                self._sse("signal", {"data": "[DONE]"})
        if reply.hold_open and self.hcx._stop.wait(reply.hold_open):
            return
        self._end_sse()


def _tool_call_mismatch(body: dict[str, Any], reply: Reply) -> str | None:
    """Why a scripted tool call is impossible for this request (a real model could not make it), or None."""
    if not reply.tool_calls:
        return None
    names = [name for name, _, _ in reply.tool_calls]
    offered = {t["function"]["name"] for t in body.get("tools") or []}
    missing = [name for name in names if name not in offered]
    if missing:
        return f"HyperClovaServer was scripted to call {missing} but the request did not offer that tool"
    choice = body.get("toolChoice")
    if choice == "none":
        return f"HyperClovaServer was scripted to call {names} but the request sent toolChoice='none'"
    if isinstance(choice, dict) and any(name != choice["function"]["name"] for name in names):
        return f"HyperClovaServer was scripted to call {names} but the request forced {choice['function']['name']!r}"
    return None
