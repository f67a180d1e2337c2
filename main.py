"""AWS Lambda entry point: `main.lambda_handler` (API Gateway → Mangum → the FastAPI app).

Kept light on purpose (cold start is measured): importing this module builds the app but not the
assistant; the first request resolves secrets from Parameter Store, opens the index and loads the
embedding model, once per container. `lifespan="off"`: nothing needs to run at container start.

In a Lambda container the start-up measures (`agent/startup.py`) are applied first, before FastAPI,
LangChain and their pydantic models load; so the app is imported inside `_create_handler`, called after
them. Elsewhere (tests, the image's build check) importing this module applies none of them.

Each invocation's log lines carry the Lambda context and `cold_start` (`api.logs.lambda_context_keys`, as
Powertools' `Logger.inject_lambda_context` adds them); the answer metrics go out as EMF lines from the
routes (`api/metrics/`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from agent.startup import start_lambda_container

if TYPE_CHECKING:
    from fastapi import FastAPI

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]


def _create_handler() -> tuple[FastAPI, Handler]:
    from mangum import Mangum

    from api.logs import lambda_context_keys
    from api.main import app

    mangum = Mangum(app, lifespan="off")

    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        with lambda_context_keys(context):
            return mangum(event, context)

    return app, handler


MEASURES_APPLIED = start_lambda_container()  # first: before the app's libraries load
app, lambda_handler = _create_handler()
