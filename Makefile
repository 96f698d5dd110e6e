# The two commands of README.md: `make run` and `make test`.
# Everything else here is what they need on a fresh machine.
#
#   make run                  the site on http://127.0.0.1:8000/ and its mail worker
#   make run PORT=8101        another port (links in e-mails follow it)
#   make run HOST=0.0.0.0     reachable from other machines (see docs/development.md)
#   make test                 lint, then the whole suite with the browser tests
#   make test-fast            lint, then the suite without the browser tests
#   make screenshots          the browser tests, saving their screenshots in var/screenshots/
#   make copy                 regenerate the copy deck (docs/copy/) after changing text
#   make mutants              each guard removed in turn: its tests must fail

VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# The address the site's links (e-mails, QR codes) point at: the server's own,
# or 127.0.0.1 when it listens on every interface.
LINK_HOST := $(if $(filter 0.0.0.0 ::,$(HOST)),127.0.0.1,$(HOST))
SITE_URL ?= http://$(LINK_HOST):$(PORT)
DEV := DJANGO_DEBUG=1 DJANGO_SITE_URL=$(SITE_URL)

# Python >= 3.12: the pyenv version named in .python-version when there is
# one, otherwise the newest python3.1x on the PATH.
SYSTEM_PYTHON := $(shell \
	for candidate in python3.13 python3.12 python3.14 python3; do \
	  if command -v $$candidate >/dev/null 2>&1 && \
	     $$candidate -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
	    echo $$candidate; break; \
	  fi; \
	done)

.PHONY: run test test-fast lint format messages copy mutants bench guide-images screenshots css clean

# What running the site needs (requirements.txt) ...
$(VENV)/.installed-run: requirements.txt
	@test -n "$(SYSTEM_PYTHON)" || { echo "Python 3.12 or newer is needed (see README.md)."; exit 1; }
	test -x $(PY) || $(SYSTEM_PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

# ... and, on top, what testing and linting need (requirements-dev.txt).
$(VENV)/.installed-dev: $(VENV)/.installed-run requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.installed-run
	$(DEV) $(PY) manage.py migrate --no-input
	$(DEV) $(PY) manage.py load_conference_content
	$(DEV) $(PY) manage.py fill_development_values
	$(DEV) $(PY) manage.py ensure_organiser_account
	@echo "The mail worker runs next to the server: e-mail is saved under var/mail/ (one folder per message)."
	$(DEV) $(PY) manage.py send_queued_emails --loop --interval 2 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(DEV) $(PY) manage.py runserver $(HOST):$(PORT)

# The suite runs on every processor (pytest-xdist), each test process with a
# database of its own; one of them takes the browser tests (tests/conftest.py).
PARALLEL := -n auto --dist worksteal

test: $(VENV)/.installed-dev
	@.ci/ensure-chromium
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/pytest $(PARALLEL)

test-fast: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/pytest $(PARALLEL) -m "not browser"

screenshots: $(VENV)/.installed-dev
	@.ci/ensure-chromium
	SCREENSHOTS=1 $(VENV)/bin/pytest $(PARALLEL) -m browser

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Update the catalogues after changing interface text; then translate
# locale/bg/LC_MESSAGES/django.po and run `make messages` again to compile.
# It regenerates the copy deck (docs/copy/) too.
messages: $(VENV)/.installed-dev
	DJANGO_DEBUG=1 $(PY) manage.py makemessages --locale bg --locale en --no-location --no-obsolete --ignore '.venv/*' --ignore 'var/*'
	DJANGO_DEBUG=1 $(PY) manage.py makemessages --domain djangojs --locale bg --locale en --no-location --no-obsolete --ignore '.venv/*' --ignore 'var/*' --ignore 'static/bootstrap/*' --ignore 'staticfiles/*'
	DJANGO_DEBUG=1 $(PY) manage.py compilemessages --ignore '.venv/*'
	DJANGO_DEBUG=1 $(PY) manage.py copy_deck

# The copy deck (docs/copy/): every page, e-mail and message in both
# languages, regenerated after any change of text or content.
copy: $(VENV)/.installed-dev
	DJANGO_DEBUG=1 $(PY) manage.py copy_deck

# Every guard of docs/security.md removed in turn: its tests must fail.
mutants: $(VENV)/.installed-dev
	$(PY) .ci/mutants.py

# Load benchmark of the production configuration (PostgreSQL, Redis, gunicorn).
bench: $(VENV)/.installed-dev
	$(PY) .ci/bench.py

# The screenshots of docs/organisers*.md, from the browser tests that take them.
guide-images: $(VENV)/.installed-dev
	SCREENSHOTS=1 $(VENV)/bin/pytest -q tests/browser/test_organiser_guide.py tests/browser/test_agenda_grid.py "tests/browser/test_desk_pages.py::test_check_in_pages_fit_a_phone_and_pass_axe" tests/browser/test_invitations_journey.py \
		tests/browser/test_grid_building.py::test_organiser_adds_a_session_with_two_speakers_on_the_grid_in_eight_actions \
		tests/browser/test_session_entry.py::test_the_fields_filled_first_and_the_warnings_fit_the_first_screen
	$(PY) .ci/guide_images.py

# The trimmed Bootstrap stylesheet (assets/bootstrap.scss), built from
# Bootstrap's Sass sources with npm at development time; the output,
# static/css/bootstrap.css, is committed.
css:
	cd assets && npm ci --no-audit --no-fund && npx sass --no-source-map --style=compressed --quiet-deps --load-path=node_modules bootstrap.scss ../static/css/bootstrap.css

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
