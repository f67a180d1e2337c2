"""The search behind `plan_timetable`: one section per course, no overlaps, the student's constraints kept,
the best weeks first; and, when there is none, why (the pair of courses that always clash, or the course no
section of which meets the constraints) and which constraint to relax.

Exact and bounded: a course's sections that meet at the same times (and carry the same credits) are one
choice (the preferred professor's, else the first), courses with the fewest choices are placed first, a
partial week that overlaps, exceeds the days or the credits is cut at once, and so is one that cannot beat
the weeks already kept (branch and bound on the documented score, `week_rank`); the whole search stops after
`MAX_STEPS` placements, and the result says so (`truncated`). Below the budget the best week is the optimum.

The score (`week_rank`, smaller is better): first more credits of the nice-to-have courses taken (within the
credit cap), then `_RANKS` by `Constraints.prefer`; every one puts weeks with more sections of a preferred
professor (or English-taught, when asked) first and weeks that cannot place a section (no meeting times) last:
- "balanced": days on campus × 180 + idle minutes between classes (a day less on campus is worth up to three
  hours of idle time), then fewer days, then a later first class;
- "fewest_days" / "fewest_gaps": that measure first, the other next, then a later first class;
- "late_start": the latest first class; "early_finish": the earliest last class; then days, then idle time.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace
from typing import Literal

from agent.catalog.models import DAYS, CourseSection
from agent.timetable import NoWeek, Week, preferred_sections, week_of

MAX_STEPS = 50_000  # sections tried in all: a second or two at worst, whatever the courses
_COUNT_STEPS = 3_000  # counting every week without overlaps (beyond it, an answer says "the best of many")
_PROBE_STEPS = 5_000  # per "would relaxing this help?" probe (stops at the first week found)
_DAY = 24 * 60  # minutes of a day: a week's minutes are bits day * _DAY + minute
_DAY_MASK = (1 << _DAY) - 1

Preference = Literal["balanced", "fewest_days", "fewest_gaps", "late_start", "early_finish"]
PREFERENCES: tuple[Preference, ...] = ("balanced", "fewest_days", "fewest_gaps", "late_start", "early_finish")
# "balanced": a day less on campus is worth up to three hours of idle time between classes.
DAY_IN_IDLE_MINUTES = 180
# Hard constraints, in the order a diagnosis tries relaxing them.
HARD = ("exclude_days", "start_after", "start_before", "end_before", "max_days", "max_credits", "min_credits",
        "max_gap")


@dataclass(frozen=True)
class Constraints:
    """What the student asked of the week. Times are minutes since midnight and hold for every meeting:
    `start_after` (no class starts earlier), `start_before` (every class starts by then, inclusive),
    `end_before` (every class is over by then); `max_gap`: no idle stretch between two classes of a day longer
    than that many minutes; `min_credits` / `max_credits`: the week's credits. `professors`, `english` (prefer
    English-taught sections) and `prefer` only rank."""

    exclude_days: tuple[str, ...] = ()
    start_after: int | None = None
    start_before: int | None = None
    end_before: int | None = None
    max_days: int | None = None
    max_credits: float | None = None
    # Told only by a whole week (`keeps`), so checked on complete weeks; a partial one is cut on credits alone.
    min_credits: float | None = None
    max_gap: int | None = None
    # Ranking only.
    professors: tuple[str, ...] = ()
    english: bool = False
    prefer: Preference = "balanced"

    def keeps(self, sections: Sequence[CourseSection]) -> bool:
        """The week-wide constraints a whole week alone can tell: its credits and its longest idle stretch."""
        total = sum(s.credits or 0.0 for s in sections)
        if self.min_credits is not None and total < self.min_credits - 1e-9:
            return False
        return self.max_gap is None or longest_gap(sections) <= self.max_gap

    def admits(self, section: CourseSection) -> bool:
        """Every meeting of `section` keeps the day and time constraints (a section without times does)."""
        return all(
            slot.day not in self.exclude_days
            and (self.start_after is None or slot.start >= self.start_after)
            and (self.start_before is None or slot.start <= self.start_before)
            and (self.end_before is None or slot.end <= self.end_before)
            for slot in section.slots
        )

    def active(self) -> list[str]:
        """The hard constraints that are set, in `HARD` order."""
        return [name for name in HARD if getattr(self, name) not in (None, ())]

    def without(self, *names: str) -> Constraints:
        defaults = {f.name: f.default for f in fields(self)}
        return replace(self, **{name: defaults[name] for name in names})


@dataclass(frozen=True)
class Option:
    """One week found: a section per course (in the order the courses were asked), and its shape."""

    sections: tuple[CourseSection, ...]
    week: Week
    credits: float | None
    preferred: int


@dataclass(frozen=True)
class Outcome:
    """The best `options`, how many weeks were reached (`found`: every week without overlaps when
    `exact_count`; the search cuts weeks that cannot beat those kept, so usually fewer), and whether the step
    budget ran out before the search was done (`truncated`: better weeks may exist)."""

    options: tuple[Option, ...]
    found: int
    truncated: bool
    exact_count: bool = True


Problem = NoWeek[int]  # why no week exists; courses named by their position in the request


@dataclass(frozen=True)
class _Choice:
    """A section as the search holds it: the minutes of the week it occupies (one bit per minute, so two
    sections overlap exactly when their masks share a bit; back to back is no overlap), its days (a bit
    each)."""

    section: CourseSection | None  # None: a nice-to-have course left out (`skip`)
    mask: int
    days: int
    credits: float
    preferred: bool
    optional: bool = False  # a nice-to-have course's section (taken to fill up the credits)
    skip: bool = False


_SKIP = _Choice(None, 0, 0, 0.0, False, optional=True, skip=True)


def _choice(section: CourseSection, preferred: bool) -> _Choice:
    mask = days = 0
    for slot in section.slots:
        day = DAYS.index(slot.day)
        mask |= ((1 << max(0, slot.end - slot.start)) - 1) << (day * _DAY + slot.start)
        days |= 1 << day
    return _Choice(section, mask, days, section.credits or 0.0, preferred)


def preferred_ids(sections: Sequence[CourseSection], constraints: Constraints) -> set[str]:
    """The sections the ranking favours: a preferred professor's, and English-taught ones when asked for."""
    liked = {s.id for s in preferred_sections(sections, constraints.professors)}
    return liked | ({s.id for s in sections if s.english} if constraints.english else set())


