"""The API's routers, assembled in one place (`api_router`), included by `api.main.create_app`."""

from __future__ import annotations

from fastapi import APIRouter

from api.routes import chat, feedback, health, metrics, terms

api_router = APIRouter()
api_router.include_router(chat.router)
api_router.include_router(health.router)
api_router.include_router(feedback.router)
api_router.include_router(terms.router)
api_router.include_router(metrics.router)
