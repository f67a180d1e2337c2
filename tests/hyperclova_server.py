"""A scriptable loopback HyperCLOVA X v3 server, written from `shared/reference/hyperclova-x-api.md`.

It speaks the native Chat Completions v3 protocol (sections 1-5, 7 and 12 of the reference): Bearer auth,
field validation with the documented error envelopes, JSON responses, SSE streams (`token` / `result` /
`signal` / `error` events), HCX-007 thinking, tool calls (streamed as `partialJson` fragments) and structured
output. Requests are validated *before* any scripted reply is used, so a client that sends a bad body gets the
real 400 envelope, never the reply the test hoped for. Standard library only.

Usage (tests)::

    from tests.hyperclova_server import (
        HyperClovaServer, reply_text, reply_tool_calls, reply_json, fail, hang, drop_connection,
        stream_error_midway, respond_with,
    )

    with HyperClovaServer(api_key="nv-test") as srv:        # a thread on 127.0.0.1:<free port>
        model = ChatHyperClovaX(api_key="nv-test", base_url=srv.base_url)
        srv.script(reply_text("안녕하세요"))                         # the next request gets this answer
        srv.script(reply_tool_calls([("search_courses", {"query": "자료구조"})]))
        srv.script(fail(429, code="42901"), reply_text("ok"))       # a 429, then success
        srv.script(hang(seconds=5))                                  # answer only after 5 s (timeouts)
        srv.script(stream_error_midway("부분 답", after_tokens=2))   # SSE tokens, then `event: error`
        srv.script(respond_with(lambda req: reply_text(f"{len(req.body['messages'])}개 메시지")))
        srv.set_default(fn)  # fn(request) -> Reply | None answers whenever nothing is scripted
        srv.requests        # [ReceivedRequest(headers, body, path, model, stream), ...] in arrival order,
                            # invalid ones included; headers keys lower-case; body the parsed JSON
        srv.last_request    # srv.requests[-1];  srv.chat_requests(): only chat-completions requests
        srv.pending         # scripted replies not yet used;  srv.clear(): drop script and request log
        srv.connections     # TCP connections accepted (client connection reuse)
        srv.ignored_fields  # tolerated legacy body fields seen (repeatPenalty, stopBefore)
        srv.errors          # exceptions raised by your respond_with/set_default functions (answered as 500)

Reply builders (all in `tests.hyperclova_replies`, re-exported here):
    reply_text(text, *, thinking=None, token_delay=0.0, result_event=True, signal=None, usage=None, hold_open=0.0)
    reply_tool_calls([(name, args) | (name, args, call_id), ...], *, content="", token_delay=0.0, signal=None)
    reply_json(obj, **reply_text_kwargs)                    structured-output content (a JSON string)
    fail(status, code=None, message=None, *, retry_after=None, as_sse=False)
    hang(seconds, then=None)                                 delay, then `then` or the default reply
    drop_connection()                                        close the socket without answering
    stream_error_midway(text="부분 응답입니다", *, after_tokens=2, code="50000", message="Internal server error")
    respond_with(fn)                                         fn(ReceivedRequest) -> Reply | None, decided per request
Server options: HyperClovaServer(api_key="nv-test", *, api_keys=(), host="127.0.0.1", port=0, signal=False,
created_ms=False, sse_spaced=False, unknown_fields="reject", legacy_fields="ignore", seed=7).

Scripted replies are used first-in first-out, one per *valid* chat request (invalid requests get their 400 and
do not consume one). With nothing scripted the server answers by itself, deterministically, and says so:
- `responseFormat` present: a JSON instance of the schema (placeholder values);
- `toolChoice` naming a function: a call to it with placeholder arguments from its parameters schema;
- last message is a `tool` result: "[HyperClovaServer default reply] 도구 결과: <result>";
- otherwise: "[HyperClovaServer default reply] <last user text>".
HCX-007 requests with thinking effort other than `none` also get `thinkingContent` and `thinkingTokens`.
`maxTokens` / `maxCompletionTokens` truncate output (finishReason "length"); `stop` strings cut it ("stop").

Standalone (manual runs, benchmarks)::

    python -m tests.hyperclova_server --port 8765 --api-key nv-test [--signal] [--created-ms]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import re
import socket
import threading
from collections import deque
from collections.abc import Callable, Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

try:
    from tests import hyperclova_protocol as proto
    from tests.hyperclova_replies import (
        DEFAULT_LABEL,
        ReceivedRequest,
        Reply,
        default_reply,
        drop_connection,
        fail,
        hang,
        reply_json,
        reply_text,
        reply_tool_calls,
        respond_with,
        stream_error_midway,
    )
except ImportError:  # `tests/` itself on sys.path (pytest's rootdir-less conftest import)
    import hyperclova_protocol as proto  # type: ignore[no-redef]
    from hyperclova_replies import (  # type: ignore[no-redef]
        DEFAULT_LABEL,
        ReceivedRequest,
        Reply,
        default_reply,
        drop_connection,
        fail,
        hang,
        reply_json,
        reply_text,
        reply_tool_calls,
        respond_with,
        stream_error_midway,
    )

__all__ = [
    "DEFAULT_LABEL",
    "HyperClovaServer",
    "ReceivedRequest",
    "Reply",
    "default_reply",
    "drop_connection",
    "fail",
    "hang",
    "reply_json",
    "reply_text",
    "reply_tool_calls",
    "respond_with",
    "stream_error_midway",
]

_CHAT_PATH = re.compile(r"^(?:/(?:testapp|serviceapp))?/v3/chat-completions/([^/?]+)$")
_EMBED_PATH = re.compile(r"^/v1/api-tools/embedding/v2/?$")


# --------------------------------------------------------------------------------------------------
# The server


class HyperClovaServer:
    """Loopback HyperCLOVA X v3 server in a background thread. See the module docstring for the API.

    Options: `api_key` (or several via `api_keys`) accepted as Bearer keys; `signal=True` appends
    `event: signal` / `{"data":"[DONE]"}` after every `result`; `created_ms=True` emits `created` in
    milliseconds (the docs show both); `sse_spaced=True` writes `id: x` instead of `id:x`;
    `unknown_fields` "reject" (default: 400/40001 naming the field) or "ignore"; `legacy_fields` "ignore"
    (default, the doc's own fc example sends `repeatPenalty`/`stopBefore`) or "reject"."""

    def __init__(
        self,
        api_key: str = "nv-test",
        *,
        api_keys: Iterable[str] = (),
        host: str = "127.0.0.1",
        port: int = 0,
        signal: bool = False,
        created_ms: bool = False,
        sse_spaced: bool = False,
        unknown_fields: str = "reject",
        legacy_fields: str = "ignore",
        seed: int = 7,
    ) -> None:
        self.api_keys = {api_key, *api_keys}
        self.signal = signal
        self.created_ms = created_ms
        self.sse_spaced = sse_spaced
        self.unknown_fields = unknown_fields
        self.legacy_fields = legacy_fields
        self.requests: list[ReceivedRequest] = []
        self.ignored_fields: list[str] = []
        self.errors: list[str] = []  # exceptions raised by respond_with/set_default functions
        self.connections = 0
        self._script: deque[Reply] = deque()
        self._default: Callable[[ReceivedRequest], Reply | None] | None = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._rng = random.Random(seed)
        self._httpd = ThreadingHTTPServer((host, port), _Handler)
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False
        self._httpd.hcx = self  # type: ignore[attr-defined]
        self._thread: threading.Thread | None = None

    # lifecycle
    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> HyperClovaServer:
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="hyperclova-server",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()  # wakes `hang` replies
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> HyperClovaServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # scripting
    def script(self, *replies: Reply) -> None:
        """Queue replies for the next valid chat requests, in order."""
        with self._lock:
            self._script.extend(replies)

    def set_default(self, fn: Callable[[ReceivedRequest], Reply | None] | None) -> None:
        """Answer every request with nothing scripted through `fn(request)` (None from it, or `fn=None`,
        means the built-in default reply). Scripted replies still come first."""
        self._default = fn

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._script)

    def clear(self) -> None:
        """Drop unused scripted replies and the request log."""
        with self._lock:
            self._script.clear()
            self.requests.clear()
            self.ignored_fields.clear()
            self.errors.clear()

    @property
    def last_request(self) -> ReceivedRequest:
        return self.requests[-1]

    def chat_requests(self) -> list[ReceivedRequest]:
        return [r for r in self.requests if r.model is not None]

    # internals used by the handler
    def _record(self, request: ReceivedRequest) -> None:
        with self._lock:
            self.requests.append(request)

    def _next_reply(self) -> Reply | None:
        with self._lock:
            return self._script.popleft() if self._script else None

    def _random(self) -> random.Random:
        return self._rng


