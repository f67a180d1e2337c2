"""The embedded course index on LanceDB (`VECTOR_STORE=local`, the default).

- `store.py`: `LanceCourseIndex` (set-up and reading: codes, hybrid search, lookups, vocabulary)
- `writes.py`: its writing half (incremental `sync_term`, re-tokenizing, full-text index, compaction)
- `snapshot.py`: the in-memory copy of the table the exact lookups and the dense scan read
- `schema.py`: the Arrow schemas of the table

Importing this package loads neither lancedb nor pyarrow: `LanceCourseIndex` imports them when built.
"""

from agent.index.lance.store import LanceCourseIndex

__all__ = ["LanceCourseIndex"]
