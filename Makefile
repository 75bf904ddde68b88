# `make report` and `make test` do all the set-up on a fresh machine: virtual environment,
# pinned dependencies, the package itself (editable), then the job.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ARTICLE := data/raw/thesun_putin_kim_2024-06-18.txt
BASELINES := $(sort $(wildcard data/baseline/*.txt))
STAMP := $(VENV)/.installed

.PHONY: setup report report-corpus compare-corpus lab browser lint test test-fast bench bench-corpus basil validate clean

setup: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

report: $(STAMP)
	mkdir -p reports
	$(BIN)/toneanalysis score $(ARTICLE) --format csv > reports/paragraphs.csv
	@echo "wrote reports/paragraphs.csv"
	$(BIN)/toneanalysis report $(ARTICLE) --baseline $(BASELINES) -o reports/$(basename $(notdir $(ARTICLE))).html

# The outlets of the demo corpus (data/corpus: 3 outlets x 5 events, manifest.csv) compared, in the
# terminal and as one HTML report; the scored tables are kept in reports/corpus-tables (Parquet).
CORPUS := data/corpus
compare-corpus: $(STAMP)
	$(BIN)/toneanalysis compare $(CORPUS) --by outlet --reference "Central Wire" --out reports/corpus-tables

report-corpus: $(STAMP)
	mkdir -p reports
	$(BIN)/toneanalysis report $(CORPUS) --by outlet --reference "Central Wire" --out reports/corpus-tables \
		-o reports/corpus.html

# JupyterLab on notebooks/; its `python3` kernel is this .venv's Python (jupyter_client runs a
# kernelspec's `python` as the Python that runs Jupyter).
lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks $$([ "$$(id -u)" = 0 ] && echo --allow-root)

# The report test opens the HTML in headless Chromium: Debian's chromium and chromium-driver.
browser:
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; \
	else echo "chromium/chromium-driver missing and not root: the browser test will be skipped" >&2; fi

lint: $(STAMP)
	$(BIN)/ruff check .

# Everything: lint, doctests, the unit tests and the slow ones (notebooks, report in a browser, wheel).
# The 15 slowest tests are printed at the end (pyproject's addopts), so growth is visible.
test: $(STAMP) browser lint
	$(BIN)/python -m pytest --doctest-modules toneanalysis tests

# The day-to-day loop: no notebooks, browser or wheel build.
test-fast: $(STAMP)
	$(BIN)/python -m pytest --doctest-modules toneanalysis tests -m "not slow"

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

# Corpus scoring: throughput against score_texts, peak memory at 1,000 and 10,000 articles, resume.
bench-corpus: $(STAMP)
	$(BIN)/python benchmarks/corpus_outlets.py

# The outlets of BASIL dev (Fox News, NYT, HuffPost on 50 events) beside the experts' lexical spans.
basil: $(STAMP)
	$(BIN)/python benchmarks/basil_outlets.py $(EVAL)/basil_dev

# Agreement with human judgement (docs/VALIDATION.md); reads the public evaluation sets from
# ../shared/eval (or EVAL=path), says so and exits 0 when they are absent.
EVAL ?= ../shared/eval
validate: $(STAMP)
	$(BIN)/python benchmarks/validate.py $(EVAL)

clean:
	rm -rf $(VENV) reports .pytest_cache .hypothesis
