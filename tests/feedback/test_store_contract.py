"""One behaviour, two backends: SQLite on a real file and DynamoDB in moto (real boto3 calls)."""

from __future__ import annotations

from datetime import timedelta

from agent.feedback.record import FeedbackRecord
from agent.feedback.store import FeedbackStore
from tests.support.feedback_records import T0, make_record


def test_a_record_comes_back_as_saved(store: FeedbackStore) -> None:
    record = make_record("ans-1")
    stored = store.save(record)
    assert stored == record
    assert store.get("ans-1") == record
    assert store.list() == [record]
    assert not stored.revised


def test_rating_an_answer_again_replaces_its_record_and_keeps_the_first_time(store: FeedbackStore) -> None:
    first = make_record("ans-1", "up", minutes=0)
    store.save(first)
    second = make_record("ans-1", "down", minutes=5, comment=None, answer=None, sources=[], history=[],
                         feedback_request_id="fb-second")
    stored = store.save(second)
    assert stored.rating == "down"
    assert stored.comment is None and stored.answer is None  # the latest rating is the record, not a merge
    assert stored.sources == [] and stored.history == []
    assert stored.created_at == first.created_at and stored.updated_at == second.updated_at
    assert stored.revised and stored.feedback_request_id == "fb-second"
    assert store.list() == [stored]


def test_the_same_write_twice_leaves_one_identical_record(store: FeedbackStore) -> None:
    """What makes a retried write safe."""
    record = make_record("ans-1")
    assert store.save(record) == store.save(record) == record
    assert len(store.list()) == 1


def test_list_is_newest_first_filtered_and_limited(store: FeedbackStore) -> None:
    for request_id, rating, minutes in [("a", "up", 1), ("b", "down", 3), ("c", "down", 2), ("d", "up", 4)]:
        store.save(make_record(request_id, rating, minutes=minutes))
    assert [r.request_id for r in store.list()] == ["d", "b", "c", "a"]
    assert [r.request_id for r in store.list(rating="down")] == ["b", "c"]
    assert [r.request_id for r in store.list(rating="up", limit=1)] == ["d"]
    assert [r.request_id for r in store.list(limit=3)] == ["d", "b", "c"]
    # A rating given again moves the record to the top.
    store.save(make_record("a", "down", minutes=10))
    assert [r.request_id for r in store.list(rating="down")] == ["a", "b", "c"]


def test_records_of_the_same_moment_order_by_request_id(store: FeedbackStore) -> None:
    for request_id in ("m", "z", "a"):
        store.save(make_record(request_id))
    assert [r.request_id for r in store.list()] == ["z", "m", "a"]


def test_expired_records_are_not_listed(store: FeedbackStore) -> None:
    store.save(make_record("old", expires_at=int((T0 + timedelta(days=1)).timestamp())))
    store.save(make_record("kept", expires_at=None, minutes=1))
    store.save(make_record("year", minutes=2))
    assert [r.request_id for r in store.list(now=T0)] == ["year", "kept", "old"]
    assert [r.request_id for r in store.list(now=T0 + timedelta(days=2))] == ["year", "kept"]
    assert [r.request_id for r in store.list(now=T0 + timedelta(days=400))] == ["kept"]


def test_unknown_answer_is_none_and_an_empty_store_lists_nothing(store: FeedbackStore) -> None:
    assert store.get("nope") is None
    assert store.list() == []


def test_text_survives_exactly(store: FeedbackStore) -> None:
    text = "줄바꿈\n탭\t따옴표 \"'\\ 이모지 🎓 — and NUL-free unicode: ㅋㅋ 가나다"
    record = make_record("ans-u", comment=text, question=text, answer=text * 100,
                         history=[{"role": "user", "content": text}], sources=["A-1", "한글코드"])
    store.save(record)
    back = store.get("ans-u")
    assert isinstance(back, FeedbackRecord) and back == record
