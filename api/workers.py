"""`coursebot serve --workers N`: N uvicorn processes, each listening on its own SO_REUSEPORT socket.

Why not uvicorn's own `workers=N`: there all workers accept from one shared socket, and whichever is awake
takes the connection. Clients that keep their connections open (browsers, a reverse proxy, the load test)
can all land on one worker while the others idle; measured here, one worker of two often served all 16
connections (57 req/s against 72 with both busy). With a socket per worker and SO_REUSEPORT, the kernel
spreads connections over the workers by hash, so every worker gets its share.

The parent only supervises: it restarts a worker that dies (and gives up, with an error, when one keeps dying
as it starts), and stops them all on SIGINT / SIGTERM.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import time
from typing import Any

APP_FACTORY = "api.serve:worker_app"
RESTART_DELAY_SECONDS = 1.0
FAST_FAILURE_SECONDS = 10.0
MAX_FAST_FAILURES = 3


def reuse_port_supported() -> bool:
    return hasattr(socket, "SO_REUSEPORT")


def _family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def _listen(host: str, port: int) -> socket.socket:
    sock = socket.socket(_family(host), socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _worker(host: str, port: int, log_level: str, app: str) -> None:
    import uvicorn

    sock = _listen(host, port)
    config = uvicorn.Config(app, factory=True, log_level=log_level, access_log=False)
    uvicorn.Server(config).run(sockets=[sock])


class WorkersError(RuntimeError):
    """The workers could not run: the port is taken, or a worker keeps failing as it starts."""


def _check_port_free(host: str, port: int) -> None:
    """Without SO_REUSEPORT this bind fails when anything listens on the port (another `serve`, too)."""
    with socket.socket(_family(host), socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise WorkersError(f"{host}:{port} is not available ({error.strerror}); choose another --port") from None


def run_workers(host: str, port: int, workers: int, log_level: str, app: str = APP_FACTORY) -> None:
    """Run `workers` processes of `app` (a "module:factory" string) until SIGINT / SIGTERM; blocks.

    Raises `WorkersError` when the port is taken, or when a worker fails within `FAST_FAILURE_SECONDS` of
    starting `MAX_FAST_FAILURES` times in a row."""
    _check_port_free(host, port)
    context = multiprocessing.get_context("spawn")  # a fresh interpreter per worker: no forked threads
    processes: list[Any] = []
    started_at: list[float] = []
    fast_failures = 0
    stopping = False

    def start() -> Any:
        process = context.Process(target=_worker, args=(host, port, log_level, app), daemon=False)
        process.start()
        return process

    def stop(signum: int, _frame: Any) -> None:
        nonlocal stopping
        stopping = True

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        processes = [start() for _ in range(workers)]
        started_at = [time.monotonic()] * workers
        while not stopping:
            time.sleep(0.2)
            for i, process in enumerate(processes):
                if process.is_alive() or stopping:
                    continue
                if time.monotonic() - started_at[i] < FAST_FAILURE_SECONDS:
                    fast_failures += 1
                    if fast_failures >= MAX_FAST_FAILURES:
                        raise WorkersError(
                            f"a worker exited {fast_failures} times within {FAST_FAILURE_SECONDS:.0f} s of starting "
                            f"(exit code {process.exitcode}); its log above says why"
                        )
                else:
                    fast_failures = 0
                time.sleep(RESTART_DELAY_SECONDS)  # a worker that fails at once must not spin
                processes[i] = start()
                started_at[i] = time.monotonic()
    finally:
        for process in processes:
            if process.is_alive():
                os.kill(process.pid, signal.SIGTERM)  # uvicorn finishes in-flight requests, then exits
        deadline = time.monotonic() + 30
        for process in processes:
            process.join(max(0.1, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
