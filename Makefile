# Tambon: `make run` to try it, `make test` to test it. Needs only Python 3.11+ on the PATH.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PYTEST_ARGS ?= -n auto  # both cores: the suite takes half as long

.PHONY: run test test-browser lint format bench messages translations setup clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -c 'import sys; sys.exit("Tambon needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

setup: $(VENV)/.installed translations

# Compiled with polib (pure Python), so a machine without GNU gettext still shows Thai.
translations: $(VENV)/.installed
	$(PY) manage.py compile_translations

run: setup
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo --demo-admin
	@echo "Tambon is at http://127.0.0.1:$(PORT)/ (Ctrl+C to stop)"
	@# The worker sends every message (as in production) beside the server; Ctrl+C stops both.
	$(PY) manage.py db_worker --no-reload & trap 'kill $$! 2>/dev/null' EXIT INT TERM; $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: setup
	$(PY) -m pytest $(PYTEST_ARGS)

test-browser: setup
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
	rm -rf $(VENV) db.sqlite3 staticfiles test-artifacts
