# rasad: the two commands of the README, and the pieces they are made of.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= sqlite:///rasad.db

.PHONY: run test lint typecheck unit bench clean

$(BIN)/rasad: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/rasad

## run: set up .venv, ingest the bundled sample articles into SQLite, show what is stored
run: $(BIN)/rasad
	$(BIN)/rasad ingest --samples --db $(DB)
	$(BIN)/rasad stats --db $(DB)

## test: set up .venv, then lint, type-check and run the whole test suite
test: $(BIN)/rasad lint typecheck unit

lint: $(BIN)/rasad
	$(BIN)/ruff check src tests benchmarks eval
	$(BIN)/ruff format --check src tests benchmarks eval

typecheck: $(BIN)/rasad
	$(BIN)/mypy

unit: $(BIN)/rasad
	scripts/with-postgres $(BIN)/pytest --cov=rasad --cov-report=term:skip-covered -q

bench: $(BIN)/rasad
	$(BIN)/python benchmarks/run.py --n 10000

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis rasad.db*
