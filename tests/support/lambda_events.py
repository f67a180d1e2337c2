"""API Gateway proxy events (REST v1 and HTTP API v2) and a Lambda context, as the Lambda runtime passes them."""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import dataclass, field


@dataclass
class LambdaContext:
    """The attributes of the Python runtime's context object that Mangum and the app read."""

    function_name: str = "chatbot-backend-lambda"
    function_version: str = "$LATEST"
    memory_limit_in_mb: int = 1024
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    invoked_function_arn: str = "arn:aws:lambda:ap-southeast-2:144618663232:function:chatbot-backend-lambda"
    log_group_name: str = "/aws/lambda/chatbot-backend-lambda"

    def get_remaining_time_in_millis(self) -> int:
        return 300_000


def rest_v1_event(
    method: str, path: str, body: dict | str | None = None, *, headers: dict[str, str] | None = None,
    source_ip: str = "203.0.113.10", base64_body: bool = False,
) -> dict:
    raw = json.dumps(body, ensure_ascii=False) if isinstance(body, dict) else body
    hdrs = {"Host": "qf8ki1v4e9.execute-api.ap-southeast-2.amazonaws.com", "X-Forwarded-For": source_ip,
            "X-Forwarded-Proto": "https", "X-Forwarded-Port": "443", **(headers or {})}
    if raw is not None and base64_body:
        raw = base64.b64encode(raw.encode("utf-8")).decode("ascii")
    return {
        "resource": path,
        "path": path,
        "httpMethod": method,
        "headers": hdrs,
        "multiValueHeaders": {key: [value] for key, value in hdrs.items()},
        "queryStringParameters": None,
        "multiValueQueryStringParameters": None,
        "pathParameters": None,
        "stageVariables": None,
        "requestContext": {
            "resourcePath": path, "httpMethod": method, "path": f"/prod{path}", "stage": "prod",
            "requestId": str(uuid.uuid4()), "accountId": "144618663232", "apiId": "qf8ki1v4e9",
            "protocol": "HTTP/1.1", "identity": {"sourceIp": source_ip, "userAgent": "pytest"},
        },
        "body": raw,
        "isBase64Encoded": base64_body,
    }


def http_v2_event(
    method: str, path: str, body: dict | str | None = None, *, headers: dict[str, str] | None = None,
    source_ip: str = "198.51.100.20",
) -> dict:
    raw = json.dumps(body, ensure_ascii=False) if isinstance(body, dict) else body
    hdrs = {"host": "abc123.execute-api.ap-southeast-2.amazonaws.com", "x-forwarded-for": source_ip,
            "x-forwarded-proto": "https", **{k.lower(): v for k, v in (headers or {}).items()}}
    return {
        "version": "2.0",
        "routeKey": f"{method} {path}",
        "rawPath": path,
        "rawQueryString": "",
        "headers": hdrs,
        "requestContext": {
            "accountId": "144618663232", "apiId": "abc123", "domainName": hdrs["host"], "stage": "$default",
            "requestId": str(uuid.uuid4()), "routeKey": f"{method} {path}", "timeEpoch": 1764115200000,
            "http": {"method": method, "path": path, "protocol": "HTTP/1.1", "sourceIp": source_ip,
                     "userAgent": "pytest"},
        },
        "body": raw,
        "isBase64Encoded": False,
    }
