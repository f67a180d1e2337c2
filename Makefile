# Two entry points (see README): `make run` and `make test`. Both install what they need.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install frontend browser-deps

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

run: install frontend
	$(BIN)/coursebot serve

test: install frontend browser-deps
	$(BIN)/python -m pytest
