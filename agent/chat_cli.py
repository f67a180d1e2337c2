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


def page_line(answer: ChatAnswer, how_more: str) -> str | None:
    """"55개 분반(26과목) 중 1-12번째 · 더 보기: …": a list's true total, the part shown, how to see the rest."""
    page = answer.page
    if page is None or (page.offset == 0 and page.next_offset is None):
        return None
    courses = f"({page.total_courses}과목) " if page.total_courses > 1 else " "
    line = f"{page.total_sections}개 분반{courses}중 {page.offset + 1}-{page.offset + page.shown}번째"
    if page.next_offset is None:
        return line
    return f"{line} · 더 보기: {how_more.format(offset=page.next_offset)}"


def print_answer(console: Console, answer: ChatAnswer, how_more: str = "'더 보기' 입력") -> None:
    console.print(answer.answer, markup=False, highlight=False)
    if answer.sources:
        console.print(sources_table(answer))
    paging = page_line(answer, how_more)
    if paging:
        console.print(paging, style="bold", markup=False, highlight=False)
    console.print(f"[dim]· {MODE_LABEL.get(answer.mode, answer.mode)}[/dim]")


def _run(
    assistant: Any, console: Console, question: str, history: list, term: str | None,
    offset: int | None = None,
) -> ChatAnswer | None:
    from agent.index.base import IndexError_
    from agent.middleware.errors import AssistantError

    try:
        return assistant.answer(question, history, term, offset=offset)
    except AssistantError as exc:
        console.print(f"[red]{exc.user_message}[/red]")
    except IndexError_:
        console.print("[red]지금은 강좌 목록을 조회할 수 없어요. 잠시 후 다시 시도해 주세요.[/red]")
    return None


def ask(
    question: Annotated[str, typer.Argument(help="질문 (예: \"화목 오전 경영학과 전공 있어요?\")")],
    term: Annotated[str | None, typer.Option("--term", help="학기 (예: 2026-1). 기본: 가장 최근 학기")] = None,
    prompt: Annotated[str, typer.Option("--prompt", help="agent/prompts/ 아래 프롬프트 이름")] = "system",
    offset: Annotated[
        int | None, typer.Option("--offset", min=0, help="목록의 이 위치부터 (앞 답변이 알려 준 '더 보기' 위치)")
    ] = None,
) -> None:
    """질문 하나에 답하고 출처 강좌를 표로 보여 줍니다. 목록이 길면 전체 개수와 나머지를 보는 방법을 알려 줍니다."""
    import shlex

    from rich.console import Console

    console = Console()
    answer = _run(_assistant(term, prompt, console), console, question, [], term, offset)
    if answer is None:
        raise typer.Exit(code=1)
    again = ["coursebot", "ask", question] + (["--term", term] if term else [])
    print_answer(console, answer, shlex.join(again) + " --offset {offset}")


def chat(
    term: Annotated[str | None, typer.Option("--term", help="학기 (예: 2026-1). 기본: 가장 최근 학기")] = None,
    prompt: Annotated[str, typer.Option("--prompt", help="agent/prompts/ 아래 프롬프트 이름")] = "system",
) -> None:
    """대화형 세션: 이전 대화를 기억합니다. "새 대화"로 초기화, "exit"로 종료."""
    from rich.console import Console

    from agent.answer import ChatTurn
    from agent.search_mode.paging import asks_more

    console = Console()
    assistant = _assistant(term, prompt, console)
    console.print(f"[bold]코스봇[/bold] · {MODE_LABEL.get(assistant.mode, assistant.mode)}")
    console.print("[dim]질문을 입력하세요. 긴 목록은 '더 보기'로 이어서, '새 대화'로 처음부터, 'exit'로 종료.[/dim]")
    history: list[ChatTurn] = []
    last: ChatAnswer | None = None
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
            last = None
            console.print("[dim]새 대화를 시작해요.[/dim]")
            continue
        # "더 보기" / "more": the rest of the last list from where it stopped (paging as the page does).
        offset = last.page.next_offset if last and last.page and asks_more(question) else None
        answer = _run(assistant, console, question, history, term, offset)
        if answer is None:
            continue
        print_answer(console, answer)
        last = answer
        history += [ChatTurn(role="user", content=question), ChatTurn(role="assistant", content=answer.answer)]
