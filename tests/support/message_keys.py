"""Which of search mode's messages (`messages.toml` keys) an answer plan's words use."""

from __future__ import annotations

from collections.abc import Iterable
from unittest import mock

from agent.search_mode.answer_plan import AnswerPlan
from agent.search_mode.render import Voice, render


def keys_said(plans: Iterable[AnswerPlan], languages: Iterable[str] = ("ko", "en")) -> set[str]:
    """The message keys rendering every plan in every language says."""
    said: set[str] = set()
    say = Voice.say

    def recording(self: Voice, key: str, **values: object) -> str:
        said.add(key)
        return say(self, key, **values)

    with mock.patch.object(Voice, "say", recording):
        for plan in plans:
            for lang in languages:
                render(plan, lang)  # type: ignore[arg-type]
    return said
