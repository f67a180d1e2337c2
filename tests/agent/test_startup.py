"""Importing our packages changes nothing process-wide; the start-up measures (agent/startup.py) act only
when called, and then do what the Lambda entry point relies on.

Every check runs in a fresh interpreter (tests/support/fresh_process.py): the state it looks at is the
whole process's. That `main.py` applies the measures is checked in tests/deploy/test_lambda_handler.py.
"""

from __future__ import annotations

from pathlib import Path

from agent.startup import LAMBDA_MEASURES, in_lambda_container, start_lambda_container
from tests.support.fresh_process import run_fresh

LAMBDA = {"AWS_LAMBDA_FUNCTION_NAME": "chatbot-backend-lambda"}
# What an application imports; the walk below must reach each of them.
APP_MODULES = ("api.main", "agent.assistant", "agent.cli", "tools.registry", "evals.runner")


def test_importing_every_module_of_our_packages_changes_nothing_process_wide(tmp_path: Path) -> None:
    # In a Lambda container too: only the entry point's explicit call applies the measures.
    outcome = run_fresh("""
        import importlib, json, pkgutil
        before = process_state()
        imported, failed = [], {}
        for package in ("agent", "api", "tools", "evals"):
            imported.append(importlib.import_module(package).__name__)
            for info in pkgutil.walk_packages(importlib.import_module(package).__path__, package + ".",
                                              onerror=lambda name: failed.setdefault(name, "walk")):
                try:
                    imported.append(importlib.import_module(info.name).__name__)
                except Exception as exc:
                    failed[info.name] = repr(exc)
        print("RESULT " + json.dumps({"before": before, "after": process_state(), "imported": imported,
                                      "failed": failed}))
    """, tmp_path, env=LAMBDA)
    assert outcome["failed"] == {}  # a module that fails to import could hide an effect
    assert set(APP_MODULES) <= set(outcome["imported"]) and len(outcome["imported"]) > 80
    assert outcome["after"] == outcome["before"]
    before = outcome["before"]
    assert before["gc"]["enabled"] and before["pydantic_defaults"]["defer_build"] == "False"


def test_the_measures_apply_only_in_a_lambda_container(tmp_path: Path) -> None:
    assert in_lambda_container(LAMBDA) and not in_lambda_container({"AWS_LAMBDA_FUNCTION_NAME": ""})
    assert start_lambda_container({}) == ()  # nothing to undo: outside a container it touches nothing
    outcome = run_fresh("""
        import json
        from agent.startup import start_lambda_container
        before = process_state()
        applied = start_lambda_container()
        print("RESULT " + json.dumps({"applied": applied, "changed": process_state() != before}))
    """, tmp_path)
    assert outcome == {"applied": [], "changed": False}


def test_in_a_lambda_container_each_measure_changes_what_it_says(tmp_path: Path) -> None:
    outcome = run_fresh("""
        import json
        import agent.startup
        results = {}
        # One at a time, narrowing the tuple as `bench_coldstart.py --off` does.
        for name in agent.startup.LAMBDA_MEASURES:
            agent.startup.LAMBDA_MEASURES = (name,)
            before = process_state()
            applied = agent.startup.start_lambda_container()
            after = process_state()
            changed = sorted(key for key in before if before[key] != after[key])
            results[name] = {"applied": applied, "changed": changed, "after": after}
        print("RESULT " + json.dumps(results))
    """, tmp_path, env=LAMBDA)
    assert set(outcome) == set(LAMBDA_MEASURES)
    for name, result in outcome.items():
        assert result["applied"] == [name]
    assert outcome["model-builds"]["changed"] == ["pydantic_defaults"]
    assert outcome["model-builds"]["after"]["pydantic_defaults"]["defer_build"] == "True"
    assert outcome["package-inits"]["changed"] == ["meta_path"]
    assert outcome["package-inits"]["after"]["meta_path"][0] == "agent.lazy_packages._DeferredInitFinder"
    assert outcome["gc-pause"]["changed"] == ["gc"] and not outcome["gc-pause"]["after"]["gc"]["enabled"]


def test_a_deferred_model_still_validates_and_rejects_on_first_use(tmp_path: Path) -> None:
    # Fails when a pydantic release moves the private default: the cold start would silently regress.
    outcome = run_fresh("""
        import json
        from pydantic import BaseModel, ValidationError
        from agent.startup import defer_model_builds
        took_effect = defer_model_builds()

        class Slot(BaseModel):
            day: str
            start: int

        class Course(BaseModel):
            code: str
            slots: list[Slot] = []

        built_at_definition = Course.__pydantic_complete__
        course = Course.model_validate({"code": "CSE3010", "slots": [{"day": "화", "start": "720"}]})
        try:
            Course.model_validate({"code": "X", "slots": [{"day": "화", "start": "noon"}]})
            error = None
        except ValidationError as exc:
            error = [list(e["loc"]) for e in exc.errors()]
        print("RESULT " + json.dumps({
            "took_effect": took_effect, "built_at_definition": built_at_definition,
            "built_after_use": Course.__pydantic_complete__, "start": course.slots[0].start, "error": error,
            "schema_type": Course.model_json_schema()["properties"]["code"]["type"]}))
    """, tmp_path)
    assert outcome["took_effect"] is True
    assert outcome["built_at_definition"] is False and outcome["built_after_use"] is True
    assert outcome["start"] == 720  # full validation (str -> int) on first use
    assert outcome["error"] == [["slots", 0, "start"]] and outcome["schema_type"] == "string"


def test_collection_pauses_until_the_end_of_start_up_then_freezes_and_resumes(tmp_path: Path) -> None:
    outcome = run_fresh("""
        import gc, json
        from agent import startup
        startup.end_startup()  # without a pause: a no-op
        untouched = process_state()["gc"]
        paused = startup.pause_gc_for_startup()
        during = {"enabled": gc.isenabled(), "pending": startup.startup_pending()}
        garbage = [[object()] for _ in range(50_000)]  # start-up's long-lived objects
        startup.end_startup()
        after = {"enabled": gc.isenabled(), "pending": startup.startup_pending(),
                 "frozen": gc.get_freeze_count()}
        startup.end_startup()  # a second call changes nothing
        print("RESULT " + json.dumps({"untouched": untouched, "paused": paused, "during": during,
                                      "after": after, "again": gc.get_freeze_count() == after["frozen"]}))
    """, tmp_path)
    assert outcome["untouched"]["enabled"] is True and outcome["untouched"]["frozen"] == 0
    assert outcome["paused"] is True and outcome["during"] == {"enabled": False, "pending": True}
    assert outcome["after"]["enabled"] is True and outcome["after"]["pending"] is False
    assert outcome["after"]["frozen"] > 50_000 and outcome["again"] is True
