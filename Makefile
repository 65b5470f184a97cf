# sckg: the two Quickstart commands are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DATA   ?= data/braunschweig
OUT    ?= out
# pytest processes of `make test` (pytest-xdist); 0 runs the suite in this one. The tests marked
# `timing` (bounds on the wall clock) run after the others, in one process of their own.
TEST_WORKERS ?= 2

.PHONY: run test test-fast lint bench clean docs comunica axe

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

## run: set up .venv, install sckg, validate the bundled Braunschweig data and write the steering group's
## briefing to out/report.html (the main job)
run: $(VENV)/.installed
	$(BIN)/sckg validate --data $(DATA)
	$(BIN)/sckg report --data $(DATA) --out $(OUT)

## test: install the test extras and run the whole suite (ruff + mypy + pytest)
test: $(VENV)/.installed-test
	$(BIN)/ruff format --check sckg tests bench cli.py docs/screenshot.py
	$(BIN)/ruff check sckg tests bench cli.py docs/screenshot.py
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadscope -m "not timing" --durations=25
	$(BIN)/python -m pytest -q -m timing

## test-fast: the tests that need no browser, server or LibreOffice and take less than about 8 s each
## (`make test` runs them all)
FAST := not slow and not browser and not server and not office
test-fast: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadscope -m "$(FAST) and not timing"
	$(BIN)/python -m pytest -q -m "$(FAST) and timing"

## docs: write the HTML documentation of the ontology, vocabularies and shapes to docs/ontology/index.html
docs: $(VENV)/.installed
	$(BIN)/python -m sckg.ontodoc docs/ontology

## comunica: install the Comunica SPARQL engine (npm, 4.x for Node 18/20) into .cache/comunica for the engine tests
comunica: .cache/comunica/node_modules/.bin/comunica-sparql-file-http

.cache/comunica/node_modules/.bin/comunica-sparql-file-http:
	mkdir -p .cache/comunica
	cd .cache/comunica && npm install --no-audit --no-fund --silent @comunica/query-sparql-file@4

## axe: install axe-core (npm, 4.x) into .cache/axe-core for the site's accessibility tests
axe: .cache/axe-core/node_modules/axe-core/axe.min.js

.cache/axe-core/node_modules/axe-core/axe.min.js:
	mkdir -p .cache/axe-core
	cd .cache/axe-core && npm install --no-audit --no-fund --silent axe-core@4

bench: $(VENV)/.installed-test
	$(BIN)/python bench/cli_latency.py

clean:
	rm -rf $(VENV) $(OUT) build dist .pytest_cache .mypy_cache
