# make run  : embedded broker + worker + example dumps, live event lines (Ctrl-C stops)
# make check: lint, types and the unit tests (no model, no broker): the fast loop, < 1 min
# make test : lint, types and the whole test suite against a real broker process
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run check test lint format unit nlp integration clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/worker demo

lint: install
	$(BIN)/ruff check worker tests bench
	$(BIN)/ruff format --check worker tests bench
	$(BIN)/mypy

check: lint
	$(BIN)/python -m pytest -q tests/unit

# Every test runs in a shuffled order (modules and the tests inside them; the seed is
# printed: replay with --random-order-seed=N), test files spread over two processes.
test: lint
	$(BIN)/python -m pytest -n 2 --dist loadfile --random-order-bucket=module

unit: install
	$(BIN)/python -m pytest -q tests/unit

nlp: install
	$(BIN)/python -m pytest -q tests/nlp

integration: install
	$(BIN)/python -m pytest -q tests/integration

format: install
	$(BIN)/ruff format worker tests bench
	$(BIN)/ruff check --fix worker tests bench

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
