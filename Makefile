# The two commands: `make run` (set up and serve the app) and `make test` (set up and test).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1:8000
NODE_STAMP := node_modules/.installed

.PHONY: run test test-only lint format bench bench-quick setup debian-packages clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

# Development settings: DEBUG=true (settings default to production, DEBUG=false).
DEV := DEBUG=true

setup: $(STAMP)
	$(DEV) $(BIN)/python manage.py migrate --noinput
	$(DEV) $(BIN)/python manage.py load_library
	$(DEV) $(BIN)/python manage.py setup_demo

run: setup
	$(DEV) $(BIN)/python manage.py runserver $(HOST)

debian-packages:
	bash scripts/debian-packages.sh

# axe-core, for the accessibility audit in the browser tests (npm registry, lockfile).
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

test: $(STAMP) debian-packages $(NODE_STAMP) test-only

test-only: lint
	$(DEV) $(BIN)/python -m pytest

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# `make bench` (many minutes) or `make bench-quick` (under two minutes); both print a
# line per measurement and write bench/results/<date>[-quick].json. ARGS=--no-load etc.
bench: $(STAMP) debian-packages
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	$(BIN)/python bench/run.py $(ARGS)

bench-quick:
	$(MAKE) bench ARGS="--quick $(ARGS)"

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
