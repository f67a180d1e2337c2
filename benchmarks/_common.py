"""Shared bits of the service benchmarks: questions, percentiles, the sample index."""

from __future__ import annotations


import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Figures must not lean on the query-embedding LRU (the timed questions repeat; real traffic varies):
# size 1 keeps only the question being answered, which its strict and relaxed searches share.
os.environ.setdefault("QUERY_CACHE_SIZE", "1")
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# What students type: abbreviations, schedules, professors, codes, typos, mixed English.
QUESTIONS = [
    "운체 누가 가르쳐?",
    "화목 오전에 들을 수 있는 경영학과 전공 있어요?",
    "데베 몇시에 해?",
    "자구 분반 알려줘",
    "CSE3010 강의실 어디야",
    "월수 오후 컴공 전공",
    "영어강의 3학점 수업 추천",
    "컴구 교수님 누구셔?",
    "금공강 가능한 전공필수 있어?",
    "AI 입문 같은 수업 있나요",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = (len(ordered) - 1) * q
    low, high = int(rank), min(int(rank) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summary(values_ms: list[float]) -> str:
    return (f"n={len(values_ms)} p50={percentile(values_ms, 0.5):.1f} ms p95={percentile(values_ms, 0.95):.1f} ms "
            f"max={max(values_ms):.1f} ms mean={statistics.fmean(values_ms):.1f} ms")


def sample_index_path() -> Path:
    """The LanceDB index of the sample catalog, built once and shared with the tests
    (`tests.support.index_cache`)."""
    from agent.settings import SAMPLE_CATALOG
    from tests.support.index_cache import cached_index

    return cached_index("sample", SAMPLE_CATALOG).path
