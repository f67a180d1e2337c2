"""Small value parsers shared by the built-in profiles and the column mappings."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_LATIN_ONLY = re.compile(r"^[A-Za-z][A-Za-z .'\-]*$")


def clean(text: object) -> str | None:
    """Strip; empty -> None."""
    if text is None:
        return None
    value = str(text).strip()
    return value or None


def unquote(text: object) -> str | None:
    """`clean`, and drop the runs of quotes a free-text cell was wrapped in.

    Sogang's 비고 cells come as '"""""""...\n..."""""""': quoting escaped over several round trips.
    Only whole-cell wrapping goes; quotes inside the text stay.
    """
    value = clean(text)
    if value and (value[0] == '"' or value[-1] == '"'):
        core = value.strip('"')
        if '"' not in core:  # wrapping only (balanced or not); quoted words inside are left alone
            value = core.strip()
    return value or None


def parse_number(text: object, *, what: str) -> float | None:
    """'3.0' / '3' / 3 -> 3.0; empty -> None. Raises ValueError naming the field otherwise."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return float(text)
    try:
        return float(str(text).strip())
    except ValueError:
        raise ValueError(f"bad {what} {str(text).strip()!r} (expected a number)") from None


def parse_count(text: object, *, what: str) -> int | None:
    """A head count ('40', '40.0', 40) -> 40; empty -> None. Raises ValueError naming the field for a
    negative, fractional or non-numeric value."""
    number = parse_number(text, what=what)
    if number is None:
        return None
    if number < 0 or number != int(number):
        raise ValueError(f"bad {what} {str(text).strip()!r} (expected a whole number of students)")
    return int(number)


def parse_hours_credits(text: str | None) -> tuple[float | None, float | None]:
    """Soongsil '4.0/3.0' (hours/credits) -> (4.0, 3.0). Empty -> (None, None)."""
    if not text or not text.strip():
        return None, None
    match = re.fullmatch(r"\s*([\d.]+)\s*/\s*([\d.]+)\s*(?:\(.*\))?\s*", text)
    if not match:
        raise ValueError(f"bad 시간/학점 {text.strip()!r} (expected hours/credits like 3.0/3.0)")
    return float(match.group(1)), float(match.group(2))


def split_people(text: object, separators: Iterable[str] = ("\n", ",")) -> list[str]:
    """Names in one cell -> a deduplicated list, order kept.

    Western names written 'Surname, Given' (Sogang: 'Kim, Halla', 'Hantke, Steffen Horst') would be cut
    in two by the comma, so a one-word Latin piece followed by a Latin piece is joined back.
    """
    if text is None:
        return []
    if isinstance(text, (list, tuple)):
        pieces = [str(p) for p in text]
    else:
        pieces = [str(text)]
        for sep in separators:
            pieces = [part for piece in pieces for part in piece.split(sep)]
    pieces = [p.strip() for p in pieces if p and p.strip()]
    joined: list[str] = []
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        if (
            i + 1 < len(pieces)
            and " " not in piece
            and _LATIN_ONLY.match(piece)
            and _LATIN_ONLY.match(pieces[i + 1])
        ):
            joined.append(f"{piece}, {pieces[i + 1]}")
            i += 2
            continue
        joined.append(piece)
        i += 1
    out: list[str] = []
    for name in joined:
        if name not in out:
            out.append(name)
    return out


@lru_cache(maxsize=256)
def parse_year_list(text: str | None) -> tuple[int, ...] | None:
    """Sogang's '[1, 2, 3, 4]' -> (1, 2, 3, 4); '[]', empty or anything else -> None."""
    if not text or not re.fullmatch(r"\s*\[[\d,\s]*\]\s*", text):
        return None
    return tuple(int(n) for n in re.findall(r"\d+", text)) or None


def years_label(years: tuple[int, ...] | list[int], *, style: str) -> str:
    """[1, 2, 3, 4] -> '1-4학년' (style 'range') or '전학년' / '2,3,4학년' (style 'list', Sogang's 수강대상)."""
    years = sorted(set(years))
    if style == "list":
        if years == [1, 2, 3, 4]:
            return "전학년"
        return ",".join(map(str, years)) + "학년"
    if len(years) > 1 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}-{years[-1]}학년"
    return ",".join(map(str, years)) + "학년"


def join_notes(parts: Iterable[str | None]) -> str | None:
    """Non-empty parts, deduplicated, one per line."""
    out: list[str] = []
    for part in parts:
        value = unquote(part)
        if value and value not in out:
            out.append(value)
    return "\n".join(out) or None


def truthy(value: object, true_values: Iterable[str]) -> bool:
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    return str(value).strip().lower() in {v.lower() for v in true_values}