def longest_gap(sections: Sequence[CourseSection]) -> int:
    """The longest idle stretch between two classes of one day, in minutes (0: none)."""
    longest = 0
    for day in DAYS:
        meetings = sorted((m.start, m.end) for s in sections for m in s.slots if m.day == day)
        reached = meetings[0][1] if meetings else 0
        for start, end in meetings[1:]:
            longest, reached = max(longest, start - reached), max(reached, end)
    return longest


def _choices(sections: Sequence[CourseSection], constraints: Constraints, optional: bool = False) -> list[_Choice]:
    """The sections of one course the week may take: those meeting the constraints, one per set of meeting
    times (the preferred professor's section first, else the first listed)."""
    admitted = [s for s in sections if constraints.admits(s)]
    preferred = preferred_ids(admitted, constraints)
    admitted.sort(key=lambda s: s.id not in preferred)  # stable: catalog order otherwise
    by_times: dict[tuple, _Choice] = {}  # same times and credits: the same week whichever is taken
    for section in admitted:
        times = tuple(sorted((m.day, m.start, m.end) for m in section.slots)) or (section.id,)
        by_times.setdefault((times, section.credits), _choice(section, section.id in preferred))
    if optional:  # a nice-to-have course: any of its sections, or none
        return [replace(c, optional=True) for c in by_times.values()] + [_SKIP]
    return list(by_times.values())


@dataclass(frozen=True)
class _Metrics:
    """What ranks a week: sections with a preferred professor, sections without meeting times (a week that
    cannot place them says less, so it comes after those that can), days on campus, idle minutes between
    classes, the earliest start and the latest end (minutes)."""

    preferred: int
    untimed: int
    days: int
    gaps: int
    earliest: int
    latest: int


def _metrics(mask: int, days: int, preferred: int, untimed: int) -> _Metrics:
    """A week's metrics from its minute mask: per day, the span from first to last minute less the minutes
    in class is the idle time (a week has no overlaps)."""
    spans = []
    for day in range(len(DAYS)):
        if days >> day & 1:
            minutes = mask >> (day * _DAY) & _DAY_MASK
            if minutes:
                spans.append(((minutes & -minutes).bit_length() - 1, minutes.bit_length()))
    gaps = sum(end - start for start, end in spans) - mask.bit_count()
    earliest = min((start for start, _ in spans), default=_DAY)
    latest = max((end for _, end in spans), default=0)
    return _Metrics(preferred, untimed, days.bit_count(), gaps, earliest, latest)


Domains = tuple[tuple[int, tuple[_Choice, ...]], ...]  # (course, the choices still open to it), per course left
Chosen = tuple[tuple[int, _Choice], ...]  # (course, its choice), in the order placed


