"""AWS Lambda entry point: `main.lambda_handler` (API Gateway → Mangum → the FastAPI app).

Kept light on purpose (cold start is measured): importing this module builds the app but not the
assistant; the first request resolves secrets from Parameter Store, opens the index and loads the
embedding model, once per container. `lifespan="off"`: nothing needs to run at container start.

In a Lambda container the start-up measures (`agent/startup.py`) are applied first, before FastAPI,
LangChain and their pydantic models load; so the app is imported inside `_create_handler`, called after
them. Elsewhere (tests, the image's build check) importing this module applies none of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agent.startup import start_lambda_container

if TYPE_CHECKING:
    from fastapi import FastAPI
    from mangum import Mangum


def _create_handler() -> tuple[FastAPI, Mangum]:
    from mangum import Mangum

    from api.main import app

    return app, Mangum(app, lifespan="off")


MEASURES_APPLIED = start_lambda_container()  # first: before the app's libraries load
app, lambda_handler = _create_handler()
