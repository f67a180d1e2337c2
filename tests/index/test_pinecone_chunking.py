"""Upserts stay under Pinecone's 2 MB / 1000-record limits with 384-dim vectors and hundreds of sections,
and metadata stays under 40 KB even for an absurdly long description."""

from __future__ import annotations

import json

from agent.catalog.models import CourseSection
from agent.index.pinecone import PineconeCourseIndex
from tests.fakes.pinecone import MAX_METADATA_BYTES, MAX_REQUEST_BYTES, PineconeServer
from tests.support.embeddings import SharedEmbeddings
from tests.support.sections import sample_sections

TERM = "2026-1"
DESCRIPTION = "자료 구조와 알고리즘을 실제 문제에 적용하며 설계, 분석, 구현을 반복해서 익힌다. " * 60  # ~2,700 chars


def bulk_sections() -> list[CourseSection]:
    """300 sections: 25 sections of each of 12 courses, with long Korean descriptions.

    Sections of one course share their passage (the description is clipped before embedding), so the
    model runs 12 times while the upserts carry 300 fat records (~40 KB each as the SDK's ASCII JSON).
    """
    sections = []
    for base in sample_sections(TERM):
        for number in range(1, 26):
            sections.append(base.model_copy(update={
                "section": f"{base.section}{number:02d}", "description": (base.description or "") + " " + DESCRIPTION}))
    return sections


def test_hundreds_of_sections_go_in_requests_under_2_mb() -> None:
    sections = bulk_sections()
    embeddings = SharedEmbeddings()
    with PineconeServer(dimension=384) as srv:
        index = PineconeCourseIndex(api_key=srv.api_key, embeddings=embeddings, host=srv.url)
        srv.clear_requests()
        report = index.sync_term(TERM, sections)
        assert report.added == 300
        upserts = [size for (method, path), size in zip(srv.requests, srv.request_sizes)
                   if path == "/vectors/upsert"]
        total = sum(upserts)
        assert total > 3 * MAX_REQUEST_BYTES  # one request could never have carried this
        assert max(upserts) <= MAX_REQUEST_BYTES
        assert len(upserts) >= total // MAX_REQUEST_BYTES + 1
        stored = srv.vectors(TERM)
        assert len(stored) == 300
        assert all(len(v.values) == 384 and isinstance(v.values[0], float) for v in stored.values())
        passages = {v.metadata["text"] for v in stored.values()}
        assert len(passages) == 12
        assert embeddings.documents_requested == 12  # identical passages are embedded once


def test_metadata_over_40_kb_is_clipped_not_refused() -> None:
    huge = sample_sections(TERM)[0].model_copy(update={"description": "가나다라마바사 " * 8000, "notes": "비고 " * 5000})
    with PineconeServer(dimension=384) as srv:
        index = PineconeCourseIndex(api_key=srv.api_key, embeddings=SharedEmbeddings(), host=srv.url)
        assert index.sync_term(TERM, [huge]).added == 1
        stored = srv.vectors(TERM)[huge.id].metadata
        assert len(json.dumps(stored, ensure_ascii=False).encode()) <= MAX_METADATA_BYTES
        assert stored["record_clipped"] is True
        section = index.get_course(huge.code)[0]
        assert section.name == huge.name and section.slots == huge.slots
        assert section.description.startswith("가나다라마바사") and len(section.description) < len(huge.description)
