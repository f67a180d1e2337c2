"""A scriptable loopback HyperCLOVA X v3 server, written from `shared/reference/hyperclova-x-api.md`.

It speaks the native Chat Completions v3 protocol (sections 1-5, 7 and 12 of the reference): Bearer auth,
field validation with the documented error envelopes, JSON responses, SSE streams (`token` / `result` /
`signal` / `error` events), HCX-007 thinking, tool calls (streamed as `partialJson` fragments) and structured
output. Requests are validated *before* any scripted reply is used, so a client that sends a bad body gets the
real 400 envelope, never the reply the test hoped for. Standard library only.

Usage (tests)::

    from tests.fakes.hyperclova import (
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

Reply builders (in `tests.fakes.hyperclova.replies`, all exported by `tests.fakes.hyperclova`):
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

    python -m tests.fakes.hyperclova --port 8765 --api-key nv-test [--signal] [--created-ms]
"""

from __future__ import annotations

import argparse
import random
import threading
from collections import deque
from collections.abc import Callable, Iterable
from http.server import ThreadingHTTPServer

from tests.fakes.hyperclova.handler import Handler
from tests.fakes.hyperclova.replies import ReceivedRequest, Reply, default_reply

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
        self._httpd = ThreadingHTTPServer((host, port), Handler)
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
