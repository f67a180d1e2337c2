"""BM25 sparse vectors: the dot product of query and document vectors is the BM25 score."""

from __future__ import annotations

import math
import subprocess
import sys

import pytest

from agent.index.pinecone.sparse import (
    K1,
    MAX_NONZERO,
    B,
    Bm25Stats,
    chunk_lines,
    document_vector,
    query_vector,
    token_index,
)
from agent.index.tokenizer import tokenize

DOCS = [
    "운영체제 프로세스 스케줄링 메모리 관리",
    "자료구조 배열 연결 리스트 트리 그래프",
    "데이터베이스 관계 모델 SQL 트랜잭션 인덱스 관리",
    "운영체제 실습 리눅스 커널",
]


def dot(a: dict, b: dict) -> float:
    weights = dict(zip(b["indices"], b["values"]))
    return sum(v * weights.get(i, 0.0) for i, v in zip(a["indices"], a["values"]))


def bm25(query: list[str], doc: list[str], corpus: list[list[str]]) -> float:
    """Textbook Okapi BM25 (Lucene's IDF), computed independently of the module."""
    n = len(corpus)
    avgdl = sum(map(len, corpus)) / n
    score = 0.0
    for term in query:
        df = sum(term in d for d in corpus)
        if df == 0:
            continue
        idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
        tf = doc.count(term)
        score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * len(doc) / avgdl))
    return score


@pytest.mark.parametrize("question", ["운영체제 메모리", "관리", "트리 그래프 자료구조", "리눅스 커널 운영체제 수업"])
def test_dot_product_equals_bm25(question: str) -> None:
    corpus = [tokenize(d) for d in DOCS]
    stats = Bm25Stats.from_documents(corpus)
    q_tokens = tokenize(question)
    q = query_vector(q_tokens, stats)
    for doc in corpus:
        assert dot(document_vector(doc, stats.avgdl), q) == pytest.approx(bm25(q_tokens, doc, corpus), rel=1e-9)
    ranked = sorted(range(len(corpus)), key=lambda i: -dot(document_vector(corpus[i], stats.avgdl), q))
    assert bm25(q_tokens, corpus[ranked[0]], corpus) == max(bm25(q_tokens, d, corpus) for d in corpus)


def test_unknown_tokens_drop_out_and_empty_inputs() -> None:
    stats = Bm25Stats.from_documents([tokenize(d) for d in DOCS])
    assert query_vector(tokenize("양자역학"), stats) == {"indices": [], "values": []}
    assert document_vector([], stats.avgdl) == {"indices": [], "values": []}
    assert Bm25Stats.from_documents([]).n_docs == 0


def test_token_index_is_stable_across_processes() -> None:
    code = ("from agent.index.pinecone.sparse import token_index; "
            "print(token_index('운영'), token_index('cse3001'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONHASHSEED": "123", "PATH": ""}, cwd=str(__import__("pathlib").Path(__file__).parents[2]))
    assert out.stdout.split() == [str(token_index("운영")), str(token_index("cse3001"))]
    assert 0 <= token_index("운영") < 2 ** 32 and token_index("운영") != token_index("영체")


def test_at_most_1000_nonzeros_keeping_the_strongest() -> None:
    tokens = [f"w{i}" for i in range(1500)] + ["hot"] * 5
    vector = document_vector(tokens, avgdl=100.0)
    assert len(vector["indices"]) == MAX_NONZERO
    assert token_index("hot") in vector["indices"]
    assert vector["indices"] == sorted(vector["indices"])
    assert all(isinstance(v, float) for v in vector["values"])


def test_df_chunks_round_trip_under_the_size() -> None:
    corpus = [[f"토큰{i}", f"tok{i % 97}", "공통"] for i in range(5000)]
    stats = Bm25Stats.from_documents(corpus, strategy="bigram")
    chunks = stats.df_chunks(max_bytes=30_000)
    assert len(chunks) > 1 and all(len(c.encode("utf-8")) <= 30_000 for c in chunks)
    assert Bm25Stats.parse_df_chunks(chunks) == stats.df
    changed = Bm25Stats.from_documents(corpus[:-1])
    assert changed.fingerprint() != stats.fingerprint()
    assert Bm25Stats.from_documents(corpus).fingerprint() == stats.fingerprint()
    with pytest.raises(ValueError):
        chunk_lines(["x" * 50], max_bytes=10)
