"""`coursebot serve --workers 2`: kept-open connections are spread over both workers (a socket per worker,
SO_REUSEPORT), every answer is right, and SIGTERM stops the parent and its workers."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.support.served import free_port

pytestmark = pytest.mark.skipif(not hasattr(socket, "SO_REUSEPORT"), reason="SO_REUSEPORT is Linux/BSD only")


def _children(pid: int) -> list[int]:
    return [int(c) for task in Path(f"/proc/{pid}/task").iterdir() for c in (task / "children").read_text().split()]


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _ask_over_kept_connections(base: str, connections: int, rounds: int) -> list[httpx.Response]:
    async def one_client() -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=base, timeout=60) as client:  # one kept-open connection
            return [await client.post("/chat", json={"message": "운체 누가 가르쳐?"}) for _ in range(rounds)]

    results = await asyncio.gather(*(one_client() for _ in range(connections)))
    return [response for responses in results for response in responses]


def test_connections_spread_over_workers_and_sigterm_stops_all(sample_index, tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HYPERCLOVA_", "PINECONE_"))}
    env.update({"LOCAL_STORE_PATH": str(sample_index.path), "VECTOR_STORE": "local", "RATE_LIMIT_PER_MINUTE": "0",
                "LOG_LEVEL": "WARNING"})
    coursebot = Path(sys.executable).parent / "coursebot"
    parent = subprocess.Popen([str(coursebot), "serve", "--port", str(port), "--workers", "2"], cwd=tmp_path,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        workers: list[int] = []
        while time.monotonic() < deadline:
            assert parent.poll() is None, parent.stderr.read() if parent.stderr else ""
            try:
                # Both workers up: each answers /health on its own socket; wait until two have started.
                workers = [pid for pid in _children(parent.pid) if _cpu_seconds(pid) > 0.5]
                if httpx.get(f"{base}/health", timeout=2).status_code == 200 and len(workers) >= 2:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.3)
        assert len(workers) >= 2, "two workers should have started"
        before = {pid: _cpu_seconds(pid) for pid in workers}
        responses = asyncio.run(_ask_over_kept_connections(base, connections=16, rounds=3))
        assert [r.status_code for r in responses] == [200] * 48
        assert all("CSE3010" in {s["code"] for s in r.json()["sources"]} for r in responses)
        used = {pid: _cpu_seconds(pid) - before[pid] for pid in workers}
        # Uvicorn's shared socket could leave a worker with no connection at all; here both must work.
        assert all(seconds > 0.05 for seconds in used.values()), used
    finally:
        parent.send_signal(signal.SIGTERM)
        try:
            parent.wait(timeout=45)
        except subprocess.TimeoutExpired:
            parent.kill()
            raise
    assert parent.returncode is not None
    for pid in workers:
        assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]


def test_a_taken_port_is_a_clear_error(sample_index, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HYPERCLOVA_", "PINECONE_"))}
    env.update({"LOCAL_STORE_PATH": str(sample_index.path), "VECTOR_STORE": "local", "LOG_LEVEL": "WARNING"})
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [str(Path(sys.executable).parent / "coursebot"), "serve", "--port", str(port), "--workers", "2"],
            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180,
        )
    assert result.returncode == 1
    assert f"127.0.0.1:{port} is not available" in result.stderr and "--port" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_worker_that_keeps_failing_stops_the_server() -> None:
    """Real worker processes whose app cannot be imported: each exits at once; the third fast failure in a
    row stops the supervisor with an error instead of restarting forever."""
    from api import workers

    started = time.monotonic()
    with pytest.raises(workers.WorkersError, match=r"exited 3 times within 10 s of starting \(exit code [1-9]\)"):
        workers.run_workers("127.0.0.1", free_port(), 2, "critical", app="api.no_such_module:worker_app")
    assert time.monotonic() - started < 60
