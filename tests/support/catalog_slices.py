"""Small catalogs cut from the sample catalog (its mapping copied beside them), for tests that ingest a
catalog from scratch through the CLI and must keep the embedding short."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample-catalog.csv"


def sample_slice(directory: Path, name: str, keep: Callable[[dict[str, str]], bool]) -> Path:
    """`directory/<name>.csv`: the header and the sample catalog's rows `keep` accepts (column -> value)."""
    with SAMPLE.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    kept = [header] + [row for row in rows[1:] if keep(dict(zip(header, row, strict=False)))]
    path = directory / f"{name}.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(kept)
    shutil.copy(SAMPLE.with_name("sample-catalog.mapping.yaml"), directory / f"{name}.mapping.yaml")
    return path
