"""The abbreviation / nickname / typo lexicon (`abbreviations.yaml`), loaded once per process."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

from agent.query.departments_en import Patterns, compile_patterns

LEXICON_PATH = Path(__file__).with_name("abbreviations.yaml")


# libyaml's parser when PyYAML has it (PyPI wheels do): the pure-Python one costs ~50 ms on a Lambda cold start.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Lexicon:
    courses: dict[str, tuple[str, ...]]
    """alias (lower case) -> candidate course names, most likely first."""
    typos: dict[str, str]
    departments: dict[str, tuple[str, ...]]
    """nickname -> department stems (always a department)."""
    department_stems: dict[str, tuple[str, ...]]
    """short form -> department stems (a department only when 학과/전공/... follows)."""
    english_departments: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """English department name (lower case) -> department stems (always a department)."""
    english_department_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """English subject word -> department stems (a department only beside major/department/...)."""

    # Views computed once: the parser reads them several times per question.
    @cached_property
    def english_aliases(self) -> dict[str, tuple[str, ...]]:
        return {key: value for key, value in self.courses.items() if key.isascii()}

    @cached_property
    def korean_aliases(self) -> dict[str, tuple[str, ...]]:
        return {key: value for key, value in self.courses.items() if not key.isascii()}

    @cached_property
    def english_department_patterns(self) -> Patterns:
        # Compiled on the first question with English words in it, not at start-up.
        return compile_patterns(self.english_departments, self.english_department_words)


def _as_tuple_map(raw: object, section: str, path: Path) -> dict[str, tuple[str, ...]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ValueError(f"{path}: '{section}' must be a mapping of alias -> list of names")
    out: dict[str, tuple[str, ...]] = {}
    for key, value in raw.items():
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values) or not values:
            raise ValueError(f"{path}: '{section}.{key}' must be a non-empty list of strings")
        out[str(key).lower()] = tuple(values)
    return out


def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """Read and validate a lexicon file; a malformed entry raises ValueError naming it."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}  # noqa: S506 (safe loader)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping with courses / typos / departments")
    typos_raw = data.get("typos") or {}
    if not isinstance(typos_raw, dict) or not all(isinstance(v, str) for v in typos_raw.values()):
        raise ValueError(f"{path}: 'typos' must map a misspelling to its correct spelling")
    return Lexicon(
        courses=_as_tuple_map(data.get("courses"), "courses", path),
        typos={str(k): v for k, v in typos_raw.items()},
        departments=_as_tuple_map(data.get("departments"), "departments", path),
        department_stems=_as_tuple_map(data.get("department_stems"), "department_stems", path),
        english_departments=_as_tuple_map(data.get("english_departments"), "english_departments", path),
        english_department_words=_as_tuple_map(
            data.get("english_department_words"), "english_department_words", path),
    )


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()
