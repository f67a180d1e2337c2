"""`ChatHyperClovaX.with_structured_output`: a forced tool call, or `responseFormat` on HCX-007.

The method's contract is in the class docstring ("Structured output"); this module builds the runnables.
"""

from __future__ import annotations

from typing import Any, Literal, Protocol

from langchain_core.output_parsers import JsonOutputParser, PydanticOutputParser
from langchain_core.output_parsers.openai_tools import JsonOutputKeyToolsParser, PydanticToolsParser
from langchain_core.runnables import Runnable, RunnableMap, RunnablePassthrough
from langchain_core.utils.function_calling import convert_to_json_schema, convert_to_openai_tool
from langchain_core.utils.pydantic import is_basemodel_subclass

from agent.hyperclova.wire import THINKING_MODEL, clean_schema

Method = Literal["json_schema", "function_calling", "json_mode"]


class StructuredModel(Protocol):
    """What structured output needs of `ChatHyperClovaX` (a protocol, so this module needs no import of it)."""

    model: str

    def bind_tools(self, tools: Any, *, tool_choice: Any = None, **kwargs: Any) -> Runnable[Any, Any]: ...

    def bind(self, **kwargs: Any) -> Runnable[Any, Any]: ...


def structured_output(
    llm: StructuredModel,
    schema: dict[str, Any] | type,
    method: Method | None,
    include_raw: bool,
    strict: bool | None,
) -> Runnable[Any, Any]:
    """`llm` bound to answer in `schema`, followed by the parser for that schema."""
    method = method or ("json_schema" if llm.model == THINKING_MODEL else "function_calling")
    trace = {"kwargs": {"method": method, "strict": strict}, "schema": schema}
    if method == "function_calling":
        bound, parser = _forced_tool(llm, schema, trace)
    elif method in ("json_schema", "json_mode"):
        bound, parser = _response_format(llm, schema, method, trace)
    else:
        raise ValueError(f"unknown structured-output method {method!r}")
    return _with_raw(bound, parser) if include_raw else bound | parser


def _is_pydantic(schema: dict[str, Any] | type) -> bool:
    return isinstance(schema, type) and is_basemodel_subclass(schema)


def _forced_tool(
    llm: StructuredModel, schema: dict[str, Any] | type, trace: dict[str, Any]
) -> tuple[Runnable[Any, Any], Runnable[Any, Any]]:
    name = convert_to_openai_tool(schema)["function"]["name"]
    bound = llm.bind_tools([schema], tool_choice=name, ls_structured_output_format=trace)
    if _is_pydantic(schema):
        return bound, PydanticToolsParser(tools=[schema], first_tool_only=True)  # type: ignore[list-item]
    return bound, JsonOutputKeyToolsParser(key_name=name, first_tool_only=True)


def _response_format(
    llm: StructuredModel, schema: dict[str, Any] | type, method: str, trace: dict[str, Any]
) -> tuple[Runnable[Any, Any], Runnable[Any, Any]]:
    if llm.model != THINKING_MODEL:
        raise ValueError(
            f"responseFormat ({method}) is only supported by {THINKING_MODEL}; "
            f"use method='function_calling' with {llm.model}"
        )
    json_schema = (
        clean_schema(convert_to_json_schema(schema)) if method == "json_schema" else {"type": "object"}
    )
    bound = llm.bind(
        response_format={"type": "json", "schema": json_schema}, ls_structured_output_format=trace
    )
    if _is_pydantic(schema):
        return bound, PydanticOutputParser(pydantic_object=schema)  # type: ignore[arg-type]
    return bound, JsonOutputParser()


def _with_raw(bound: Runnable[Any, Any], parser: Runnable[Any, Any]) -> Runnable[Any, Any]:
    """`{"raw", "parsed", "parsing_error"}`: a parsing failure is reported, not raised."""
    parsed = RunnablePassthrough.assign(
        parsed=lambda x: parser.invoke(x["raw"]), parsing_error=lambda _: None
    )
    fallback = RunnablePassthrough.assign(parsed=lambda _: None)
    return RunnableMap(raw=bound) | parsed.with_fallbacks([fallback], exception_key="parsing_error")
