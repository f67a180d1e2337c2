"""Fixtures for the eval harness tests: a small real golden subset and the CLI wired to the suite's
cached indexes (so no test re-embeds a catalog the index fixtures already hold)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

GOLDEN_DIR = Path(__file__).resolve().parents[2] / "evals" / "golden"
# A spread of the sample set: name, abbreviation, code, follow-up, English-taught, out-of-scope, no-such-course.
SUBSET = ["smp-001", "smp-007", "smp-015", "smp-026", "smp-031", "smp-050", "smp-043", "smp-054", "smp-055", "smp-061"]


@pytest.fixture
def small_golden(tmp_path: Path) -> Path:
    lines = [line for line in (GOLDEN_DIR / "sample.jsonl").read_text(encoding="utf-8").splitlines()
             if json.loads(line)["id"] in SUBSET]
    assert len(lines) == len(SUBSET)
    path = tmp_path / "small.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def use_cached_indexes(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest):
    """Make `coursebot eval` use the session's cached indexes instead of ingesting into its cache dir.
    Returns a function that registers `name -> fixture name` lazily."""
    registered: dict[str, Any] = {}

    def prepare(settings, catalogs, console):  # same signature as evals.runner.prepare_indexes
        out = {}
        for name in catalogs:
            if name not in registered:
                raise AssertionError(f"test did not provide an index for {name}")
            out[name] = registered[name]
        return out

    monkeypatch.setattr("evals.runner.prepare_indexes", prepare)

    def provide(name: str, fixture: str) -> None:
        registered[name] = request.getfixturevalue(fixture)

    return provide
