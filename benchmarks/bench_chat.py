"""Warm `POST /chat` latency, search mode, embedded LanceDB index of the sample catalog.

The whole request path in process (ASGI: middleware, validation, the assistant, serialization), after
warm-up, cycling through realistic questions. Target: p95 <= 80 ms.

    .venv/bin/python benchmarks/bench_chat.py [--requests 200]
"""

from __future__ import annotations

import argparse
import os
import time

from _common import QUESTIONS, percentile, sample_index_path, summary

TARGET_P95_MS = 80.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    args = parser.parse_args()

    os.environ.update({"LOCAL_STORE_PATH": str(sample_index_path()), "VECTOR_STORE": "local", "LOG_LEVEL": "WARNING"})
    for name in ("HYPERCLOVA_API_KEY", "HYPERCLOVA_API_KEY_PARAM"):
        os.environ.pop(name, None)
    from fastapi.testclient import TestClient

    from agent.settings import Settings
    from api.main import create_app

    settings = Settings(RATE_LIMIT_PER_MINUTE=0)
    with TestClient(create_app(settings, static_dir=None)) as client:
        started = time.perf_counter()
        first = client.post("/chat", json={"message": QUESTIONS[0]})
        assert first.status_code == 200, first.text
        print(f"first request (builds the assistant): {(time.perf_counter() - started) * 1000:.0f} ms")
        for i in range(args.warmup):
            client.post("/chat", json={"message": QUESTIONS[i % len(QUESTIONS)]})
        timings: list[float] = []
        per_question: dict[str, list[float]] = {q: [] for q in QUESTIONS}
        for i in range(args.requests):
            question = QUESTIONS[i % len(QUESTIONS)]
            t0 = time.perf_counter()
            response = client.post("/chat", json={"message": question})
            elapsed = (time.perf_counter() - t0) * 1000
            assert response.status_code == 200, response.text
            timings.append(elapsed)
            per_question[question].append(elapsed)
        # Where the time goes: the assistant alone (no HTTP) and the HTTP stack alone (GET /health).
        assistant = client.app.state.assistant_provider.get()  # type: ignore[attr-defined]
        direct: list[float] = []
        cpu_started = time.process_time()  # every thread of this process: what caps throughput
        for i in range(args.requests // 2):
            t0 = time.perf_counter()
            assistant.answer(QUESTIONS[i % len(QUESTIONS)])
            direct.append((time.perf_counter() - t0) * 1000)
        cpu_per_answer = (time.process_time() - cpu_started) * 1000 / max(1, args.requests // 2)
        stack: list[float] = []
        for _ in range(args.requests // 2):
            t0 = time.perf_counter()
            client.get("/health")
            stack.append((time.perf_counter() - t0) * 1000)
    print(f"assistant.answer alone: {summary(direct)}")
    print(f"CPU per answer (all threads): {cpu_per_answer:.1f} ms")
    print(f"HTTP stack alone (GET /health through the same client): {summary(stack)}")
    print("per question p50 (ms):")
    for question, values in per_question.items():
        print(f"  {percentile(values, 0.5):7.1f}  {question}")
    p95 = percentile(timings, 0.95)
    verdict = "OK" if p95 <= TARGET_P95_MS else "MISSED"
    print(f"warm /chat (search mode, LanceDB): {summary(timings)}  target p95<={TARGET_P95_MS:.0f} ms: {verdict}")


if __name__ == "__main__":
    main()
