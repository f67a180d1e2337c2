"""ChatHyperClovaX client overhead, measured against the loopback HyperCLOVA X server (no network, no model).

    .venv/bin/python benchmarks/bench_hyperclova.py [--calls 200] [--answer-chars 300]

Prints, for sync and async: invoke latency (p50/p95), stream time to first chunk and to last chunk, and the
TCP connections opened (1 = the client reused its connection), plus the import time of `ChatHyperClovaX`
and the constructor time. The server answers instantly, so these figures are the client's own cost
(request building, JSON/SSE parsing, LangChain callbacks) plus loopback HTTP: the floor under every real call.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KEY = "nv-bench"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--answer-chars", type=int, default=300)
    args = parser.parse_args()

    started = time.perf_counter()
    from agent.hyperclova import ChatHyperClovaX

    import_ms = (time.perf_counter() - started) * 1000
    from tests.fakes.hyperclova import HyperClovaServer, reply_text

    answer = ("자료구조는 월요일 9시 정보과학관 21203호에서 진행됩니다. " * 20)[: args.answer_chars]
    with HyperClovaServer(api_key=KEY) as server:
        server.set_default(lambda _req: reply_text(answer))
        started = time.perf_counter()
        llm = ChatHyperClovaX(api_key=KEY, base_url=server.base_url)
        init_ms = (time.perf_counter() - started) * 1000
        llm.invoke("warm-up")

        invoke = []
        for _ in range(args.calls):
            t0 = time.perf_counter()
            llm.invoke("자구 언제야?")
            invoke.append(time.perf_counter() - t0)
        first, total = [], []
        for _ in range(args.calls):
            t0 = time.perf_counter()
            for index, _chunk in enumerate(llm.stream("자구 언제야?")):
                if index == 0:
                    first.append(time.perf_counter() - t0)
            total.append(time.perf_counter() - t0)
        sync_connections = server.connections

        async def run_async() -> tuple[list[float], list[float]]:
            await llm.ainvoke("warm-up")
            ainvoke, astream = [], []
            for _ in range(args.calls):
                t0 = time.perf_counter()
                await llm.ainvoke("자구 언제야?")
                ainvoke.append(time.perf_counter() - t0)
            for _ in range(args.calls):
                t0 = time.perf_counter()
                async for _chunk in llm.astream("자구 언제야?"):
                    pass
                astream.append(time.perf_counter() - t0)
            return ainvoke, astream

        ainvoke, astream = asyncio.run(run_async())
        async_connections = server.connections - sync_connections

    tokens = -(-args.answer_chars // 3)
    print(f"import ChatHyperClovaX: {import_ms:.0f} ms; ChatHyperClovaX(): {init_ms:.2f} ms")
    print(f"answer: {args.answer_chars} chars = {tokens} SSE token events; {args.calls} calls each")
    print(f"{'mode':26} {'p50 ms':>8} {'p95 ms':>8}")
    print(f"{'invoke':26} {pct(invoke, .5):8.2f} {pct(invoke, .95):8.2f}")
    print(f"{'stream first chunk':26} {pct(first, .5):8.2f} {pct(first, .95):8.2f}")
    print(f"{'stream whole answer':26} {pct(total, .5):8.2f} {pct(total, .95):8.2f}")
    print(f"{'ainvoke':26} {pct(ainvoke, .5):8.2f} {pct(ainvoke, .95):8.2f}")
    print(f"{'astream whole answer':26} {pct(astream, .5):8.2f} {pct(astream, .95):8.2f}")
    print(f"TCP connections: sync {sync_connections}, async {async_connections} (1 each = connection reused)")
    print(f"mean invoke {statistics.mean(invoke) * 1000:.2f} ms")


if __name__ == "__main__":
    main()
