"""The FastAPI service (`api.main:app`)."""

import agent  # noqa: F401  (first, for its start-up settings: see agent/startup.py)
