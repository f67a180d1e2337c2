"""Buildings: a building the catalog's rooms are in, written alone or shortened ("정보과학관에서 하는 수업",
"조만식관 수업", "형남공학관 쪽 강의"). Rooms with numbers ("정보과학관 21304", "K201 강의실", "21304호") are read
by `slots.link_rooms`; this links what is left to the buildings of the term's own rooms."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from agent.catalog.buildings import building_codes

from agent.query.link.context import LinkContext
from agent.query.reading import ParseState
from agent.query.text import strip_particles

_BUILDING = re.compile(r"^([가-힣]{1,10}?(?:관|홀|센터|타워|운동장|동))(?=\s|[A-Za-z]?\d|$)")
_SHORTENED = re.compile(r"^([가-힣]{2,})(?:관|홀|센터|동|타워)$")


@lru_cache(maxsize=8)
def buildings(rooms: tuple[str, ...]) -> dict[str, str]:
    """Written form -> building, for the buildings in `rooms` ("조만식기념관 12214" -> 조만식기념관): the full
    name, the name without 기념관/관 ("조만식"), and "<first part>관" ("조만식관") where no other building shares it."""
    full = sorted({m.group(1) for room in rooms if (m := _BUILDING.match(room.strip())) and len(m.group(1)) >= 3})
    forms: dict[str, list[str]] = {}
    for building in full:
        forms.setdefault(building, []).append(building)
        stem = re.sub(r"(?:기념관|관|홀|센터|동|타워)$", "", building)
        for short in {stem, stem + "관"} if len(stem) >= 2 else set():
            forms.setdefault(short, []).append(building)
    return {form: found[0] for form, found in forms.items() if len(set(found)) == 1 or form in full}


_NUMBER = re.compile(r"[A-Za-z]?\d{3,6}[A-Za-z]?")


def resolve_room(written: str, rooms: tuple[str, ...], codes: Mapping[str, str] | None = None) -> str:
    """A room as the catalog writes it, for a room a student wrote another way: the leading zero left out
    ("형남공학관 5103" is "형남공학관 05103") or the building called by a short or everyday name ("공대 05103").
    The number decides; a building written next to it only chooses between rooms of that number in several
    buildings (by its first syllable, or by its code where the catalog writes codes: `codes`, "김대건관" -> "K").
    A room the catalog writes as given, or no room of that number, stays."""
    wanted = "".join(written.split()).lower()
    if any(wanted in "".join(room.split()).lower() for room in rooms):
        return written
    numbers = _NUMBER.findall(written)
    if not numbers:
        return written
    number = _digits(numbers[-1])
    building = written[: written.find(numbers[-1])].strip()
    found = _rooms_numbered(number, rooms)
    code = (codes or {}).get(strip_particles(building)[-1] if building else "")
    if code is not None:
        found = {held: place for held, place in found.items() if place.upper() == code}
    elif building and len(set(found.values())) > 1:
        found = {held: place for held, place in found.items() if place.startswith(building[:1])}
    return next(iter(found)) if len(set(found.values())) == 1 else written


def _digits(number: str) -> str:
    """"05103" -> "5103", "K201" -> "201": the room's number without its building letter or leading zeros."""
    return number[len(_letters(number)):].lstrip("0").upper()


def _letters(number: str) -> str:
    """"K201" -> "K", "05103" -> "": the building letters a room number starts with."""
    return re.match(r"[A-Za-z]*", number).group(0)  # type: ignore[union-attr]  # always matches


@lru_cache(maxsize=64)
def _rooms_numbered(number: str, rooms: tuple[str, ...]) -> dict[str, str]:
    """"<building> <number>" as the catalog writes it -> its building, for the rooms numbered `number`."""
    found: dict[str, str] = {}
    for room in rooms:
        for match in _NUMBER.finditer(room):
            if _digits(match.group(0)) == number:
                held = room[: match.end()].strip()
                found.setdefault(held, room[: match.start()].strip() + _letters(match.group(0)))
    return found


def link_buildings(state: ParseState, ctx: LinkContext) -> None:
    _link_coded_buildings(state, ctx)
    known = buildings(tuple(ctx.matcher.vocabulary.rooms))
    if not known:
        return
    for token in ctx.tokens:
        if not token.is_hangul or state.taken(token.start, token.end):
            continue
        building = next((known[f] for f in strip_particles(token.text) if f in known and _safe(f, ctx)), None)
        if building:
            state.rooms.append(building)
            state.filters.rooms.append(building)
            state.take(token.start, token.end, note=f"건물: {building}")


def _link_coded_buildings(state: ParseState, ctx: LinkContext) -> None:
    """A building the catalog writes by code, named alone ("정하상관 수업", "경제관에서 하는 거"): the rooms of
    that building the term uses (rooms "J112", "J205" … for 정하상관, never "J" alone, which "RJ" would hold)."""
    codes = building_codes(ctx.matcher.vocabulary.universities)
    if not codes:
        return
    for token in ctx.tokens:
        if not token.is_hangul or state.taken(token.start, token.end):
            continue
        said = next((f for f in strip_particles(token.text) if f in codes), None)
        if said is None:
            continue
        code = codes[said]
        held = _rooms_of(code, tuple(ctx.matcher.vocabulary.rooms))
        state.rooms.append(code)
        state.filters.rooms.extend(held or [f"{code}0"])  # none in this term: nothing may match
        state.take(token.start, token.end, note=f"건물: {said} ({code})")


@lru_cache(maxsize=64)
def _rooms_of(code: str, rooms: tuple[str, ...]) -> list[str]:
    pattern = re.compile(rf"^{re.escape(code)}\s?\d", re.IGNORECASE)
    return [room for room in rooms if pattern.match(room.strip())]


def _safe(form: str, ctx: LinkContext) -> bool:
    """A building's full name, or a shortened one that is no ordinary word of the catalog ("문화" occurs in
    course names, "조만식" does not)."""
    if re.search(r"(?:관|홀|센터|동|타워)$", form):
        return not ctx.matcher.courses_for_key(form)
    return len(form) >= 3 and not ctx.matcher.name_contains(form) and form not in ctx.matcher.people_and_departments
