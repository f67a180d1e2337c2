"""`coursebot`: ingest, ask, chat, serve, eval, feedback.

Each command lives beside the code it drives and is registered here, so this file stays a list.
Command modules keep heavy imports inside their functions: `coursebot --help` must stay instant.
"""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="coursebot",
    help="한국어 수강편람 챗봇 (Korean course-information chatbot).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)

# (command name, "module:function"). A new command = one line here + its module; a `typer.Typer` target
# is a command group (`coursebot feedback list`).
COMMANDS: list[tuple[str, str]] = [
    ("ingest", "agent.index.ingest.cli:ingest"),
    ("ask", "agent.chat_cli:ask"),
    ("chat", "agent.chat_cli:chat"),
    ("serve", "api.serve:serve"),
    ("eval", "evals.cli:eval_command"),
    ("feedback", "agent.feedback.cli:feedback_app"),
]


def _register() -> None:
    for name, target in COMMANDS:
        module_name, func_name = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue  # the command's issue has not landed yet
        target_object = getattr(module, func_name)
        if isinstance(target_object, typer.Typer):
            app.add_typer(target_object, name=name)
        else:
            app.command(name)(target_object)


_register()

if __name__ == "__main__":
    app()
