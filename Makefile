# Everything a newcomer needs: `make run` starts the dashboard, `make test` runs every test.
# Both create their own virtual environment in .venv and install what they need first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test test-fast bench browser-deps clean i18n-extract i18n-update

$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

## Install what the dashboard needs and start it on http://localhost:$(PORT)
run: $(VENV)/.runtime
	$(PY) -m streamlit run app.py --server.port $(PORT) --server.headless true

## Install everything (including Chromium for the browser tests) and run the whole test suite
test: $(VENV)/.dev browser-deps
	$(PY) -m pytest

## The model and UI tests without the real-browser run
test-fast: $(VENV)/.dev
	$(PY) -m pytest -m "not browser"

## Chromium for the real-browser tests (installed with apt when missing and running as root)
browser-deps:
	@bash scripts/ensure_chromium.sh

## Print the performance figures the issues ask for
bench: $(VENV)/.dev browser-deps
	$(PY) benchmarks/benchmark.py

## Regenerate the translation template ui/locale/messages.pot from the English source texts
i18n-extract: $(VENV)/.runtime
	$(PY) -m ui.catalog extract

## Merge the template into the Danish catalog (changed English is kept, marked fuzzy)
i18n-update: $(VENV)/.runtime
	$(PY) -m ui.catalog update

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis artifacts
