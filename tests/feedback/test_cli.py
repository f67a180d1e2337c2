"""`coursebot feedback list | export` against both backends through FEEDBACK_STORE (or --store), with
the exit codes the help promises: 0 done, 1 the store failed, 2 bad arguments or a bad setting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from agent.cli import app
from agent.feedback.factory import open_store
from agent.feedback.store import FeedbackStore
from evals.golden import GoldenError, load_golden, parse_case
from tests.support.feedback_records import make_record

runner = CliRunner()


@pytest.fixture
def filled(store: FeedbackStore, monkeypatch: pytest.MonkeyPatch) -> FeedbackStore:
    """Four ratings in the store FEEDBACK_STORE names (either backend), one without a question."""
    monkeypatch.setenv("FEEDBACK_STORE", str(store.spec))
    store.save(make_record("r-old", "down", minutes=1, comment="틀렸어요"))
    store.save(make_record("r-up", "up", minutes=2, comment=None))
    store.save(make_record("r-new", "down", minutes=3, question="화목 오전 경영 전공?", sources=["BUS2001"]))
    store.save(make_record("r-bare", "down", minutes=0, question=None, comment=None, answer=None, history=[]))
    return store


def _invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["feedback", *args])


def test_feedback_is_a_registered_command() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0 and "feedback" in result.output
    help_text = _invoke("--help").output
    assert "list" in help_text and "export" in help_text


def test_list_is_a_table_newest_first(filled: FeedbackStore) -> None:
    result = _invoke("list")
    assert result.exit_code == 0, result.output
    out = result.output
    positions = [out.index(request_id) for request_id in ("r-new", "r-up", "r-old", "r-bare")]
    assert positions == sorted(positions)
    assert "피드백 4건" in out and str(filled.spec) in out.replace("\n", "")
    assert "👎 down" in out and "👍 up" in out and "틀렸어요" in out


def test_list_filters_by_rating_and_limit(filled: FeedbackStore) -> None:
    result = _invoke("list", "--rating", "down", "--limit", "2")
    assert result.exit_code == 0, result.output
    assert "r-new" in result.output and "r-old" in result.output
    assert "r-up" not in result.output and "r-bare" not in result.output


def test_list_of_an_empty_store_says_so(tmp_path: Path) -> None:
    result = _invoke("list", "--store", str(tmp_path / "none.sqlite3"))
    assert result.exit_code == 0 and "no feedback" in result.output


def test_export_records_writes_jsonl_records_newest_first(filled: FeedbackStore, tmp_path: Path) -> None:
    out = tmp_path / "down.jsonl"
    result = _invoke("export", "--records", "--rating", "down", "--out", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "틀렸어요" in text  # UTF-8, not \\u escapes
    rows = [json.loads(line) for line in text.splitlines()]
    assert [r["request_id"] for r in rows] == ["r-new", "r-old", "r-bare"]
    assert rows[0] == filled.get("r-new").model_dump(mode="json")  # type: ignore[union-attr]
    assert rows[0]["sources"] == ["BUS2001"] and rows[0]["created_at"].endswith("Z")
    assert "3 records" in result.output


def test_export_to_stdout(filled: FeedbackStore) -> None:
    result = _invoke("export", "--records", "--rating", "up", "--out", "-")
    assert result.exit_code == 0
    (line,) = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert json.loads(line)["request_id"] == "r-up"


def test_export_writes_candidates_the_eval_refuses_until_gold_is_filled(
    filled: FeedbackStore, tmp_path: Path
) -> None:
    out = tmp_path / "cand.jsonl"
    result = _invoke("export", "--catalog", "sample", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "3 golden candidates" in result.output and "1 without a question skipped" in result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == ["feedback-r-new", "feedback-r-up", "feedback-r-old"]
    assert all(row["needs_gold"] is True for row in rows)
    new, up, old = rows
    assert (new["catalog"], new["question"], new["term"]) == ("sample", "화목 오전 경영 전공?", "2026-1")
    assert new["gold_courses"] == [] and new["retrieved"] == ["BUS2001"] and "feedback-down" in new["tags"]
    assert up["gold_courses"] == ["CSE2010", "CSE2011"] and up["retrieved"] == ["CSE2010", "CSE2011"]
    assert up["history"] == [{"role": "user", "content": "안녕"},
                             {"role": "assistant", "content": "무엇을 도와드릴까요?"}]
    assert "틀렸어요" in old["notes"]
    with pytest.raises(GoldenError, match=r"cand.jsonl:1: case 'feedback-r-new' still needs gold"):
        load_golden(out)
    # Filled in: the marker deleted, the rest is a golden case the eval's loader takes as it is.
    for row in rows:
        del row["needs_gold"]
    out.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    cases = load_golden(out)
    assert [case.retrieved for case in cases][0] == ["BUS2001"]
    assert parse_case(json.dumps({**rows[0], "needs_gold": False})).id == "feedback-r-new"


def test_export_catalog_defaults_to_the_served_one(filled: FeedbackStore, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from agent.settings import get_settings

    out = tmp_path / "cand.jsonl"
    assert _invoke("export", "--rating", "up", "--out", str(out)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["catalog"] == "sample"  # CATALOG_PATH's default
    monkeypatch.setenv("CATALOG_PATH", str(tmp_path / "ssu-2026-1.csv"))
    get_settings.cache_clear()
    try:
        assert _invoke("export", "--rating", "up", "--out", str(out)).exit_code == 0
    finally:
        get_settings.cache_clear()
    assert json.loads(out.read_text(encoding="utf-8"))["catalog"] == "ssu-2026-1"


@pytest.mark.parametrize(
    ("args", "kept"),
    [
        (["--term", "2025-2"], ["r-up"]),
        (["--mode", "hyperclova"], ["r-old"]),
        (["--has-comment"], ["r-up", "r-old"]),
        (["--no-comment"], ["r-new", "r-bare"]),
        (["--since", "2026-03-02T09:01:30Z"], ["r-new", "r-up"]),
        (["--until", "2026-03-02T09:01:30"], ["r-old", "r-bare"]),
        (["--since", "2026-03-03"], []),
        (["--until", "2026-03-02"], ["r-new", "r-up", "r-old", "r-bare"]),  # through that whole day
        (["--rating", "down", "--no-comment", "--limit", "1"], ["r-new"]),
    ],
)
def test_filters_apply_to_list_and_export(args: list[str], kept: list[str], store: FeedbackStore,
                                          monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FEEDBACK_STORE", str(store.spec))
    store.save(make_record("r-old", "down", minutes=1, comment="틀렸어요", mode="hyperclova"))
    store.save(make_record("r-up", "up", minutes=2, term="2025-2"))
    store.save(make_record("r-new", "down", minutes=3, comment=None))
    store.save(make_record("r-bare", "down", minutes=0, comment="  "))
    out = tmp_path / "x.jsonl"
    result = _invoke("export", "--records", *args, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["request_id"] for line in out.read_text(encoding="utf-8").splitlines()] == kept
    listed = _invoke("list", *args).output
    for request_id in ("r-old", "r-up", "r-new", "r-bare"):
        assert (request_id in listed) == (request_id in kept), (request_id, listed)


def test_both_commands_read_dynamodb_through_the_setting(
    feedback_table: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("FEEDBACK_STORE", feedback_table)
    open_store(feedback_table).save(make_record("dyn-1"))
    assert "dyn-1" in _invoke("list").output
    out = tmp_path / "x.jsonl"
    assert _invoke("export", "--out", str(out)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["id"] == "feedback-dyn-1"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["list", "--rating", "meh"], "--rating"),
        (["list", "--limit", "0"], "--limit"),
        (["export"], "--out"),
        (["export", "--out", "x.jsonl", "--records", "--catalog", "sample"], "--records"),
        (["list", "--since", "yesterday"], "--since"),
        (["export", "--out", "x.jsonl", "--until", "2026-13-01"], "--until"),
        (["list", "--mode", "gpt"], "--mode"),
        (["export", "--out", "/no/such/dir/x.jsonl"], "--out"),
        (["list", "--store", "postgres://db"], "--store"),
        (["export", "--out", "x.jsonl", "--store", "dynamodb://x"], "--store"),
    ],
)
def test_bad_arguments_exit_2_naming_the_option(args: list[str], says: str, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = _invoke(*args)
    assert result.exit_code == 2, result.output
    assert says in result.output
    assert not (tmp_path / "x.jsonl").exists()


def test_an_out_that_is_a_directory_exits_2(tmp_path: Path) -> None:
    result = _invoke("export", "--out", str(tmp_path), "--store", str(tmp_path / "f.sqlite3"))
    assert result.exit_code == 2 and "--out" in result.output


def test_a_bad_setting_exits_2_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FEEDBACK_STORE", "redis://cache")
    from agent.settings import get_settings

    get_settings.cache_clear()
    result = _invoke("list")
    assert result.exit_code == 2 and "FEEDBACK_STORE" in result.output and "redis" in result.output


def test_a_failing_store_exits_1_naming_it(feedback_table: str, tmp_path: Path) -> None:
    result = _invoke("export", "--out", str(tmp_path / "x.jsonl"), "--store", "dynamodb://missing-table")
    assert result.exit_code == 1
    assert "missing-table" in result.output and "ResourceNotFoundException" in result.output
    assert not (tmp_path / "x.jsonl").exists()
