"""The DynamoDB backend in moto: the item as the table keeps it, retries botocore makes on throttling and
5xx (answered in front of moto), and failures named as passing or as configuration."""

from __future__ import annotations

import boto3
import pytest

from agent.feedback.dynamodb import MAX_ATTEMPTS, DynamoFeedbackStore
from agent.feedback.factory import open_store
from agent.feedback.store import FeedbackStoreMisconfigured, FeedbackStoreUnavailable
from tests.support.feedback_aws import REGION, InjectedFaults, template_table
from tests.support.feedback_records import make_record


@pytest.fixture
def dynamo(feedback_table: str, instant_retries: None) -> DynamoFeedbackStore:
    store = open_store(feedback_table)
    assert isinstance(store, DynamoFeedbackStore)
    return store


def _raw_item(table: str, request_id: str) -> dict:
    client = boto3.client("dynamodb", region_name=REGION)
    return client.get_item(TableName=table, Key={"request_id": {"S": request_id}})["Item"]


def test_the_item_has_the_key_and_the_ttl_attribute_the_template_declares(dynamo: DynamoFeedbackStore) -> None:
    record = make_record("ans-1")
    dynamo.save(record)
    item = _raw_item(dynamo.table, "ans-1")
    props = template_table()
    (key,) = props["KeySchema"]
    assert item[key["AttributeName"]] == {"S": "ans-1"}
    ttl_attribute = props["TimeToLiveSpecification"]["AttributeName"]
    assert item[ttl_attribute] == {"N": str(record.expires_at)}  # TTL needs a number of epoch seconds
    assert item["comment"] == {"S": record.comment}  # a DynamoDB reserved word, written through an alias
    assert item["sources"] == {"L": [{"S": "CSE2010"}, {"S": "CSE2011"}]}


def test_a_replacing_rating_removes_what_it_does_not_carry(dynamo: DynamoFeedbackStore) -> None:
    dynamo.save(make_record("ans-1"))
    dynamo.save(make_record("ans-1", "up", minutes=1, comment=None, question=None, expires_at=None))
    item = _raw_item(dynamo.table, "ans-1")
    assert "comment" not in item and "question" not in item and "expires_at" not in item
    assert item["rating"] == {"S": "up"}


@pytest.mark.parametrize(
    ("code", "status"),
    [("ProvisionedThroughputExceededException", 400), ("ThrottlingException", 400),
     ("InternalServerError", 500), ("ServiceUnavailable", 503)],
)
def test_throttling_and_5xx_are_retried_then_the_write_lands(
    dynamo: DynamoFeedbackStore, code: str, status: int
) -> None:
    faults = InjectedFaults(dynamo.client, "UpdateItem", code, status, times=MAX_ATTEMPTS - 1)
    assert dynamo.save(make_record("ans-1")).request_id == "ans-1"
    assert faults.calls == MAX_ATTEMPTS
    assert [r.request_id for r in dynamo.list()] == ["ans-1"]


def test_a_store_throttled_past_its_retries_is_unavailable(dynamo: DynamoFeedbackStore) -> None:
    faults = InjectedFaults(dynamo.client, "UpdateItem", "ProvisionedThroughputExceededException",
                            times=MAX_ATTEMPTS)
    with pytest.raises(FeedbackStoreUnavailable) as caught:
        dynamo.save(make_record("ans-1"))
    assert faults.calls == MAX_ATTEMPTS
    message = str(caught.value)
    assert "chatbot-feedback" in message and "ProvisionedThroughputExceededException" in message
    assert f"after {MAX_ATTEMPTS - 1} retries" in message
    assert dynamo.list() == []


def test_reads_are_retried_too(dynamo: DynamoFeedbackStore) -> None:
    dynamo.save(make_record("ans-1"))
    faults = InjectedFaults(dynamo.client, "Scan", "ThrottlingException", times=1)
    assert [r.request_id for r in dynamo.list()] == ["ans-1"]
    assert faults.calls == 2


def test_a_missing_table_is_misconfigured_and_not_retried(feedback_table: str) -> None:
    store = DynamoFeedbackStore("no-such-table")
    faults = InjectedFaults(store.client, "UpdateItem", "unused", times=0)
    with pytest.raises(FeedbackStoreMisconfigured, match=r"no-such-table.*ResourceNotFoundException"):
        store.save(make_record("ans-1"))
    assert faults.calls == 1


def test_access_denied_is_misconfigured(dynamo: DynamoFeedbackStore) -> None:
    InjectedFaults(dynamo.client, "UpdateItem", "AccessDeniedException", times=1)
    with pytest.raises(FeedbackStoreMisconfigured, match="AccessDeniedException"):
        dynamo.save(make_record("ans-1"))


def test_no_credentials_is_misconfigured(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)
    with pytest.raises(FeedbackStoreMisconfigured, match="NoCredentialsError"):
        DynamoFeedbackStore("chatbot-feedback").save(make_record("ans-1"))


def test_listing_follows_scan_pages(dynamo: DynamoFeedbackStore) -> None:
    """A scan answers at most 1 MB a page: records on later pages are listed too."""
    answer = "가" * 8000  # 24 KB of UTF-8 per item
    for n in range(60):
        dynamo.save(make_record(f"ans-{n:02d}", minutes=n, answer=answer))
    pages: list[int] = []
    dynamo.client.meta.events.register("after-call.dynamodb.Scan",
                                       lambda parsed, **_: pages.append(len(parsed.get("Items", []))))
    records = dynamo.list()
    assert len(pages) >= 2, pages
    assert [r.request_id for r in records] == [f"ans-{n:02d}" for n in reversed(range(60))]


def test_no_region_is_misconfigured(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    for name in ("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    with pytest.raises(FeedbackStoreMisconfigured, match="NoRegionError"):
        DynamoFeedbackStore("chatbot-feedback").save(make_record("ans-1"))


def test_saving_calls_update_item_only(dynamo: DynamoFeedbackStore) -> None:
    """The Lambda's role may call nothing else on the table (infra/template.yaml)."""
    calls: list[str] = []
    dynamo.client.meta.events.register("before-call.dynamodb", lambda model, **_: calls.append(model.name))
    dynamo.save(make_record("ans-1"))
    dynamo.save(make_record("ans-1", "up", minutes=1))
    assert calls == ["UpdateItem", "UpdateItem"]
