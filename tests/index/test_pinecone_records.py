"""The Pinecone record layout and filter translation, checked against the loopback server's filter
engine (Pinecone's documented semantics) and `filtering.matches`, for many filter combinations."""

from __future__ import annotations

import itertools
import json

from agent.catalog.models import CourseSection
from agent.index.base import SearchFilters
from agent.index.filtering import matches
from agent.index.pinecone.records import (
    METADATA_BUDGET,
    parse_vocabulary,
    pinecone_filter,
    section_from_metadata,
    section_metadata,
    stats_records,
)
from agent.index.pinecone.sparse import Bm25Stats
from agent.index.vocabulary import merge_vocabularies, vocabulary_of
from tests.fakes.pinecone import check_filter, filter_matches
from tests.support.sections import sample_sections, section, slot


def corpus() -> list[CourseSection]:
    return sample_sections() + [
        section("ECO2000", "미시경제학", department="경제학과", professors=["홍길동"], credits=3,
                category="전기-AI융합/전기-IT융합/전선-경제학", slots=[slot("화", "18:00", "20:45")]),
        section("ECO2001", "거시경제학", department="경제학과", professors=[], credits=None, category=None, slots=[]),
    ]


def stored(s: CourseSection) -> dict:
    metadata = section_metadata(s, text="t", content_hash="h", passage_key="k", strategy="bigram", avgdl=10.0)
    return json.loads(json.dumps(metadata))  # as it travels: numbers become JSON numbers


FILTER_PARTS = {
    "days": [[], ["화"], ["월", "수"]],
    "exclude_days": [[], ["금"]],
    "start_after": [None, 720],
    "start_before": [None, 719],
    "end_before": [None, 17 * 60],
    "credits": [None, 3.0, 1],
    "english": [None, True],
    "category": [None, "교양", "전기-AI융합", "전선-경제"],
    "professors": [[], ["김민수", "정하늘"]],
    "departments": [[], ["경제학과"]],
}


def all_filters() -> list[SearchFilters]:
    keys = list(FILTER_PARTS)
    combos = []
    for values in itertools.product(*(FILTER_PARTS[k] for k in keys)):
        filters = SearchFilters(**dict(zip(keys, values)))
        combos.append(filters)
    return combos[::5]  # a spread of ~1,400 combinations


def test_pinecone_filter_agrees_with_matches() -> None:
    sections = corpus()
    metadata = {s.id: stored(s) for s in sections}
    checked = positives = 0
    for filters in all_filters():
        flt = pinecone_filter(filters)
        if flt is not None:
            check_filter(flt)  # the server would accept it
        for s in sections:
            by_pinecone = flt is None or filter_matches(metadata[s.id], flt)
            precise = matches(s, filters)
            positives += precise
            if precise:
                assert by_pinecone, (filters, s.id)  # never stricter than matches
            elif not (filters.category and len(filters.category) > 4):
                assert not by_pinecone, (filters, s.id)  # exact except long category substrings
            checked += 1
    assert checked > 10_000 and positives > 100


def test_long_category_is_a_superset_then_post_filtered() -> None:
    s = section("X1", "x", category="전기-AI융합/전선-경제학")
    flt = pinecone_filter(SearchFilters(category="AI융합/전선"))
    assert filter_matches(stored(s), flt) and matches(s, SearchFilters(category="AI융합/전선"))
    assert not filter_matches(stored(s), pinecone_filter(SearchFilters(category="AI융합/전필")))


def test_metadata_has_no_nulls_and_rebuilds_the_section() -> None:
    for s in corpus():
        metadata = stored(s)
        assert None not in metadata.values()
        assert section_from_metadata(metadata) == s
        assert len(json.dumps(metadata, ensure_ascii=False).encode()) <= METADATA_BUDGET


def test_stats_records_round_trip() -> None:
    sections = corpus()
    stats = Bm25Stats.from_documents([["a", "b"], ["b", "c", "c"]])
    vocabulary = vocabulary_of(sections)
    records = stats_records("2026-1", stats, vocabulary, "fp")
    assert records[-1][0] == "2026-1#meta" and records[-1][1]["df_parts"] == 1
    vocab_chunks = [m["data"] for i, m in records if "#vocab#" in i]
    assert parse_vocabulary(vocab_chunks) == vocabulary
    assert "홍길동" in vocabulary.professors and "전기-AI융합/전기-IT융합/전선-경제학" in vocabulary.categories
    assert merge_vocabularies([vocabulary, vocabulary]) == vocabulary
    rooms = {" ".join(slot.room.split()) for s in sections for slot in s.slots if slot.room}
    assert rooms and set(vocabulary.rooms) == rooms
    named = CourseSection(term="2026-1", code="X9", name="게임이론", name_en="Game  Theory")
    with_english = vocabulary_of([*sections, named])
    assert ("Game Theory", "게임이론") in with_english.english_names
    assert parse_vocabulary([m["data"] for i, m in stats_records("2026-1", stats, with_english, "fp") if "#vocab#" in i]) \
        == with_english
    json.dumps(records, allow_nan=False)  # plain JSON, nothing the SDK would refuse


def test_sync_plan() -> None:
    from agent.index.passage import lexical_tokens
    from agent.index.pinecone.sync import plan_sync, section_record, unique_sections

    sections = sample_sections()
    tokens = {s.id: lexical_tokens(s, "bigram") for s in sections}
    stats = Bm25Stats.from_documents(tokens.values(), strategy="bigram")
    vector = [0.1] * 8
    existing = {
        s.id: {"metadata": (r := section_record(s, vector, tokens=tokens[s.id], stats=stats, embeddings_id="E"))
               ["metadata"], "values": r["values"]}
        for s in sections
    }
    unique = unique_sections("2026-1", sections + sections[:1])  # a duplicate id is kept once
    same = plan_sync("2026-1", unique, existing, stats=stats, embeddings_id="E", dimension=8)
    assert (same.report.unchanged, same.to_embed, same.reuse, same.removed) == (12, [], [], [])

    other_model = plan_sync("2026-1", unique, existing, stats=stats, embeddings_id="F", dimension=8)
    assert len(other_model.to_embed) == 12 and other_model.report.updated == 12

    drifted = Bm25Stats(n_docs=stats.n_docs, avgdl=stats.avgdl * 1.10, df=stats.df, strategy="bigram")
    plan = plan_sync("2026-1", unique, existing, stats=drifted, embeddings_id="E", dimension=8)
    assert plan.report.unchanged == 12 and len(plan.reuse) == 12 and plan.to_embed == []  # sparse only
    slight = Bm25Stats(n_docs=stats.n_docs, avgdl=stats.avgdl * 1.01, df=stats.df, strategy="bigram")
    assert plan_sync("2026-1", unique, existing, stats=slight, embeddings_id="E", dimension=8).reuse == []
    kiwi = Bm25Stats(n_docs=stats.n_docs, avgdl=stats.avgdl, df=stats.df, strategy="kiwi")
    assert len(plan_sync("2026-1", unique, existing, stats=kiwi, embeddings_id="E", dimension=8).reuse) == 12

    moved = sections[0].model_copy(update={"notes": "강의실 변경"})
    fewer = unique_sections("2026-1", [moved, *sections[1:-1]])
    plan = plan_sync("2026-1", fewer, existing, stats=stats, embeddings_id="E", dimension=8)
    assert [s.id for s in plan.reuse] == [moved.id] and plan.report.updated == 1  # notes are not embedded
    assert plan.removed == [sections[-1].id] and plan.report.deleted == 1
