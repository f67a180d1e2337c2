"""The LLM judge and the hyperclova-mode path (tokens, estimated cost), against the scriptable loopback
HyperCLOVA X v3 server driven by the real `ChatHyperClovaX` client."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from agent.settings import Settings
from evals.config import load_pricing
from evals.judge import JUDGE_PROMPT, parse_verdict, render_prompt
from evals.runner import EvalOptions, run_eval
from tests.fakes.hyperclova import HyperClovaServer, ReceivedRequest, reply_text

JUDGE_MARK = "채점하는 엄격한 평가자"


def _section(prompt: str, title: str) -> str:
    match = re.search(rf"## {title}\n(.*?)(\n## |\Z)", prompt, flags=re.S)
    return match.group(1) if match else ""


def _grader(request: ReceivedRequest):
    """Grades like a judge would, from what the prompt actually carries: correct when a gold code is among
    the cited sources (or, with empty gold, when nothing is cited)."""
    text = request.body["messages"][-1]["content"]
    if isinstance(text, list):
        text = " ".join(part.get("text", "") for part in text)
    if JUDGE_MARK not in text:
        return None  # the assistant's own calls: the server's default reply
    sources, gold = _section(text, r"출처 \(챗봇이 인용한 강의\)"), _section(text, "정답 과목 코드")
    codes = re.findall(r"[A-Z]{3}\d{4}", gold)
    correct = any(code in sources for code in codes) if codes else "(없음)" in sources
    return reply_text(json.dumps({"faithfulness": 1, "correctness": 1.0 if correct else 0.0,
                                  "reason": "출처에 정답 과목이 있음" if correct else "정답 과목 없음"}, ensure_ascii=False))


def test_parse_verdict() -> None:
    v = parse_verdict('채점: {"faithfulness": 0.8, "correctness": 2, "reason": "ok"}')
    assert (v.faithfulness, v.correctness, v.reason, v.error) == (0.8, 1.0, "ok", None)
    assert parse_verdict("no json here").error.startswith("judge reply has no JSON")
    assert "unparsable" in (parse_verdict('{"faithfulness": "high"}').error or "")


def test_judge_and_costs_with_search_answers(sample_index, small_golden: Path, tmp_path: Path) -> None:
    with HyperClovaServer(api_key="nv-test") as srv:
        srv.set_default(lambda req: _grader(req))
        srv.script(reply_text("잘 모르겠어요"))  # the first judge reply is not JSON: recorded, not fatal
        settings = Settings(HYPERCLOVA_API_KEY="nv-test", HYPERCLOVA_BASE_URL=srv.base_url, HYPERCLOVA_MAX_RETRIES=0)
        options = EvalOptions(golden=[small_golden], out=tmp_path / "judged", search_only=True, concurrency=1)
        [run] = run_eval(options, settings=settings, indexes={"sample": sample_index})
        judge_requests = [r for r in srv.requests if JUDGE_MARK in json.dumps(r.body, ensure_ascii=False)]
    assert run.summary["run"]["mode"] == "search" and run.summary["run"]["judge"] is True
    assert len(judge_requests) == len(run.results)
    first, *rest = run.results
    assert first.verdicts.judge is not None and first.verdicts.judge.error
    for result in rest:
        judge = result.verdicts.judge
        assert judge is not None and judge.error is None, result.id
        expected = 1.0 if (set(result.gold_courses) & set(result.source_codes)) or (
            not result.gold_courses and not result.source_codes) else 0.0
        assert judge.correctness == expected, (result.id, judge.reason)
        assert result.cost_krw > 0  # the judge's own tokens are priced
    assert 0.0 <= run.summary["metrics"]["correctness"] <= 1.0
    assert run.summary["cost_krw"] > 0


def test_judge_prompt_carries_the_case() -> None:
    from evals.scoring import CaseResult, SourceCard

    result = CaseResult(id="x", catalog="sample", question="자구 누가 해?", tags=["t"], gold_courses=["CSE2010"],
                        must_include=["한도윤"], answer="한도윤 교수님이에요",
                        sources=[SourceCard(code="CSE2010", name="자료구조", professors=["한도윤"], schedule="수 09:00-10:15")])
    prompt = render_prompt(result, JUDGE_PROMPT.read_text(encoding="utf-8"))
    assert "자구 누가 해?" in prompt and "CSE2010 자료구조 (한도윤) 수 09:00-10:15" in prompt
    assert '{"faithfulness": <0~1>' in prompt  # the JSON instructions survive templating


def test_hyperclova_mode_tokens_and_cost(sample_index, small_golden: Path, tmp_path: Path) -> None:
    """Without --search the agent itself runs on ChatHyperClovaX: usage tokens are recorded per case and
    priced with the configured table."""
    with HyperClovaServer(api_key="nv-test") as srv:
        settings = Settings(HYPERCLOVA_API_KEY="nv-test", HYPERCLOVA_BASE_URL=srv.base_url, HYPERCLOVA_MAX_RETRIES=0)
        options = EvalOptions(golden=[small_golden], out=tmp_path / "hcx", judge=False, concurrency=2)
        [run] = run_eval(options, settings=settings, indexes={"sample": sample_index})
    assert run.summary["run"]["mode"] == "hyperclova" and run.summary["run"]["model"] == "HCX-005"
    pricing = load_pricing()
    assert [r.error for r in run.results if r.error] == []
    for result in run.results:
        assert result.input_tokens > 0, result.id
        assert result.cost_krw == pytest.approx(pricing.cost("HCX-005", result.input_tokens, result.output_tokens))
    assert run.summary["tokens"]["input"] > 0
