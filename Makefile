# frettir: make demo | make test | make eval | make test-deep | make docs | make clean
SHELL := /bin/bash
.DEFAULT_GOAL := test

PYTHON ?= $(shell command -v python3.11 || command -v python3)
SHARED ?= ../shared
EXAMPLE ?= src/frettir/examples/skridufoll.txt
VENV := .venv
BIN := $(VENV)/bin
# Re-installs whenever pyproject.toml changes.
STAMP := $(VENV)/install.stamp
DOCS_STAMP := $(VENV)/docs.stamp

.PHONY: venv demo test lint typecheck pytest eval test-deep docs clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

$(DOCS_STAMP): $(STAMP)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test,docs]'
	touch $@

demo: $(STAMP)
	$(BIN)/frettir extract $(EXAMPLE)

test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check --quiet .
	$(BIN)/ruff format --check --quiet .

typecheck: $(STAMP)
	$(BIN)/mypy --strict src

pytest: $(STAMP)
	$(BIN)/pytest -q

eval: $(STAMP)
	@if [ -f "$(SHARED)/corpus/dev.jsonl" ]; then \
		floor=""; [ -f eval-floor.json ] && floor="--floor eval-floor.json"; \
		echo "$(BIN)/frettir evaluate $(SHARED)/corpus/dev.jsonl $$floor"; \
		$(BIN)/frettir evaluate "$(SHARED)/corpus/dev.jsonl" $$floor; \
	else \
		echo "eval skipped: $(SHARED)/corpus/dev.jsonl not found"; \
	fi

test-deep: lint typecheck $(STAMP)
	$(BIN)/pytest -q -m "slow or not slow"

docs: $(DOCS_STAMP)
	$(BIN)/sphinx-build -n -W --keep-going -b html docs docs/_build/html
	$(BIN)/sphinx-build -n -W --keep-going -b doctest docs docs/_build/doctest

clean:
	rm -rf $(VENV) docs/_build dist build .hypothesis .mypy_cache .ruff_cache .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
	find . -name '*.egg-info' -type d -prune -exec rm -rf {} +
