# civicgrid: `make demo` runs the demo city, `make test` runs the whole test suite.
PYTHON := $(shell scripts/find-python)
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py

.PHONY: setup demo test bench clean

setup: $(VENV)/.installed node_modules/.installed locale/en/LC_MESSAGES/django.mo locale/zh_Hans/LC_MESSAGES/django.mo

$(VENV)/.installed: pyproject.toml
	@test -n "$(PYTHON)" || { echo "No Python 3.12+ found (see above)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po $(VENV)/.installed
	@if command -v msgfmt >/dev/null; then $(MANAGE) compilemessages --locale $* --ignore=.venv --ignore=node_modules >/dev/null; fi
	touch $@

# The demo runs as a real site does: debug off (the site's own 404 and 500 pages, no URL patterns shown), static
# files served by WhiteNoise straight from their sources (no collectstatic), a secret key made for this run,
# and cookies over plain HTTP (it is served on http://127.0.0.1). DEMO_ADDR=127.0.0.1:8001 serves elsewhere.
# `manage.py demo` migrates, loads the demo (load_demo) and serves it (runserver, no reloader) in one process.
DEMO_ADDR ?= 127.0.0.1:8000
demo: export CIVICGRID_DEBUG := 0
demo: export CIVICGRID_STATIC_FROM_SOURCES := 1
demo: export CIVICGRID_SECURE_COOKIES := 0
demo: export CIVICGRID_SECRET_KEY := $(or $(CIVICGRID_SECRET_KEY),$(shell head -c 48 /dev/urandom | od -An -tx1 | tr -d ' \n'))
demo: setup
	@scripts/ensure-printing --warn
	$(MANAGE) demo $(DEMO_ADDR)

test: setup
	scripts/ensure-chromium
	scripts/ensure-printing
	$(VENV)/bin/lint-imports
	$(MANAGE) makemigrations --check --dry-run
	$(VENV)/bin/pytest -n auto --dist worksteal --durations=20

bench: setup
	scripts/ensure-wrk
	$(PY) bench/locate.py
	$(PY) bench/intake.py
	$(PY) bench/case_queue.py
	$(PY) bench/api.py
	$(PY) bench/reports.py
	$(PY) bench/dashboards.py --cases 200000
	$(PY) bench/gridwork.py --households 100000 --visits 300000 --check-ins 200000 --cases 50000
	$(PY) bench/demo_start.py

clean:
	rm -rf $(VENV) node_modules staticfiles
