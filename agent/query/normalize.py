"""Question text as students really send it, made comparable before anything reads it.

Phones and copy-paste bring text that looks the same and is not: Hangul decomposed into jamo (NFD, as
macOS file names and some keyboards write it), zero-width characters, full-width Latin letters and digits,
and odd tildes and dashes. Every linker reads the normalized text, so all of them see "자료구조" whatever the
bytes were. Hangul compatibility jamo typed alone ("ㅋㅋ", "ㅠㅠ") are kept: they are words of their own.
"""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_FULL_WIDTH = re.compile("[\uff01-\uff5e\u3000]")
_TILDES = str.maketrans({"～": "~", "〜": "~", "∼": "~", "–": "-", "—": "-", "‐": "-", "‑": "-", "－": "-"})
_SPACES = re.compile(r"\s+")


def normalize_question(text: str) -> str:
    """NFC Hangul, no invisible characters, ASCII for full-width forms, one space between words."""
    text = unicodedata.normalize("NFC", text or "")
    text = _INVISIBLE.sub("", text)
    text = _FULL_WIDTH.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    text = text.translate(_TILDES)
    return _SPACES.sub(" ", text).strip()
