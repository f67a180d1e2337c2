"""Open the configured course index: embedded LanceDB (default) or Pinecone.

    from agent.index.factory import open_index, ensure_sample_ingested
    index = open_index()                       # VECTOR_STORE=local -> LanceCourseIndex(LOCAL_STORE_PATH)
    ensure_sample_ingested(index)              # first run: ingest CATALOG_PATH (the sample catalog)

Backends are imported here, on demand, so importing this module costs nothing.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from agent.index.base import CourseIndex, IngestReport

if TYPE_CHECKING:
    from agent.settings import Settings

log = logging.getLogger(__name__)


def open_index(settings: Settings | None = None) -> CourseIndex:
    """The course index the settings describe.

    - `VECTOR_STORE=local`: `LanceCourseIndex` at `LOCAL_STORE_PATH` with `get_embeddings(settings)`.
    - `VECTOR_STORE=pinecone`: `agent.index.pinecone.PineconeCourseIndex.from_settings(settings)`.
    Raises `DimensionMismatchError` when the stored vectors do not fit the embedding model.
    """
    if settings is None:
        from agent.settings import get_settings

        settings = get_settings()
    from agent.index.embeddings import get_embeddings

    embeddings = get_embeddings(settings)
    if settings.vector_store == "pinecone":
        from agent.index.pinecone import PineconeCourseIndex

        from_settings = getattr(PineconeCourseIndex, "from_settings", None)
        if from_settings is not None:
            return from_settings(settings, embeddings=embeddings, request_timeout=settings.pinecone_timeout)
        return PineconeCourseIndex(settings=settings, embeddings=embeddings)  # type: ignore[call-arg]
    from agent.index.lance import LanceCourseIndex

    return LanceCourseIndex(settings.local_store_path, embeddings)


def ensure_sample_ingested(index: CourseIndex, settings: Settings | None = None) -> list[IngestReport]:
    """Ingest `CATALOG_PATH` (default: the project's sample catalog) when the index holds nothing.

    Used by `coursebot ask/chat/serve` on first run, so the demo answers without a manual ingest.
    Returns the ingestion reports ([] when the index already held sections).
    """
    if index.count() > 0:
        return []
    if settings is None:
        from agent.settings import get_settings

        settings = get_settings()
    from agent.index.ingest import ingest_catalog

    log.info("course index is empty: ingesting %s", settings.catalog_path)
    return ingest_catalog(index, settings.catalog_path, progress=False)
