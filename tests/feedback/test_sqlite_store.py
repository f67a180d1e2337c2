"""The SQLite backend on a real file: persistence, schema, concurrency, and failures named as such."""

from __future__ import annotations

import sqlite3
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from agent.feedback.sqlite import SCHEMA_VERSION, SqliteFeedbackStore
from agent.feedback.store import FeedbackStoreMisconfigured, FeedbackStoreUnavailable
from tests.support.feedback_records import T0, make_record


def test_records_live_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "dir" / "feedback.sqlite3"
    SqliteFeedbackStore(path).save(make_record("ans-1"))
    assert path.is_file()
    # Another process (here: another store on the same file) sees it.
    assert SqliteFeedbackStore(path).get("ans-1") == make_record("ans-1")
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        row = conn.execute("SELECT rating, sources, created_at FROM feedback").fetchone()
    assert row == ("down", '["CSE2010", "CSE2011"]', "2026-03-02T09:00:00.123456Z")


def test_reading_a_missing_file_creates_nothing(tmp_path: Path) -> None:
    store = SqliteFeedbackStore(tmp_path / "typo" / "feedback.sqlite3")
    assert store.list() == [] and store.get("x") is None
    assert not (tmp_path / "typo").exists()


def test_a_write_drops_expired_rows(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite3"
    store = SqliteFeedbackStore(path)
    store.save(make_record("old", expires_at=int((T0 + timedelta(days=1)).timestamp())))
    store.save(make_record("new", minutes=3 * 24 * 60))
    with sqlite3.connect(path) as conn:
        assert [r[0] for r in conn.execute("SELECT request_id FROM feedback")] == ["new"]


def test_concurrent_writers_all_land(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite3"
    errors: list[BaseException] = []

    def write(worker: int) -> None:
        store = SqliteFeedbackStore(path)  # one store per thread, as workers in several processes would be
        try:
            for n in range(15):
                store.save(make_record(f"w{worker}-{n}", minutes=n))
        except BaseException as exc:  # noqa: BLE001 (collected and asserted below)
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(worker,)) for worker in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(SqliteFeedbackStore(path).list()) == 90


def test_a_database_locked_too_long_is_unavailable(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite3"
    SqliteFeedbackStore(path).save(make_record("first"))
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(FeedbackStoreUnavailable, match=r"f\.sqlite3.*locked"):
            SqliteFeedbackStore(path, timeout=0.2).save(make_record("second"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert SqliteFeedbackStore(path).save(make_record("second")).request_id == "second"


def test_a_path_that_cannot_be_a_database_is_misconfigured(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("I am a file, not a directory")
    with pytest.raises(FeedbackStoreMisconfigured, match="file/feedback.sqlite3"):
        SqliteFeedbackStore(blocker / "feedback.sqlite3").save(make_record("x"))
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not SQLite " * 100)
    with pytest.raises(FeedbackStoreMisconfigured, match="not a database"):
        SqliteFeedbackStore(garbage).save(make_record("x"))
