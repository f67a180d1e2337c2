"""BM25-weighted sparse vectors over the project's Korean tokens, for Pinecone's sparse-dense records.

The dot product of a document vector and a query vector *is* the document's BM25 score for the query:

- document weight of token t:  tf·(k1+1) / (tf + k1·(1 − b + b·dl/avgdl))    (term-frequency saturation)
- query weight of token t:     qtf · ln(1 + (N − df + 0.5) / (df + 0.5))     (IDF, times repeats in the query)

with k1 = 1.2 and b = 0.75 (the usual defaults, which LanceDB's full-text index also uses), so the
Pinecone backend and the embedded one score lexical matches alike over the same tokens
(`agent.index.tokenizer.tokenize`).

Token → sparse index: the first 4 bytes of blake2b(token) as an unsigned 32-bit integer — stable
across processes and Python versions (unlike `hash`), no extra dependency. Two tokens that collide
add their weights in one dimension; with ~20k distinct bigrams a collision is rare and harmless.

Corpus statistics (N, avgdl, df) are per term and must be known at query time in Lambda, where the
catalog is not. `Bm25Stats` serializes to a few text chunks (each well under Pinecone's 40 KB metadata
limit); `stats.py` keeps them as records in a dedicated stats namespace and reads them once per process
(the record layout is in `records.py`).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypedDict

K1 = 1.2
B = 0.75
MAX_NONZERO = 1000  # Pinecone's limit per sparse vector


class SparseValues(TypedDict):
    """Pinecone's sparse-vector shape (`sparse_values=` in the SDK, `sparseValues` on the wire)."""

    indices: list[int]
    values: list[float]


def token_index(token: str) -> int:
    """Stable uint32 index of a token."""
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=4).digest(), "big")


@dataclass
class Bm25Stats:
    """Corpus statistics of one term's sections: document count, average length, document frequencies."""

    n_docs: int = 0
    avgdl: float = 0.0
    df: dict[str, int] = field(default_factory=dict)
    strategy: str = "bigram"

    @classmethod
    def from_documents(cls, documents: Iterable[Sequence[str]], strategy: str = "bigram") -> Bm25Stats:
        """Statistics of tokenized documents."""
        df: Counter[str] = Counter()
        n_docs = 0
        total = 0
        for tokens in documents:
            n_docs += 1
            total += len(tokens)
            df.update(set(tokens))
        return cls(n_docs=n_docs, avgdl=(total / n_docs) if n_docs else 0.0, df=dict(df), strategy=strategy)

    def idf(self, token: str) -> float:
        """BM25 IDF (always positive); 0 for a token no document has (it cannot match anything)."""
        df = self.df.get(token, 0)
        if df == 0:
            return 0.0
        return math.log(1.0 + (self.n_docs - df + 0.5) / (df + 0.5))

    def fingerprint(self) -> str:
        """Changes whenever the statistics change: lets a reader tell whether its cached copy is stale."""
        payload = json.dumps([self.n_docs, round(self.avgdl, 6), sorted(self.df.items()), self.strategy],
                             ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]

    # -- serialization in chunks (each a metadata string of at most `max_bytes` UTF-8 bytes)
    def df_chunks(self, max_bytes: int = 30_000) -> list[str]:
        """The df table as 'token\\tdf' lines, split into chunks of at most `max_bytes` bytes."""
        return chunk_lines((f"{token}\t{count}" for token, count in sorted(self.df.items())), max_bytes)

    @staticmethod
    def parse_df_chunks(chunks: Iterable[str]) -> dict[str, int]:
        df: dict[str, int] = {}
        for chunk in chunks:
            for line in chunk.split("\n"):
                if line:
                    token, _, count = line.rpartition("\t")
                    df[token] = int(count)
        return df


def chunk_lines(lines: Iterable[str], max_bytes: int) -> list[str]:
    """Join lines with '\\n' into chunks of at most `max_bytes` UTF-8 bytes each (a line is never split)."""
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for line in lines:
        line_bytes = len(line.encode("utf-8")) + 1
        if line_bytes > max_bytes:
            raise ValueError(f"a single entry of {line_bytes} bytes exceeds the chunk size {max_bytes}")
        if current and size + line_bytes > max_bytes:
            chunks.append("\n".join(current))
            current, size = [], 0
        current.append(line)
        size += line_bytes
    if current:
        chunks.append("\n".join(current))
    return chunks


def _to_sparse(weights: dict[int, float]) -> SparseValues:
    # Keep the strongest MAX_NONZERO dimensions; indices sorted for a deterministic payload.
    items = [(i, w) for i, w in weights.items() if w > 0.0]
    if len(items) > MAX_NONZERO:
        items = sorted(items, key=lambda pair: (-pair[1], pair[0]))[:MAX_NONZERO]
    items.sort()
    return {"indices": [i for i, _ in items], "values": [float(w) for _, w in items]}


def document_vector(tokens: Sequence[str], avgdl: float, *, k1: float = K1, b: float = B) -> SparseValues:
    """BM25 term-frequency weights of a document's tokens (the IDF half lives in the query)."""
    if not tokens:
        return {"indices": [], "values": []}
    dl = len(tokens)
    norm = k1 * (1.0 - b + b * dl / avgdl) if avgdl > 0 else k1
    weights: dict[int, float] = {}
    for token, tf in Counter(tokens).items():
        index = token_index(token)
        weights[index] = weights.get(index, 0.0) + tf * (k1 + 1.0) / (tf + norm)
    return _to_sparse(weights)


def query_vector(tokens: Sequence[str], stats: Bm25Stats) -> SparseValues:
    """IDF weights of a query's tokens (tokens unknown to the corpus are dropped: they match nothing)."""
    weights: dict[int, float] = {}
    for token, count in Counter(tokens).items():
        idf = stats.idf(token)
        if idf > 0.0:
            index = token_index(token)
            weights[index] = weights.get(index, 0.0) + count * idf
    return _to_sparse(weights)


def scale(vector: SparseValues, factor: float) -> SparseValues:
    """The vector times `factor` (for the α / 1−α hybrid weighting)."""
    return {"indices": list(vector["indices"]), "values": [float(v * factor) for v in vector["values"]]}
