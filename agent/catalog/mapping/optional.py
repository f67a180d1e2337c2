"""The optional fields a mapping may name: level, registration rules, head counts, delivery, language,
exam and student-ID digits (what each means: `CourseSection`'s field descriptions).

- `level`, `delivery`, `language`: the cell is read into the closed set (학부 -> 학사, online -> 원격,
  English -> 영어 ...); a word outside it is a warning and the field stays empty.
- `seats_left`, `capacity`, `enrolled`: whole numbers; anything else is a warning.
- `restrictions`, `exam`, `student_id_digits`: text as written (a list of columns joins them, one a line).
- `restricted_to_target`: True when the `target` or `restrictions` text words the rule ('대상외수강제한',
  '…만 수강가능'), or the mapped flag column holds a yes-cell (O, Y, yes, true, 1, 예, 제한) or such wording.
- `language` and `english` complete each other when only one is mapped: an English-taught section's
  language is 영어, and a section whose language is 영어 is English-taught.
"""

from __future__ import annotations

from typing import Any, Protocol

from agent.catalog.eligibility import normalize_level, states_target_only
from agent.catalog.fields import parse_count, truthy
from agent.catalog.models import OPTIONAL_FIELDS
from agent.catalog.offering import normalize_delivery, normalize_language



class ColumnMapping(Protocol):
    """What the optional fields read of a mapping (`columns.ColumnMapping`, which imports this module)."""

    columns: dict[str, Any]

    def value(self, values: dict[str, Any], key: str) -> Any: ...

    def text(self, values: dict[str, Any], key: str) -> str | None: ...

__all__ = ["OPTIONAL_FIELDS", "optional_fields"]

RESTRICTED_VALUES = ("o", "y", "yes", "true", "1", "예", "제한")
_NORMALIZERS = {"level": normalize_level, "delivery": normalize_delivery, "language": normalize_language}
_COUNTS = ("seats_left", "capacity", "enrolled")
_TEXTS = ("restrictions", "exam", "student_id_digits")


def _restricted(mapping: ColumnMapping, values: dict[str, Any], known: dict[str, Any]) -> bool:
    if states_target_only(known.get("target"), known.get("restrictions")):
        return True
    if "restricted_to_target" not in mapping.columns:
        return False
    raw = mapping.value(values, "restricted_to_target")
    return truthy(raw, RESTRICTED_VALUES) or states_target_only(None if raw is None else str(raw))


def optional_fields(
    mapping: ColumnMapping, values: dict[str, Any], known: dict[str, Any], warnings: list[str]
) -> dict[str, Any]:
    """The optional fields of one record (only those the mapping names, plus the derived flag and the
    english/language pair); `known` holds the record's other fields, already converted."""
    out: dict[str, Any] = {}
    for key, normalize in _NORMALIZERS.items():
        if key in mapping.columns:
            try:
                out[key] = normalize(mapping.text(values, key))
            except ValueError as exc:
                warnings.append(f"{mapping.columns[key]}: {exc}; left empty")
    for key in _COUNTS:
        if key in mapping.columns:
            try:
                out[key] = parse_count(mapping.value(values, key), what=str(mapping.columns[key]))
            except ValueError as exc:
                warnings.append(f"{exc}; left empty")
    for key in _TEXTS:
        if key in mapping.columns:
            out[key] = mapping.text(values, key)
    out["restricted_to_target"] = _restricted(mapping, values, {**known, **out})
    if "language" not in mapping.columns and known.get("english"):
        out["language"] = "영어"
    if "english" not in mapping.columns and out.get("language") == "영어":
        out["english"] = True
    return out
