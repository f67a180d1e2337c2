"""Shared bits of the index benchmarks: the machine, the Soongsil index, a realistic question mix."""

from __future__ import annotations

import json
import os
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Figures must not lean on the query-embedding LRU (the timed questions repeat; real traffic varies):
# size 1 keeps only the question being answered, which its strict and relaxed searches share.
os.environ.setdefault("QUERY_CACHE_SIZE", "1")
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SSU_CATALOG = ROOT.parent / "shared" / "data" / "ssu-2026-1.csv"
CACHE = ROOT / ".cache"
GOLDEN = ROOT / "evals" / "golden" / "ssu-2026-1.jsonl"


def machine() -> str:
    """One line naming the machine the figure was measured on."""
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = "?"
    threads = os.environ.get("OMP_NUM_THREADS", "all")
    return (f"machine: {platform.machine()} {model}, {os.cpu_count()} cpus, load avg {load}; "
            f"Python {platform.python_version()}; OMP_NUM_THREADS={threads}")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q
    low, high = int(rank), min(int(rank) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def ssu_index_path(explicit: str | None = None) -> Path:
    """An index of ssu-2026-1.csv: `explicit`, else the newest test-fixture cache, else built (once) under
    .cache/bench-index/ssu-2026-1 (incremental: re-runs embed nothing)."""
    if explicit:
        return Path(explicit)
    cached = sorted(
        (p for p in (CACHE / "test-index").glob("ssu-2026-1-*") if (p / "READY").exists()),
        key=lambda p: (p / "READY").stat().st_mtime,
    )
    if cached:
        return cached[-1]
    target = CACHE / "bench-index" / "ssu-2026-1"
    from agent.index.ingest import ingest_catalog
    from agent.index.lance import LanceCourseIndex

    print(f"building {target} from {SSU_CATALOG} (first run only) ...", flush=True)
    ingest_catalog(LanceCourseIndex(target), SSU_CATALOG, progress=False)
    return target


# Used when the golden set or the question parser is missing: questions with the filters a parser extracts.
FALLBACK_MIX: list[tuple[str, dict]] = [
    ("운영체제 누가 가르쳐?", {}),
    ("화목 오전 경영학 전공", {"days": ["화", "목"], "start_before": 719}),
    ("데이터베이스 몇시에 해?", {}),
    ("자료구조 분반 알려줘", {}),
    ("5006762801", {}),
    ("월수 오후 컴퓨터 전공", {"days": ["월", "수"], "start_after": 720}),
    ("영어강의 3학점 추천", {"english": True, "credits": 3.0}),
    ("물리 실험 월요일 1시", {"days": ["월"], "start_after": 780, "start_before": 839}),
    ("금공강 가능한 전공필수", {"exclude_days": ["금"], "category": "전필"}),
    ("AI 입문 수업", {}),
    ("", {"days": ["토"]}),
    ("선형대수", {"category": "전"}),
]


def question_mix(index, term: str = "2026-1") -> list[tuple[str, object]]:
    """(free text, SearchFilters) pairs: the golden questions through the project's question parser when
    both exist (what the retriever sends to the index), else `FALLBACK_MIX`."""
    from agent.index.base import SearchFilters

    try:
        from agent.query.parser import parse_question

        questions = [json.loads(line)["question"] for line in GOLDEN.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (ImportError, OSError, ValueError):
        return [(q, SearchFilters(term=term, **f)) for q, f in FALLBACK_MIX]
    vocabulary = index.vocabulary(term)
    mix = []
    for question in questions:
        parsed = parse_question(question, vocabulary, now_term=term)
        filters = parsed.filters.model_copy(update={"term": term})
        mix.append((parsed.query or (question if filters.is_empty() else ""), filters))
    return mix
