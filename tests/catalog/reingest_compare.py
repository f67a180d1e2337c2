"""Re-ingest a catalog with another version of the code and compare search results, question by question.

Run it once with the code BEFORE a change and once with the code AFTER it, on copies of one index:

    # before: the main checkout's code ingests into a fresh (or copied) index and records the results
    PYTHONPATH=/work/main .venv/bin/python tests/catalog/reingest_compare.py run \
        --index /tmp/re/ssu --catalog ../shared/data/ssu-2026-1.csv --out /tmp/re/ssu-before.json
    cp -r /tmp/re/ssu /tmp/re/ssu-after
    # after: this checkout's code re-ingests the same catalog into the copy
    PYTHONPATH=$PWD .venv/bin/python tests/catalog/reingest_compare.py run \
        --index /tmp/re/ssu-after --catalog ../shared/data/ssu-2026-1.csv --out /tmp/re/ssu-after.json
    .venv/bin/python tests/catalog/reingest_compare.py diff /tmp/re/ssu-before.json /tmp/re/ssu-after.json

`run` records the ingestion report, how many passages were embedded, and for each question (the golden
set of the catalog, plus questions about the fields this change adds) the top 10 of the raw hybrid
search and of `CourseRetriever` (ids, scores rounded to 6 places, how matched). `diff` prints every
question whose results differ and exits 1 if any does. Not a pytest module: it needs two code versions.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = {"ssu-2026-1": "ssu-2026-1.jsonl", "sogang-2025-1": "sogang-2025-1.jsonl",
          "sample-catalog": "sample.jsonl"}
# Questions about what the new fields hold: their results must not move either (nothing searches them yet).
EXTRA = [
    "대학원 수업 뭐 있어?", "석사과정 과목 알려줘", "여석 남은 수업", "원격 수업 있어?", "녹화 강의",
    "영한혼합 강의", "대상외수강제한 과목", "인공지능 영어강의", "시험 날짜 알려줘", "홀수 학번 분반",
]


def _questions(catalog: Path) -> list[str]:
    name = GOLDEN.get(catalog.stem)
    questions: list[str] = []
    if name:
        for line in (ROOT / "evals" / "golden" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                questions.append(json.loads(line)["question"])
    return list(dict.fromkeys(questions + EXTRA))


def _hits(hits: list[Any]) -> list[list[Any]]:
    return [[hit.section.id, round(float(hit.score), 6), hit.matched_by] for hit in hits]


def run(index_dir: Path, catalog: Path, out: Path) -> None:
    os.environ["LOCAL_STORE_PATH"] = str(index_dir)
    os.environ["VECTOR_STORE"] = "local"
    from agent.index.factory import open_index
    from agent.index.ingest import ingest_catalog
    from agent.retrieval import CourseRetriever

    index = open_index()
    embedded = {"passages": 0}
    original = index.embeddings.embed_documents

    def counting(texts: list[str]) -> list[list[float]]:
        embedded["passages"] += len(texts)
        return original(texts)

    index.embeddings.embed_documents = counting  # type: ignore[method-assign]
    started = time.perf_counter()
    reports = ingest_catalog(index, catalog, progress=False)
    seconds = round(time.perf_counter() - started, 1)
    retriever = CourseRetriever(index)
    results = {
        question: {"search": _hits(index.search(question, k=10)),
                   "retrieve": _hits(retriever.retrieve(question, k=10).hits)}
        for question in _questions(catalog)
    }
    out.write_text(json.dumps({
        "code": os.environ.get("PYTHONPATH", ""), "catalog": catalog.name, "seconds": seconds,
        "embedded_passages": embedded["passages"], "reports": [r.model_dump() for r in reports],
        "results": results,
    }, ensure_ascii=False, indent=1), encoding="utf-8")
    counts = [r.model_dump(exclude={"seconds"}) for r in reports]
    print(f"{catalog.name}: {len(results)} questions, embedded {embedded['passages']} passages in {seconds}s, "
          f"reports {counts}")


def diff(before_path: Path, after_path: Path) -> int:
    before = json.loads(before_path.read_text(encoding="utf-8"))
    after = json.loads(after_path.read_text(encoding="utf-8"))
    changed = 0
    for question, old in before["results"].items():
        new = after["results"].get(question)
        for kind in ("search", "retrieve"):
            if new is None or old[kind] != new[kind]:
                changed += 1
                added = [h[0] for h in (new or {}).get(kind, []) if h[0] not in {o[0] for o in old[kind]}]
                print(f"CHANGED [{kind}] {question}: new ids {added}")
    print(f"{before['catalog']}: {len(before['results'])} questions x 2 result lists; {changed} changed; "
          f"after-ingest embedded {after['embedded_passages']} passages, reports {after['reports']}")
    return 1 if changed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    one = sub.add_parser("run")
    one.add_argument("--index", type=Path, required=True)
    one.add_argument("--catalog", type=Path, required=True)
    one.add_argument("--out", type=Path, required=True)
    two = sub.add_parser("diff")
    two.add_argument("before", type=Path)
    two.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "run":
        run(args.index, args.catalog, args.out)
        return 0
    return diff(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
