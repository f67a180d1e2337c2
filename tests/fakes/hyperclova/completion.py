"""One answer of the loopback "model" as the v3 bodies carry it (sections 4 and 5 of the reference).

`build_completion` turns a reply into the `result` object of a JSON response and the `token` events of
an SSE stream: thinking and text cut by `stop` strings and by the output limit, tool calls with ids and
`partialJson` fragments, usage, seed, `created` and AI filters.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from typing import Any

from tests.fakes.hyperclova import protocol as proto
from tests.fakes.hyperclova.replies import ReceivedRequest, Reply

DEFAULT_THINKING = "[HyperClovaServer thinking] 질문을 살펴보고 답을 정리합니다."


@dataclass
class Completion:
    """`result`: the object a JSON response holds (and the SSE `result` event); `events`: the `token`s."""

    result: dict[str, Any]
    events: list[dict[str, Any]]


@dataclass
class _Output:
    thinking: list[str]  # tokens
    text: list[str]
    finish: str


def build_completion(
    request: ReceivedRequest, reply: Reply, rng: random.Random, created_ms: bool
) -> Completion:
    body, model = request.body, request.model or ""
    effort = proto.effective_effort(model, body)
    thinking_on = effort not in (None, "none")
    output = _output(body, reply, effort, thinking_on)
    calls = [
        {"id": cid or proto.tool_call_id(rng), "type": "function",
         "function": {"name": name, "arguments": args}}
        for name, args, cid in reply.tool_calls
    ]
    fragments = [
        proto.split_tokens(json.dumps(c["function"]["arguments"], ensure_ascii=False), 4) for c in calls
    ]
    message: dict[str, Any] = {"role": "assistant", "content": "".join(output.text)}
    if output.thinking:
        message["thinkingContent"] = "".join(output.thinking)
    if calls:
        message["toolCalls"] = calls
    seed, created = proto.make_seed(body, rng), proto.make_created(created_ms)
    result: dict[str, Any] = {
        "message": message,
        "finishReason": output.finish,
        "created": created,
        "seed": seed,
        "usage": _usage(body, model, thinking_on, output, fragments, reply),
    }
    if body.get("includeAiFilters"):
        result["aiFilter"] = proto.ai_filter()
    return Completion(result, _token_events(output, calls, fragments, created, seed))


def _output(body: dict[str, Any], reply: Reply, effort: str | None, thinking_on: bool) -> _Output:
    """The thinking and text tokens the reply yields, and why they end (`stop`, `length` or `tool_calls`)."""
    thinking = (reply.thinking or DEFAULT_THINKING) if thinking_on else ""
    content = reply.content
    finish = "tool_calls" if reply.tool_calls else "stop"
    for stop in body.get("stop") or []:
        if stop and stop in content:
            content = content[: content.index(stop)]
    think_tokens = proto.split_tokens(thinking)
    text_tokens = proto.split_tokens(content)
    limit = body.get("maxTokens") or body.get("maxCompletionTokens")
    if limit is None and effort is not None:
        limit = proto.EFFORT_DEFAULT_LIMIT[effort]
    if limit is not None and not reply.tool_calls and len(think_tokens) + len(text_tokens) > limit:
        think_tokens = think_tokens[:limit]
        text_tokens = text_tokens[: max(0, limit - len(think_tokens))]
        finish = "length"
    return _Output(think_tokens, text_tokens, finish)


def _usage(
    body: dict[str, Any], model: str, thinking_on: bool, output: _Output, fragments: list[list[str]],
    reply: Reply,
) -> dict[str, Any]:
    completion = len(output.thinking) + len(output.text) + sum(len(f) + 1 for f in fragments)
    prompt = proto.count_prompt_tokens(body)
    usage: dict[str, Any] = {
        "promptTokens": prompt, "completionTokens": completion, "totalTokens": prompt + completion,
    }
    if model == proto.THINKING_MODEL and thinking_on:
        usage["completionTokensDetails"] = {"thinkingTokens": len(output.thinking)}
    if reply.usage:
        usage.update(reply.usage)
    return usage


def _token_events(
    output: _Output, calls: list[dict[str, Any]], fragments: list[list[str]], created: int, seed: int
) -> list[dict[str, Any]]:
    """Section 5: thinking deltas, text deltas, then per tool call its id and name and its `partialJson`."""

    def token(delta: dict[str, Any]) -> dict[str, Any]:
        return {"message": {"role": "assistant", **delta}, "finishReason": None, "created": created,
                "seed": seed, "usage": None}

    events = [token({"thinkingContent": t}) for t in output.thinking]
    events += [token({"content": t}) for t in output.text]
    for call, parts in zip(calls, fragments, strict=True):
        named = {"id": call["id"], "type": "function", "function": {"name": call["function"]["name"]}}
        events.append(token({"content": "", "toolCalls": [named]}))
        events += [token({"content": "", "toolCalls": [{"type": "function", "function": {"partialJson": p}}]})
                   for p in parts]
    return events
