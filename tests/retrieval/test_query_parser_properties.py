"""The question parser as a function: any input parses, the same question always parses the same (in any
process), and a caller may change its result without changing the next caller's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from agent.index.base import Vocabulary
from agent.query import parse_question
from tests.support.vocabulary import VOCAB

ROOT = Path(__file__).resolve().parents[2]


def test_odd_input_never_raises() -> None:
    for question in ["", "   ", "???", "ㅋㅋㅋㅋ", "a" * 2000, "월" * 50, "1시" * 30, "😀 수업"]:
        parse_question(question, VOCAB)


# Questions that exercise every part of the parser: codes, days, times, departments, professors, credits,
# abbreviations, negation, a term, English-taught, a category.
MIXED_QUESTIONS = [
    "화목 오전에 들을 수 있는 경영 전공 있어요? 자구 운체 데베 이순녀 교수님 3학점",
    "운체 말고 컴구 월요일 오전 분반",
    "2025년 2학기 영어강의 전필 수업 CSE3010 5006762801",
    "월수 오후 컴공 최현희 교수님 교양필수 말고",
    "Data Structures on Tue/Thu mornings, business majors, no class on Friday",
]
_PARSE_IN_A_FRESH_PROCESS = """
import json, sys
from agent.index.base import Vocabulary
from agent.query import parse_question
data = json.load(sys.stdin)
vocabulary = Vocabulary.model_validate(data["vocabulary"])
print(json.dumps([parse_question(q, vocabulary).model_dump(mode="json") for q in data["questions"]]))
"""


def test_parse_is_deterministic() -> None:
    """A question parses the same in fresh processes (no remembered parse, lexicon or vocabulary matcher)
    whose string hashing differs, so no set or dict order leaks into the result, and the same as here."""
    here = [parse_question(question, VOCAB).model_dump(mode="json") for question in MIXED_QUESTIONS]
    request = json.dumps({"vocabulary": VOCAB.model_dump(mode="json"), "questions": MIXED_QUESTIONS})
    for seed in ("1", "2"):
        child = subprocess.run(
            [sys.executable, "-c", _PARSE_IN_A_FRESH_PROCESS], input=request, capture_output=True, text=True,
            cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": seed}, timeout=120,
        )
        assert child.returncode == 0, child.stderr[-3000:]
        assert json.loads(child.stdout) == here, f"PYTHONHASHSEED={seed}"


def test_each_caller_gets_its_own_parse() -> None:
    """Parses are remembered (the search model and the retriever parse the same question), but a caller
    changing its result must not change what the next caller gets."""
    first = parse_question("화목 오전 자구 이은지 교수님", VOCAB)
    expected = first.model_dump()
    first.filters.days.append("금")
    first.course_names.clear()
    first.query = "changed"
    again = parse_question("화목 오전 자구 이은지 교수님", VOCAB)
    assert again.model_dump() == expected and again is not first
    assert again.course_names == ["자료구조"] and again.filters.days == ["화", "목"]
    # Another vocabulary is another parse: a professor it lacks is not recognised.
    other = parse_question("화목 오전 자구 이은지 교수님", Vocabulary(course_names=["자료구조"]))
    assert other.filters.professors == [] and again.filters.professors == ["이은지"]
