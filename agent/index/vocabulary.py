"""The catalog's vocabulary, built the same way by both backends from the sections of a term.

It is everything the question parser may link a word to (see `agent.query.reading`): departments,
professors, course names, their English names and the departments offering them, categories, and rooms; and
what it reads class periods ("3교시") with: the universities (built-in period tables) and a table the
catalog's mapping file defined (carried on its sections). LanceDB builds it from its in-memory snapshot; Pinecone stores it beside the
term's BM25 statistics at ingestion (`pinecone/records.py`), one tagged line per value.
"""

from __future__ import annotations

from collections.abc import Iterable

from agent.catalog.models import CourseSection
from agent.index.base import Vocabulary

# One letter per list field (Pinecone stores the vocabulary as "tag<TAB>value" lines); pairs are "tag<TAB>a<TAB>b".
LIST_TAGS = {"d": "departments", "p": "professors", "n": "course_names", "c": "categories", "r": "rooms",
             "u": "universities", "y": "terms"}
PAIR_TAGS = {"e": "english_names", "k": "course_departments"}
PERIOD_TAG = "t"  # "t<TAB>number<TAB>start<TAB>end"


def vocabulary_of(sections: Iterable[CourseSection]) -> Vocabulary:
    sections = list(sections)
    return Vocabulary(
        departments=sorted({s.department for s in sections if s.department}),
        professors=sorted({p for s in sections for p in s.professors if p}),
        course_names=sorted({s.name for s in sections if s.name}),
        categories=sorted({s.category for s in sections if s.category}),
        rooms=sorted({" ".join(slot.room.split()) for s in sections for slot in s.slots if slot.room}),
        english_names=sorted({(" ".join(s.name_en.split()), s.name) for s in sections if s.name_en and s.name}),
        course_departments=sorted({(s.name, s.department) for s in sections if s.name and s.department}),
        terms=sorted({s.term for s in sections if s.term}),
        universities=sorted({s.university for s in sections if s.university}),
        periods=next((list(s.periods) for s in sections if s.periods), []),
    )


def vocabulary_lines(vocabulary: Vocabulary) -> list[str]:
    lines = [f"{tag}\t{' '.join(value.split())}" for tag, attr in LIST_TAGS.items() for value in getattr(vocabulary, attr)]
    lines += [f"{tag}\t{a}\t{b}" for tag, attr in PAIR_TAGS.items() for a, b in getattr(vocabulary, attr)]
    return lines + [f"{PERIOD_TAG}\t{n}\t{start}\t{end}" for n, start, end in vocabulary.periods]


def parse_vocabulary_lines(lines: Iterable[str]) -> Vocabulary:
    values: dict[str, list] = {attr: [] for attr in [*LIST_TAGS.values(), *PAIR_TAGS.values(), "periods"]}
    for line in lines:
        tag, _, value = line.partition("\t")
        if tag == PERIOD_TAG:
            values["periods"].append(tuple(int(x) for x in value.split("\t")))
        elif tag in LIST_TAGS and value:
            values[LIST_TAGS[tag]].append(value)
        elif tag in PAIR_TAGS and "\t" in value:
            a, _, b = value.partition("\t")
            values[PAIR_TAGS[tag]].append((a, b))
    return Vocabulary(**values)


def merge_vocabularies(vocabularies: list[Vocabulary]) -> Vocabulary:
    attrs = [*LIST_TAGS.values(), *PAIR_TAGS.values()]
    merged = {attr: sorted({v for vocab in vocabularies for v in getattr(vocab, attr)}) for attr in attrs}
    # One catalog's terms share a period table: the first term's stands for all.
    periods = next((list(v.periods) for v in vocabularies if v.periods), [])
    return Vocabulary(**merged, periods=periods)
