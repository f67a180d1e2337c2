"""Leak guard: no answer may contain the system prompt or a configured key, whatever the model does.

The prompt tells the model not to reveal itself; this makes it true even when a model is talked into
it. Text is compared after normalising away disguises: NFKC (so NFD Hangul and full-width letters
compare equal), case folding, and removing everything that is not a letter or digit (zero-width
characters, whitespace, punctuation and separators such as " / " or "·").

- The prompt (minus the quoted phrases it asks the model to say) is cut into sentences and 8-character
  shingles. A message leaks when it reproduces most of one sentence (`SENTENCE_SHARE`), a long run of
  the prompt (`LONG_RUN`), or runs holding `TOTAL_SHINGLES` distinct shingles: copying long runs is
  caught, while a short self-introduction that echoes a few prompt words ("개설 강좌, 분반, 교수 … 에
  대해 답해 드려요") is not.
- A key leaks whole, reversed, by either half, by a prefix of `KEY_PREFIX` characters or more, or
  base64/hex encoded (`key_forms`); keys shorter than `KEY_PREFIX` are matched whole and reversed.

A leaking message is replaced by a polite refusal. Streaming (`releasable`) sends only text that no
guarded span can still grow over, so a refusal never comes after part of the prompt or a key was sent.
"""

from __future__ import annotations

import base64
import re
import unicodedata
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from langchain.agents.middleware.types import AgentMiddleware, ModelRequest, ModelResponse
from langchain_core.messages import AIMessage

REFUSAL = "그 요청은 도와드릴 수 없어요. 수강 정보에 대해 물어봐 주세요."
SHINGLE = 8  # normalised characters: long enough to be specific in Korean, short enough to catch runs
SENTENCE_SHARE = 0.9  # a sentence counts as reproduced when this share of its shingles appears
MIN_SENTENCE = 12  # shorter prompt sentences (headings, "질문한 언어로 답하세요") are common words
LONG_RUN = 40  # a contiguous run of the prompt this long is a leak wherever it comes from
TOTAL_SHINGLES = 45  # this many distinct prompt shingles (~50 characters in runs): a paraphrase copying as it goes
RUN_GAP = 16  # prompt runs closer than this are one cluster while streaming
KEY_PREFIX = 8  # a key's first 8 characters identify it; shorter keys are matched whole
MIN_KEY = 4  # a "key" shorter than this cannot be told from ordinary text and is not one
WINDOW = LONG_RUN  # kept for callers of the old name: the longest verbatim run an answer may hold

_NOT_WORD = re.compile(r"[\W_]+")
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")
_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+|\n+")


def normalize(text: str) -> str:
    """`text` as the guard compares it: NFKC, case-folded, letters and digits only."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())


def key_forms(key: str) -> set[str]:
    """The normalised pieces whose appearance means `key` leaked (empty for a value too short to be a
    key): the first `KEY_PREFIX` characters of the key, of its second half, of its reverse, and of its
    base64 and hex encodings. Any longer form (the whole key, a 15-character prefix, the half) contains
    its piece, and a stream is caught as soon as a piece is complete: `KEY_PREFIX` is all it holds back."""
    raw = key.strip()
    whole = normalize(raw)
    if len(whole) < MIN_KEY:
        return set()
    data = raw.encode("utf-8")
    forms = [whole, whole[::-1]]
    if len(whole) // 2 >= KEY_PREFIX:  # a half this long is as specific as a prefix
        forms.append(whole[len(whole) // 2 :])
    for encoded in (base64.b64encode(data), base64.urlsafe_b64encode(data), data.hex().encode()):
        forms.append(normalize(encoded.decode("ascii")))
    return {form[:KEY_PREFIX] for form in forms}


class _PromptShingles:
    """The prompt's sentences as shingles, and how much of them a text reproduces."""

    def __init__(self, prompt: str) -> None:
        body = _QUOTED.sub(" ", prompt)
        self.owners: dict[str, set[int]] = {}  # shingle -> sentences holding it
        self.sizes: list[int] = []  # distinct shingles per sentence
        for sentence in _SENTENCE_END.split(body):
            text = normalize(sentence)
            if len(text) < MIN_SENTENCE:
                continue
            grams = {text[i : i + SHINGLE] for i in range(len(text) - SHINGLE + 1)}
            for gram in grams:
                self.owners.setdefault(gram, set()).add(len(self.sizes))
            self.sizes.append(len(grams))

    def runs(self, text: str) -> list[tuple[int, int]]:
        """[start, end) spans of normalised `text` covered by prompt shingles, merged."""
        spans: list[tuple[int, int]] = []
        for i in range(len(text) - SHINGLE + 1):
            if text[i : i + SHINGLE] not in self.owners:
                continue
            if spans and i <= spans[-1][1]:
                spans[-1] = (spans[-1][0], i + SHINGLE)
            else:
                spans.append((i, i + SHINGLE))
        return spans

    def reproduced(self, text: str) -> bool:
        """Whether normalised `text` copies a sentence, a long run, or enough of the prompt in total
        (distinct shingles: an answer repeating one prompt phrase per listed course copies little)."""
        spans = self.runs(text)
        if any(end - start >= LONG_RUN for start, end in spans):
            return True
        grams = {text[i : i + SHINGLE] for start, end in spans for i in range(start, end - SHINGLE + 1)}
        grams &= self.owners.keys()  # a merged span may hold shingles that are not the prompt's
        if len(grams) >= TOTAL_SHINGLES:
            return True
        seen: dict[int, int] = {}
        for gram in grams:
            for owner in self.owners[gram]:
                seen[owner] = seen.get(owner, 0) + 1
        return any(count >= SENTENCE_SHARE * self.sizes[owner] for owner, count in seen.items())


