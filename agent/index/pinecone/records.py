"""How course sections look inside Pinecone: record metadata, metadata filters, stats records.

Kept apart from `store.py` and its mixins (which do the talking) so the layout can be read in one place and
tested without a server.

Section records (namespace = the term):
- id: `CourseSection.id` ("2026-1:CSE2010:01"); values: the passage embedding (plain floats);
  sparseValues: `sparse.document_vector` of the section's lexical tokens (BM25 TF half).
- metadata: `filtering.flat_fields(section, drop_none=True)` (term, code, section, department,
  category, professors[], days[], credits, english, start/end minute fields), `category_grams` (every
  substring of the category up to 4 characters, so "category contains 교양" is an equality filter), plus
  `name`, `text` (the embedded passage: `PineconeVectorStore`'s text key), `record` (the section as JSON,
  so a hit rebuilds the exact `CourseSection`), `content_hash`, `passage_hash` (embedding model + passage
  text), `lex_strategy` and `bm25_avgdl` (what the sparse vector was computed with). A record whose
  metadata would pass 40 KB gets its description / notes clipped in `record` (`record_clipped: true`).

Stats records (namespace `STATS_NAMESPACE`, one set per term, ids prefixed by the term):
- `{term}#meta`: n_docs, avgdl, strategy, fingerprint, df_parts, vocab_parts.
- `{term}#df#{i}`: part i of the df table ('token\\tdf' lines, ≤ 30 KB each).
- `{term}#vocab#{i}`: part i of the vocabulary (tagged lines, `agent.index.vocabulary.vocabulary_lines`).
Their dense vector is a fixed unit vector (Pinecone refuses an all-zero dense vector); they are never
searched, only fetched by id.
"""

from __future__ import annotations

import json
from typing import Any

from agent.catalog.models import CourseSection
from agent.index.base import SearchFilters, Vocabulary
from agent.index.filtering import DAY_KEYS, flat_fields
from agent.index.pinecone.sparse import Bm25Stats, chunk_lines
from agent.index.vocabulary import parse_vocabulary_lines, vocabulary_lines

STATS_NAMESPACE = "__coursebot_stats__"
TEXT_KEY = "text"
RECORD_KEY = "record"
MAX_METADATA_BYTES = 40 * 1024
METADATA_BUDGET = 38 * 1024  # headroom under the limit for the server's own accounting
STATS_CHUNK_BYTES = 30_000
CATEGORY_GRAM = 4  # "교양필수", "전공선택": the category words questions use are at most 4 characters

