"""The FastAPI service (`api.main:app`)."""
