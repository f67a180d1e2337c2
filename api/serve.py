"""`coursebot serve`: the API and the chat page on one port (uvicorn), ready to use with no keys.

Opens the configured index, ingests the sample catalog when it is empty (first run), builds the
assistant once, then serves `create_app(settings, assistant)`: POST /chat, /chat/stream, /feedback,
GET /health, and the built page (`frontend/dist`, when built) at http://HOST:PORT/.
"""

from __future__ import annotations

from typing import Annotated

import typer


def serve(
    host: Annotated[str, typer.Option(help="interface to bind (0.0.0.0 inside a container)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    log_level: Annotated[str | None, typer.Option(help="overrides LOG_LEVEL")] = None,
) -> None:
    """API + 채팅 페이지를 http://HOST:PORT 에서 제공합니다 (색인이 비어 있으면 예제 편람을 먼저 넣습니다)."""
    import uvicorn

    from agent.assistant import CourseAssistant
    from agent.index.factory import ensure_sample_ingested, open_index
    from agent.secrets import resolve_settings
    from agent.settings import get_settings
    from api.main import FRONTEND_DIST, create_app

    settings = resolve_settings(get_settings())
    if log_level:
        settings = settings.model_copy(update={"log_level": log_level})
    index = open_index(settings)
    reports = ensure_sample_ingested(index, settings)
    for report in reports:
        typer.echo(f"예제 편람 색인 완료: {report.term} ({report.added}개 분반, {report.seconds:.1f}초)")
    assistant = CourseAssistant.from_settings(settings, index=index)
    app = create_app(settings, assistant)
    page = "채팅 페이지 포함" if (FRONTEND_DIST / "index.html").is_file() else "페이지 미빌드: make frontend"
    typer.echo(f"coursebot: http://{host}:{port}  (모드: {assistant.mode}, 색인: {settings.vector_store}, {page})")
    uvicorn.run(app, host=host, port=port, log_level=(log_level or settings.log_level).lower(),
                access_log=False)
