r"""Column mappings: load any other CSV or JSON export by naming, in YAML, where each field lives.

A mapping file (UTF-8 YAML). Only ``columns.code`` and ``columns.name`` are required::

    format: csv                 # csv | json (default: from the catalog's extension; .jsonl is json)
    encoding: utf-8-sig         # any Python codec: utf-8, cp949, euc-kr ...
    delimiter: ","              # csv only
    records: data.courses       # json only: dotted path to the list of records (default: the top
                                # level list, or the only list in the top-level object)
    university: 한빛대학교
    term: "2026-1"              # a constant; or {column: 개설학기} ("2026-1", "2026년 1학기" ...);
                                # or {year: 학년도, semester: 학기} ("2025 학년도" + "1학기"/"하계학기")
    columns:                    # our field -> source column; a list joins several columns (notes);
      code: 과목코드              # JSON may use dotted paths ("instructor.name")
      section: 분반
      name: 과목명
      name_en: 영문과목명
      department: 개설학과
      professors: 담당교수
      credits: 학점
      hours: 주당시간
      hours_credits: 시간/학점    # instead of credits/hours: one column "4.0/3.0" = hours/credits
      category: 이수구분
      year: 권장학년
      english: 영어강의
      description: 과목설명
      notes: [비고, 유의사항]
      # optional fields (see agent.catalog.mapping.optional for how each cell is read):
      level: 과정                 # 학사/학부/대학, 석사, 박사, 석박/대학원 -> 학사 | 석사 | 박사 | 석박
      target: 수강대상
      restrictions: 수강제한       # registration rules as written
      restricted_to_target: 대상외제한   # O/Y/예 or '대상외수강제한'; default: read from target/restrictions
      seats_left: 여석
      capacity: 정원
      enrolled: 수강인원
      delivery: 수업방식           # 대면, 대면+녹화/혼합, 녹화, 원격/온라인 -> 대면 | 혼합 | 녹화 | 원격
      language: 강의언어           # 한국어, 영어, 영·한혼합, 중국어 (English, Korean ... accepted)
      exam: 시험일자
      student_id_digits: 홀짝구분
    separators:                 # how a cell lists several values (default "\n" and ",")
      professors: [",", "/", "\n"]
    english_values: [O, Y, 예, 영어]   # cell values meaning "taught in English" (case-insensitive)
    slots:                      # where the timetable is; one of three styles
      style: combined           # one cell holds all meetings
      column: 강의시간
      notation: auto            # auto: '월 13:00-13:50 (room-instructor)', '화,목 15:00~16:15 [room]',
                                # 'Mon/Wed 9:00-10:15 room' ...; or regex (below)
      regex: '(?P<days>\S+) (?P<start>\d+:\d+)-(?P<end>\d+:\d+) (?P<room>.*)'
      separator: '\n|\s/\s|;'   # regex splitting the cell into meetings (default: newline or " / ")
    # slots: {style: split, days: 요일, start: 시작시간, end: 종료시간, room: 강의실}
    #   days like "['월', '수']", "월,수", "월수", "Mon,Wed"; one row = one time for those days
    # slots: {style: list, column: meetings, day: day, start: start, end: end, room: room}
    #   JSON: the column holds a list of objects with those keys
    periods:                    # class periods (교시), when the school numbers them: "3-4교시" then means
      1: "09:00-09:50"          # 11:00-12:50 here; without it the university's built-in table, else
      2: "10:00-10:50"          # hourly from 09:00, said in the answer (agent.catalog.periods)

Unknown keys are rejected (a typo in a mapping should not silently drop a field), and columns the
mapping names but the CSV header lacks are reported before any row is read.
"""

from agent.catalog.mapping.columns import ColumnMapping
from agent.catalog.mapping.validate import load_mapping, parse_mapping
from agent.catalog.slots import parse_time

__all__ = ["ColumnMapping", "load_mapping", "parse_mapping", "parse_time"]
