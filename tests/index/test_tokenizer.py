"""The project's Korean lexical tokens (both strategies), shared by LanceDB FTS and Pinecone sparse vectors."""

from __future__ import annotations

import pytest

from agent.index.tokenizer import active_strategy, bigram_tokens, get_tokenizer, token_string, tokenize


def test_bigram_splits_hangul_runs_and_keeps_words_whole() -> None:
    assert bigram_tokens("운영체제 이은지교수님 CSE3001") == [
        "운영", "영체", "체제", "이은", "은지", "지교", "교수", "수님", "cse3001",
    ]


def test_bigram_single_syllable_runs_and_course_codes() -> None:
    assert bigram_tokens("물리 실험 5006762801 (월)") == ["물리", "실험", "5006762801", "월"]


def test_bigram_normalizes_case_and_full_width() -> None:
    # Full-width digits and Latin from Korean IMEs fold to ASCII, so a pasted code still matches.
    assert bigram_tokens("ＡＩ입문 ５００６") == ["ai", "입문", "5006"]
    assert bigram_tokens("Operating Systems") == ["operating", "systems"]


def test_bigram_keeps_duplicates_for_term_frequency() -> None:
    assert bigram_tokens("자료 자료") == ["자료", "자료"]


def test_bigram_ignores_punctuation_and_empty() -> None:
    assert bigram_tokens("") == []
    assert bigram_tokens("?!… ·") == []
    assert tokenize("", "bigram") == []


def test_bigram_question_shares_tokens_with_course_name() -> None:
    # A question with particles glued on still shares every bigram of the course name.
    course = set(tokenize("데이터베이스", "bigram"))
    question = set(tokenize("데이터베이스를 듣고 싶어요", "bigram"))
    assert course <= question


def test_kiwi_keeps_content_morphemes() -> None:
    tokens = tokenize("화목 오전에 들을 수 있는 경영학과 전공 있어요?", "kiwi")
    assert "오전" in tokens and "전공" in tokens
    # particles and endings are dropped
    assert "에" not in tokens and "어요" not in tokens and "있" not in tokens


def test_kiwi_lowercases_latin_and_keeps_codes() -> None:
    tokens = tokenize("AI입문 Operating Systems 5006762801", "kiwi")
    assert {"ai", "입문", "operating", "systems", "5006762801"} <= set(tokens)


def test_strategy_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LEXICAL_TOKENIZER", raising=False)
    assert active_strategy() == "bigram"
    monkeypatch.setenv("LEXICAL_TOKENIZER", "kiwi")
    assert active_strategy() == "kiwi"
    assert tokenize("경영학과 전공") == tokenize("경영학과 전공", "kiwi")
    monkeypatch.setenv("LEXICAL_TOKENIZER", "whitespace")
    with pytest.raises(ValueError, match="LEXICAL_TOKENIZER"):
        tokenize("전공")


def test_unknown_strategy_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown lexical tokenizer 'nope'"):
        get_tokenizer("nope")


def test_token_string_joins_with_spaces() -> None:
    assert token_string("컴퓨터구조 CS", "bigram") == "컴퓨 퓨터 터구 구조 cs"
