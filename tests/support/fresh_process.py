"""Run a script in a fresh interpreter and read back the JSON it prints on one `RESULT {...}` line.

For checks of process-wide state (import side effects, the Lambda start-up measures): this test process
has long since imported the libraries, so only a new interpreter shows what an import or a call changes.
Every script can call `process_state()`: what the checks compare (meta path finders, pydantic's config
defaults, the collector's state); defining it imports nothing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Keys and endpoints of this machine's environment never reach the child (it must not call a cloud), nor
# does a Lambda marker: a test that wants a Lambda container says so in `env`.
_DROPPED = ("HYPERCLOVA_", "PINECONE_", "LANGSMITH_", "AWS_LAMBDA_")

PROCESS_STATE = '''
def process_state():
    import gc, sys
    from pydantic._internal import _config

    def name(finder):
        kind = finder if isinstance(finder, type) else type(finder)
        return kind.__module__ + "." + kind.__qualname__

    return {
        "meta_path": [name(finder) for finder in sys.meta_path],
        "pydantic_defaults": {key: repr(value) for key, value in _config.config_defaults.items()},
        "gc": {"enabled": gc.isenabled(), "threshold": list(gc.get_threshold()),
               "frozen": gc.get_freeze_count()},
    }
'''


def run_fresh(script: str, cwd: Path, *, env: Mapping[str, str] | None = None,
              extra_path: Sequence[Path] = (), timeout: float = 300) -> dict:
    """Run `script` (dedented, after `PROCESS_STATE`) with the project on `sys.path`; return its RESULT
    line's JSON."""
    child_env = {k: v for k, v in os.environ.items() if not k.startswith(_DROPPED)}
    child_env.update(env or {})
    child_env["PYTHONPATH"] = os.pathsep.join(str(p) for p in (ROOT, *extra_path))
    source = PROCESS_STATE + textwrap.dedent(script)
    result = subprocess.run([sys.executable, "-c", source], cwd=cwd, env=child_env, capture_output=True,
                            text=True, timeout=timeout)
    line = next((l for l in result.stdout.splitlines() if l.startswith("RESULT ")), None)
    assert line, result.stdout[-2000:] + result.stderr[-3000:]
    return json.loads(line[len("RESULT "):])
