# Calcibot: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test train bench lint system-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

## Set up, train (when no model is present) and serve with the demo clinic page.
run: $(STAMP)
	$(BIN)/calcibot serve --host $(HOST) --port $(PORT)

## Debian packages the tests use for real: redis-server and chromium.
system-deps:
	bash scripts/install-system-deps.sh

## Set up and run the whole test suite (real Redis, real browser, real action server).
test: $(STAMP) system-deps
	$(BIN)/python -m pytest

train: $(STAMP)
	$(BIN)/calcibot train

## Benchmarks: ratios against baselines measured in the same run.
bench: $(STAMP) system-deps
	$(BIN)/python -m tests.bench

lint: $(STAMP)
	$(BIN)/ruff check bot tests
	$(BIN)/ruff format --check bot tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) data results
