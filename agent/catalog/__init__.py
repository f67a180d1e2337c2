"""Course catalogs in: every loader produces `CourseSection`s (see `agent.catalog.models`).

    from agent.catalog import load_catalog
    result = load_catalog("../shared/data/ssu-2026-1.csv")      # built-in profile, term from the name
    result = load_catalog("export.json", mapping="export.mapping.yaml")
    print(result.summary()); result.sections; result.problems; result.by_term()

Layout: `loader` (entry point), `profiles` (the three real catalogs), `mapping/` (YAML column
mappings: the format in its package doc, `columns` converts a record, `validate` reads the file,
`optional` the optional fields), `slots` (timetable notations), `terms` (the term convention),
`eligibility` (level, registration rules), `offering` (delivery, language), `exams` (시험일자),
`categories`, `fields`.
"""

from agent.catalog.categories import category_words, normalize_category
from agent.catalog.loader import find_mapping, load_catalog
from agent.catalog.mapping import ColumnMapping, load_mapping, parse_mapping
from agent.catalog.models import DAYS, CourseSection, MeetingSlot, hhmm
from agent.catalog.result import CatalogError, CatalogProblem, LoadResult
from agent.catalog.slots import SlotParseError, parse_days, parse_slot_text, parse_time
from agent.catalog.terms import TermError, normalize_term, term_from_filename, term_sort_key

__all__ = [
    "DAYS", "CatalogError", "CatalogProblem", "ColumnMapping", "CourseSection", "LoadResult", "MeetingSlot",
    "SlotParseError", "TermError", "category_words", "find_mapping", "hhmm", "load_catalog", "load_mapping",
    "normalize_category", "normalize_term", "parse_days", "parse_mapping", "parse_slot_text", "parse_time",
    "term_from_filename", "term_sort_key",
]
