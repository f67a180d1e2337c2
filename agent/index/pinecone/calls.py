"""Calling the Pinecone SDK safely: retries for rate limits, and every failure turned into the index
errors the API reports as a clear 503 / configuration message (never with the key inside).

- connection refused / reset, timeouts, and 5xx after the SDK's own retries (5, with back-off: urllib3
  `Retry` on 500/502/503/504) → `IndexUnavailableError`
- 429 → retried here (`rate_limit_retries`, exponential back-off), then `IndexUnavailableError`
- 401/403 → `PineconeAuthError` (an `IndexUnavailableError`); 404 → `PineconeConfigError`
- a 400 about the vector dimension → `DimensionMismatchError`; other 4xx → `PineconeRequestError`
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import SecretStr

from agent.index.base import DimensionMismatchError, IndexError_, IndexUnavailableError

T = TypeVar("T")
log = logging.getLogger("agent.index.pinecone")


class PineconeConfigError(IndexError_):
    """The Pinecone settings cannot work (no key, no host or index name, unknown index, wrong metric)."""


class PineconeAuthError(IndexUnavailableError):
    """Pinecone rejected the API key (401/403)."""


class PineconeRequestError(IndexError_):
    """Pinecone refused a request as invalid (a 4xx other than auth/rate limits)."""


class PineconeCaller:
    """`caller(what, fn)` runs `fn()` (one SDK call) with the error mapping above.

    `where` names the index in messages (its host once known). The key is kept only to scrub it from
    any text that reaches a message.
    """

    def __init__(self, where: str, secret: SecretStr, *, rate_limit_retries: int = 3,
                 retry_backoff: float = 0.5) -> None:
        self.where = where
        self._secret = secret
        self.rate_limit_retries = rate_limit_retries
        self.retry_backoff = retry_backoff

    def __repr__(self) -> str:
        return f"PineconeCaller(where={self.where!r})"

    def __call__(self, what: str, fn: Callable[[], T]) -> T:
        from pinecone.exceptions import (
            ForbiddenException,
            NotFoundException,
            PineconeApiException,
            UnauthorizedException,
        )
        from urllib3.exceptions import HTTPError as Urllib3Error

        attempt = 0
        while True:
            try:
                return fn()
            except (UnauthorizedException, ForbiddenException) as error:
                raise PineconeAuthError(
                    f"Pinecone rejected the API key (HTTP {error.status}) during {what} at {self.where}: "
                    "check PINECONE_API_KEY / PINECONE_API_KEY_PARAM."
                ) from None
            except NotFoundException as error:
                raise PineconeConfigError(
                    f"Pinecone answered 404 during {what} at {self.where}: {self.message(error)}") from None
            except PineconeApiException as error:
                status = int(error.status or 0)
                if status == 429 and attempt < self.rate_limit_retries:
                    time.sleep(self.retry_backoff * (2 ** attempt))
                    attempt += 1
                    continue
                if status == 429 or status >= 500:
                    raise self.outage(
                        f"Pinecone is unavailable: {what} at {self.where} failed with HTTP {status} "
                        f"({self.message(error)}) after retries."
                    ) from None
                message = self.message(error)
                if "dimension" in message.lower():
                    raise DimensionMismatchError(f"Pinecone refused {what} at {self.where}: {message}") from None
                raise PineconeRequestError(
                    f"Pinecone refused {what} at {self.where} (HTTP {status}): {message}") from None
            except (Urllib3Error, OSError) as error:
                raise self.outage(
                    f"Pinecone is unreachable: {what} at {self.where} failed ({type(error).__name__}: "
                    f"{self.scrub(str(error))[:200]})."
                ) from None

    @staticmethod
    def outage(message: str) -> IndexUnavailableError:
        """An outage is logged at ERROR with its cause (the student only sees "서비스 점검 중")."""
        log.error("course index unavailable: %s", message)
        return IndexUnavailableError(message)

    def message(self, error: Any) -> str:
        """The `message` of Pinecone's error envelope (data or control plane), scrubbed and bounded."""
        body = getattr(error, "body", None) or ""
        try:
            parsed = json.loads(body)
            message = parsed.get("message") or parsed.get("error", {}).get("message") or body
        except (ValueError, AttributeError):
            message = body or getattr(error, "reason", "") or type(error).__name__
        return self.scrub(str(message))[:300]

    def scrub(self, text: str) -> str:
        secret = self._secret.get_secret_value()
        return text.replace(secret, "***") if secret else text
