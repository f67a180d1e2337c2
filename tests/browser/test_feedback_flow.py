"""The done-when of the feedback loop in a real browser: a 👎 on the chat page, served by the real backend
(`coursebot serve`, search mode), ends up in its SQLite file with the exchange it rates; `coursebot feedback
export --rating down` turns it into a candidate that `coursebot eval` refuses until the gold is filled in,
and runs after."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from agent.cli import app as cli
from tests.browser.test_chat_page import ask, last_bot, wait_answer

QUESTION = "운체 누가 가르쳐?"
runner = CliRunner()


def test_a_thumbs_down_in_the_browser_becomes_a_golden_case(page, backend, tmp_path: Path) -> None:
    from agent.feedback.factory import open_store

    page.goto(backend.url)
    ask(page, "안녕하세요")
    wait_answer(page)
    ask(page, QUESTION)
    wait_answer(page)
    bot = last_bot(page)
    with page.expect_response(lambda r: r.url.endswith("/feedback")) as info:
        bot.get_by_role("button", name="도움이 안 됐어요").click()
    assert info.value.status == 202
    request_id = json.loads(info.value.request.post_data)["request_id"]
    with page.expect_response(lambda r: r.url.endswith("/feedback")) as commented:
        bot.get_by_label("무엇이 아쉬웠나요? (선택)").fill("시간도 알려 주세요")
        bot.get_by_role("button", name="의견 보내기").click()
    assert commented.value.status == 202

    record = open_store(backend.feedback_store).get(request_id)  # the server's SQLite file
    assert record is not None and record.rating == "down" and record.question == QUESTION
    assert "CSE3010" in record.sources and record.answer and record.mode == "search"
    assert [turn.content for turn in record.history][:1] == ["안녕하세요"]
    assert record.comment == "시간도 알려 주세요"

    candidates = tmp_path / "cand.jsonl"
    exported = runner.invoke(cli, ["feedback", "export", "--rating", "down", "--has-comment", "--catalog", "sample",
                                   "--store", backend.feedback_store, "--out", str(candidates)])
    assert exported.exit_code == 0, exported.output
    (candidate,) = [json.loads(line) for line in candidates.read_text(encoding="utf-8").splitlines()
                    if json.loads(line)["id"] == f"feedback-{request_id}"]
    assert candidate["needs_gold"] is True and candidate["question"] == QUESTION
    assert "CSE3010" in candidate["retrieved"] and candidate["history"][0]["content"] == "안녕하세요"

    golden = tmp_path / "one.jsonl"
    golden.write_text(json.dumps(candidate, ensure_ascii=False) + "\n", encoding="utf-8")
    refused = runner.invoke(cli, ["eval", "--golden", str(golden), "--search", "--no-judge",
                                  "--out", str(tmp_path / "refused")])
    assert refused.exit_code == 2 and "still needs gold" in refused.output and candidate["id"] in refused.output

    del candidate["needs_gold"]
    candidate.update(gold_courses=["CSE3010"], must_include=["운영체제"])
    golden.write_text(json.dumps(candidate, ensure_ascii=False) + "\n", encoding="utf-8")
    accepted = runner.invoke(cli, ["eval", "--golden", str(golden), "--search", "--no-judge",
                                   "--out", str(tmp_path / "run")])
    assert accepted.exit_code == 0, accepted.output
    assert (tmp_path / "run" / "results.jsonl").is_file()
