"""The project's golden sets are valid: schema, unique ids, known catalogs, and — the check that catches
bad golden data — every gold course code exists in the catalog the case names (and its term)."""

from __future__ import annotations

import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest

from evals.catalogs import CatalogResolver
from evals.golden import load_golden, load_many

GOLDEN_DIR = Path(__file__).resolve().parents[2] / "evals" / "golden"
FILES = sorted(GOLDEN_DIR.glob("*.jsonl"))
DESIGN_TAGS = {"by-schedule", "by-professor"}
REQUIRED_TAGS = DESIGN_TAGS | {
    "by-name", "by-abbreviation", "by-department", "multi-constraint", "by-code", "english-name", "typo",
    "follow-up", "out-of-scope", "no-such-course", "english-taught", "category", "credits",
}
BUILDERS = {"sogang-2025-1.jsonl": "build_sogang.py", "sample.jsonl": "build_sample.py"}


@lru_cache(maxsize=None)
def _codes(catalog: str) -> dict[str, set[str]]:
    """term -> course codes, via the project's own loader (what the index holds)."""
    from agent.catalog import load_catalog

    out: dict[str, set[str]] = {}
    for section in load_catalog(CatalogResolver().resolve(catalog)).sections:
        out.setdefault(section.term, set()).add(section.code)
    return out


def test_golden_files_exist() -> None:
    names = {p.name for p in FILES}
    assert {"sample.jsonl", "sogang-2025-1.jsonl"} <= names, names


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_gold_codes_exist_in_their_catalog(path: Path, shared_data: Path) -> None:
    problems = []
    for case in load_golden(path):
        codes = _codes(case.catalog)
        pool = codes.get(case.term, set()) if case.term else set().union(*codes.values())
        missing = [code for code in case.gold_courses if code not in pool]
        if missing:
            problems.append(f"{case.id}: {missing} not in {case.catalog}{' ' + case.term if case.term else ''}")
    assert not problems, "\n".join(problems)


def test_ids_unique_across_files_and_enough_cases_and_tags() -> None:
    cases = load_many(FILES)  # raises on a repeated id
    tags = {tag for case in cases for tag in case.tags}
    assert REQUIRED_TAGS <= tags, f"missing tags: {sorted(REQUIRED_TAGS - tags)}"
    assert any(case.history for case in cases)
    assert sum(1 for c in cases if not c.gold_courses and "out-of-scope" in c.tags) >= 3
    assert sum(1 for c in cases if not c.gold_courses and "no-such-course" in c.tags) >= 3
    for case in cases:
        if "follow-up" in case.tags:
            assert case.history, f"{case.id}: a follow-up needs history"
        if not case.gold_courses:
            assert not case.must_include, f"{case.id}: an abstention case has no facts to include"
    # the project's own sets (sample + Sogang) alone; with the retrieval helper's Soongsil set, >= 150
    own = [c for c in cases if c.catalog in ("sample", "sogang-2025-1")]
    assert len(own) >= 80
    if (GOLDEN_DIR / "ssu-2026-1.jsonl").exists():
        assert len(cases) >= 150, len(cases)


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_builders_reproduce_the_committed_files(name: str, tmp_path: Path, shared_data: Path) -> None:
    """The gold sets are computed, not edited by hand: rebuilding gives the committed bytes."""
    out = tmp_path / name
    subprocess.run([sys.executable, str(GOLDEN_DIR / BUILDERS[name]), "--out", str(out)], check=True,
                   capture_output=True, text=True)
    assert out.read_text(encoding="utf-8") == (GOLDEN_DIR / name).read_text(encoding="utf-8")
