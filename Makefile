# The README's two commands: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Two workers (pytest-xdist), one test module per worker at a time.
PYTEST_ARGS ?= -n 2 --dist loadfile

.PHONY: run test test-dates typecheck chaos-mail install assets lint ci-deps clean bench screenshots messages

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) niet gevonden; zet PYTHON=..."; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

# WeasyPrint (the report's PDF) needs Pango from the system: installed when missing and root.
install: $(STAMP) assets
	./scripts/ensure-pdf-libs.sh $(BIN)/python

# NL Design System CSS from npm, copied into static/vendor (no CDN at run time).
assets: static/vendor/.copied

static/vendor/.copied: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	mkdir -p static/vendor
	cp node_modules/@utrecht/component-library-css/dist/index.css static/vendor/utrecht-component-library.css
	cp node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css static/vendor/voorbeeld-theme.css
	mkdir -p static/vendor/source-sans-3/files
	# Latin subset only (Dutch needs nothing else); regular, italic, semibold and bold.
	for w in 400 400-italic 600 700; do cat node_modules/@fontsource/source-sans-3/latin-$$w.css; done > static/vendor/source-sans-3/source-sans-3.css
	for w in 400-normal 400-italic 600-normal 700-normal; do cp node_modules/@fontsource/source-sans-3/files/source-sans-3-latin-$$w.woff2 node_modules/@fontsource/source-sans-3/files/source-sans-3-latin-$$w.woff static/vendor/source-sans-3/files/; done
	cp node_modules/@fontsource/source-sans-3/LICENSE static/vendor/source-sans-3/LICENSE
	touch static/vendor/.copied

run: export DEBUG ?= 1
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed
	$(BIN)/python manage.py demo_data
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	./scripts/run-dev.sh

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: install
	./scripts/ensure-chromium.sh
	./scripts/ensure-pdf-libs.sh $(BIN)/python
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=kerngericht.settings_test $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python scripts/mypy_baseline.py
	$(BIN)/python scripts/services_report.py
	$(BIN)/pytest $(PYTEST_ARGS)

# The Dutch for the admin's third-party parts (locale/nl/LC_MESSAGES/*.po); commit the .mo files.
messages:
	for d in django djangojs; do msgfmt --check -o locale/nl/LC_MESSAGES/$$d.mo locale/nl/LC_MESSAGES/$$d.po; done

# mypy (django-stubs) against mypy-baseline.txt, which may only shrink.
typecheck: $(STAMP)
	$(BIN)/python scripts/mypy_baseline.py

# Kill a worker mid-send, restart Redis, stop SMTP for 30 minutes (time compressed 1:60):
# every mail must arrive, none twice. Own database (kg_chaos), Redis and SMTP ports.
chaos-mail: $(STAMP)
	$(BIN)/python scripts/chaos_mail.py

# The clock-sensitive tests again at year, half-year, daylight-saving and leap-day moments.
test-dates: install
	$(BIN)/python scripts/date_matrix.py $(MOMENTS)

# Every page beside /status/live at 1 % and 100 % of five years of data, under gunicorn with
# the production settings (README, "Benchmark"). BENCH_DATABASE_URL names an own database.
bench: $(STAMP)
	@test -n "$$BENCH_DATABASE_URL" || { echo "Zet BENCH_DATABASE_URL (README, Benchmark)"; exit 1; }
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules static/vendor staticfiles var db.sqlite3

# PNGs of the key pages at desktop and phone size in docs/screenshots/ (demo data, as make run).
screenshots: export DEBUG ?= 1
screenshots: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed
	$(BIN)/python manage.py demo_data
	$(BIN)/python scripts/screenshots.py
