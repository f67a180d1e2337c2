"""Fixtures shared by the whole suite."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.support.index_cache import cached_index

if TYPE_CHECKING:
    from fastapi import FastAPI

    from agent.catalog.models import CourseSection

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = PROJECT_ROOT.parent / "shared" / "data"
SAMPLE_CATALOG = PROJECT_ROOT / "data" / "sample-catalog.csv"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """`../shared/data`, the real catalogs. CI always has it; a test that needs it fails loudly without it."""
    if not (SHARED_DATA / "ssu-2026-1.csv").exists():
        pytest.fail(f"real catalogs not found at {SHARED_DATA}: clone the project beside ../shared")
    return SHARED_DATA


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test sees the developer's keys or `.env`, and each gets its own local index path and feedback file."""
    for name in (
        "HYPERCLOVA_API_KEY", "HYPERCLOVA_API_KEY_PARAM", "PINECONE_API_KEY", "PINECONE_API_KEY_PARAM",
        "PINECONE_INDEX_NAME", "PINECONE_INDEX_NAME_PARAM", "PINECONE_HOST", "VECTOR_STORE",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LOCAL_STORE_PATH", str(tmp_path / "index"))
    monkeypatch.setenv("FEEDBACK_STORE", str(tmp_path / "feedback.sqlite3"))
    from agent.settings import get_settings

    get_settings.cache_clear()


# ---- shared course indexes (owned by the index helper) ---------------------------------------------
# Built once per catalog + code version under <repo>/.cache/test-index and reused by every later run,
# so tests anywhere can search real data without re-embedding it. READ-ONLY: never sync into them.


@pytest.fixture(scope="session")
def sample_index():
    """A LanceCourseIndex with `data/sample-catalog.csv` ingested (the project's own catalog)."""
    if not SAMPLE_CATALOG.exists():
        pytest.fail(f"sample catalog not found at {SAMPLE_CATALOG}")
    return cached_index("sample", SAMPLE_CATALOG)


@pytest.fixture(scope="session")
def ssu_index(shared_data: Path):
    """A LanceCourseIndex with the real `ssu-2026-1.csv` ingested (term 2026-1, 3,048 sections).
    Tests using it are marked `@pytest.mark.slow` (they still run in CI; the first build takes ~2 min)."""
    return cached_index("ssu-2026-1", shared_data / "ssu-2026-1.csv")


@pytest.fixture(scope="session")
def multi_term_index(tmp_path_factory: pytest.TempPathFactory):
    """A LanceCourseIndex holding `tests.support.multi_term` (terms 2024-1, 2024-여름, 2024-2, 2025-1), built once
    per session from the sample catalog's sections (real embeddings, memoized)."""
    from agent.index.lance import LanceCourseIndex
    from tests.support.embeddings import SharedEmbeddings
    from tests.support.multi_term import ingest, multi_term_sections

    index = LanceCourseIndex(tmp_path_factory.mktemp("multi-term"), SharedEmbeddings())
    ingest(index, multi_term_sections())
    return index


@pytest.fixture(scope="session")
def history_index(tmp_path_factory: pytest.TempPathFactory):
    """A LanceCourseIndex holding `tests.support.course_history` (terms 2024-1, 2024-2, 2025-1: a course a
    term lacks, a renamed code, a course listed under two codes), built once per session from the sample
    catalog."""
    from agent.index.lance import LanceCourseIndex
    from tests.support.course_history import history_sections, ingest
    from tests.support.embeddings import SharedEmbeddings

    index = LanceCourseIndex(tmp_path_factory.mktemp("course-history"), SharedEmbeddings())
    ingest(index, history_sections())
    return index


@pytest.fixture(scope="session")
def sogang_index(shared_data: Path):
    """A LanceCourseIndex with the real `sogang-2025-1.csv` ingested (term 2025-1, 1,387 sections; exam dates,
    no seats). Tests using it are marked `@pytest.mark.slow` (the first build takes about a minute)."""
    return cached_index("sogang-2025-1", shared_data / "sogang-2025-1.csv")


@pytest.fixture(scope="session")
def sample_sections() -> list[CourseSection]:
    """The sample catalog as the loader reads it: the ground truth tools and answers are checked against."""
    from agent.catalog.loader import load_catalog

    return load_catalog(SAMPLE_CATALOG).sections


# ---- the API app (API and deploy tests) ------------------------------------------------------------


@pytest.fixture(scope="session")
def search_assistant(sample_index):  # type: ignore[no-untyped-def]
    """The real `CourseAssistant` in search mode over the sample catalog's LanceDB index."""
    from agent.assistant import CourseAssistant
    from tests.support.api_checks import api_settings

    assistant = CourseAssistant.from_settings(api_settings(), index=sample_index)
    assert assistant.mode == "search"
    return assistant


@pytest.fixture
def make_app(search_assistant) -> Callable[..., FastAPI]:  # type: ignore[no-untyped-def]
    """`make_app(assistant=..., **settings)`: `create_app` with explicit settings (keys never come from the
    developer's environment) and, by default, the shared search assistant."""
    from api.main import create_app
    from tests.support.api_checks import api_settings

    def build(assistant: Any = search_assistant, **overrides: Any) -> FastAPI:
        return create_app(api_settings(**overrides), assistant, static_dir=None)

    return build


# ---- the feedback store on DynamoDB (moto) -----------------------------------------------------------


@pytest.fixture
def feedback_table(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The template's feedback table in moto (fake credentials, the deployment's region); yields its
    `FEEDBACK_STORE` value, `dynamodb://chatbot-feedback`."""
    import boto3
    from moto import mock_aws

    from tests.support.feedback_aws import AWS_ENV, REGION, create_feedback_table

    for name, value in AWS_ENV.items():
        monkeypatch.setenv(name, value)
    with mock_aws():
        name = create_feedback_table(boto3.client("dynamodb", region_name=REGION))
        yield f"dynamodb://{name}"


@pytest.fixture
def instant_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """botocore's retries without their backoff sleeps (the retry decisions stay botocore's own)."""
    from botocore.retries.standard import ExponentialBackoff

    monkeypatch.setattr(ExponentialBackoff, "delay_amount", lambda self, context: 0)
