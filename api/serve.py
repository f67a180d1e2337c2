"""`coursebot serve`: the API and the chat page on one port (uvicorn), ready to use with no keys.

Opens the configured index, ingests the sample catalog when it is empty (first run), builds the
assistant once, then serves `create_app(settings, assistant)`: POST /chat, /chat/stream, /feedback,
GET /health, and the built page (`frontend/dist`, when built) at http://HOST:PORT/.
"""

from __future__ import annotations

import os
import traceback
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    from fastapi import FastAPI

    from agent.index.base import CourseIndex
    from agent.settings import Settings


def serve(
    host: Annotated[str, typer.Option(help="interface to bind (0.0.0.0 inside a container)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    log_level: Annotated[str | None, typer.Option(help="overrides LOG_LEVEL")] = None,
    workers: Annotated[int, typer.Option(help="processes (each loads the model and opens the index)")] = 1,
) -> None:
    """API + 채팅 페이지를 http://HOST:PORT 에서 제공합니다 (색인이 비어 있으면 예제 편람을 먼저 넣습니다)."""
    try:
        settings, index = _prepare(log_level)
    except Exception as error:  # noqa: BLE001 - a start-up failure is one line for the operator, not a traceback
        _fail(error, log_level)
    import uvicorn

    from api.main import FRONTEND_DIST, create_app

    page = "채팅 페이지 포함" if (FRONTEND_DIST / "index.html").is_file() else "페이지 미빌드: make frontend"
    uvicorn_level = (log_level or settings.log_level).lower()
    # uvicorn would trust X-Forwarded-For from 127.0.0.1 by default; the app's own setting decides (workers
    # read it from the environment).
    os.environ["FORWARDED_ALLOW_IPS"] = ",".join(settings.forwarded_allow_ips)
    if workers > 1:
        _serve_workers(host, port, workers, log_level, uvicorn_level, f"색인: {settings.vector_store}, {page}")
        return
    try:
        from agent.assistant import CourseAssistant

        assistant = CourseAssistant.from_settings(settings, index=index)
        app = create_app(settings, assistant)
    except Exception as error:  # noqa: BLE001 - see above
        _fail(error, log_level)
    typer.echo(f"coursebot: http://{host}:{port}  (모드: {assistant.mode}, 색인: {settings.vector_store}, {page})")
    uvicorn.run(app, host=host, port=port, log_level=uvicorn_level, access_log=False,
                forwarded_allow_ips=list(settings.forwarded_allow_ips))


def _prepare(log_level: str | None) -> tuple[Settings, CourseIndex]:
    """Settings (secrets resolved), logging, and the index, filled with the sample catalog on first run."""
    from agent.index.factory import ensure_sample_ingested, open_index
    from agent.secrets import resolve_settings
    from agent.settings import get_settings
    from api.logs import configure_logging, secret_values

    settings = resolve_settings(get_settings())
    if log_level:
        settings = settings.model_copy(update={"log_level": log_level})
    configure_logging(settings.log_level, secret_values(settings), project_loggers=True)
    index = open_index(settings)
    for report in ensure_sample_ingested(index, settings):
        typer.echo(f"예제 편람 색인 완료: {report.term} ({report.added}개 분반, {report.seconds:.1f}초)")
    return settings, index


def _fail(error: Exception, log_level: str | None) -> NoReturn:
    """Start-up failed: the cause in one line (the traceback only at DEBUG), exit status 1."""
    if (log_level or os.environ.get("LOG_LEVEL", "")).upper() == "DEBUG":
        traceback.print_exception(error)
    cause = " ".join(line.strip() for line in str(error).splitlines() if line.strip())[:500]
    typer.echo(f"coursebot serve: 시작할 수 없습니다: {type(error).__name__}: {cause}", err=True)
    raise typer.Exit(1) from None


def _serve_workers(host: str, port: int, workers: int, log_level: str | None, uvicorn_level: str,
                   shown: str) -> None:
    # One process per core: the answer path is CPU-bound Python (GIL). Each worker builds its own
    # assistant at start-up (`worker_app`); the index was opened and filled by `serve`, once.
    import uvicorn

    if log_level:
        os.environ["LOG_LEVEL"] = log_level
    # Share the cores instead of oversubscribing them: each worker's embedding engine (OpenMP) gets
    # cores / workers threads (two workers each spinning two OpenMP threads fight over two cores).
    # An explicit OMP_NUM_THREADS wins.
    os.environ.setdefault("OMP_NUM_THREADS", str(max(1, (os.cpu_count() or 1) // workers)))
    typer.echo(f"coursebot: http://{host}:{port}  ({workers} workers, {shown})")
    from api.workers import WorkersError, reuse_port_supported, run_workers

    if reuse_port_supported():  # a socket per worker: connections spread evenly (see api/workers.py)
        try:
            run_workers(host, port, workers, uvicorn_level)
        except WorkersError as error:
            typer.echo(f"coursebot serve: {error}", err=True)
            raise typer.Exit(1) from None
    else:  # pragma: no cover - Windows has no SO_REUSEPORT
        uvicorn.run("api.serve:worker_app", factory=True, host=host, port=port, workers=workers,
                    log_level=uvicorn_level, access_log=False)


def worker_app() -> FastAPI:
    """The app of one `--workers` process: settings from the environment, the assistant built now."""
    from agent.assistant import CourseAssistant
    from agent.secrets import resolve_settings
    from agent.settings import get_settings
    from api.main import create_app

    from api.logs import configure_logging, secret_values

    settings = resolve_settings(get_settings())
    configure_logging(settings.log_level, secret_values(settings), project_loggers=True)
    return create_app(settings, CourseAssistant.from_settings(settings))
