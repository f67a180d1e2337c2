"""The per-vocabulary matcher cache is shared by threads (requests, eval cases): many vocabularies parsed at
once must neither fail nor hand a question another vocabulary's matcher."""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor

from agent.index.base import Vocabulary
from agent.query.vocab import matcher_for


def test_many_threads_many_vocabularies() -> None:
    vocabularies = [Vocabulary(departments=[f"학과{i}"], course_names=["자료구조"]) for i in range(40)]

    def churn(start: int) -> bool:
        for step in range(300):
            vocabulary = vocabularies[(start * 7 + step) % len(vocabularies)]
            if matcher_for(vocabulary).departments != vocabulary.departments:
                return False
        return True

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads often, so two evictions meet as they do under load
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            assert all(pool.map(churn, range(16)))
    finally:
        sys.setswitchinterval(interval)
