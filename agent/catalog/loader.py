"""`load_catalog`: one entry point for every catalog file.

How a file is read, in order:
1. an explicit ``mapping=`` (a YAML column-mapping file, see `agent.catalog.mapping`);
2. a mapping beside the file named ``<stem>.mapping.yaml`` (or ``.yml``): ``sample-catalog.csv`` ->
   ``sample-catalog.mapping.yaml``;
3. a built-in profile recognized by the exact CSV header (Soongsil, Sogang, Sogang multi-term).
Anything else raises `CatalogError` saying which headers it saw and how to write a mapping.

Terms (convention in `agent.catalog.terms`: ``2026-1``, ``2024-여름`` ...):
- A file with a term column (Sogang, or a mapping with ``term.column``) takes each row's term from it;
  ``term=`` then SELECTS that term (the other rows are left out, not reported), and a term the file
  does not hold raises `CatalogError` listing the terms it does hold.
- A file without one (Soongsil; a mapping without ``term``) uses ``term=`` if given, else the term in
  the file name (``ssu-2026-1.csv`` -> ``2026-1``), else the mapping's constant; none of these ->
  `CatalogError` asking for ``term=``.

Rows: a row that cannot be used (missing code or name, a timetable that does not parse, a broken
record) is reported as an error `CatalogProblem` and skipped; the rest load. A repeated id
(term, code, section) is a warning and the first one is kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from agent.catalog.mapping import ColumnMapping, load_mapping
from agent.catalog.models import CourseSection
from agent.catalog.profiles import Converter, Profile, RowError, detect_profile
from agent.catalog.reader import RawRecord, csv_header, iter_csv, iter_json
from agent.catalog.result import CatalogError, CatalogProblem, LoadResult
from agent.catalog.terms import TermError, normalize_term, term_from_filename, term_sort_key


def find_mapping(path: Path) -> Path | None:
    """The mapping that sits beside a catalog: ``<stem>.mapping.yaml`` / ``.yml``."""
    for suffix in (".mapping.yaml", ".mapping.yml"):
        candidate = path.with_name(path.stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def _normalize_term_arg(term: str | None) -> str | None:
    if term is None:
        return None
    try:
        return normalize_term(term)
    except TermError as exc:
        raise CatalogError(str(exc)) from None


def _validation_reason(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()))
        parts.append(f"{where}: {error.get('msg')}")
    return "; ".join(parts)


def _cells(record: RawRecord) -> tuple[str, ...]:
    """The row's non-empty scalar cells, stripped (what identifies a skipped row's section, if anything)."""
    values = [*record.values.values(), *(record.extra or [])]
    return tuple(str(v).strip() for v in values if isinstance(v, (str, int, float)) and str(v).strip())


def _collect(
    result: LoadResult,
    records: Iterable[RawRecord],
    convert: Converter,
    *,
    file_term: str | None,
    select_term: str | None,
) -> set[str]:
    """Run every record through `convert`, filling sections and problems; returns every term seen."""
    seen: set[str] = set()
    terms: set[str] = set()
    name = result.file
    for record in records:
        if record.extra and any(cell.strip() for cell in record.extra):
            result.problems.append(CatalogProblem(
                name, record.line, f"row has {len(record.values) + len(record.extra)} cells, header has "
                f"{len(record.values)} (shifted or unquoted comma?)", "error", record.index, _cells(record)))
            continue
        if record.short:
            result.problems.append(CatalogProblem(
                name, record.line, f"row has only {len(record.values)} cells (columns missing)", "error", record.index,
                _cells(record)))
            continue
        warnings: list[str] = []
        try:
            fields = convert(record.values, file_term, warnings)
            section = CourseSection(**fields)
        except RowError as exc:
            result.problems.append(CatalogProblem(name, record.line, str(exc), "error", record.index, _cells(record)))
            continue
        except ValidationError as exc:
            result.problems.append(CatalogProblem(
                name, record.line, _validation_reason(exc), "error", record.index, _cells(record)))
            continue
        terms.add(section.term)
        if select_term and section.term != select_term:
            continue
        for message in warnings:
            result.problems.append(CatalogProblem(name, record.line, message, "warning", record.index))
        if section.id in seen:
            result.problems.append(CatalogProblem(
                name, record.line, f"duplicate section {section.id}: kept the first", "warning", record.index))
            continue
        seen.add(section.id)
        result.sections.append(section)
    return terms


def _load_profile(path: Path, profile: Profile, term: str | None) -> LoadResult:
    result = LoadResult(file=path.name, profile=profile.name, university=profile.university)
    file_term: str | None = None
    select_term: str | None = None
    if profile.term_in_file:
        select_term = term
    else:
        file_term = term or term_from_filename(path)
        if not file_term:
            raise CatalogError(
                f"{path.name}: this {profile.name} catalog has no term column and its file name names no "
                "term; pass term='2026-1' (or name the file like ssu-2026-1.csv)"
            )
    _, records = iter_csv(path)
    terms = _collect(result, records, profile.convert, file_term=file_term, select_term=select_term)
    _check_selected(path, select_term, terms)
    return result


def _check_selected(path: Path, select_term: str | None, terms: set[str]) -> None:
    if select_term and select_term not in terms:
        held = ", ".join(sorted(terms, key=term_sort_key)) or "none"
        raise CatalogError(f"{path.name}: no sections for term {select_term!r} (the file holds: {held})")


def _load_mapping(path: Path, mapping: ColumnMapping, term: str | None) -> LoadResult:
    result = LoadResult(file=path.name, profile=f"mapping:{mapping.source}", university=mapping.university)
    if mapping.term_column_based:
        file_term, select_term = None, term
    else:
        file_term, select_term = term or mapping.term_constant or term_from_filename(path), None
        if not file_term:
            raise CatalogError(
                f"{path.name}: the mapping {mapping.source} gives no term (term.value or term.column) "
                "and the file name names none; pass term='2026-1'"
            )
    fmt = mapping.format or ("json" if path.suffix.lower() in (".json", ".jsonl") else "csv")
    if fmt == "json":
        records = iter_json(path, mapping.encoding, mapping.records)
    else:
        header, records = iter_csv(path, mapping.encoding, mapping.delimiter)
        missing = mapping.missing_columns(header)
        if missing:
            raise CatalogError(
                f"{path.name}: columns named in {mapping.source} are not in the file: {', '.join(missing)} "
                f"(file has: {', '.join(header)})"
            )
    terms = _collect(result, records, mapping.convert, file_term=file_term, select_term=select_term)
    _check_selected(path, select_term, terms)
    return result


def load_catalog(
    path: str | Path, *, mapping: str | Path | None = None, term: str | None = None
) -> LoadResult:
    """Load a catalog file into `CourseSection`s (see the module doc for how the layout and term are
    chosen). Raises `CatalogError` only when the file as a whole cannot be read; row trouble is in
    `result.problems`.

    >>> result = load_catalog("../shared/data/ssu-2026-1.csv")
    >>> result.loaded, result.terms
    (3048, ['2026-1'])
    """
    path = Path(path)
    if not path.is_file():
        raise CatalogError(f"catalog file not found: {path}")
    select = _normalize_term_arg(term)
    mapping_path = Path(mapping) if mapping is not None else find_mapping(path)
    if mapping_path is not None:
        result = _load_mapping(path, load_mapping(mapping_path), select)
    elif path.suffix.lower() in (".json", ".jsonl"):
        raise CatalogError(f"{path.name}: a JSON catalog needs a column mapping (mapping=... or "
                           f"{path.stem}.mapping.yaml beside it); see docs/catalog-mapping.md")
    else:
        header = csv_header(path)
        profile = detect_profile(header)
        if profile is None:
            shown = ", ".join(header[:12]) + (" ..." if len(header) > 12 else "")
            raise CatalogError(
                f"{path.name}: unknown catalog layout ({len(header)} columns: {shown}); write a column "
                f"mapping ({path.stem}.mapping.yaml beside it, see docs/catalog-mapping.md)"
            )
        result = _load_profile(path, profile, select)
    return result
