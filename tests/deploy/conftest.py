"""The deploy tests reuse the API fixtures (the real search assistant over the sample index)."""

from tests.api.conftest import make_app, search_assistant  # noqa: F401  (re-exported fixtures)
