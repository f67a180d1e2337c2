"""What a Pinecone `sync_term` must write: the plan (new, changed, unchanged, removed) and the records.

Pure functions over what the namespace already holds (`existing`: id → {"metadata", "values"}), so the
store only does the I/O. The rules:
- new section → embedded and written;
- same content hash and same passage key (embedding model + passage text) → left alone, unless its
  sparse vector is stale (tokenizer strategy changed, or the corpus' average length moved > 2 %): then
  rewritten with its stored dense vector;
- changed record, same passage → rewritten with its stored dense vector (no embedding);
- changed passage → re-embedded;
- ids in the namespace that are not in the catalog any more → deleted, unless the caller keeps them (their
  catalog rows were skipped).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from agent.catalog.models import CourseSection
from agent.index.pinecone import records as rec
from agent.index.base import IngestReport
from agent.index.pinecone.sparse import Bm25Stats, document_vector

AVGDL_DRIFT = 0.02


@dataclass
class SyncPlan:
    report: IngestReport
    to_embed: list[CourseSection] = field(default_factory=list)
    reuse: list[CourseSection] = field(default_factory=list)  # written with their stored vectors
    removed: list[str] = field(default_factory=list)


def unique_sections(term: str, sections: Sequence[CourseSection]) -> dict[str, CourseSection]:
    """The sections by id, checked to belong to `term`; a duplicated id keeps its first occurrence (as the
    LanceDB backend does)."""
    if not term or term.startswith("__"):
        raise ValueError(f"invalid term {term!r}: a term names a namespace and cannot start with '__'")
    wrong = [s.id for s in sections if s.term != term]
    if wrong:
        raise ValueError(f"sync_term({term!r}) got sections of another term: {', '.join(wrong[:5])}")
    unique: dict[str, CourseSection] = {}
    for section in sections:
        unique.setdefault(section.id, section)
    return unique


def passage_key(section: CourseSection, embeddings_id: str) -> str:
    from agent.index.passage import passage_hash

    return f"{embeddings_id}/{passage_hash(section)}"


def lexical_current(metadata: dict[str, Any], stats: Bm25Stats) -> bool:
    """Whether a stored sparse vector was computed with these statistics (near enough)."""
    if metadata.get("lex_strategy") != stats.strategy:
        return False
    old = float(metadata.get("bm25_avgdl") or 0.0)
    return old > 0 and abs(old - stats.avgdl) <= AVGDL_DRIFT * max(stats.avgdl, 1e-9)


def plan_sync(term: str, unique: dict[str, CourseSection], existing: dict[str, dict[str, Any]], *,
              stats: Bm25Stats, embeddings_id: str, dimension: int, keep: Collection[str] = ()) -> SyncPlan:
    """The plan; stored ids in `keep` (sections whose catalog rows were skipped) are not removed."""
    plan = SyncPlan(report=IngestReport(term=term))
    report = plan.report
    for doc_id, section in unique.items():
        old = existing.get(doc_id)
        if old is None:
            report.added += 1
            plan.to_embed.append(section)
            continue
        meta = old["metadata"]
        same_passage = (meta.get("passage_hash") == passage_key(section, embeddings_id)
                        and len(old["values"]) == dimension)
        if meta.get("content_hash") == section.content_hash() and same_passage:
            report.unchanged += 1
            if not lexical_current(meta, stats):
                plan.reuse.append(section)  # only the sparse vector is stale
            continue
        report.updated += 1
        (plan.reuse if same_passage else plan.to_embed).append(section)
    plan.removed = [doc_id for doc_id in existing if doc_id not in unique and doc_id not in keep]
    report.deleted = len(plan.removed)
    return plan


def section_record(section: CourseSection, values: list[float], *, tokens: list[str], stats: Bm25Stats,
                   embeddings_id: str) -> dict[str, Any]:
    """The upsert record of a section: plain-float dense values, BM25 sparse values, metadata."""
    from agent.index.passage import passage_text

    metadata = rec.section_metadata(
        section, text=passage_text(section), content_hash=section.content_hash(),
        passage_key=passage_key(section, embeddings_id), strategy=stats.strategy, avgdl=stats.avgdl,
    )
    item: dict[str, Any] = {"id": section.id, "values": [float(x) for x in values], "metadata": metadata}
    sparse = document_vector(tokens, stats.avgdl)
    if sparse["indices"]:  # a section without tokens is dense-only
        item["sparse_values"] = sparse
    return item
