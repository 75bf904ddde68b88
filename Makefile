# `make report` and `make test` do all the set-up on a fresh machine: virtual environment,
# pinned dependencies, the package itself (editable), then the job.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ARTICLE := data/raw/thesun_putin_kim_2024-06-18.txt
STAMP := $(VENV)/.installed

.PHONY: setup report test bench clean

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
	$(BIN)/toneanalysis score $(ARTICLE)
	@echo "wrote reports/paragraphs.csv"

test: $(STAMP)
	$(BIN)/python -m pytest --doctest-modules toneanalysis tests

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) reports .pytest_cache .hypothesis
