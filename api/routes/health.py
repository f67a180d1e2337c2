"""`GET /health`: what is configured (index backend, answer mode, model), never a secret or a host, and
whether the course index can serve: `degraded` with a `reason` when it cannot be opened or searched (a
cheap probe, cached for `agent.index.probe.CACHE_SECONDS`; the answer stays HTTP 200 so a page or an
operator can read why)."""

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


def _index_problem(request: Request, settings: Settings) -> str | None:
    from agent.index.probe import IndexProbe

    state = request.app.state
    probe = getattr(state, "index_probe", None)
    if probe is None:
        probe = state.index_probe = IndexProbe()
    provider = state.assistant_provider
    if not provider.ready:
        return probe.reason(None, settings)  # a local store is probed directly; the assistant stays unbuilt
    index = getattr(provider.get(), "index", None)
    return None if index is None else probe.reason(index, settings)


@router.get("/health", response_model=HealthResponse, responses=errors(500))
def health(request: Request, settings: SettingsDep) -> HealthResponse:
    hyperclova = settings.hyperclova_configured
    problem = _index_problem(request, settings)
    return HealthResponse(
        status="degraded" if problem else "ok",
        reason=problem,
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
