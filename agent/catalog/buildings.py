"""Buildings by the names students call them, where a catalog writes rooms by a building code only.

Sogang's catalogs write "K201", "R912", "GN201"; students write "김대건관 201호", "리치관 912호", "경제관". The
built-in table below is the university's own naming of its buildings (one code, the names in use), checked
against the real catalogs: each code's rooms hold the departments its building is known for (GN: 경제학과, MA
and PA: 경영학부, R: 물리학과·화학과, GA: 신문방송학과, X: 아트&테크놀로지학과). Codes whose building we could not
confirm that way (RA, DB, F) are left out: a room number is still found by its number alone.

Catalogs whose rooms carry the building's name ("정보과학관 21304") need none: `agent.query.link.places` reads
those names from the rooms themselves.
"""

from __future__ import annotations

from collections.abc import Iterable

BUILT_IN: dict[str, dict[str, tuple[str, ...]]] = {
    "서강대학교": {
        "K": ("김대건관", "김대건"),
        "J": ("정하상관", "정하상"),
        "R": ("리치과학관", "리치관"),
        "D": ("다산관",),
        "AS": ("아담샬관", "아담샬"),
        "MA": ("마태오관", "마태오"),
        "PA": ("바오로경영관", "바오로관"),
        "GA": ("가브리엘관", "가브리엘"),
        "GN": ("게페르트남덕우경제관", "남덕우경제관", "남덕우관", "경제관"),
        "X": ("하비에르관", "하비에르"),
    },
}


def building_codes(universities: Iterable[str]) -> dict[str, str]:
    """Written name -> room code prefix, for the catalogs of `universities` ({} when none has a table)."""
    codes: dict[str, str] = {}
    for university in universities:
        for code, names in BUILT_IN.get(university, {}).items():
            for name in names:
                codes.setdefault(name, code)
    return codes
