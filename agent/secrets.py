"""Secrets from SSM Parameter Store: `*_PARAM` settings resolved once per process.

In the deployment the Lambda's environment holds parameter *names*
(`HYPERCLOVA_API_KEY_PARAM=/chatbot/prod/HYPERCLOVA_API_KEY`), never values. `resolve_settings`
reads every named parameter with one `GetParameters` call (`WithDecryption=True`, so SecureStrings
come back as plain text), caches the result for the life of the process (a Lambda container), and
returns a copy of the settings with the values filled in.

A value given directly (`HYPERCLOVA_API_KEY=...`) wins over its `*_PARAM`: no network call is made
for it. A parameter that does not exist fails with `SecretsError` naming the parameter (never a value).

boto3 is imported inside the functions: the keyless local path never pays for it.
"""

from __future__ import annotations

import threading
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


class SecretsError(RuntimeError):
    """A parameter could not be read. The message names the parameter(s), never a value."""


_cache: dict[str, str] = {}
_lock = threading.Lock()


@lru_cache(maxsize=1)
def ssm_client() -> Any:
    """The process's one SSM client (region from the environment: `AWS_REGION` in Lambda)."""
    import boto3

    return boto3.client("ssm")


def fetch_parameters(names: list[str]) -> dict[str, str]:
    """Values of `names` (decrypted), from the process cache or from one `GetParameters` call
    per 10 uncached names. Raises `SecretsError` naming any parameter that does not exist."""
    with _lock:
        missing = [name for name in dict.fromkeys(names) if name not in _cache]
        for start in range(0, len(missing), _GET_PARAMETERS_MAX_NAMES):
            batch = missing[start : start + _GET_PARAMETERS_MAX_NAMES]
            try:
                reply = ssm_client().get_parameters(Names=batch, WithDecryption=True)
            except Exception as exc:  # botocore errors: access denied, no credentials, no network
                code = getattr(exc, "response", {}).get("Error", {}).get("Code", type(exc).__name__)
                raise SecretsError(
                    f"SSM Parameter Store에서 파라미터를 읽지 못했습니다 ({code}): {', '.join(batch)}"
                ) from None
            invalid = reply.get("InvalidParameters") or []
            if invalid:
                raise SecretsError(
                    "SSM Parameter Store에 파라미터가 없습니다 (parameter not found): " + ", ".join(invalid)
                )
            for parameter in reply.get("Parameters", []):
                _cache[parameter["Name"]] = parameter["Value"]
        absent = [name for name in names if name not in _cache]
        if absent:
            raise SecretsError("SSM Parameter Store가 파라미터를 돌려주지 않았습니다: " + ", ".join(absent))
        return {name: _cache[name] for name in names}


def clear_cache() -> None:
    """Forget cached values and the client (tests; a long-lived process rotating keys)."""
    with _lock:
        _cache.clear()
    ssm_client.cache_clear()


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
    values = fetch_parameters([name for name, _ in wanted.values()])
    update: dict[str, object] = {}
    for value_field, (name, secret) in wanted.items():
        value = values[name]
        update[value_field] = SecretStr(value) if secret else value
    return settings.model_copy(update=update)
