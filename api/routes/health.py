"""`GET /health`: what is configured (index backend, answer mode, model), never a secret or a host."""

from __future__ import annotations

from fastapi import APIRouter, Request

from agent.settings import Settings
from api.deps import SettingsDep
from api.schemas import HealthResponse, IndexInfo, ModelInfo
from api.routes.responses import errors

router = APIRouter(tags=["health"])


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("coursebot")
    except PackageNotFoundError:
        return "0.0.0"


def _index_configured(settings: Settings) -> bool:
    if settings.vector_store == "local":
        return True
    has_key = settings.pinecone_api_key is not None or bool(settings.pinecone_api_key_param)
    has_target = bool(settings.pinecone_host or settings.pinecone_index_name or settings.pinecone_index_name_param)
    return has_key and has_target


@router.get("/health", response_model=HealthResponse, responses=errors(500))
def health(request: Request, settings: SettingsDep) -> HealthResponse:
    hyperclova = settings.hyperclova_configured
    return HealthResponse(
        environment=settings.environment,
        index=IndexInfo(backend=settings.vector_store, configured=_index_configured(settings)),
        model=ModelInfo(
            mode="hyperclova" if hyperclova else "search",
            name=settings.hyperclova_model if hyperclova else None,
            embedding=settings.embedding_provider,
        ),
        assistant_ready=request.app.state.assistant_provider.ready,
        version=_version(),
    )
