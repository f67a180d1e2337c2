"""The Pinecone course index (`VECTOR_STORE=pinecone`): one `dotproduct` index, one namespace per term,
sparse-dense records.

- `store.py`: `PineconeCourseIndex` (connection and index checks), built from its two halves:
  `reads.py` (search, lookups, terms, vocabulary) and `writes.py` (incremental `sync_term`, upserts)
- `history.py`: the files ingested, and rollback by re-syncing the previous one (Pinecone keeps no versions)
- `sync.py`: what a sync must write (pure); `records.py`: the record and metadata-filter layout
- `sparse.py`: BM25 sparse vectors; `stats.py`: the BM25 statistics and vocabulary kept in Pinecone
- `calls.py`: SDK calls with retries, and the errors they become

Importing this package loads neither the Pinecone SDK nor langchain-pinecone (nor anything of LanceDB):
the SDK is imported when an index is built, langchain-pinecone when an ingestion first deletes.
"""

from agent.index.pinecone.calls import PineconeAuthError, PineconeConfigError, PineconeRequestError
from agent.index.pinecone.store import PineconeCourseIndex

__all__ = ["PineconeAuthError", "PineconeConfigError", "PineconeCourseIndex", "PineconeRequestError"]