def _idle_mask(mask: int, days: int) -> int:
    """The idle minutes of a week as a mask: each day's span from first to last minute, less its classes."""
    idle = 0
    for day in range(len(DAYS)):
        if days >> day & 1:
            minutes = mask >> (day * _DAY) & _DAY_MASK
            if minutes:
                low = (minutes & -minutes).bit_length() - 1
                span = ((1 << minutes.bit_length()) - 1) ^ ((1 << low) - 1)
                idle |= (span & ~minutes) << (day * _DAY)
    return idle


class _Search:
    """An exact branch-and-bound search over one choice per course. Each course left keeps the choices that
    still fit the partial week (forward checking: a course left without one ends the branch at once); the
    course with the fewest is placed next, its choices adding the fewest new days first. It keeps the `limit`
    best complete weeks seen (by `rank`) and cuts a partial week as soon as a bound on the best week it could
    still become ranks no better than the worst kept (the bound: days on campus so far plus the fewest new
    days the most demanding course left must add; idle time 0; the earliest start and latest end so far;
    every course left taught by a preferred professor). `found` counts the complete weeks reached: every week
    without overlaps only when nothing was cut (`pruned` False)."""

    def __init__(self, choices: list[list[_Choice]], constraints: Constraints, budget: int,
                 rank: Callable[[_Metrics], tuple] | None = None, limit: int | None = None) -> None:
        self.choices, self.constraints, self.budget = choices, constraints, budget
        self.rank, self.limit = rank, limit
        self.kept: list[tuple[tuple, int, Chosen, _Metrics]] = []  # a max-heap by (rank, order reached)
        self.found = self.steps = 0
        self.truncated = self.pruned = False
        self.stop_at: int | None = None

    def run(self, stop_at: int | None = None) -> None:
        self.stop_at = stop_at
        domains = tuple((i, tuple(self._fitting(c, 0, 0, 0.0))) for i, c in enumerate(self.choices))
        if all(options for _, options in domains):
            self._place(domains, (), 0, 0, 0.0, 0, 0)

    def weeks(self) -> list[tuple[_Metrics, tuple[CourseSection, ...]]]:
        """The kept weeks, best first (ties: the first reached), their sections in the order asked."""
        ordered = sorted(self.kept, key=lambda k: (tuple(-x for x in k[0]), -k[1]))
        return [(metrics, tuple(c.section for _, c in sorted(chosen, key=lambda p: p[0]) if c.section is not None))
                for _, _, chosen, metrics in ordered]

    def _fitting(self, options: Sequence[_Choice], mask: int, days: int, credits: float) -> list[_Choice]:
        limits = self.constraints
        return [c for c in options if not mask & c.mask
                and (limits.max_days is None or (days | c.days).bit_count() <= limits.max_days)
                and (limits.max_credits is None or credits + c.credits <= limits.max_credits + 1e-9)]

    def _cut(self, domains: Domains, mask: int, days: int, preferred: int, untimed: int, filled: float) -> bool:
        """Whether no completion of this partial week can beat the worst week kept."""
        if self.rank is None or self.limit is None or len(self.kept) < self.limit:
            return False
        extra = max((min((c.days & ~days).bit_count() for c in options) for _, options in domains), default=0)
        more_preferred = sum(any(c.preferred for c in options) for _, options in domains)
        forced_untimed = sum(all(not c.mask and not c.skip for c in options) for _, options in domains)
        fillable = filled + sum(max(c.credits for c in options) for _, options in domains if options[0].optional)
        spans = _metrics(mask, days, 0, 0)
        idle = _idle_mask(mask, days) if spans.gaps else 0
        # Idle time only shrinks where a later class fills it: at most what each course left can cover.
        fill = sum(max((c.mask & idle).bit_count() for c in options) for _, options in domains) if idle else 0
        best = _Metrics(preferred + more_preferred, untimed + forced_untimed, days.bit_count() + extra,
                        max(0, spans.gaps - fill), spans.earliest, spans.latest)
        return tuple(-x for x in (-fillable, *self.rank(best))) <= self.kept[0][0]

    def _enough_credits(self, domains: Domains, credits: float) -> bool:
        """Whether the courses left can still bring the week up to `min_credits`."""
        least = self.constraints.min_credits
        return least is None or credits + sum(max(c.credits for c in o) for _, o in domains) >= least - 1e-9

    def _keep(self, chosen: Chosen, mask: int, days: int, preferred: int, untimed: int) -> bool:
        if not self.constraints.keeps([c.section for _, c in chosen if c.section is not None]):
            return True
        self.found += 1
        if self.rank is None:  # counting, or probing for any week at all
            return self.stop_at is None or self.found < self.stop_at
        metrics = _metrics(mask, days, preferred, untimed)
        filled = sum(c.credits for _, c in chosen if c.optional)  # a skipped course adds 0
        key = tuple(-x for x in (-filled, *self.rank(metrics)))
        entry = (key, -self.found, chosen, metrics)
        if self.limit is None or len(self.kept) < self.limit:
            heapq.heappush(self.kept, entry)
        elif (key, -self.found) > (self.kept[0][0], self.kept[0][1]):
            heapq.heapreplace(self.kept, entry)
        return self.stop_at is None or self.found < self.stop_at

    def _place(self, domains: Domains, chosen: Chosen, mask: int, days: int, credits: float,
               preferred: int, untimed: int) -> bool:
        """False once the search must stop (budget spent, or enough weeks found)."""
        if not domains:
            return self._keep(chosen, mask, days, preferred, untimed)
        if self._cut(domains, mask, days, preferred, untimed, sum(c.credits for _, c in chosen if c.optional)):
            self.pruned = True
            return True
        at = min(range(len(domains)), key=lambda k: len(domains[k][1]))
        course, options = domains[at]
        rest = domains[:at] + domains[at + 1:]
        # Fewest new days first (stable: catalog order); leaving a nice-to-have course out comes last.
        for choice in sorted(options, key=lambda c: (c.skip, (c.days & ~days).bit_count())):
            if self.steps >= self.budget:
                self.truncated = True
                return False
            self.steps += 1
            week, week_days, total = mask | choice.mask, days | choice.days, credits + choice.credits
            narrowed = tuple((i, tuple(self._fitting(o, week, week_days, total))) for i, o in rest)
            if not all(o for _, o in narrowed) or not self._enough_credits(narrowed, total):
                continue
            if not self._place(narrowed, (*chosen, (course, choice)), week, week_days, total,
                               preferred + choice.preferred, untimed + (not choice.mask and not choice.skip)):
                return False
        return True


