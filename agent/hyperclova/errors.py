"""Typed errors raised by `ChatHyperClovaX` (all exported by `agent.hyperclova`).

Every error carries what the API said: the HTTP status, the CLOVA `status.code` (a 5-digit string such as
"42901") and its message, plus the request id we sent, so logs can be matched with NAVER support. None of them
ever contains the API key: they are built only from the response envelope and our own request id.
"""

from __future__ import annotations

import json
from typing import Any


class HyperClovaError(Exception):
    """Base class. `http_status` is None for transport failures (no HTTP answer)."""

    retryable: bool = False

    def __init__(
        self,
        message: str,
        *,
        http_status: int | None = None,
        code: str | None = None,
        request_id: str | None = None,
        attempts: int = 1,
    ) -> None:
        self.message, self.http_status, self.code = message, http_status, code
        self.request_id, self.attempts = request_id, attempts
        super().__init__(self._describe())

    def after(self, attempts: int) -> HyperClovaError:
        """This error as the final outcome of `attempts` tries (the count is part of the message)."""
        self.attempts = attempts
        self.args = (self._describe(),)
        return self

    def _describe(self) -> str:
        where = f"HTTP {self.http_status}" if self.http_status is not None else "no HTTP response"
        code = f", CLOVA code {self.code}" if self.code else ""
        tries = f" after {self.attempts} attempts" if self.attempts > 1 else ""
        rid = f" [request id {self.request_id}]" if self.request_id else ""
        return f"HyperCLOVA X request failed ({where}{code}){tries}: {self.message}{rid}"


class HyperClovaAPIError(HyperClovaError):
    """The API answered with an error envelope `{"status": {"code", "message"}}`."""


class HyperClovaBadRequestError(HyperClovaAPIError):
    """400: invalid or unsupported parameters (e.g. 40001 "Invalid parameter: ..."). Not retried."""


class HyperClovaAuthenticationError(HyperClovaAPIError):
    """401: missing, malformed or unknown API key (40100, 40104, ...). Not retried."""


class HyperClovaPermissionError(HyperClovaAPIError):
    """403: forbidden / quota exhausted. Not retried."""


class HyperClovaNotFoundError(HyperClovaAPIError):
    """404: unknown path (check `base_url`). Not retried."""


class HyperClovaRateLimitError(HyperClovaAPIError):
    """429 (42900 / 42901 rate exceeded / 42902 overloaded / 42903): retried with backoff."""

    retryable = True


class HyperClovaServerError(HyperClovaAPIError):
    """5xx: retried for 500, 502, 503 and 504."""

    retryable = True


class HyperClovaStreamError(HyperClovaAPIError):
    """An `event: error` arrived inside an SSE stream (HTTP 200)."""


class HyperClovaConnectionError(HyperClovaError):
    """No usable HTTP answer: connection refused/reset, or the server closed without answering."""

    retryable = True


class HyperClovaTimeoutError(HyperClovaConnectionError):
    """Connect or read timeout (see `timeout`)."""


RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})
_BY_STATUS: dict[int, type[HyperClovaAPIError]] = {
    400: HyperClovaBadRequestError,
    401: HyperClovaAuthenticationError,
    403: HyperClovaPermissionError,
    404: HyperClovaNotFoundError,
    429: HyperClovaRateLimitError,
}


def parse_envelope(raw: bytes | str) -> tuple[str | None, str]:
    """(`status.code`, `status.message`) from a CLOVA error body; tolerant of non-JSON bodies."""
    try:
        data: Any = json.loads(raw)
    except (ValueError, TypeError):
        text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
        return None, text.strip()[:300] or "no error body"
    if isinstance(data, dict):
        for key in ("status", "error"):  # CLOVA's envelope, or OpenAI's shape in case base_url points there
            inner = data.get(key)
            if isinstance(inner, dict):
                code = inner.get("code")
                return (str(code) if code is not None else None), str(inner.get("message") or "")
    return None, str(data)[:300]


def error_for_status(
    http_status: int, raw: bytes | str, *, request_id: str | None = None, attempts: int = 1
) -> HyperClovaAPIError:
    """The typed error for an HTTP error response."""
    code, message = parse_envelope(raw)
    cls = _BY_STATUS.get(http_status) or (HyperClovaServerError if http_status >= 500 else HyperClovaAPIError)
    err = cls(
        message or "error", http_status=http_status, code=code, request_id=request_id, attempts=attempts
    )
    if cls is HyperClovaServerError and http_status not in RETRYABLE_STATUSES:
        err.retryable = False  # e.g. 501 Not yet implemented
    return err


def stream_error(data: Any, *, request_id: str | None = None) -> HyperClovaStreamError:
    """The error for an SSE `event: error` whose data is `{"status": {"code", "message"}}`."""
    code, message = parse_envelope(json.dumps(data) if not isinstance(data, (str, bytes)) else data)
    err = HyperClovaStreamError(message or "stream error", http_status=200, code=code, request_id=request_id)
    # A 429xx/5xx reported as an event before any token can be retried like its HTTP twin.
    err.retryable = bool(code and code[:3].isdigit() and int(code[:3]) in RETRYABLE_STATUSES)
    return err
