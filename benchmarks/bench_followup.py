"""Reading a follow-up from the text history (search mode): what a longer conversation costs.

    .venv/bin/python benchmarks/bench_followup.py [--rounds 20]

Over the real `ssu-2026-1.csv` catalog's vocabulary: a conversation of ten questions is answered once by the
search-mode assistant (the test-fixture index cache); then `planning.plan_turn` plans a new follow-up after 0,
4, 10 and 20 of its turns, each follow-up a new text. "seen": the history as this process answered it (its
threads and parses are remembered, as in the server that answered it); "unseen": the same history with every
question made new text (nothing remembered: a server that never saw the conversation reads every turn).
"""

from __future__ import annotations

import argparse
import time

from _index_bench import machine, percentile, ssu_index_path

CONVERSATION = [
    "자료구조 누가 가르쳐?", "그 중에 금요일 반은?", "그 교수님 다른 수업은?", "그럼 운영체제는?", "그 수업 강의실",
    "월요일 말고 화요일은?", "요일 상관없이", "두 번째 건 몇 학점?", "컴퓨터학부 전공 뭐 있어?", "그 중에 3학점만",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()

    from agent.assistant import CourseAssistant
    from agent.index.lance import LanceCourseIndex
    from agent.search_mode.planning import plan_turn
    from tests.support.agent_inputs import search_settings

    index = LanceCourseIndex(ssu_index_path())
    assistant = CourseAssistant.from_settings(search_settings(), index=index)
    vocabulary = index.vocabulary(None)
    history: list[tuple[str, str]] = []
    for question in CONVERSATION:
        answer = assistant.answer(question, [{"role": r, "content": t} for r, t in history])
        history += [("user", question), ("assistant", answer.answer)]
    print(machine())
    for seen in (True, False):
        for turns in (0, 4, 10, 20):
            times = []
            for i in range(args.rounds):
                earlier = history[len(history) - turns:] if turns else []
                if not seen:
                    earlier = [(r, f"{t} ({i})" if r == "user" else t) for r, t in earlier]
                start = time.perf_counter()
                plan_turn(f"그 중에 오전 수업만 {turns}-{i}-{seen}", earlier, vocabulary)
                times.append((time.perf_counter() - start) * 1000)
            print(f"plan a follow-up after {turns:2d} turns ({'seen' if seen else 'unseen'}): "
                  f"p50 {percentile(times, 0.5):.2f} ms, p95 {percentile(times, 0.95):.2f} ms")


if __name__ == "__main__":
    main()
