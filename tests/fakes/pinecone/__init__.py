"""A loopback Pinecone server (data plane, API version 2025-04, and the control-plane reads).

See `tests.fakes.pinecone.server` for what it implements; `python -m tests.fakes.pinecone --help` runs it
standalone.
"""

from tests.fakes.pinecone.errors import MAX_METADATA_BYTES, MAX_REQUEST_BYTES, ApiError
from tests.fakes.pinecone.filters import check_filter, filter_matches
from tests.fakes.pinecone.server import PineconeServer

__all__ = [
    "MAX_METADATA_BYTES", "MAX_REQUEST_BYTES", "ApiError", "PineconeServer", "check_filter", "filter_matches",
]
