"""Secrets from SSM Parameter Store: `*_PARAM` settings resolved once per process.

In the deployment the Lambda's environment holds parameter *names*
(`HYPERCLOVA_API_KEY_PARAM=/chatbot/prod/HYPERCLOVA_API_KEY`), never values. `resolve_settings`
reads every named parameter with one `GetParameters` call (`WithDecryption=True`, so SecureStrings
come back as plain text), caches the result for the life of the process (a Lambda container), and
returns a copy of the settings with the values filled in.

A value given directly (`HYPERCLOVA_API_KEY=...`) wins over its `*_PARAM`: no network call is made
for it. A parameter that does not exist fails with `SecretsError` naming the parameter (never a value).

Waits are bounded: the SSM client has short connect/read timeouts (`SSM_TIMEOUT`) and two attempts, so
an endpoint that accepts and never answers fails in seconds, inside the request's deadline. A failed
fetch is remembered for `SECRETS_RETRY_AFTER` seconds: requests in that window fail at once with the
same `SecretsError` instead of each waiting on SSM again.

boto3 is imported inside the functions: the keyless local path never pays for it.
"""

from __future__ import annotations

import threading
import time
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pydantic import SecretStr

if TYPE_CHECKING:
    from agent.settings import Settings

# (name of the *_PARAM field, name of the field it fills, whether the value is a secret)
PARAM_FIELDS: tuple[tuple[str, str, bool], ...] = (
    ("hyperclova_api_key_param", "hyperclova_api_key", True),
    ("pinecone_api_key_param", "pinecone_api_key", True),
    ("pinecone_index_name_param", "pinecone_index_name", False),
)

_GET_PARAMETERS_MAX_NAMES = 10  # the API's limit per call
DEFAULT_TIMEOUT_S = 3.0  # connect and read, each (Settings.ssm_timeout)
DEFAULT_RETRY_AFTER_S = 30.0  # Settings.secrets_retry_after


class SecretsError(RuntimeError):
    """A parameter could not be read. The message names the parameter(s), never a value; `names` lists them."""

    def __init__(self, message: str, names: list[str] | tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.names = list(names)


_cache: dict[str, str] = {}
_failures: dict[str, tuple[float, SecretsError]] = {}  # name -> (monotonic time it may be tried again, error)
_lock = threading.Lock()


def ssm_client(timeout: float = DEFAULT_TIMEOUT_S) -> Any:
    """The process's SSM client for this timeout (region from the environment: `AWS_REGION` in Lambda)."""
    return _client_for(float(timeout))


@lru_cache(maxsize=4)
def _client_for(timeout: float) -> Any:
    import boto3
    from botocore.config import Config

    # Two attempts at most: with the timeouts, a silent endpoint costs about 4 x timeout, not botocore's
    # default 60 s reads times retries (which once hung a request for three minutes).
    config = Config(connect_timeout=timeout, read_timeout=timeout,
                    retries={"total_max_attempts": 2, "mode": "standard"})
    return boto3.client("ssm", config=config)


def _error_code(exc: Exception) -> str:
    # A ClientError carries the service's code; a timeout or connection error has `response` None or none.
    response = getattr(exc, "response", None)
    error = response.get("Error") if isinstance(response, dict) else None
    code = error.get("Code") if isinstance(error, dict) else None
    return str(code or type(exc).__name__)


def _recent_failure(names: list[str]) -> SecretsError | None:
    now = time.monotonic()
    for name in names:
        until, error = _failures.get(name, (0.0, None))
        if error is not None and now < until:
            return error
    return None


def _get_batch(batch: list[str], timeout: float) -> dict[str, Any]:
    try:
        return ssm_client(timeout).get_parameters(Names=batch, WithDecryption=True)
    except Exception as exc:  # botocore errors: access denied, no credentials, no network, timeouts
        raise SecretsError(
            f"SSM Parameter Store에서 파라미터를 읽지 못했습니다 ({_error_code(exc)}): {', '.join(batch)}", batch
        ) from None


def fetch_parameters(
    names: list[str], *, timeout: float = DEFAULT_TIMEOUT_S, retry_after: float = DEFAULT_RETRY_AFTER_S
) -> dict[str, str]:
    """Values of `names` (decrypted), from the process cache or from one `GetParameters` call
    per 10 uncached names. Raises `SecretsError` naming any parameter that does not exist or could not
    be read; a failure is raised again without a call for `retry_after` seconds."""
    with _lock:
        missing = [name for name in dict.fromkeys(names) if name not in _cache]
        recent = _recent_failure(missing)
        if recent is not None:
            raise recent
        try:
            for start in range(0, len(missing), _GET_PARAMETERS_MAX_NAMES):
                _store(_get_batch(missing[start : start + _GET_PARAMETERS_MAX_NAMES], timeout))
            absent = [name for name in names if name not in _cache]
            if absent:
                raise SecretsError("SSM Parameter Store가 파라미터를 돌려주지 않았습니다: " + ", ".join(absent), absent)
        except SecretsError as error:
            until = time.monotonic() + retry_after
            for name in error.names or missing:
                _failures[name] = (until, error)
            raise
        return {name: _cache[name] for name in names}


def _store(reply: dict[str, Any]) -> None:
    invalid = reply.get("InvalidParameters") or []
    if invalid:
        raise SecretsError("SSM Parameter Store에 파라미터가 없습니다 (parameter not found): " + ", ".join(invalid),
                           invalid)
    for parameter in reply.get("Parameters", []):
        _cache[parameter["Name"]] = parameter["Value"]
        _failures.pop(parameter["Name"], None)


def clear_cache() -> None:
    """Forget cached values, remembered failures and the clients (tests; a process rotating keys)."""
    with _lock:
        _cache.clear()
        _failures.clear()
    _client_for.cache_clear()


def resolve_settings(settings: Settings) -> Settings:
    """Settings with every `*_PARAM` whose value is not given directly filled from Parameter Store.

    Returns `settings` itself when there is nothing to resolve (no boto3 import, no call)."""
    wanted: dict[str, tuple[str, bool]] = {}
    for param_field, value_field, secret in PARAM_FIELDS:
        name = getattr(settings, param_field, None)
        if name and getattr(settings, value_field, None) in (None, ""):
            wanted[value_field] = (name, secret)
    if not wanted:
        return settings
    values = fetch_parameters([name for name, _ in wanted.values()], timeout=settings.ssm_timeout,
                              retry_after=settings.secrets_retry_after)
    update: dict[str, object] = {}
    for value_field, (name, secret) in wanted.items():
        value = values[name]
        update[value_field] = SecretStr(value) if secret else value
    return settings.model_copy(update=update)
