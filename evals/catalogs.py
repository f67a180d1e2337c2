"""Catalog names in golden cases -> CSV paths.

Defaults: `sample` is the project's own `data/sample-catalog.csv`; `ssu-2026-1`, `sogang-2025-1` and
`sogang-2023-2025` are the real catalogs in `../shared/data/<stem>.csv` (beside the repository, never
copied into it). `--catalog NAME=PATH` adds a name or overrides a default.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from agent.settings import PROJECT_ROOT, SAMPLE_CATALOG

SHARED_DATA = PROJECT_ROOT.parent / "shared" / "data"
SHARED_STEMS = ("ssu-2026-1", "sogang-2025-1", "sogang-2023-2025")


class CatalogError(ValueError):
    """An unknown catalog name, a malformed `NAME=PATH`, or a missing file."""


def default_catalogs() -> dict[str, Path]:
    catalogs = {"sample": SAMPLE_CATALOG}
    catalogs.update({stem: SHARED_DATA / f"{stem}.csv" for stem in SHARED_STEMS})
    return catalogs


def parse_overrides(specs: Iterable[str]) -> dict[str, Path]:
    """`["ssu-2026-1=/data/ssu.csv", ...]` -> {name: path}; errors name the bad spec."""
    out: dict[str, Path] = {}
    for spec in specs:
        name, sep, path = spec.partition("=")
        if not sep or not name.strip() or not path.strip():
            raise CatalogError(f"--catalog expects NAME=PATH, got {spec!r}")
        out[name.strip()] = Path(path.strip()).expanduser()
    return out


class CatalogResolver:
    """Resolve golden-case catalog names to existing files."""

    def __init__(self, overrides: Mapping[str, Path] | None = None) -> None:
        self.catalogs = default_catalogs()
        self.catalogs.update(overrides or {})

    def resolve(self, name: str) -> Path:
        path = self.catalogs.get(name)
        if path is None:
            known = ", ".join(sorted(self.catalogs))
            raise CatalogError(f"unknown catalog {name!r} (known: {known}; add one with --catalog {name}=PATH)")
        if not path.is_file():
            raise CatalogError(f"catalog {name!r} resolves to {path}, which does not exist")
        return path
