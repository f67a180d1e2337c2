"""Abbreviations derived from the catalogs' own names: how many, how many collide, what it costs.

    .venv/bin/python benchmarks/bench_abbreviations.py [--rounds 5] [--examples 8]

For each real catalog in ../shared/data (and the project's sample catalog), from its vocabulary (all terms):
- derived: abbreviations the table holds, and the courses they cover;
- collide: abbreviations with several courses in their best tier, and how many of those a department in the
  question can tell apart (the candidates are offered by different departments);
- lower tier kept: abbreviations whose shortened forms also fit other courses (named, not linked);
- blocked: forms not used, by reason (a word inside the names, an ordinary word or verb form, a department or
  professor, a course name, more than 3 courses);
- ordinary words: derived abbreviations that are nonetheless ordinary Korean words, by two independent
  judges the table does not use: Kiwi's dictionary (a single noun, adverb or verb analysis scoring >= -20)
  and the words of the non-blind golden questions;
- hand list: how the hand-written aliases of abbreviations.yaml compare with the derived table;
- build: the segment model, a first lookup (what a cold start pays), and every abbreviation (median of rounds).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import Counter
from pathlib import Path

from _index_bench import ROOT, machine

CATALOGS = [ROOT.parent / "shared" / "data" / f"{name}.csv" for name in ("ssu-2026-1", "sogang-2025-1", "sogang-2023-2025")]
SAMPLE = ROOT / "data" / "sample-catalog.csv"
GOLDEN = [ROOT / "evals" / "golden" / f"{name}.jsonl" for name in ("sample", "ssu-2026-1", "sogang-2025-1")]
_KIWI_FLOOR = -20.0
_WORD_TAGS = {"NNG", "NNP", "MAG", "VV", "VA", "NP", "MM"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--examples", type=int, default=8)
    args = parser.parse_args()
    from agent.catalog.loader import load_catalog
    from agent.index.vocabulary import vocabulary_of

    print(machine())
    kiwi = _kiwi()
    question_words = _golden_words()
    for path in [*CATALOGS, SAMPLE]:
        if not path.exists():
            print(f"\n{path.name}: missing, skipped")
            continue
        vocabulary = vocabulary_of(load_catalog(path).sections)
        _report(path.stem, vocabulary, kiwi, question_words, args)


def _report(label: str, vocabulary, kiwi, question_words: set[str], args: argparse.Namespace) -> None:
    from agent.query.lexicon import default_lexicon
    from agent.query.text import name_key
    from agent.query.vocab import VocabularyMatcher

    matcher = VocabularyMatcher(vocabulary)
    table = matcher.abbreviations
    entries = table.everything()
    keys = {k: {name_key(n) for n in a.courses} for k, a in entries.items()}
    colliding = [k for k, courses in keys.items() if len(courses) > 1]
    by_department = [k for k in colliding if len({matcher.departments_of(n) for n in entries[k].courses}) > 1]
    print(f"\n== {label}: {len(vocabulary.course_names)} names, {len(vocabulary.departments)} departments")
    covered = {key for courses in keys.values() for key in courses}
    print(f"derived: {len(entries)} abbreviations covering {len(covered)} courses "
          f"({sum(1 for k in entries if len(k.rstrip('0123456789')) == 2)} of two letters)")
    print(f"collide: {len(colliding)} ({100 * len(colliding) / max(len(entries), 1):.1f}%), "
          f"{len(by_department)} of them told apart by a department; e.g. "
          + "; ".join(f"{k}: {', '.join(entries[k].courses[:3])}" for k in colliding[: args.examples]))
    print(f"lower tier kept as other candidates: {sum(1 for a in entries.values() if a.others)}")
    reasons = Counter("several courses" if r[0].isdigit() else r for r in table.blocked.values())
    print("blocked: " + ", ".join(f"{reason} {count}" for reason, count in reasons.most_common()))
    _ordinary_words(entries, kiwi, question_words, args.examples)
    _hand_list(entries, matcher, default_lexicon())
    _timing(vocabulary, args.rounds)


def _ordinary_words(entries: dict, kiwi, question_words: set[str], examples: int) -> None:
    if kiwi is not None:
        words = [k for k in entries if _kiwi_word(kiwi, k.rstrip("0123456789"))]
        print(f"ordinary words by Kiwi: {len(words)} ({100 * len(words) / max(len(entries), 1):.1f}%), e.g. "
              + ", ".join(f"{k}→{entries[k].courses[0]}" for k in words[:examples]))
    in_questions = sorted(k for k in entries if k in question_words)
    print(f"golden-question words that are derived abbreviations: {len(in_questions)} "
          + ", ".join(f"{k}→{entries[k].courses[0]}" for k in in_questions[:examples]))


def _hand_list(entries: dict, matcher, lexicon) -> None:
    same, other, missing = [], [], []
    for alias, candidates in lexicon.korean_aliases.items():
        wanted = matcher.existing(candidates)
        if not wanted:
            continue  # not in this catalog
        derived = entries.get(alias)
        if derived is None:
            missing.append(alias)
        elif wanted[0] in derived.courses:
            same.append(alias)
        else:
            other.append(f"{alias}({derived.courses[0]})")
    print(f"hand list in this catalog: {len(same) + len(other) + len(missing)}; derived the same {len(same)}, "
          f"differently {len(other)} {' '.join(other)}, not derived {len(missing)} {' '.join(missing)}")


def _timing(vocabulary, rounds: int) -> None:
    from agent.query.abbreviations import AbbreviationTable
    from agent.query.segments import SegmentModel

    model_ms, first_ms, all_ms = [], [], []
    for _ in range(rounds):
        start = time.perf_counter()
        SegmentModel(vocabulary.course_names)
        model_ms.append((time.perf_counter() - start) * 1000)
        table = AbbreviationTable(vocabulary.course_names)
        start = time.perf_counter()
        table.lookup("자구")
        first_ms.append((time.perf_counter() - start) * 1000)
        table = AbbreviationTable(vocabulary.course_names)
        start = time.perf_counter()
        table.everything()
        all_ms.append((time.perf_counter() - start) * 1000)
    print(f"build (median of {rounds}): segment model {statistics.median(model_ms):.1f} ms; first lookup "
          f"{statistics.median(first_ms):.1f} ms; every abbreviation {statistics.median(all_ms):.1f} ms")


def _kiwi():
    try:
        from kiwipiepy import Kiwi
    except ImportError:
        print("kiwipiepy not installed: no dictionary judge")
        return None
    return Kiwi()


def _kiwi_word(kiwi, word: str) -> bool:
    tokens, score = kiwi.analyze(word, top_n=1)[0]
    if score < _KIWI_FLOOR:
        return False
    return len(tokens) == 1 and tokens[0].tag in _WORD_TAGS or (
        len(tokens) == 2 and tokens[0].tag in {"VV", "VA"})  # a verb and its ending ("하고")


def _golden_words() -> set[str]:
    from agent.query.text import strip_particles, words

    found: set[str] = set()
    for path in GOLDEN:
        if not path.exists():
            continue
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                for word in words(json.loads(line)["question"]):
                    if word.is_hangul:
                        found.update(strip_particles(word.text))
    return found


if __name__ == "__main__":
    main()
