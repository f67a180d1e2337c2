"""`agent.secrets` against moto's SSM (real Parameter Store semantics: SecureString, GetParameters)."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import boto3
import pytest
from moto import mock_aws

from agent import secrets
from agent.settings import Settings

PREFIX = "/chatbot/prod"


@pytest.fixture
def ssm(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": "ap-southeast-2", "AWS_REGION": "ap-southeast-2",
    }.items():
        monkeypatch.setenv(name, value)
    secrets.clear_cache()
    with mock_aws():
        client = boto3.client("ssm", region_name="ap-southeast-2")
        client.put_parameter(Name=f"{PREFIX}/HYPERCLOVA_API_KEY", Value="nv-hcx-secret-123", Type="SecureString")
        client.put_parameter(Name=f"{PREFIX}/PINECONE_API_KEY", Value="pcsk-secret-456", Type="SecureString")
        client.put_parameter(Name=f"{PREFIX}/PINECONE_INDEX_NAME", Value="courses", Type="String")
        yield client
    secrets.clear_cache()


def _deployment_settings(**extra: str) -> Settings:
    env = {
        "HYPERCLOVA_API_KEY_PARAM": f"{PREFIX}/HYPERCLOVA_API_KEY",
        "PINECONE_API_KEY_PARAM": f"{PREFIX}/PINECONE_API_KEY",
        "PINECONE_INDEX_NAME_PARAM": f"{PREFIX}/PINECONE_INDEX_NAME",
        **extra,
    }
    return Settings(**env)


def _count_calls(operation: str) -> list[str]:
    calls: list[str] = []
    secrets.ssm_client().meta.events.register(
        f"before-call.ssm.{operation}", lambda **kwargs: calls.append(operation)
    )
    return calls


def test_resolves_securestrings_with_one_call(ssm: object) -> None:
    calls = _count_calls("GetParameters")
    resolved = secrets.resolve_settings(_deployment_settings())
    assert resolved.hyperclova_api_key is not None
    assert resolved.hyperclova_api_key.get_secret_value() == "nv-hcx-secret-123"  # decrypted
    assert resolved.pinecone_api_key is not None
    assert resolved.pinecone_api_key.get_secret_value() == "pcsk-secret-456"
    assert resolved.pinecone_index_name == "courses"
    assert calls == ["GetParameters"]
    # The secret never shows in the settings' repr.
    assert "nv-hcx-secret-123" not in repr(resolved)


def test_cached_once_per_process(ssm) -> None:  # type: ignore[no-untyped-def]
    calls = _count_calls("GetParameters")
    first = secrets.resolve_settings(_deployment_settings())
    ssm.put_parameter(Name=f"{PREFIX}/HYPERCLOVA_API_KEY", Value="rotated", Type="SecureString", Overwrite=True)
    second = secrets.resolve_settings(_deployment_settings())
    assert calls == ["GetParameters"], "the second resolve must come from the cache"
    assert second.hyperclova_api_key.get_secret_value() == first.hyperclova_api_key.get_secret_value()
    secrets.clear_cache()
    assert secrets.resolve_settings(_deployment_settings()).hyperclova_api_key.get_secret_value() == "rotated"


def test_missing_parameter_names_it_not_the_values(ssm: object) -> None:
    settings = _deployment_settings(PINECONE_INDEX_NAME_PARAM=f"{PREFIX}/NO_SUCH_PARAMETER")
    with pytest.raises(secrets.SecretsError) as info:
        secrets.resolve_settings(settings)
    message = str(info.value)
    assert f"{PREFIX}/NO_SUCH_PARAMETER" in message
    assert "nv-hcx-secret-123" not in message and "pcsk-secret-456" not in message


def test_direct_values_win_and_nothing_to_resolve_means_no_call(ssm: object) -> None:
    calls = _count_calls("GetParameters")
    plain = Settings()
    assert secrets.resolve_settings(plain) is plain
    direct = _deployment_settings(HYPERCLOVA_API_KEY="direct-key", PINECONE_API_KEY="direct-pc",
                                  PINECONE_INDEX_NAME="direct-index")
    assert secrets.resolve_settings(direct) is direct
    assert calls == []


def test_unreachable_ssm_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    # Outside moto: Parameter Store at a closed loopback port (a Lambda without a network route to SSM).
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "ap-southeast-2",
        "AWS_ENDPOINT_URL_SSM": "http://127.0.0.1:9", "AWS_MAX_ATTEMPTS": "1",
    }.items():
        monkeypatch.setenv(name, value)
    secrets.clear_cache()
    try:
        with pytest.raises(secrets.SecretsError) as info:
            secrets.resolve_settings(_deployment_settings())
    finally:
        secrets.clear_cache()
    assert f"{PREFIX}/HYPERCLOVA_API_KEY" in str(info.value)
    assert "EndpointConnectionError" in str(info.value)


def test_resolved_secrets_are_redacted_from_logs(ssm: object, capsys: pytest.CaptureFixture[str]) -> None:
    from api.logs import configure_logging, get_logger, secret_values

    resolved = secrets.resolve_settings(_deployment_settings())
    configure_logging("INFO", secret_values(resolved))
    get_logger("test").warning("upstream said: bad key nv-hcx-secret-123")
    line = capsys.readouterr().out.strip().splitlines()[-1]
    record = json.loads(line)
    assert "nv-hcx-secret-123" not in line
    assert record["message"] == "upstream said: bad key ***"
    logging.getLogger("coursebot").handlers.clear()


# --- through the app: the Lambda path resolves secrets on its first request -------------------------

def test_app_uses_the_key_from_parameter_store(ssm: object, capsys: pytest.CaptureFixture[str]) -> None:
    from fastapi.testclient import TestClient

    from api.main import create_app
    from tests.fakes.hyperclova import HyperClovaServer, reply_text

    with HyperClovaServer(api_key="nv-hcx-secret-123") as hcx:
        settings = Settings(_env_file=None, HYPERCLOVA_API_KEY_PARAM=f"{PREFIX}/HYPERCLOVA_API_KEY",
                            HYPERCLOVA_BASE_URL=hcx.base_url, HYPERCLOVA_MAX_RETRIES=0)
        hcx.script(reply_text("파라미터 스토어의 키로 답했어요."))
        with TestClient(create_app(settings, static_dir=None)) as client:  # lazy: built on first /chat
            response = client.post("/chat", json={"message": "운체 누가 가르쳐?"})
        assert response.status_code == 200, response.text
        assert response.json()["mode"] == "hyperclova"
        assert response.json()["answer"] == "파라미터 스토어의 키로 답했어요."
        headers = {key.lower(): value for key, value in dict(hcx.chat_requests()[-1].headers).items()}
        assert headers["authorization"] == "Bearer nv-hcx-secret-123"  # the server also rejects other keys
    assert "nv-hcx-secret-123" not in capsys.readouterr().out


def test_app_with_a_missing_parameter_answers_503_and_logs_its_name(
    ssm: object, capsys: pytest.CaptureFixture[str]
) -> None:
    from fastapi.testclient import TestClient

    from api.main import create_app

    settings = Settings(_env_file=None, HYPERCLOVA_API_KEY_PARAM=f"{PREFIX}/MISSING_KEY")
    with TestClient(create_app(settings, static_dir=None)) as client:
        response = client.post("/chat", json={"message": "운체 누가 가르쳐?"})
        assert response.status_code == 503
        error = response.json()["error"]
        assert error["code"] == "service_misconfigured" and error["request_id"]
        assert "MISSING_KEY" not in response.text  # configuration details stay in the log
        assert client.get("/health").json()["assistant_ready"] is False
    logged = capsys.readouterr().out
    assert f"{PREFIX}/MISSING_KEY" in logged