class LeakGuard:
    """Detects prompt text or secrets inside a piece of model output (see the module docstring)."""

    def __init__(self, prompt: str, secrets: Iterable[str] = ()) -> None:
        self._prompt = _PromptShingles(prompt)
        self._keys: set[str] = set()
        for secret in secrets:
            if secret:
                self._keys.update(key_forms(str(secret)))

    def leaks(self, text: str) -> bool:
        if not text:
            return False
        flat = normalize(text)
        return any(form in flat for form in self._keys) or self._prompt.reproduced(flat)

    @property
    def holdback(self) -> int:
        """Normalised characters at the end of a stream that may still be the start of a key form."""
        return max([SHINGLE, *(len(form) for form in self._keys)])

    def releasable(self, text: str, sent: int = 0) -> int:
        """How many leading characters of streamed `text` (not yet known to leak) may be sent now: all
        but the tail that could still become a key form, and the prompt run the tail is still inside.
        `sent`: characters already sent (known safe), where the search for the boundary starts."""
        flat = normalize(text)
        safe = max(0, len(flat) - self.holdback)
        spans = self._prompt.runs(flat)
        if spans and len(flat) - spans[-1][1] < RUN_GAP:
            safe = min(safe, _cluster_start(spans))  # the newest prompt runs may still grow into a leak
        return _raw_length(text, safe, sent)


def _cluster_start(spans: list[tuple[int, int]]) -> int:
    """Where the newest cluster of prompt runs begins: runs closer than `RUN_GAP` belong together (a
    prompt dumped with a word changed here and there is one cluster, held back whole until judged)."""
    index = len(spans) - 1
    while index > 0 and spans[index][0] - spans[index - 1][1] < RUN_GAP:
        index -= 1
    return spans[index][0]


def _raw_length(text: str, normalized: int, start: int = 0) -> int:
    """The longest prefix of `text` whose normalised form has at most `normalized` characters, searched
    from `start`. Lengths are counted as the sent part plus the rest normalised on its own: composition
    across that boundary can only make the count too high, so the answer errs on the side of holding back."""
    base = len(normalize(text[:start]))
    if base > normalized:
        return start
    low, high = start, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if base + len(normalize(text[start:middle])) <= normalized:
            low = middle
        else:
            high = middle - 1
    return low


class LeakGuardMiddleware(AgentMiddleware):
    """Replaces a leaking model message (text and tool calls) with `REFUSAL`."""

    def __init__(self, guard: LeakGuard) -> None:
        super().__init__()
        self.guard = guard

    def _clean(self, response: Any) -> Any:
        messages = response.result if isinstance(response, ModelResponse) else [response]
        cleaned = []
        for message in messages:
            if isinstance(message, AIMessage) and (
                self.guard.leaks(message.text)
                or any(self.guard.leaks(str(call.get("args"))) for call in message.tool_calls)
            ):
                message = AIMessage(content=REFUSAL, id=message.id, usage_metadata=message.usage_metadata)
            cleaned.append(message)
        if isinstance(response, ModelResponse):
            return ModelResponse(result=cleaned, structured_response=response.structured_response)
        return cleaned[0]

    def wrap_model_call(self, request: ModelRequest, handler: Callable[[ModelRequest], ModelResponse]) -> Any:
        return self._clean(handler(request))

    async def awrap_model_call(
        self, request: ModelRequest, handler: Callable[[ModelRequest], Awaitable[ModelResponse]]
    ) -> Any:
        return self._clean(await handler(request))
