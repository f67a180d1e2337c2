"""System prompts kept as files: `agent/prompts/<name>.md`, selected by name (default `system`).

The evals compare prompts with `--prompt NAME`; a new variant is one new `.md` file here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

PROMPTS_DIR = Path(__file__).resolve().parent
DEFAULT_PROMPT = "system"
_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class PromptNotFoundError(ValueError):
    """No prompt file by that name; the message lists the ones that exist."""


def available_prompts() -> list[str]:
    return sorted(path.stem for path in PROMPTS_DIR.glob("*.md"))


@lru_cache(maxsize=16)
def load_prompt(name: str = DEFAULT_PROMPT) -> str:
    """The prompt text of `agent/prompts/<name>.md` (names are plain identifiers: no paths)."""
    if not _NAME.match(name or "") or not (PROMPTS_DIR / f"{name}.md").is_file():
        raise PromptNotFoundError(
            f"unknown prompt {name!r}; available: {', '.join(available_prompts()) or '(none)'}"
        )
    return (PROMPTS_DIR / f"{name}.md").read_text(encoding="utf-8").strip()
