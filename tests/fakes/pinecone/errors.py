"""Limits, error codes and the error envelope of the loopback Pinecone server (see the reference's
Limits table and error format)."""

from __future__ import annotations

MAX_UPSERT_RECORDS = 1000
MAX_REQUEST_BYTES = 2 * 1024 * 1024
MAX_METADATA_BYTES = 40 * 1024
MAX_ID_CHARS = 512
MAX_SPARSE_NONZERO = 1000
MAX_TOP_K = 10_000
MAX_IDS_PER_REQUEST = 1000
MAX_LIST_LIMIT = 100
DEFAULT_LIST_LIMIT = 100

# gRPC status codes Pinecone puts in the error envelope's "code".
INVALID_ARGUMENT = 3
NOT_FOUND = 5
UNAUTHENTICATED = 16
UNAVAILABLE = 14
INTERNAL = 13
RESOURCE_EXHAUSTED = 8


class ApiError(Exception):
    """A request the server answers with an HTTP error and the documented envelope."""

    def __init__(self, status: int, message: str, code: int = INVALID_ARGUMENT) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code

