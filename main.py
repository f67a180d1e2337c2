"""AWS Lambda entry point: `main.lambda_handler` (API Gateway → Mangum → the FastAPI app).

Kept light on purpose (cold start is measured): importing this module builds the app but not the
assistant; the first request resolves secrets from Parameter Store, opens the index and loads the
embedding model, once per container. `lifespan="off"`: nothing needs to run at container start.
"""

from __future__ import annotations

from mangum import Mangum

from api.main import app

lambda_handler = Mangum(app, lifespan="off")
