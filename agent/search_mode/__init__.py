"""The keyless "search mode": a deterministic chat model that runs the agent loop without a key.

A turn goes through separate steps, one module each:
- `intent` (what kind of turn, which words matter) and `conversation` (what earlier answers were about)
  are read by `planning`, an ordered list of named rules that yields a `Plan` (tool calls);
- `compose` turns the plan and the tool outcomes into an `AnswerPlan` (`answer_plan`): what the answer
  says, decided once for both languages;
- `render` words it: the sentences of both languages side by side in `messages.toml`, the facts in them
  written by `format_ko` / `format_en`; `model` is the LangChain plumbing.
"""

from agent.search_mode.model import MODEL_NAME, SearchModeChatModel

__all__ = ["MODEL_NAME", "SearchModeChatModel"]
