"""The golden-case loader: every malformed case is a clear error naming file, line and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evals.golden import GoldenError, dump_cases, load_golden, load_many

GOOD = {"id": "t-1", "catalog": "sample", "question": "자료구조 누가 해?", "gold_courses": ["CSE1"],
        "must_include": ["양지훈"], "tags": ["by-name"]}


def _write(tmp_path: Path, *cases: object, name: str = "g.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(c if isinstance(c, str) else json.dumps(c, ensure_ascii=False) for c in cases) + "\n",
                    encoding="utf-8")
    return path


def test_loads_valid_cases_with_optional_history(tmp_path: Path) -> None:
    follow = dict(GOOD, id="t-2", history=[{"role": "user", "content": "자구 있어?"},
                                            {"role": "assistant", "content": "네 있어요"}])
    cases = load_golden(_write(tmp_path, GOOD, "", "// comment", follow))
    assert [c.id for c in cases] == ["t-1", "t-2"]
    assert cases[1].history[0].content == "자구 있어?"
    assert not cases[0].abstain
    # canonical dump round-trips
    again = load_golden(_write(tmp_path, *dump_cases(cases).splitlines(), name="again.jsonl"))
    assert again == cases


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("{not json", "jsonl:1: not valid JSON"),
        ('["a list"]', "must be a JSON object"),
        ({k: v for k, v in GOOD.items() if k != "question"}, "question: Field required"),
        (dict(GOOD, must_inclde=["x"]), "must_inclde: Extra inputs are not permitted"),
        (dict(GOOD, tags=[]), "tags"),
        (dict(GOOD, gold_courses="CSE1"), "gold_courses"),
        (dict(GOOD, question="   "), "question is blank"),
        (dict(GOOD, gold_courses=["A", "A"]), "duplicate items"),
        (dict(GOOD, history=[{"role": "system", "content": "x"}]), "history.0.role"),
    ],
)
def test_bad_cases_name_line_and_field(tmp_path: Path, case: object, expected: str) -> None:
    path = _write(tmp_path, case)
    with pytest.raises(GoldenError) as info:
        load_golden(path)
    assert expected in str(info.value)
    assert str(path) in str(info.value)


def test_duplicate_ids_within_and_across_files(tmp_path: Path) -> None:
    with pytest.raises(GoldenError, match="jsonl:2: duplicate id 't-1' \\(first on line 1\\)"):
        load_golden(_write(tmp_path, GOOD, GOOD))
    a = _write(tmp_path, GOOD, name="a.jsonl")
    b = _write(tmp_path, GOOD, name="b.jsonl")
    with pytest.raises(GoldenError, match="already used in"):
        load_many([a, b])


def test_missing_empty_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(GoldenError, match="not found"):
        load_golden(tmp_path / "nope.jsonl")
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    with pytest.raises(GoldenError, match="no cases"):
        load_golden(tmp_path / "empty.jsonl")
    (tmp_path / "latin.jsonl").write_bytes('{"id": "é"}'.encode("cp949", errors="ignore") + b"\xff\xfe")
    with pytest.raises(GoldenError, match="not UTF-8"):
        load_golden(tmp_path / "latin.jsonl")
