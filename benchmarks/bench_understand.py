"""Understanding a question, and answering it from the retriever (targets: parse p95 <= 5 ms; retrieval
p95 <= 50 ms).

    .venv/bin/python benchmarks/bench_understand.py [--index PATH] [--rounds 3]

Over the Soongsil golden questions against the real `ssu-2026-1.csv` index (the test-fixture cache, or
--index, or built once):
- parse: `agent.query.parser._parse` uncached (the per-question cache is bypassed, so every call reads the
  question from scratch: normalization, every linker, the closed-world verdict on leftovers);
- parse, terms and periods: the same over `TERM_QUESTIONS` (terms, relative terms, across terms, class
  periods) read against nine terms, as on a multi-term catalog;
- retrieve: `CourseRetriever.retrieve(question, k=20)`, the whole matching set with true totals, ranked
  (query embedding included where leftover words rank a set).
Prints p50 / p95 / max wall time of each and the machine, and the time the derived abbreviation table took
to build (warmed before timing: it is built once per vocabulary).
"""

from __future__ import annotations

import argparse
import json
import time

from _index_bench import GOLDEN, machine, percentile, ssu_index_path

TERMS = ("2023-1", "2023-여름", "2023-2", "2023-겨울", "2024-1", "2024-여름", "2024-2", "2024-겨울", "2025-1")
TERM_QUESTIONS = [
    "2024년 1학기 자료구조 누가 가르쳤어?", "24-2 경영학원론 분반", "작년 1학기 회계원리", "지난 학기 컴퓨터구조 교수님",
    "재작년 겨울 계절학기 수업", "여름학기에 뭐 열려?", "다음 학기에 알고리즘 열려?", "예전에도 선형대수학 열렸어?",
    "운영체제 열린 적 있어?", "spring 2024 data structures", "who taught calculus in past semesters",
    "월요일 1교시 수업", "3-4교시 전공", "5교시 이후 교양", "2023-1부터 2024-2까지 미적분학", "1교시 없는 화목 수업",
]


def _timed(calls) -> list[float]:
    times = []
    for call in calls:
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return times


def _report(label: str, times: list[float]) -> None:
    print(f"{label}: n={len(times)} p50 {percentile(times, 0.50):.2f} ms, p95 {percentile(times, 0.95):.2f} ms, "
          f"max {max(times):.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", help="an existing LanceDB index of ssu-2026-1.csv")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from agent.index.lance import LanceCourseIndex
    from agent.query.lexicon import default_lexicon
    from agent.query.normalize import normalize_question
    from agent.query.parser import _parse
    from agent.query.vocab import matcher_for
    from agent.retrieval import CourseRetriever

    index = LanceCourseIndex(ssu_index_path(args.index))
    term = "2026-1"
    questions = [json.loads(line)["question"] for line in GOLDEN.read_text(encoding="utf-8").splitlines() if line.strip()]
    matcher = matcher_for(index.vocabulary(term))
    default_lexicon()
    start = time.perf_counter()  # the derived abbreviations, built once per vocabulary (lazily in service)
    derived = len(matcher.abbreviations.everything())
    table_ms = (time.perf_counter() - start) * 1000
    retriever = CourseRetriever(index)
    for question in questions[:5]:  # warm: the model, the snapshot, compiled patterns
        retriever.retrieve(question, k=20)

    uncached = _parse.__wrapped__
    held = tuple(index.terms())
    parse_times = _timed(
        (lambda q=q: uncached(normalize_question(q), term, held, matcher))
        for _ in range(args.rounds) for q in questions
    )
    term_times = _timed(
        (lambda q=q: uncached(normalize_question(q), TERMS[-1], TERMS, matcher))
        for _ in range(args.rounds * 5) for q in TERM_QUESTIONS
    )
    retrieve_times = _timed((lambda q=q: retriever.retrieve(q, k=20)) for _ in range(args.rounds) for q in questions)
    print(machine())
    print(f"abbreviation table: {derived} derived, built in {table_ms:.1f} ms")
    _report("parse (uncached)", parse_times)
    _report("parse, terms and periods (uncached)", term_times)
    _report("retrieve (k=20, whole set)", retrieve_times)


if __name__ == "__main__":
    main()
