"""The DynamoDB feedback store (AWS): one item per rated answer, partition key `request_id` (S).

Writes are one `UpdateItem` that sets every attribute of the new rating, removes the optional ones it
lacks and keeps `created_at` (`if_not_exists`): the same call applied twice leaves the same item, so
botocore's standard retries (throttling, 5xx, timeouts and connection errors, exponential backoff with
jitter) are safe. Timeouts are short and attempts few, so a failing store answers well inside API
Gateway's 29 s limit. `expires_at` is the table's TTL attribute; DynamoDB deletes expired items lazily
(within days), so reads filter them too.

Listing scans the table and sorts by time here: feedback is a small table read by an operator, and a scan
needs no index to keep in step with the writes.

boto3 is imported when the first call needs a client: importing this module costs nothing.
"""

from __future__ import annotations

import threading
from datetime import datetime
from typing import Any

from agent.feedback.record import FeedbackRecord, Rating, utc_now
from agent.feedback.spec import StoreSpec
from agent.feedback.store import FeedbackStoreError, FeedbackStoreMisconfigured, FeedbackStoreUnavailable

MAX_ATTEMPTS = 3  # the first call and two retries
CONNECT_TIMEOUT_S = 2.0
READ_TIMEOUT_S = 3.0
# Error codes no retry fixes: the table, the role or the credentials are wrong.
_MISCONFIGURED_CODES = frozenset({
    "ResourceNotFoundException", "AccessDeniedException", "UnrecognizedClientException",
    "InvalidSignatureException", "MissingAuthenticationTokenException", "ExpiredTokenException",
})


class DynamoFeedbackStore:
    def __init__(self, table: str, *, client: Any = None, max_attempts: int = MAX_ATTEMPTS) -> None:
        self.table = table
        self.spec = StoreSpec("dynamodb", table)
        self._client = client
        self._max_attempts = max_attempts
        self._lock = threading.Lock()

    @property
    def client(self) -> Any:
        """The store's DynamoDB client, made on first use (region and credentials from the environment)."""
        if self._client is None:
            with self._lock:
                if self._client is None:
                    self._client = self._make_client()
        return self._client

    def save(self, record: FeedbackRecord) -> FeedbackRecord:
        reply = self._call("UpdateItem", "update_item", ReturnValues="ALL_NEW",
                           Key={"request_id": {"S": record.request_id}}, **_update_arguments(record))
        return _from_item(reply["Attributes"])

    def get(self, request_id: str) -> FeedbackRecord | None:
        reply = self._call("GetItem", "get_item", Key={"request_id": {"S": request_id}}, ConsistentRead=True)
        item = reply.get("Item")
        return _from_item(item) if item else None

    def list(
        self, *, rating: Rating | None = None, limit: int | None = None, now: datetime | None = None
    ) -> list[FeedbackRecord]:
        condition = "(attribute_not_exists(#e) OR #e > :now)"
        names = {"#e": "expires_at"}
        values: dict[str, Any] = {":now": {"N": str(int((now or utc_now()).timestamp()))}}
        if rating is not None:
            condition += " AND #r = :rating"
            names["#r"], values[":rating"] = "rating", {"S": rating}
        arguments = {"FilterExpression": condition, "ExpressionAttributeNames": names,
                     "ExpressionAttributeValues": values}
        records: list[FeedbackRecord] = []
        start: dict[str, Any] | None = None
        while True:
            page = self._call("Scan", "scan", **arguments, **({"ExclusiveStartKey": start} if start else {}))
            records.extend(_from_item(item) for item in page.get("Items", []))
            start = page.get("LastEvaluatedKey")
            if not start:
                break
        records.sort(key=lambda r: (r.updated_at, r.request_id), reverse=True)
        return records if limit is None else records[:limit]

    def _make_client(self) -> Any:
        import boto3
        from botocore.config import Config

        config = Config(retries={"mode": "standard", "total_max_attempts": self._max_attempts},
                        connect_timeout=CONNECT_TIMEOUT_S, read_timeout=READ_TIMEOUT_S)
        try:
            return boto3.session.Session().client("dynamodb", config=config)
        except Exception as exc:  # botocore: no region configured, a malformed endpoint URL
            raise self._error("client", exc) from None

    def _call(self, operation: str, method: str, **arguments: Any) -> dict[str, Any]:
        try:
            return getattr(self.client, method)(TableName=self.table, **arguments)
        except FeedbackStoreError:
            raise
        except Exception as exc:  # botocore's ClientError and BotoCoreError, after its retries
            raise self._error(operation, exc) from None

    def _error(self, operation: str, exc: Exception) -> FeedbackStoreError:
        response = getattr(exc, "response", None)
        if isinstance(response, dict):
            code = response.get("Error", {}).get("Code", "Unknown")
            retries = response.get("ResponseMetadata", {}).get("RetryAttempts", 0)
            message = f"DynamoDB table {self.table}: {operation} failed ({code}) after {retries} retries"
            cls = FeedbackStoreMisconfigured if code in _MISCONFIGURED_CODES else FeedbackStoreUnavailable
            return cls(message)
        name = type(exc).__name__
        message = f"DynamoDB table {self.table}: {operation} failed ({name}: {exc})"
        if name in ("NoCredentialsError", "PartialCredentialsError", "NoRegionError", "InvalidEndpointError"):
            return FeedbackStoreMisconfigured(message)
        return FeedbackStoreUnavailable(message)  # connection errors and timeouts, after retries


def _update_arguments(record: FeedbackRecord) -> dict[str, Any]:
    """`UpdateItem` arguments that make the item exactly `record`, except a `created_at` already stored."""
    from boto3.dynamodb.types import TypeSerializer

    serialize = TypeSerializer().serialize
    data = record.model_dump(mode="json")
    names: dict[str, str] = {}
    values: dict[str, Any] = {}
    sets: list[str] = []
    removes: list[str] = []
    for index, (field, value) in enumerate(item for item in data.items() if item[0] != "request_id"):
        names[f"#a{index}"] = field  # every name aliased: 'comment' is a DynamoDB reserved word
        if value is None:
            removes.append(f"#a{index}")
            continue
        values[f":v{index}"] = serialize(value)
        target = f"if_not_exists(#a{index}, :v{index})" if field == "created_at" else f":v{index}"
        sets.append(f"#a{index} = {target}")
    expression = "SET " + ", ".join(sets) + (" REMOVE " + ", ".join(removes) if removes else "")
    return {"UpdateExpression": expression, "ExpressionAttributeNames": names,
            "ExpressionAttributeValues": values}


def _from_item(item: dict[str, Any]) -> FeedbackRecord:
    from boto3.dynamodb.types import TypeDeserializer

    deserialize = TypeDeserializer().deserialize
    data = {key: deserialize(value) for key, value in item.items()}
    if data.get("expires_at") is not None:
        data["expires_at"] = int(data["expires_at"])  # numbers come back as Decimal
    return FeedbackRecord.model_validate(data)