class _Handler(BaseHTTPRequestHandler):
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
            ignored = proto.validate_body(
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
        body, model = request.body, request.model or ""
        rng = self.hcx._random()
        effort = proto.effective_effort(model, body)
        thinking_on = effort not in (None, "none")
        thinking = (
            (reply.thinking or "[HyperClovaServer thinking] 질문을 살펴보고 답을 정리합니다.")
            if thinking_on
            else ""
        )
        content = reply.content
        finish = "tool_calls" if reply.tool_calls else "stop"
        for stop in body.get("stop") or []:
            if stop and stop in content:
                content = content[: content.index(stop)]
        think_tokens = proto.split_tokens(thinking)
        text_tokens = proto.split_tokens(content)
        limit = body.get("maxTokens") or body.get("maxCompletionTokens")
        if limit is None and effort is not None:
            limit = proto.EFFORT_DEFAULT_LIMIT[effort]
        if limit is not None and not reply.tool_calls and len(think_tokens) + len(text_tokens) > limit:
            think_tokens = think_tokens[:limit]
            text_tokens = text_tokens[: max(0, limit - len(think_tokens))]
            finish = "length"
        content, thinking = "".join(text_tokens), "".join(think_tokens)
        calls = [
            {
                "id": cid or proto.tool_call_id(rng),
                "type": "function",
                "function": {"name": name, "arguments": args},
            }
            for name, args, cid in reply.tool_calls
        ]
        fragments = [
            proto.split_tokens(json.dumps(c["function"]["arguments"], ensure_ascii=False), 4) for c in calls
        ]
        completion = len(think_tokens) + len(text_tokens) + sum(len(f) + 1 for f in fragments)
        prompt = proto.count_prompt_tokens(body)
        usage: dict[str, Any] = {
            "promptTokens": prompt,
            "completionTokens": completion,
            "totalTokens": prompt + completion,
        }
        if model == proto.THINKING_MODEL and thinking_on:
            usage["completionTokensDetails"] = {"thinkingTokens": len(think_tokens)}
        if reply.usage:
            usage.update(reply.usage)
        message: dict[str, Any] = {"role": "assistant", "content": content}
        if thinking:
            message["thinkingContent"] = thinking
        if calls:
            message["toolCalls"] = calls
        seed, created = proto.make_seed(body, rng), proto.make_created(self.hcx.created_ms)
        result: dict[str, Any] = {
            "message": message,
            "finishReason": finish,
            "created": created,
            "seed": seed,
            "usage": usage,
        }
        if body.get("includeAiFilters"):
            result["aiFilter"] = proto.ai_filter()
        error = {"status": {"code": reply.code, "message": reply.message}}

        if not request.stream:
            if reply.error_after is not None:
                self._send_json(int(reply.code[:3]), error)
                return
            self._send_json(200, {"status": {"code": "20000", "message": "OK"}, "result": result})
            return

        def token(delta: dict[str, Any]) -> dict[str, Any]:
            return {
                "message": {"role": "assistant", **delta},
                "finishReason": None,
                "created": created,
                "seed": seed,
                "usage": None,
            }

        events = [token({"thinkingContent": t}) for t in think_tokens]
        events += [token({"content": t}) for t in text_tokens]
        for call, parts in zip(calls, fragments, strict=True):
            events.append(
                token(
                    {
                        "content": "",
                        "toolCalls": [
                            {
                                "id": call["id"],
                                "type": "function",
                                "function": {"name": call["function"]["name"]},
                            }
                        ],
                    }
                )
            )
            events += [
                token({"content": "", "toolCalls": [{"type": "function", "function": {"partialJson": p}}]})
                for p in parts
            ]
        self._start_sse()
        for index, data in enumerate(events):
            if reply.error_after is not None and index >= reply.error_after:
                break
            if reply.token_delay and self.hcx._stop.wait(reply.token_delay):
                return
            self._sse("token", data)
        if reply.error_after is not None:
            self._sse("error", error)
        else:
            if reply.result_event:
                self._sse("result", result)
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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Loopback HyperCLOVA X v3 server (default replies only).")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--api-key", action="append", default=None, help="accepted Bearer key (repeatable)")
    parser.add_argument("--signal", action="store_true", help="send event:signal [DONE] after each result")
    parser.add_argument("--created-ms", action="store_true", help="`created` in milliseconds")
    parser.add_argument("--token-delay", type=float, default=0.0, help="seconds between SSE token events")
    args = parser.parse_args(argv)
    keys = args.api_key or ["nv-test"]
    server = HyperClovaServer(
        keys[0],
        api_keys=keys[1:],
        host=args.host,
        port=args.port,
        signal=args.signal,
        created_ms=args.created_ms,
    )
    if args.token_delay:
        delay = args.token_delay

        def slow_default(request: ReceivedRequest) -> Reply:
            reply = default_reply(request)
            reply.token_delay = delay
            return reply

        server.set_default(slow_default)
    print(f"HyperClovaServer listening on {server.base_url} (keys: {len(server.api_keys)})", flush=True)
    try:
        server._httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server._httpd.server_close()


if __name__ == "__main__":
    main()
