# The two commands of README.md: `make run` and `make test`.
# Everything else here is what they need on a fresh machine.

VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

# Python >= 3.12: the pyenv version named in .python-version when there is
# one, otherwise the newest python3.1x on the PATH.
SYSTEM_PYTHON := $(shell \
	for candidate in python3.13 python3.12 python3.14 python3; do \
	  if command -v $$candidate >/dev/null 2>&1 && \
	     $$candidate -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
	    echo $$candidate; break; \
	  fi; \
	done)

.PHONY: run test lint format messages bench css clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@test -n "$(SYSTEM_PYTHON)" || { echo "Python 3.12 or newer is needed (see README.md)."; exit 1; }
	$(SYSTEM_PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.installed
	DJANGO_DEBUG=1 $(PY) manage.py migrate --no-input
	DJANGO_DEBUG=1 $(PY) manage.py load_conference_content
	DJANGO_DEBUG=1 $(PY) manage.py fill_development_values
	DJANGO_DEBUG=1 $(PY) manage.py ensure_organiser_account
	DJANGO_DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.installed
	@.ci/ensure-chromium
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/pytest

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Update the catalogues after changing interface text; then translate
# locale/bg/LC_MESSAGES/django.po and run `make messages` again to compile.
messages: $(VENV)/.installed
	DJANGO_DEBUG=1 $(PY) manage.py makemessages --locale bg --locale en --no-location --no-obsolete --ignore '.venv/*'
	DJANGO_DEBUG=1 $(PY) manage.py makemessages --domain djangojs --locale bg --locale en --no-location --no-obsolete --ignore '.venv/*' --ignore 'static/bootstrap/*' --ignore 'staticfiles/*'
	DJANGO_DEBUG=1 $(PY) manage.py compilemessages --ignore '.venv/*'

# Load benchmark of the production configuration (PostgreSQL, Redis, gunicorn).
bench: $(VENV)/.installed
	$(PY) .ci/bench.py

# The trimmed Bootstrap stylesheet (assets/bootstrap.scss), built from
# Bootstrap's Sass sources with npm at development time; the output,
# static/css/bootstrap.css, is committed.
css:
	cd assets && npm ci --no-audit --no-fund && npx sass --no-source-map --style=compressed --quiet-deps --load-path=node_modules bootstrap.scss ../static/css/bootstrap.css

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
