"""Build `timetable.jsonl`: timetable-planning questions over the sample catalog and the real Soongsil 2026-1
and Sogang 2025-1 catalogs, each with its gold computed by brute force.

    .venv/bin/python evals/golden/build_timetable.py          # rewrites timetable.jsonl beside this script

A case asks for 2-4 courses by code (drawn with a fixed seed among the catalog's timed undergraduate
courses) and one stated constraint or ranking; some add a nice-to-have course ("…도 되면 넣어줘"). Its gold (`evals.timetable_scoring.TimetableGold`):
- per course, the sections the student may take (`agent.planner.eligibility`; with two or more courses the
  student is taken to be in the department they all share, as `plan_timetable` does);
- every combination of those sections (itertools.product, no search) kept when no two meetings overlap and
  the constraints hold; the gold optimum is the smallest `week_rank` among them; none kept: infeasible.
"""

from __future__ import annotations

import itertools
import json
import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from agent.catalog.loader import load_catalog  # noqa: E402
from agent.catalog.models import CourseSection  # noqa: E402
from agent.planner.eligibility import Student, split_eligible  # noqa: E402
from agent.planner.search import Constraints, week_rank  # noqa: E402
from evals.timetable_scoring import overlaps, week_breaks  # noqa: E402

SHARED = HERE.parents[2] / "shared" / "data"
CATALOGS = {"sample": HERE.parents[1] / "data" / "sample-catalog.csv", "ssu-2026-1": SHARED / "ssu-2026-1.csv",
            "sogang-2025-1": SHARED / "sogang-2025-1.csv"}
PER_CATALOG = 15
MAX_COMBINATIONS = 200_000
# (Korean words, English words, the constraints they state)
ASKS: list[tuple[str, str, dict[str, Any]]] = [
    ("", "", {}),
    ("금공강으로", "no Fridays", {"exclude_days": ["금"]}),
    ("월요일 공강으로", "no Mondays", {"exclude_days": ["월"]}),
    ("오전 수업 없이", "", {"start_after": 720}),
    ("주 3일만", "", {"max_days": 3}),
    ("18시 전에 끝나게", "", {"end_before": 1080}),
    ("공강 시간 적게", "", {"prefer": "fewest_gaps"}),
    ("늦게 시작하게", "", {"prefer": "late_start"}),
    ("9학점 이하로", "", {"max_credits": 9.0}),
    ("9학점 이상으로", "at least 9 credits", {"min_credits": 9.0}),
    ("공강 1시간 넘지 않게", "no gaps over 1 hour", {"max_gap": 60}),
    ("영어강의 위주로", "English-taught", {"english": True}),
    # The last course asked is nice to have: taken when it fits in the cap ("…도 되면 넣어줘", "optionally …").
    ("9학점 이하로", "at most 9 credits", {"max_credits": 9.0, "optional": 1}),
]


def courses_of(path: Path) -> dict[str, list[CourseSection]]:
    """Timed undergraduate courses by code (Soongsil's codes are per section: a course of one section)."""
    by_code: dict[str, list[CourseSection]] = defaultdict(list)
    for section in load_catalog(path).sections:
        if section.slots and section.level in (None, "학사"):
            by_code[section.code].append(section)
    return dict(by_code)


def shared_department(courses: list[list[CourseSection]]) -> tuple[str, ...]:
    if len(courses) < 2:
        return ()
    return tuple(sorted(set.intersection(*[{s.department for s in c if s.department} for c in courses])))


def gold_of(courses: list[list[CourseSection]], limits: Constraints, wished: int = 0) -> dict[str, Any] | None:
    """The brute-force gold (the last `wished` courses nice to have: any section or none), or None when there
    are too many combinations to enumerate."""
    student = Student(departments=shared_department(courses))
    every = [split_eligible(c, student)[0] for c in courses]
    required, optional = every[:len(every) - wished], every[len(every) - wished:]
    eligible = [*required, *[[*c, None] for c in optional]]
    optional_ids = [s.id for c in optional for s in c]
    total = 1
    for options in eligible:
        total *= max(1, len(options))
    if total > MAX_COMBINATIONS:
        return None
    best: tuple | None = None
    for chosen in itertools.product(*eligible):
        week = tuple(s for s in chosen if s is not None)
        if any(overlaps(a, b) for a, b in itertools.combinations(week, 2)):
            continue
        if not all(limits.admits(s) for s in week) or week_breaks(list(week), limits):
            continue
        rank = week_rank(list(week), limits, optional_ids)
        best = rank if best is None or rank < best else best
    return {"courses": [[s.id for s in options] for options in required],
            "optional": [[s.id for s in options] for options in optional], "feasible": best is not None,
            "optimum": list(best) if best is not None else None}


def cases_for(catalog: str, rng: random.Random) -> list[dict[str, Any]]:
    pool = courses_of(CATALOGS[catalog])
    codes = sorted(pool)
    out: list[dict[str, Any]] = []
    while len(out) < PER_CATALOG:
        picked = rng.sample(codes, rng.choice([2, 3, 3, 4]) + int("optional" in ASKS[len(out) % len(ASKS)][2]))
        korean, english, asked = ASKS[len(out) % len(ASKS)]
        stated = {k: v for k, v in asked.items() if k != "optional"}
        wished = int(asked.get("optional", 0))
        limits = Constraints(**{k: tuple(v) if isinstance(v, list) else v for k, v in stated.items()})
        gold = gold_of([pool[c] for c in picked], limits, wished)
        if gold is None:
            continue
        must, extra = picked[:len(picked) - wished], picked[len(picked) - wished:]
        if english and len(out) % 2:
            question = f"make me a schedule with {', '.join(must)}, {english}"
            question += f", optionally {', '.join(extra)}" if extra else ""
        else:
            question = f"{', '.join(must)}로 {korean + ' ' if korean else ''}시간표 짜줘"
            question += f", {', '.join(extra)}도 되면 넣어줘" if extra else ""
        names = [pool[c][0].name for c in picked]
        out.append({
            "id": f"tt-{catalog}-{len(out) + 1:02d}", "catalog": catalog, "question": question,
            "gold_courses": must, "must_include": [] if gold["feasible"] else list(dict.fromkeys(names[:len(must)])),
            "tags": ["timetable", "feasible" if gold["feasible"] else "infeasible"],
            "timetable": {**gold, "constraints": stated},
        })
    return out


def main() -> None:
    rng = random.Random(16)
    cases = [case for catalog in CATALOGS for case in cases_for(catalog, rng)]
    out = HERE / "timetable.jsonl"
    out.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8")
    feasible = sum(c["timetable"]["feasible"] for c in cases)
    print(f"wrote {len(cases)} cases ({feasible} feasible) to {out}")


if __name__ == "__main__":
    main()