_RANKS: dict[Preference, Callable[[_Metrics], tuple]] = {
    "balanced": lambda m: (-m.preferred, m.untimed, m.days * DAY_IN_IDLE_MINUTES + m.gaps, m.days, -m.earliest),
    "fewest_days": lambda m: (-m.preferred, m.untimed, m.days, m.gaps, -m.earliest),
    "fewest_gaps": lambda m: (-m.preferred, m.untimed, m.gaps, m.days, -m.earliest),
    "late_start": lambda m: (-m.preferred, m.untimed, -m.earliest, m.days, m.gaps),
    "early_finish": lambda m: (-m.preferred, m.untimed, m.latest, m.days, m.gaps),
}


def plan_weeks(courses: list[list[CourseSection]], constraints: Constraints, limit: int,
               optional: Sequence[list[CourseSection]] = ()) -> Outcome:
    """The `limit` best weeks taking one section of each course, and of each `optional` (nice-to-have) course
    that fits (ranked by the nice-to-have credits taken, then `constraints.prefer`, the preferred professors'
    sections first; ties keep the order reached, catalog order within a course)."""
    choices = [_choices(c, constraints) for c in courses] + [_choices(c, constraints, True) for c in optional]
    search = _Search(choices, constraints, MAX_STEPS, _RANKS[constraints.prefer], limit)
    search.run()
    options = tuple(_option(sections, metrics) for metrics, sections in search.weeks())
    if not (search.pruned or search.truncated):
        return Outcome(options, search.found, search.truncated)
    count = _Search(choices, constraints, _COUNT_STEPS)  # how many weeks in all, when that is quick to tell
    count.run()
    if count.truncated:
        return Outcome(options, search.found, search.truncated, exact_count=False)
    return Outcome(options, count.found, search.truncated)


def week_rank(sections: Sequence[CourseSection], constraints: Constraints, optional: Sequence[str] = ()) -> tuple:
    """The documented score of a week (smaller is better), computed from its sections alone: what the search
    ranks by, so a week from anywhere (an eval's brute force, another tool) is scored the same way. First the
    credits of the nice-to-have courses taken (`optional`: their section ids), more first; then `_RANKS`."""
    mask = days = 0
    for section in sections:
        choice = _choice(section, False)
        mask, days = mask | choice.mask, days | choice.days
    preferred = len(preferred_ids(sections, constraints))
    untimed = sum(not s.slots for s in sections)
    filled = sum(s.credits or 0.0 for s in sections if s.id in optional)
    return (-filled, *_RANKS[constraints.prefer](_metrics(mask, days, preferred, untimed)))


def _option(sections: tuple[CourseSection, ...], metrics: _Metrics) -> Option:
    known = [s.credits for s in sections if s.credits is not None]
    return Option(sections, week_of(sections), sum(known) if known else None, metrics.preferred)
