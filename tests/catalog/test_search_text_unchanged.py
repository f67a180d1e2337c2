"""The optional fields change what a section record holds, not what is searched: the embedded passage and
the BM25 tokens of every section of every catalog are the same with and without them, so re-ingesting a
catalog with them re-embeds nothing. (tests/catalog/reingest_compare.py compares real search results of
two code versions; see the README's catalog section for the last outcome.)"""

from __future__ import annotations

import pytest

from agent.catalog import LoadResult, load_catalog
from agent.catalog.models import OPTIONAL_FIELDS, CourseSection
from agent.index.passage import lexical_tokens, passage_hash, passage_text
from agent.settings import SAMPLE_CATALOG

DEFAULTS = {name: CourseSection.model_fields[name].default for name in OPTIONAL_FIELDS}


def _check(result: LoadResult) -> int:
    filled = 0
    for section in result.sections:
        bare = section.model_copy(update=DEFAULTS)
        filled += bare != section
        assert passage_hash(bare) == passage_hash(section), passage_text(section)
        assert lexical_tokens(bare) == lexical_tokens(section), section.id
    return filled


@pytest.mark.parametrize("fixture", ["ssu", "sogang", "sogang_multi"])
def test_real_catalogs_search_text_does_not_see_the_optional_fields(request, fixture: str) -> None:
    result: LoadResult = request.getfixturevalue(fixture)
    assert _check(result) == result.loaded  # every section got at least one optional field (a level)


def test_sample_search_text_does_not_see_the_optional_fields() -> None:
    result = load_catalog(SAMPLE_CATALOG)
    assert _check(result) == result.loaded
