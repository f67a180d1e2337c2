"""`GET /metrics`: the product metrics of this process in the Prometheus text format (`api/metrics/`), when
the setting `METRICS_ENABLED` is true; otherwise 404, as if the route did not exist (it says how the
service is used, so it is opt-in). On Lambda the same figures go to CloudWatch as EMF lines instead.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import PlainTextResponse
from starlette.exceptions import HTTPException

from api.deps import SettingsDep
from api.metrics.recorder import MetricsDep

router = APIRouter(tags=["metrics"])
PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8"


@router.get("/metrics", response_class=PlainTextResponse, include_in_schema=False)
def metrics(settings: SettingsDep, recorder: MetricsDep) -> PlainTextResponse:
    if not settings.metrics_enabled:
        raise HTTPException(404)
    return PlainTextResponse(recorder.registry.render(), media_type=PROMETHEUS_TEXT)
