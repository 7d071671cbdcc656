# Marginalia's front door: `make run` serves the seeded app, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SASS := node_modules/.bin/sass --no-source-map --style=compressed --quiet-deps --silence-deprecation=import --load-path=node_modules
# apt-get needs root; elsewhere sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install run test fidelity lint format bench chaos bomb lock chromium wrk

install: $(VENV)/.installed node_modules/.installed static/build/marginalia.css

$(VENV)/.installed: requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

static/build/marginalia.css: static/scss/marginalia.scss node_modules/.installed
	$(SASS) $< $@

# The development server, in debug mode (DJANGO_DEBUG defaults to off), and a task worker.
run: export DJANGO_DEBUG = 1
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_seed
	@# A background worker beside the server, stopped with it (imports are read and imported there).
	$(BIN)/python manage.py db_worker --no-reload --verbosity 0 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(BIN)/python manage.py runserver 127.0.0.1:8000

test: install chromium
	$(BIN)/pytest

# How near Marginalia comes to a careful officer on the fidelity corpus (tests/fidelity): quotes
# linked, sections found and matched, wrong placements, stance and sender; every miss listed.
fidelity: install
	DJANGO_SETTINGS_MODULE=marginalia.settings $(BIN)/python -m tests.fidelity

chromium:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium; }

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Speed and memory targets: the link detector on adversarial text; approximate anchoring against
# the exact anchoring it replaced (a 20-page response, 20,000 quotes into a revision); every page, the API and the
# CSV report of a 100,000-comment consultation, served by gunicorn with production settings and
# loaded with wrk, in a throwaway PostgreSQL database; every page of a 10,000-comment plan on
# SQLite, as `make run` serves it; importing documents; grouping 100,000 responses into
# campaigns; suggesting the themes of 100,000 comments (benchmarks/results.json).
bench: install wrk
	DJANGO_DEBUG=1 DJANGO_SETTINGS_MODULE=marginalia.settings $(BIN)/python -m benchmarks.link_detector
	DJANGO_SETTINGS_MODULE=marginalia.settings $(BIN)/python -m benchmarks.anchoring
	DJANGO_SETTINGS_MODULE=marginalia.settings $(BIN)/python -m benchmarks.pages
	DJANGO_SETTINGS_MODULE=marginalia.settings $(BIN)/python -m benchmarks.sqlite_pages
	DJANGO_SETTINGS_MODULE=marginalia.settings $(BIN)/python -m benchmarks.imports
	DJANGO_SETTINGS_MODULE=marginalia.settings $(BIN)/python -m benchmarks.campaigns
	DJANGO_SETTINGS_MODULE=marginalia.settings $(BIN)/python -m benchmarks.reports
	DJANGO_SETTINGS_MODULE=marginalia.settings $(BIN)/python -m benchmarks.coding

# 1,000 submissions to gunicorn (4 workers) on PostgreSQL while a worker is killed and PostgreSQL
# restarts; counts what was saved. It restarts the local PostgreSQL cluster: not beside real data.
# Then a db_worker killed mid-grouping and mid-quote-following, the work resumed and counted.
chaos: install
	DJANGO_SETTINGS_MODULE=marginalia.settings $(BIN)/python -m benchmarks.chaos
	DJANGO_SETTINGS_MODULE=marginalia.settings $(BIN)/python -m benchmarks.chaos_work

# Hostile documents (tests.hostile) through the paste page, the record form, a batch and the
# survey import, on gunicorn and a db_worker: each one's time, peak memory and message.
bomb: install
	DJANGO_SETTINGS_MODULE=marginalia.settings $(BIN)/python -m benchmarks.bomb

wrk:
	@command -v wrk >/dev/null || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q wrk; }

# Re-pin every Python package from pyproject.toml's dependencies, in a throwaway venv.
lock:
	rm -rf /tmp/marginalia-lock && $(PYTHON) -m venv /tmp/marginalia-lock
	/tmp/marginalia-lock/bin/pip install --quiet '.[test]'
	{ echo '# Every Python package, pinned: what `make` installs and what was tested. Regenerate with `make lock`.'; \
	  /tmp/marginalia-lock/bin/pip freeze --exclude marginalia; } > requirements.lock
