"""`agent.hyperclova` as a package: every public name resolves, and importing it (as the error middleware
does on any model failure) loads only the errors, not httpx and the chat model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import agent.hyperclova as package

ROOT = Path(__file__).resolve().parents[2]


def test_public_names_resolve() -> None:
    from agent.hyperclova.chat_model import ChatHyperClovaX
    from agent.hyperclova.errors import HyperClovaError

    assert package.ChatHyperClovaX is ChatHyperClovaX
    assert all(getattr(package, name) is not None for name in package.__all__)
    assert set(package.__all__) <= set(dir(package))
    assert all(issubclass(getattr(package, name), HyperClovaError) for name in package.__all__[1:])
    with pytest.raises(AttributeError, match="ChatHyperClovaY"):
        _ = package.ChatHyperClovaY


def test_importing_the_errors_loads_neither_httpx_nor_the_chat_model() -> None:
    code = (
        "import json, sys\n"
        "from agent.hyperclova import HyperClovaError\n"
        "print(json.dumps(sorted(sys.modules)))\n"
        "from agent.hyperclova import ChatHyperClovaX\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    before, after = (set(json.loads(line)) for line in out.stdout.splitlines())
    assert "httpx" not in before and "agent.hyperclova.chat_model" not in before
    assert {"httpx", "agent.hyperclova.chat_model"} <= after  # the class itself still loads on demand
