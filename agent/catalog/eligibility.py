"""Who a section is for: its level (과정) and the registration rules a catalog states in free text.

- `normalize_level`: 학사과정 / 학부 / 대학 -> 학사, 석사과정 -> 석사, 박사과정 -> 박사, 석박과정 / 대학원 -> 석박.
- `rule_lines`: the lines of remark cells that state a registration rule (제한, 불가, 제외, 우선, …만 수강,
  승인, 학번, 대상 …), each kept as the catalog words it. Lines that say something else (a section label
  '가', an exam room, 'S/U 평가') stay in `notes` only.
- `states_target_only`: whether such text says that ONLY the students it names may register
  ('대상외수강제한', '타학과수강제한', '수강대상 외 … 불가', '…만 수강가능', '…전용'). An exclusion ('IT융합
  수강제한', '1전공자 수강 불가') or a priority ('1학년우선신청') is a rule but not this.
- Sogang's 수강신청 참조사항 is a list of units with a verdict: '경영대학(가능),스타트업연계전공(가능)' (only
  these may register), '물리학과(1전공 불가능)' (first majors of 물리학과 may not). `allowance_text` drops the
  repeats the export has; `only_allowed` is True when every verdict is '(가능)' / '(1전공 가능)'.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from agent.catalog.models import Level

LEVEL_WORDS: dict[str, Level] = {
    **dict.fromkeys(("학사", "학사과정", "학부", "학부과정", "대학", "undergraduate", "bachelor", "ug"), "학사"),
    **dict.fromkeys(("석사", "석사과정", "master", "masters", "master's", "ms", "ma"), "석사"),
    **dict.fromkeys(("박사", "박사과정", "doctoral", "doctorate", "phd", "ph.d."), "박사"),
    **dict.fromkeys(("석박", "석박과정", "석박사", "석박사과정", "석박사통합", "석박사통합과정", "대학원", "일반대학원",
                     "graduate", "grad"), "석박"),
}

# A line stating a registration rule. '대상' catches '… 학생 대상' and '수강대상 외'; '(가능)' / '(불가능)'
# are Sogang's verdicts; a grade-point minimum ("CGPA3.3이상", "평점 3.0 이상") is a condition to register.
_RULE = re.compile(
    r"제한|불가|제외|우선|만\s*(?:수강|신청|가능)|한함|한정|전용|승인|학번|대상|\((?:1전공\s*)?(?:불)?가능\)"
    r"|(?<![A-Za-z])C?GPA|평점\s*(?:평균\s*)?\d"
)
_TARGET_ONLY = re.compile(
    r"대상\s*외\s*(?:수강|신청)?\s*(?:제한|불가)|수강\s*대상\s*외|타\s*(?:학과|전공)\s*(?:수강|신청)?\s*(?:제한|불가)"
    r"|(?<!로)만\s*(?:수강\s*)?가능|(?<!로)만\s*(?:수강|신청)(?!\s*불)|전용"  # '인터넷으로만 신청': how, not who
)
_PIECES = re.compile(r"\s*(?:\r?\n|\s/\s|;)\s*")
_VERDICT = re.compile(r"\(([^()]*가능)\)")
_TOP_LEVEL_COMMA = re.compile(r",(?![^()]*\))")


def normalize_level(text: str | None) -> Level | None:
    """'석박과정' -> '석박', '대학' -> '학사'; empty -> None; an unknown word raises ValueError."""
    if not text or not text.strip():
        return None
    found = LEVEL_WORDS.get(re.sub(r"\s+", "", text).lower())
    if found is None:
        raise ValueError(f"unknown level {text.strip()!r} (expected 학사/학부, 석사, 박사, 석박/대학원 ...)")
    return found


def parenthesized(text: str | None) -> list[str]:
    """The innermost '(...)' groups of a cell: '전체학년 경영학부 (대상외수강제한)' -> ['대상외수강제한']."""
    return [group.strip() for group in re.findall(r"\(([^()]*)\)", text or "") if group.strip()]


def rule_lines(cells: Iterable[str | None]) -> list[str]:
    """The pieces of `cells` (split at newlines, ' / ' and ';') that state a registration rule, in order,
    each once."""
    out: list[str] = []
    for cell in cells:
        for piece in _PIECES.split((cell or "").strip()):
            piece = piece.strip().strip('"').strip()
            if piece and _RULE.search(piece) and piece not in out:
                out.append(piece)
    return out


def states_target_only(*texts: str | None) -> bool:
    """True when one of `texts` says only the students it names may register (see the module doc)."""
    return any(text and _TARGET_ONLY.search(text) for text in texts)


def allowance_text(text: str | None) -> str | None:
    """Sogang's 수강신청 참조사항 with repeated pieces dropped: '인공지능학과(1전공 불가능),인공지능학과(1전공
    불가능)' -> '인공지능학과(1전공 불가능)'. Pieces are split at commas outside parentheses, so
    '경영대학,스타트업연계전공(가능)' (one verdict for two units) stays as it is."""
    pieces = [piece.strip() for piece in _TOP_LEVEL_COMMA.split(text or "") if piece.strip()]
    return ",".join(dict.fromkeys(pieces)) or None


def only_allowed(text: str | None) -> bool:
    """True when a 참조사항 names units and every one of them is allowed ('(가능)', '(1전공 가능)')."""
    verdicts = _VERDICT.findall(text or "")
    return bool(verdicts) and all("불가능" not in verdict for verdict in verdicts)
