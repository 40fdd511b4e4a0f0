# Tambon: `make run` to try it, `make test` to test it. Needs only Python 3.11+ on the PATH.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PORT  # the demo's addresses in messages follow it (config/settings/dev.py)
# One pytest worker per core and one more: many tests wait on a browser, a server or a subprocess.
# Not --dist worksteal: a stolen test may run after a transactional one has emptied the worker's
# database (pytest-django runs those last because they do).
PYTEST_ARGS ?= -n $(shell $(PYTHON) -c 'import os; print(len(os.sched_getaffinity(0)) + 1)')

.PHONY: run test test-browser lint format bench messages translations setup checkers clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -c 'import sys; sys.exit("Tambon needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

setup: $(VENV)/.installed translations

# Test tools from npm (package.json): the Nu HTML checker (node_modules/vnu-jar/build/dist/vnu.jar,
# run with the machine's Java) and axe-core. Their tests skip without them, except in CI.
# --ignore-scripts: vnu-jar's install script would download a Java of its own.
checkers: node_modules/.package-lock.json
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --ignore-scripts --no-audit --no-fund --loglevel=error; \
	else echo "npm is not installed: the Nu HTML check and npm's axe-core are skipped"; fi

# Compiled with polib (pure Python), so a machine without GNU gettext still shows Thai.
translations: $(VENV)/.installed
	$(PY) manage.py compile_translations

run: setup
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo --demo-admin --port $(PORT)
	@echo "Tambon is at http://127.0.0.1:$(PORT)/ and http://huainamsai.localhost:$(PORT)/ (Ctrl+C to stop)"
	@# The worker sends every message (as in production) beside the server; Ctrl+C stops both.
	$(PY) manage.py db_worker --no-reload & trap 'kill $$! 2>/dev/null' EXIT INT TERM; $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: setup checkers
	$(PY) -m pytest $(PYTEST_ARGS)

test-browser: setup checkers
	$(PY) -m pytest -m browser $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run

format: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Collects every translatable string of our code and templates into locale/th (needs GNU gettext).
messages: $(VENV)/.installed
	$(PY) manage.py makemessages -l th --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=tests

bench: setup
	$(PY) -m tests.bench

clean:
	rm -rf $(VENV) node_modules db.sqlite3 staticfiles test-artifacts
