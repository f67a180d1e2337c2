"""Catalog fixtures: each real catalog is parsed once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.catalog import LoadResult, load_catalog


@pytest.fixture(scope="session")
def ssu(shared_data: Path) -> LoadResult:
    return load_catalog(shared_data / "ssu-2026-1.csv")


@pytest.fixture(scope="session")
def sogang(shared_data: Path) -> LoadResult:
    return load_catalog(shared_data / "sogang-2025-1.csv")


@pytest.fixture(scope="session")
def sogang_multi(shared_data: Path) -> LoadResult:
    return load_catalog(shared_data / "sogang-2023-2025.csv")
