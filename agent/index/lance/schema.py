"""Arrow schemas of the LanceDB course table (imports pyarrow: load only with the LanceDB backend)."""

from __future__ import annotations

import pyarrow as pa

from agent.index.filtering import BOOL_FIELDS, LIST_FIELDS, NUMBER_FIELDS, STRING_FIELDS


def filter_schema() -> pa.Schema:
    """`id` plus every `flat_fields` column, with the types the SQL prefilter expects."""
    fields: list[pa.Field] = [pa.field("id", pa.string(), nullable=False)]
    fields += [pa.field(name, pa.string()) for name in STRING_FIELDS]
    fields += [pa.field(name, pa.list_(pa.string())) for name in LIST_FIELDS]
    fields += [pa.field(name, pa.float64() if kind == "float" else pa.int32()) for name, kind in NUMBER_FIELDS]
    fields += [pa.field(name, pa.bool_()) for name in BOOL_FIELDS]
    return pa.schema(fields)


def course_schema(dimension: int) -> pa.Schema:
    """The full course table: filter columns, the vector, the lexical tokens and the stored record.

    - `vector`: fixed-size float32 list of the embedding dimension (checked at open).
    - `tokens`: the project's lexical tokens joined by spaces (FTS index with the whitespace tokenizer).
    - `content_hash`: `CourseSection.content_hash()` of what was embedded (unchanged = not re-embedded).
    - `passage_hash`: hash of the embedded passage text (a passage format change re-embeds).
    - `record`: the section as JSON, so a hit returns the exact record that was ingested.
    """
    schema = filter_schema()
    for field in (
        pa.field("name", pa.string()),
        pa.field("vector", pa.list_(pa.float32(), dimension)),
        pa.field("tokens", pa.string()),
        pa.field("content_hash", pa.string()),
        pa.field("passage_hash", pa.string()),
        pa.field("record", pa.string()),
    ):
        schema = schema.append(field)
    return schema
