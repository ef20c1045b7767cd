# frettir: make demo | make test | make eval | make test-deep | make docs | make bench | make dist | make clean
#          make test-browser | make bench-service
SHELL := /bin/bash
.DEFAULT_GOAL := test

PYTHON ?= $(shell command -v python3.11 || command -v python3)
SHARED ?= ../shared
EXAMPLE ?= src/frettir/examples/skridufoll.txt
VENV := .venv
BIN := $(VENV)/bin
# Re-installs whenever pyproject.toml changes. PACKAGE_STAMP: frettir alone (make demo);
# STAMP: with the test tools.
PACKAGE_STAMP := $(VENV)/package.stamp
STAMP := $(VENV)/install.stamp
DOCS_STAMP := $(VENV)/docs.stamp
DIST_STAMP := $(VENV)/dist.stamp

.PHONY: venv demo test lint typecheck pytest eval test-deep docs bench dist clean test-browser bench-service

venv: $(STAMP)

$(PACKAGE_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	touch $@

$(STAMP): $(PACKAGE_STAMP)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

$(DOCS_STAMP): $(STAMP)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test,docs]'
	touch $@

# Only the package: no test or lint tools before the first result.
demo: $(PACKAGE_STAMP)
	$(BIN)/frettir extract $(EXAMPLE)

test: lint typecheck pytest docs

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
		echo "$(BIN)/frettir evaluate $(SHARED)/corpus/dev.jsonl --split $$floor"; \
		$(BIN)/frettir evaluate "$(SHARED)/corpus/dev.jsonl" --split $$floor; \
	else \
		echo "eval skipped: $(SHARED)/corpus/dev.jsonl not found"; \
	fi

test-deep: lint typecheck $(STAMP)
	HYPOTHESIS_PROFILE=thorough $(BIN)/pytest -q -m "slow or not slow"

# The html docs, then every example in them and in the docstrings (doctest builder), both with
# -n -W: a broken example or reference fails. Both builds share one parsed environment and only
# re-read what changed. Without network access: FRETTIR_DOCS_OFFLINE=1 make docs (or make test).
SPHINX := $(BIN)/sphinx-build -q -n -W --keep-going -d docs/_build/doctrees

# This machine and CI have no network, so intersphinx is off unless FRETTIR_DOCS_OFFLINE=0
# (Read the Docs runs Sphinx itself, online, with the links to Python and attrs).
export FRETTIR_DOCS_OFFLINE ?= 1

docs: $(DOCS_STAMP)
	$(SPHINX) -b html docs docs/_build/html
	$(SPHINX) -b doctest docs docs/_build/doctest

# Whole processes on the dev corpus, median [min-max] of 3 runs: frettir against the tokenizer and
# parse-all, a cold start, one process against a pool, Dask against extract_many (10-15 minutes).
bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py --shared $(SHARED)

# The sdist and the wheel in dist/, checked by twine; then the sdist's own tests are collected
# from the unpacked sdist (they fail at collection if it lacks a file they need).
$(DIST_STAMP): $(STAMP)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test,dist]'
	touch $@

dist: $(DIST_STAMP)
	rm -rf dist build/sdist-check
	$(BIN)/python -m build --no-isolation --sdist --wheel --outdir dist . > /dev/null
	$(BIN)/twine check --strict dist/*
	mkdir -p build/sdist-check
	tar -xzf dist/frettir-*.tar.gz -C build/sdist-check
	set -o pipefail; cd build/sdist-check/frettir-* && ../../../$(BIN)/pytest -q --collect-only -p no:cacheprovider \
		| tail -1
	@ls -l dist

# The service's page and every page of the docs (built fresh, 1280 px wide: no code block may
# scroll sideways) in headless Chromium, driven by Playwright (tests/test_browser.py, marker
# browser): needs Debian's chromium (.ci/run installs it when missing). A missing browser fails.
# FRETTIR_SCREENSHOT=docs/_static/serve.png make test-browser takes the README's screenshot again.
BROWSER_STAMP := $(VENV)/browser.stamp

$(BROWSER_STAMP): $(DOCS_STAMP)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test,docs,browser]'
	touch $@

test-browser: $(BROWSER_STAMP)
	FRETTIR_BROWSER_REQUIRED=1 $(BIN)/pytest -q -m browser

# The web service's latency for one article: the median of 20 warm requests.
bench-service: $(STAMP)
	$(BIN)/python benchmarks/service_latency.py --shared $(SHARED)

clean:
	rm -rf $(VENV) docs/_build dist build .hypothesis .mypy_cache .ruff_cache .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
	find . -name '*.egg-info' -type d -prune -exec rm -rf {} +

# Robustness: make fuzz (atheris over Article.from_text and serialize.loads; FUZZ_SECONDS=600; 600 s per
# input, for the family inputs of a million characters;
# one process at nice 10; new failures go to build/fuzz/artifacts) | make corpus-check (every
# GreynirCorpus sentence and dev article: crashes, invariant violations, slowest items).
FUZZ_SECONDS ?= 600
FUZZ_DIR := build/fuzz
FUZZ_STAMP := $(VENV)/fuzz.stamp

.PHONY: fuzz corpus-check

$(FUZZ_STAMP): $(STAMP)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test,fuzz]'
	touch $@

fuzz: $(FUZZ_STAMP)
	mkdir -p $(FUZZ_DIR)/corpus $(FUZZ_DIR)/artifacts
	$(BIN)/python fuzz/fuzz_article.py --seeds $(FUZZ_DIR)/corpus
	set -o pipefail; nice -n 10 $(BIN)/python fuzz/fuzz_article.py $(FUZZ_DIR)/corpus -dict=$(FUZZ_DIR)/icelandic.dict \
		-max_total_time=$(FUZZ_SECONDS) -timeout=600 -max_len=4096 -print_final_stats=1 \
		-artifact_prefix=$(FUZZ_DIR)/artifacts/ --keep-going=$(FUZZ_DIR)/artifacts 2>&1 \
		| grep -v '^INFO: Instrumenting'
	@found=$$(ls $(FUZZ_DIR)/artifacts | grep -c -E '^(crash|timeout|oom)-[0-9a-f]+$$' || true); \
		echo "fuzz: $$found failure(s) in $(FUZZ_DIR)/artifacts (slow-unit-* files are only slow)"; \
		test "$$found" -eq 0

corpus-check: $(STAMP)
	$(BIN)/python scripts/corpus_check.py --sentences $(SHARED)/corpus/greynircorpus-sentences.txt \
		--articles $(SHARED)/corpus/dev.jsonl
