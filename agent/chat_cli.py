"""`coursebot ask "질문"` and `coursebot chat`: the assistant in a terminal.

Both open the configured index (embedded LanceDB by default) and, when it is empty, ingest the
sample catalog first. Answers print with their sources as a table and say which mode answered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from agent.answer import ChatAnswer

NEW_CHAT = {"새 대화", "새대화", "/new", "/reset"}
EXIT = {"exit", "quit", "종료", "/exit", "/quit", "q"}
MODE_LABEL = {
    "search": "검색 모드 (HyperCLOVA X 키 없음: 강좌 검색 결과로만 답해요)",
    "hyperclova": "HyperCLOVA X",
}


def _assistant(term: str | None, prompt: str, console: Console) -> Any:
    from agent.assistant import CourseAssistant
    from agent.index.factory import ensure_sample_ingested, open_index
    from agent.settings import get_settings

    settings = get_settings()
    index = open_index(settings)
    if index.count() == 0:
        with console.status("샘플 수강편람을 처음 색인하는 중이에요..."):
            ensure_sample_ingested(index, settings)
    return CourseAssistant.from_settings(settings, index=index, prompt=prompt)


def sources_table(answer: ChatAnswer) -> Any:
    from rich.table import Table

    table = Table(title="출처 (답변에 쓴 강좌)", show_lines=False, title_justify="left")
    for column in ("과목번호", "분반", "과목명", "교수", "학점", "시간 (강의실)"):
        table.add_column(column, overflow="fold")
    for s in answer.sources:
        table.add_row(
            s.code, s.section or "-", s.name, ", ".join(s.professors) or "-",
            "-" if s.credits is None else f"{s.credits:g}", s.schedule_label(),
        )
    return table


def print_answer(console: Console, answer: ChatAnswer) -> None:
    console.print(answer.answer, markup=False, highlight=False)
    if answer.sources:
        console.print(sources_table(answer))
    console.print(f"[dim]· {MODE_LABEL.get(answer.mode, answer.mode)}[/dim]")


def _run(assistant: Any, console: Console, question: str, history: list, term: str | None) -> ChatAnswer | None:
    from agent.index.base import IndexError_
    from agent.middleware.errors import AssistantError

    try:
        return assistant.answer(question, history, term)
    except AssistantError as exc:
        console.print(f"[red]{exc.user_message}[/red]")
    except IndexError_:
        console.print("[red]지금은 강좌 목록을 조회할 수 없어요. 잠시 후 다시 시도해 주세요.[/red]")
    return None


def ask(
    question: Annotated[str, typer.Argument(help="질문 (예: \"화목 오전 경영학과 전공 있어요?\")")],
    term: Annotated[str | None, typer.Option("--term", help="학기 (예: 2026-1). 기본: 가장 최근 학기")] = None,
    prompt: Annotated[str, typer.Option("--prompt", help="agent/prompts/ 아래 프롬프트 이름")] = "system",
) -> None:
    """질문 하나에 답하고 출처 강좌를 표로 보여 줍니다."""
    from rich.console import Console

    console = Console()
    answer = _run(_assistant(term, prompt, console), console, question, [], term)
    if answer is None:
        raise typer.Exit(code=1)
    print_answer(console, answer)


def chat(
    term: Annotated[str | None, typer.Option("--term", help="학기 (예: 2026-1). 기본: 가장 최근 학기")] = None,
    prompt: Annotated[str, typer.Option("--prompt", help="agent/prompts/ 아래 프롬프트 이름")] = "system",
) -> None:
    """대화형 세션: 이전 대화를 기억합니다. "새 대화"로 초기화, "exit"로 종료."""
    from rich.console import Console

    from agent.answer import ChatTurn

    console = Console()
    assistant = _assistant(term, prompt, console)
    console.print(f"[bold]코스봇[/bold] · {MODE_LABEL.get(assistant.mode, assistant.mode)}")
    console.print("[dim]질문을 입력하세요. '새 대화'로 처음부터, 'exit'로 종료.[/dim]")
    history: list[ChatTurn] = []
    while True:
        try:
            question = console.input("[bold cyan]나>[/bold cyan] ").strip()
        except (EOFError, KeyboardInterrupt):
            console.print()
            break
        if not question:
            continue
        if question.lower() in EXIT:
            break
        if question in NEW_CHAT:
            history.clear()
            console.print("[dim]새 대화를 시작해요.[/dim]")
            continue
        answer = _run(assistant, console, question, history, term)
        if answer is None:
            continue
        print_answer(console, answer)
        history += [ChatTurn(role="user", content=question), ChatTurn(role="assistant", content=answer.answer)]