def metadata_size(metadata: dict[str, Any]) -> int:
    return len(json.dumps(metadata, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def section_metadata(
    section: CourseSection, *, text: str, content_hash: str, passage_key: str, strategy: str, avgdl: float
) -> dict[str, Any]:
    """The metadata of a section record (see the module docstring), always under 40 KB."""
    metadata: dict[str, Any] = {
        **flat_fields(section, drop_none=True),
        "name": section.name,
        TEXT_KEY: text,
        RECORD_KEY: section.model_dump_json(),
        "content_hash": content_hash,
        "passage_hash": passage_key,
        "lex_strategy": strategy,
        "bm25_avgdl": float(avgdl),
    }
    if section.category:
        metadata["category_grams"] = category_grams(section.category)
    if metadata_size(metadata) <= METADATA_BUDGET:
        return metadata
    # Only free text can be that long: clip it in the stored record until the metadata fits.
    limit = 4000
    while limit >= 0:
        clipped = section.model_copy(update={
            "description": _clip(section.description, limit), "notes": _clip(section.notes, limit // 4)})
        metadata[RECORD_KEY] = clipped.model_dump_json()
        metadata[TEXT_KEY] = text[:2000]
        metadata["record_clipped"] = True
        if metadata_size(metadata) <= METADATA_BUDGET:
            return metadata
        limit = limit // 2 if limit > 100 else -1
    raise ValueError(f"section {section.id} has too much metadata for Pinecone even with its description clipped")


def _clip(text: str | None, limit: int) -> str | None:
    if text is None or len(text) <= limit:
        return text
    return text[:limit] + "…"


def category_grams(category: str) -> list[str]:
    """Every substring of up to `CATEGORY_GRAM` characters: lets an equality filter test "contains"."""
    grams = {category[i:j] for i in range(len(category)) for j in range(i + 1, min(i + CATEGORY_GRAM, len(category)) + 1)}
    return sorted(grams)


def section_from_metadata(metadata: dict[str, Any]) -> CourseSection:
    return CourseSection.model_validate_json(metadata[RECORD_KEY])


def pinecone_filter(filters: SearchFilters | None) -> dict[str, Any] | None:
    """A Pinecone metadata filter for `filters`, never stricter than `filtering.matches`.

    Exact for every field (`category`, a substring test, through `category_grams`; exact up to 4
    characters, a superset beyond) except `term` / `terms`, which are namespaces. The fields with no metadata
    (`filtering.post_filter_only`: year, rooms, level, delivery, language, seats) are left to `matches`, which
    every hit passes afterwards. None when nothing constrains the search.
    """
    if filters is None:
        return None
    clauses: list[dict[str, Any]] = []
    if filters.course_codes:
        clauses.append({"code": {"$in": list(dict.fromkeys(filters.course_codes))}})
    if filters.departments:
        clauses.append({"department": {"$in": list(dict.fromkeys(filters.departments))}})
    if filters.professors:
        clauses.append({"professors": {"$in": list(dict.fromkeys(filters.professors))}})
    for day in dict.fromkeys(filters.days):
        clauses.append({"days": {"$eq": day}})
    if filters.exclude_days:
        clauses.append({"days": {"$nin": list(dict.fromkeys(filters.exclude_days))}})
    prefixes = [f"{DAY_KEYS[day]}_" for day in dict.fromkeys(filters.days)] or [""]
    for prefix in prefixes:
        # A missing field (no slot that day / no slot at all) fails $gte/$lte: excluded, as in `matches`.
        if filters.start_after is not None:
            clauses.append({f"{prefix}start_min": {"$gte": int(filters.start_after)}})
        if filters.start_before is not None:
            clauses.append({f"{prefix}start_max": {"$lte": int(filters.start_before)}})
        if filters.end_before is not None:
            clauses.append({f"{prefix}end_max": {"$lte": int(filters.end_before)}})
    if filters.end_after is not None:  # some meeting on those days ends late enough: any of them
        late = [{f"{prefix}end_max": {"$gte": int(filters.end_after)}} for prefix in prefixes]
        clauses.append(late[0] if len(late) == 1 else {"$or": late})
    if filters.credits is not None:
        value = float(filters.credits)
        clauses.append({"credits": {"$gte": value - 1e-6, "$lte": value + 1e-6}})
    if filters.english is not None:
        clauses.append({"english": {"$eq": bool(filters.english)}})
    if filters.category:
        # Substring test through the stored grams: exact up to CATEGORY_GRAM characters; a longer one
        # needs all its grams (necessary, not sufficient: `matches` decides).
        wanted = filters.category
        grams = [wanted] if len(wanted) <= CATEGORY_GRAM else list(dict.fromkeys(
            wanted[i : i + CATEGORY_GRAM] for i in range(len(wanted) - CATEGORY_GRAM + 1)))
        clauses.extend({"category_grams": {"$eq": gram}} for gram in grams)
    clauses.extend(_exclusion_clauses(filters))
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def _exclusion_clauses(filters: SearchFilters) -> list[dict[str, Any]]:
    """Ruled-out professors, departments and categories. A missing field (no department, no category) is "not
    in" any set, so a section whose catalog does not state it stays, as in `matches`. A ruled-out category
    word longer than the stored grams is left to `matches` (a gram test could not say "does not contain")."""
    clauses: list[dict[str, Any]] = []
    if filters.exclude_professors:
        clauses.append({"professors": {"$nin": list(dict.fromkeys(filters.exclude_professors))}})
    if filters.exclude_departments:
        clauses.append({"department": {"$nin": list(dict.fromkeys(filters.exclude_departments))}})
    short = [word for word in dict.fromkeys(filters.exclude_categories) if word and len(word) <= CATEGORY_GRAM]
    if short:
        clauses.append({"category_grams": {"$nin": short}})
    return clauses


def and_filter(*parts: dict[str, Any] | None) -> dict[str, Any] | None:
    present = [part for part in parts if part]
    if not present:
        return None
    return present[0] if len(present) == 1 else {"$and": present}


# ---- stats records ---------------------------------------------------------------------------------


def meta_id(term: str) -> str:
    return f"{term}#meta"


def part_id(term: str, kind: str, index: int) -> str:
    return f"{term}#{kind}#{index}"


def stats_records(term: str, stats: Bm25Stats, vocabulary: Vocabulary, fingerprint: str) -> list[tuple[str, dict]]:
    """(id, metadata) of every stats record of `term`, the meta record last (written last)."""
    df_chunks = stats.df_chunks(STATS_CHUNK_BYTES)
    lines = vocabulary_lines(vocabulary)
    vocab_chunks = chunk_lines(lines, STATS_CHUNK_BYTES)
    records: list[tuple[str, dict]] = []
    for i, chunk in enumerate(df_chunks):
        records.append((part_id(term, "df", i), {"kind": "df", "term": term, "part": i, "data": chunk}))
    for i, chunk in enumerate(vocab_chunks):
        records.append((part_id(term, "vocab", i), {"kind": "vocab", "term": term, "part": i, "data": chunk}))
    records.append((meta_id(term), {
        "kind": "meta", "term": term, "n_docs": stats.n_docs, "avgdl": stats.avgdl, "strategy": stats.strategy,
        "fingerprint": fingerprint, "df_parts": len(df_chunks), "vocab_parts": len(vocab_chunks),
    }))
    return records


def parse_vocabulary(chunks: list[str]) -> Vocabulary:
    return parse_vocabulary_lines(line for chunk in chunks for line in chunk.split("\n"))
