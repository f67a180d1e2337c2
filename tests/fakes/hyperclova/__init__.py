"""A scriptable loopback HyperCLOVA X v3 server (see `tests.fakes.hyperclova.server` for the whole API).

Modules: `server` (`HyperClovaServer`, the CLI), `handler` (HTTP: routing, JSON and SSE answers),
`completion` (an answer's result body and token events), `replies` (the reply builders),
`validation` (request bodies checked as documented) and `protocol` (models, limits, errors, body parts).
`python -m tests.fakes.hyperclova --help` runs it standalone.
"""

from tests.fakes.hyperclova.replies import (
    DEFAULT_LABEL, ReceivedRequest, Reply, default_reply, drop_connection, fail, hang, reply_json, reply_text,
    reply_tool_calls, respond_with, stream_error_midway,
)
from tests.fakes.hyperclova.server import HyperClovaServer

__all__ = [
    "DEFAULT_LABEL", "HyperClovaServer", "ReceivedRequest", "Reply", "default_reply", "drop_connection",
    "fail", "hang", "reply_json", "reply_text", "reply_tool_calls", "respond_with", "stream_error_midway",
]
