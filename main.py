"""AWS Lambda entry point: `main.lambda_handler` (API Gateway → Mangum → the FastAPI app).

Kept light on purpose (cold start is measured): importing this module builds the app but not the
assistant; the first request resolves secrets from Parameter Store, opens the index and loads the
embedding model, once per container. `lifespan="off"`: nothing needs to run at container start.
"""

from __future__ import annotations

from agent.startup import pause_gc_for_startup

# First, before FastAPI and LangChain load: importing `agent` defers pydantic model builds, and in a Lambda
# container collection pauses until the first request has built the assistant (see agent/startup.py).
pause_gc_for_startup()

from mangum import Mangum  # noqa: E402

from api.main import app  # noqa: E402

lambda_handler = Mangum(app, lifespan="off")
