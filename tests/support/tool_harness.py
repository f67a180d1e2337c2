"""Run course tools the way the agent does: a LangGraph `ToolNode` with the tool-error middleware,
the runtime context injected through `context=`. Returns the `ToolMessage`s (content + artifact)."""

from __future__ import annotations

import json
from typing import Any

from langchain_core.messages import AIMessage, ToolMessage
from langgraph.graph import END, START, MessagesState, StateGraph
from langgraph.prebuilt import ToolNode

from agent.middleware.tool_errors import tool_error_middleware
from tools import TOOLS, CourseToolContext


def run_tools(ctx: CourseToolContext, *calls: tuple[str, dict[str, Any]]) -> list[ToolMessage]:
    graph = StateGraph(MessagesState, context_schema=CourseToolContext)
    graph.add_node("tools", ToolNode(TOOLS, wrap_tool_call=tool_error_middleware().wrap_tool_call))
    graph.add_edge(START, "tools")
    graph.add_edge("tools", END)
    call_list = [{"name": n, "args": a, "id": f"call_{i}", "type": "tool_call"} for i, (n, a) in enumerate(calls)]
    state = graph.compile().invoke({"messages": [AIMessage(content="", tool_calls=call_list)]}, context=ctx)
    return [m for m in state["messages"] if isinstance(m, ToolMessage)]


def run_tool(ctx: CourseToolContext, name: str, **args: Any) -> ToolMessage:
    return run_tools(ctx, (name, args))[0]


def payload(message: ToolMessage) -> dict[str, Any]:
    return json.loads(message.content)
