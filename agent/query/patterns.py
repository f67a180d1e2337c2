"""Patterns that several readers of a question (or of an earlier answer) share, each defined here once.

- `COURSE_CODE`: a course code as the catalogs write it. The real catalogs hold Soongsil's 10 digits
  ("2150165401") and Sogang's letters + digits with 3-5 letters ("CSE4020", "MGTG707", "CUICC011"); the
  sample catalog's are like "CSE2010". So 2-5 letters, an optional hyphen, 3-5 digits and an optional
  letter ("ABCDE1234" is one); and digits: 10 always, 6-9 only when the words say it is a code
  ("215016540 번", "2150165 과목") or it ends the text, so a student number or a date is not a code.
- `DAY_WORD`, `DAY_RUN`, `NOT_DAY_RUNS`: days as students write them ("월요일", "화욜"; "월수", "화목에", "월수금반"),
  except runs that are other words ("금일" is today, "일일" daily). `mentions_days` applies all three.
"""

from __future__ import annotations

import re

COURSE_CODE = re.compile(
    r"(?<![0-9A-Za-z])([A-Za-z]{2,5}-?\d{3,5}[A-Za-z]?|\d{10}|\d{6,9}(?=\s*(?:번|과목|코드|$)))(?![0-9A-Za-z])"
)

DAY_WORD = re.compile(r"([월화수목금토일])(?:요일|욜)")  # "화욜": the day as students shorten it
DAY_RUN = re.compile(
    r"(?<![가-힣])([월화수목금토일]{2,3})"
    r"(?=$|[^가-힣]|에|만|반|이나|랑|수업|강의|오전|오후|저녁|아침|밤|연강|공강|\d|(?:은|는|도|엔)(?:$|[^가-힣]))"
)
NOT_DAY_RUNS = frozenset({"금일", "일일", "월일", "수수", "토일일", "일월", "화수"})


def is_day_run(run: str) -> bool:
    """A run of day letters that means those days: no repeated letter, not a word of its own ("금일")."""
    return run not in NOT_DAY_RUNS and len(set(run)) == len(run)


def mentions_days(text: str) -> bool:
    """Does the text name a day of the week ("금요일", "화목 오전")?"""
    return bool(DAY_WORD.search(text)) or any(is_day_run(m.group(1)) for m in DAY_RUN.finditer(text))
