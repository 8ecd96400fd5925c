# The front door: `make report` builds the brief, `make test` runs the checks.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: help install report test lint format lab extract bench score clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Re-install only when the dependency list changes.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)  ## create .venv and install the workbook (idempotent)

report: $(STAMP)  ## build the brief and figures from data/articles into reports/
	$(PY) -m analysis report

test: $(STAMP)  ## ruff check, ruff format --check, pytest
	$(VENV)/bin/ruff check analysis tests
	$(VENV)/bin/ruff format --check analysis tests
	$(VENV)/bin/pytest

lint: $(STAMP)  ## ruff check only
	$(VENV)/bin/ruff check analysis tests

format: $(STAMP)  ## format the code with ruff
	$(VENV)/bin/ruff format analysis tests
	$(VENV)/bin/ruff check --fix analysis tests

lab: $(STAMP)  ## open JupyterLab on the notebooks
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks

extract: $(STAMP)  ## print statements and events of data/articles
	$(PY) -m analysis extract data/articles

bench: $(STAMP)  ## print speed figures (python -m analysis bench)
	$(PY) -m analysis bench

score: $(STAMP)  ## extraction scores: dev corpus beside the project, team-written held-out sets
	$(PY) ../shared/eval/score.py ../shared/corpus/dev -v
	$(PY) ../shared/eval/score.py ../shared/corpus/dev --lang en | tail -1
	$(PY) ../shared/eval/score.py ../shared/corpus/dev --lang es | tail -1
	$(PY) ../shared/eval/score.py tests/heldout | tail -1
	$(PY) ../shared/eval/score.py tests/heldout_events | tail -1

clean:  ## remove generated files (keeps .venv)
	rm -rf reports data/processed .pytest_cache .ruff_cache
