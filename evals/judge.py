"""LLM judge: HyperCLOVA X grades faithfulness-to-sources and correctness, with a reason.

Used only when a HyperCLOVA X key is configured (`Settings.hyperclova_configured`). The prompt is the file
`evals/prompts/judge.md` (placeholders `{question}`, `{history}`, `{sources}`, `{gold}`, `{must_include}`,
`{answer}`); the model must answer one JSON line `{"faithfulness", "correctness", "reason"}`. A judge
failure (network, unparsable reply) is recorded on the case as `judge.error` and never fails the run.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from agent.settings import Settings
from evals.scoring import CaseResult, JudgeVerdict

JUDGE_PROMPT = Path(__file__).resolve().parent / "prompts" / "judge.md"


def render_prompt(result: CaseResult, template: str) -> str:
    sources = "\n".join(
        f"- {s.code} {s.name} ({', '.join(s.professors)}) {s.schedule}" + (f" {s.credits:g}학점" if s.credits else "")
        for s in result.sources
    ) or "(없음)"
    history = "\n".join(f"{t['role']}: {t['content']}" for t in result.history) or "(없음)"
    values = {
        "question": result.question, "history": history, "sources": sources,
        "gold": ", ".join(result.gold_courses) or "(비어 있음: 없다고 답해야 함)",
        "must_include": ", ".join(result.must_include) or "(없음)", "answer": result.answer or "(빈 답변)",
    }
    # str.format would choke on the JSON braces of the instructions: replace only known placeholders.
    return re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), m.group(0))), template)


def parse_verdict(text: str) -> JudgeVerdict:
    match = re.search(r"\{.*\}", text, flags=re.S)
    if not match:
        return JudgeVerdict(error=f"judge reply has no JSON object: {text[:120]!r}")
    try:
        data: dict[str, Any] = json.loads(match.group(0))
        faith, correct = float(data["faithfulness"]), float(data["correctness"])
    except (ValueError, KeyError, TypeError) as exc:
        return JudgeVerdict(error=f"judge reply unparsable ({exc.__class__.__name__}): {text[:120]!r}")
    clamp = lambda x: min(1.0, max(0.0, x))  # noqa: E731
    return JudgeVerdict(faithfulness=clamp(faith), correctness=clamp(correct), reason=str(data.get("reason", "")))


class LLMJudge:
    """`judge(result) -> JudgeVerdict`, on `ChatHyperClovaX` built from settings (temperature 0)."""

    def __init__(self, settings: Settings, prompt_path: Path = JUDGE_PROMPT, model: Any | None = None) -> None:
        self.template = prompt_path.read_text(encoding="utf-8")
        if model is None:
            from agent.hyperclova import ChatHyperClovaX  # heavy: only when judging

            if settings.hyperclova_api_key is None and settings.hyperclova_api_key_param:
                from agent.secrets import resolve_settings  # reads the key parameter from SSM once

                settings = resolve_settings(settings)
            key = settings.hyperclova_api_key
            model = ChatHyperClovaX(
                model=settings.hyperclova_model, api_key=key, base_url=settings.hyperclova_base_url,
                max_retries=settings.hyperclova_max_retries, timeout=settings.hyperclova_timeout, temperature=0, max_tokens=512,
            )
        self.model = model
        self.model_name = settings.hyperclova_model

    def judge(self, result: CaseResult) -> tuple[JudgeVerdict, int, int]:
        """The verdict, and the judge call's input/output tokens (for the cost estimate)."""
        try:
            reply = self.model.invoke(render_prompt(result, self.template))
        except Exception as exc:  # noqa: BLE001 - a judge failure is recorded, never fatal
            return JudgeVerdict(error=f"judge call failed: {exc.__class__.__name__}: {str(exc)[:200]}"), 0, 0
        usage = getattr(reply, "usage_metadata", None) or {}
        return parse_verdict(str(reply.content)), int(usage.get("input_tokens", 0)), int(usage.get("output_tokens", 0))
