"""`coursebot serve`: the API and the chat page on one port (uvicorn), ready to use with no keys.

Opens the configured index, ingests the sample catalog when it is empty (first run), builds the
assistant once, then serves `create_app(settings, assistant)`: POST /chat, /chat/stream, /feedback,
GET /health, and the built page (`frontend/dist`, when built) at http://HOST:PORT/.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from fastapi import FastAPI


def serve(
    host: Annotated[str, typer.Option(help="interface to bind (0.0.0.0 inside a container)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    log_level: Annotated[str | None, typer.Option(help="overrides LOG_LEVEL")] = None,
    workers: Annotated[int, typer.Option(help="processes (each loads the model and opens the index)")] = 1,
) -> None:
    """API + 채팅 페이지를 http://HOST:PORT 에서 제공합니다 (색인이 비어 있으면 예제 편람을 먼저 넣습니다)."""
    import uvicorn

    from agent.assistant import CourseAssistant
    from agent.index.factory import ensure_sample_ingested, open_index
    from agent.secrets import resolve_settings
    from agent.settings import get_settings
    from api.main import FRONTEND_DIST, create_app

    from api.logs import configure_logging, secret_values

    settings = resolve_settings(get_settings())
    if log_level:
        settings = settings.model_copy(update={"log_level": log_level})
    configure_logging(settings.log_level, secret_values(settings), project_loggers=True)
    index = open_index(settings)
    reports = ensure_sample_ingested(index, settings)
    for report in reports:
        typer.echo(f"예제 편람 색인 완료: {report.term} ({report.added}개 분반, {report.seconds:.1f}초)")
    page = "채팅 페이지 포함" if (FRONTEND_DIST / "index.html").is_file() else "페이지 미빌드: make frontend"
    uvicorn_level = (log_level or settings.log_level).lower()
    if workers > 1:
        # One process per core: the answer path is CPU-bound Python (GIL). Each worker builds its own
        # assistant at start-up (`worker_app`); the index was opened and filled above, once.
        if log_level:
            os.environ["LOG_LEVEL"] = log_level
        # Share the cores instead of oversubscribing them: each worker's embedding engine (OpenMP) gets
        # cores / workers threads (two workers each spinning two OpenMP threads fight over two cores).
        # An explicit OMP_NUM_THREADS wins.
        os.environ.setdefault("OMP_NUM_THREADS", str(max(1, (os.cpu_count() or 1) // workers)))
        typer.echo(f"coursebot: http://{host}:{port}  ({workers} workers, 색인: {settings.vector_store}, {page})")
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
        return
    assistant = CourseAssistant.from_settings(settings, index=index)
    app = create_app(settings, assistant)
    typer.echo(f"coursebot: http://{host}:{port}  (모드: {assistant.mode}, 색인: {settings.vector_store}, {page})")
    uvicorn.run(app, host=host, port=port, log_level=uvicorn_level, access_log=False)


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
