"""The project's own Korean lexical tokens, shared by both index backends.

LanceDB's full-text index (BM25) and Pinecone's BM25-weighted sparse vectors are both fed the output
of `tokenize`, so a question scores alike whichever backend answers it. The index stores the tokens
pre-computed and joined by spaces; LanceDB then splits on whitespace only and sees exactly these tokens.

Two strategies, chosen by the `LEXICAL_TOKENIZER` setting (environment / `.env`):

- `bigram` (default): character bigrams of every Hangul run ("운영체제" -> 운영, 영체, 체제; a one-letter
  run stays a unigram), plus every Latin/digit run as one whole lowercased word ("Operating", "AI",
  the 10-digit course code "5006762801"). No start-up cost, no model, robust to missing spaces
  ("이은지교수님") and to particles glued to nouns.
- `kiwi`: kiwipiepy content morphemes (nouns, roots, verb/adjective stems, foreign words, numbers),
  lowercased. Loaded lazily with the cheap constructor (no multi-word / typo / default dictionaries),
  because the full one costs ~2 s and ~500 MB at start-up (see reference/offline-models.md).

Changing the strategy changes the tokens: an index stores which strategy built its lexical column and
re-tokenizes (without re-embedding) when it differs.
"""

from __future__ import annotations

import os
import re
import threading
import unicodedata
from collections.abc import Callable
from typing import Any, Literal

TokenizerName = Literal["bigram", "kiwi"]
STRATEGIES: tuple[TokenizerName, ...] = ("bigram", "kiwi")
DEFAULT_STRATEGY: TokenizerName = "bigram"

# Hangul syllables, and Latin letters/digits. Everything else (punctuation, spaces, jamo) separates tokens.
_RUN = re.compile(r"[가-힣]+|[a-z0-9]+")


def _normalize(text: str) -> str:
    # NFKC folds full-width Latin/digits ("ＡＩ", "３학점") to ASCII, then one case for matching.
    return unicodedata.normalize("NFKC", text).lower()


def bigram_tokens(text: str) -> list[str]:
    """Character bigrams of Hangul runs + whole lowercased Latin/digit words, in text order."""
    tokens: list[str] = []
    for match in _RUN.finditer(_normalize(text)):
        run = match.group()
        if "가" <= run[0] <= "힣" and len(run) > 1:
            tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
        else:
            tokens.append(run)
    return tokens


# Content morphemes worth matching. Particles, endings, suffixes and symbols carry no topic.
_KIWI_KEEP = ("NNG", "NNP", "NR", "SL", "SN", "SH", "XR", "VV", "VA", "W_")
# Stems so common they only add noise ("하다", "있다", "되다", "이다").
_KIWI_STOP = frozenset({"하", "있", "되", "이", "없", "않"})

_kiwi: Any = None
_kiwi_lock = threading.Lock()


def _get_kiwi() -> Any:
    """One Kiwi per process, built on first use (never at import: start-up time is measured)."""
    global _kiwi
    if _kiwi is None:
        with _kiwi_lock:
            if _kiwi is None:
                import warnings

                from kiwipiepy import Kiwi

                with warnings.catch_warnings():
                    # kiwipiepy warns that num_workers=0 changed meaning in 0.21; single-threaded is intended.
                    warnings.simplefilter("ignore", DeprecationWarning)
                    _kiwi = Kiwi(
                        num_workers=0, load_multi_dict=False, load_typo_dict=False, load_default_dict=False
                    )
    return _kiwi


def kiwi_tokens(text: str) -> list[str]:
    """kiwipiepy content morphemes, lowercased, in text order."""
    normalized = unicodedata.normalize("NFKC", text)
    if not normalized.strip():
        return []
    tokens: list[str] = []
    for token in _get_kiwi().tokenize(normalized):
        tag = str(token.tag)
        if not tag.startswith(_KIWI_KEEP):
            continue
        form = token.form.lower()
        if tag.startswith(("VV", "VA")) and form in _KIWI_STOP:
            continue
        # Latin/digit words keep only their letters and digits, like the bigram strategy ("c++" -> "c").
        if tag in ("SL", "SN", "SH") or tag.startswith("W_"):
            tokens.extend(_RUN.findall(form) or ([form] if tag == "SH" else []))
        else:
            tokens.append(form)
    return tokens


_TOKENIZERS: dict[str, Callable[[str], list[str]]] = {"bigram": bigram_tokens, "kiwi": kiwi_tokens}


def active_strategy() -> TokenizerName:
    """The configured strategy: `LEXICAL_TOKENIZER` from the environment, else settings/.env, else bigram."""
    value = os.environ.get("LEXICAL_TOKENIZER")
    if value is None:
        try:
            from agent.settings import get_settings

            value = getattr(get_settings(), "lexical_tokenizer", None)
        except Exception:  # settings invalid for unrelated reasons: tokenizing must still work
            value = None
    value = (value or DEFAULT_STRATEGY).strip().lower()
    if value not in _TOKENIZERS:
        raise ValueError(f"LEXICAL_TOKENIZER must be one of {', '.join(STRATEGIES)}; got {value!r}")
    return value  # type: ignore[return-value]


def get_tokenizer(strategy: str | None = None) -> Callable[[str], list[str]]:
    """The tokenizer function for `strategy` (None = the configured one)."""
    name = (strategy or active_strategy()).strip().lower()
    if name not in _TOKENIZERS:
        raise ValueError(f"unknown lexical tokenizer {name!r}; expected one of {', '.join(STRATEGIES)}")
    return _TOKENIZERS[name]


def tokenize(text: str, strategy: str | None = None) -> list[str]:
    """The project's lexical tokens of `text` (duplicates kept: BM25 counts term frequency).

    >>> tokenize("운영체제 이은지교수님 CSE3001")
    ['운영', '영체', '체제', '이은', '은지', '지교', '교수', '수님', 'cse3001']
    """
    if not text:
        return []
    return get_tokenizer(strategy)(text)


def token_string(text: str, strategy: str | None = None) -> str:
    """Tokens joined by single spaces: what a whitespace-tokenized full-text index stores."""
    return " ".join(tokenize(text, strategy))
