"""The feedback table exactly as `infra/template.yaml` defines it, created in moto, and DynamoDB faults
answered in front of moto, so botocore's own retry logic sees real error responses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from botocore.awsrequest import AWSResponse

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "infra" / "template.yaml"
REGION = "ap-southeast-2"
AWS_ENV = {
    "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": REGION, "AWS_REGION": REGION,
}


def template_table() -> dict[str, Any]:
    """The `FeedbackTable` resource's properties, as deployed."""
    from cfnlint.decode import cfn_yaml

    return cfn_yaml.load(str(TEMPLATE))["Resources"]["FeedbackTable"]["Properties"]


def create_feedback_table(client: Any) -> str:
    """Create the template's table (name, key, billing) in moto; returns its name."""
    props = template_table()
    client.create_table(
        TableName=props["TableName"], KeySchema=props["KeySchema"],
        AttributeDefinitions=props["AttributeDefinitions"], BillingMode=props["BillingMode"],
    )
    ttl = props["TimeToLiveSpecification"]
    client.update_time_to_live(TableName=props["TableName"], TimeToLiveSpecification=ttl)
    return props["TableName"]


class _Body:
    def __init__(self, data: bytes) -> None:
        self._data = data

    def stream(self, **_: Any):  # noqa: ANN201 (botocore's raw-body protocol)
        yield self._data


class InjectedFaults:
    """The next `times` attempts of `operation` on `client` get an AWS error response (`status`, `code`) and
    never reach moto; later attempts do. `calls` counts every attempt botocore sent."""

    def __init__(self, client: Any, operation: str, code: str, status: int = 400, times: int = 1) -> None:
        self.code, self.status, self.remaining = code, status, times
        self.calls = 0
        client.meta.events.register_first(f"before-send.dynamodb.{operation}", self._answer)

    def _answer(self, request: Any, **_: Any) -> AWSResponse | None:
        self.calls += 1
        if self.remaining <= 0:
            return None
        self.remaining -= 1
        url = request.url
        # botocore runs every before-send handler and takes the first answer, so moto would still apply the
        # request: pointing this attempt elsewhere keeps it from moto, as a throttled write never lands.
        request.url = "https://fault-injected.invalid/"
        body = json.dumps({"__type": f"com.amazonaws.dynamodb.v20120810#{self.code}", "message": "injected"})
        headers = {"Content-Type": "application/x-amz-json-1.0", "x-amzn-RequestId": "injected"}
        return AWSResponse(url, self.status, headers, _Body(body.encode()))
