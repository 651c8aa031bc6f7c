# rasad: the two commands of the README, and the pieces they are made of.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= sqlite:///rasad.db

# The hot path is compiled with mypyc (setup.py) where a C compiler is found; COMPILE=0 (or no
# compiler) installs pure Python. A change to a compiled module rebuilds it on the next make.
COMPILE ?= $(shell command -v cc >/dev/null 2>&1 && echo 1 || echo 0)
COMPILED_SOURCES := $(shell sed -n 's/^    "\(src\/rasad\/.*\.py\)",$$/\1/p' setup.py)

.PHONY: run test build lint typecheck unit coverage bench clean

$(BIN)/rasad: pyproject.toml setup.py $(COMPILED_SOURCES)
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	RASAD_COMPILE=$(COMPILE) $(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/rasad --version
	touch $(BIN)/rasad

## build: set up .venv and (re)build the compiled modules
build: $(BIN)/rasad

## run: set up .venv, ingest the bundled sample articles into SQLite, show what is stored
run: $(BIN)/rasad
	$(BIN)/rasad ingest --samples --db $(DB)
	$(BIN)/rasad stats --db $(DB)

## test: set up .venv, then lint, type-check and run the whole test suite
test: $(BIN)/rasad lint typecheck unit

lint: $(BIN)/rasad
	$(BIN)/ruff check src tests benchmarks eval setup.py
	$(BIN)/ruff format --check src tests benchmarks eval setup.py

typecheck: $(BIN)/rasad
	$(BIN)/mypy

unit: $(BIN)/rasad
	RASAD_EXPECT_COMPILED=$(COMPILE) scripts/with-postgres $(BIN)/pytest -q

## coverage: the test suite with coverage, on the .py files (RASAD_PURE=1: compiled code is not traced)
coverage: $(BIN)/rasad
	RASAD_PURE=1 scripts/with-postgres $(BIN)/pytest --cov=rasad --cov-report=term:skip-covered -q

bench: $(BIN)/rasad
	$(BIN)/python benchmarks/run.py --n 10000

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache .hypothesis rasad.db*
	find src -name '*.so' -delete
