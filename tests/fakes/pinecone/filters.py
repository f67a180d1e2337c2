"""Pinecone metadata-filter semantics for the loopback server (from the reference: `$eq $ne $gt $gte
$lt $lte $in $nin $exists $and $or`; a list field matches `$eq`/`$in` when any element does and
`$ne`/`$nin` when none does; a missing field is "not equal" / "not in" and fails every other test)."""

from __future__ import annotations

from typing import Any

from tests.fakes.pinecone.errors import ApiError


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)



_FIELD_OPERATORS = {"$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$in", "$nin", "$exists"}


def check_filter(node: Any) -> None:
    """Reject malformed filters the way the service does: 400 with what was wrong."""
    if not isinstance(node, dict):
        raise ApiError(400, "Invalid filter: a filter must be a JSON object")
    for key, value in node.items():
        if key in ("$and", "$or"):
            if not isinstance(value, list) or not value:
                raise ApiError(400, f"Invalid filter: {key} expects a non-empty array of filters")
            for child in value:
                check_filter(child)
        elif key.startswith("$"):
            raise ApiError(400, f"Invalid filter: unknown top-level operator {key}")
        elif isinstance(value, dict):
            if not value:
                raise ApiError(400, f"Invalid filter: empty condition for field '{key}'")
            for op, operand in value.items():
                if op not in _FIELD_OPERATORS:
                    raise ApiError(400, f"Invalid filter: unknown operator {op} for field '{key}'")
                if op in ("$in", "$nin"):
                    if not isinstance(operand, list) or not operand:
                        raise ApiError(400, f"Invalid filter: {op} for field '{key}' expects a non-empty array")
                    if any(not (isinstance(v, (str, bool)) or is_number(v)) for v in operand):
                        raise ApiError(400, f"Invalid filter: {op} for field '{key}' expects strings, numbers or booleans")
                elif op in ("$gt", "$gte", "$lt", "$lte"):
                    if not is_number(operand):
                        raise ApiError(400, f"Invalid filter: {op} for field '{key}' expects a number")
                elif op == "$exists":
                    if not isinstance(operand, bool):
                        raise ApiError(400, f"Invalid filter: $exists for field '{key}' expects a boolean")
                elif not (isinstance(operand, (str, bool)) or is_number(operand)):
                    raise ApiError(400, f"Invalid filter: {op} for field '{key}' expects a string, number or boolean")
        elif not (isinstance(value, (str, bool)) or is_number(value)):
            raise ApiError(400, f"Invalid filter: field '{key}' expects a string, number, boolean or an operator object")


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if is_number(a) and is_number(b):
        return float(a) == float(b)
    return a == b


def _field_matches(stored: Any, op: str, operand: Any, present: bool) -> bool:
    if op == "$exists":
        return present == operand
    if not present:
        # A missing field is "not equal" to anything and "not in" any set; every other test fails.
        return op in ("$ne", "$nin")
    elements = stored if isinstance(stored, list) else [stored]
    if op == "$eq":
        return any(_same(e, operand) for e in elements)
    if op == "$ne":
        return not any(_same(e, operand) for e in elements)
    if op == "$in":
        return any(_same(e, v) for e in elements for v in operand)
    if op == "$nin":
        return not any(_same(e, v) for e in elements for v in operand)
    numbers = [float(e) for e in elements if is_number(e)]
    bound = float(operand)
    compare = {
        "$gt": lambda x: x > bound,
        "$gte": lambda x: x >= bound,
        "$lt": lambda x: x < bound,
        "$lte": lambda x: x <= bound,
    }[op]
    return any(compare(x) for x in numbers)


def filter_matches(metadata: dict[str, Any] | None, node: dict[str, Any]) -> bool:
    """Pinecone metadata-filter semantics (the filter must have passed `check_filter`)."""
    metadata = metadata or {}
    for key, value in node.items():
        if key == "$and":
            if not all(filter_matches(metadata, child) for child in value):
                return False
        elif key == "$or":
            if not any(filter_matches(metadata, child) for child in value):
                return False
        else:
            conditions = value if isinstance(value, dict) else {"$eq": value}
            present = key in metadata
            for op, operand in conditions.items():
                if not _field_matches(metadata.get(key), op, operand, present):
                    return False
    return True
