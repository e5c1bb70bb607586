# Raadhuis: `make run` starts the platform with demo data; `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
RAADHUIS := $(BIN)/raadhuis
ADRES ?= 127.0.0.1:8000

.PHONY: run test setup lint check-deploy chromium conversie clean

run: setup conversie
	@$(RAADHUIS) migrate --noinput -v0
	@$(RAADHUIS) demo
	@RAADHUIS_HTTPS=$${RAADHUIS_HTTPS:-false} $(RAADHUIS) start --adres $(ADRES)

# One test process per CPU (pytest-xdist); each has its own test database. The tests of one class
# share one expensive world (the authorization matrix, the fuzzer, the demo's tests): with
# --klassen-bijeen (raadhuis.pytest_plugin) each class runs in one process, the largest first, so
# its world is built once; the other tests are handed out one by one.
test: setup chromium conversie
	$(BIN)/pytest -n auto --klassen-bijeen

setup: $(VENV)/.geinstalleerd frontend/node_modules/.geinstalleerd var/static/.verzameld

$(VENV)/.geinstalleerd: pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)."; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	# deduce builds its name and place lookup tables on first use (about a minute); do it here, once.
	$(BIN)/python -c "import deduce; deduce.Deduce()" 2>/dev/null
	@touch $@

frontend/node_modules/.geinstalleerd: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

frontend/dist/raadhuis/raadhuis.css: frontend/node_modules/.geinstalleerd frontend/build.mjs $(wildcard frontend/src/*)
	cd frontend && npm run --silent build

var/static/.verzameld: frontend/dist/raadhuis/raadhuis.css $(VENV)/.geinstalleerd
	$(RAADHUIS) collectstatic --noinput -v0
	@touch $@

# Browser tests need Debian's Chromium, and the redaction tests poppler's pdftotext (a third,
# independent PDF text extractor); install them when we may (root with apt), else say so loudly.
chromium:
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/pdftotext ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Chromium and poppler-utils for the tests (apt-get)..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null; \
	else \
		echo "!!! Chromium or pdftotext is not installed and cannot be installed here: SOME TESTS WILL BE SKIPPED."; \
		echo "!!! Install them with: sudo apt-get install chromium poppler-utils"; \
	fi

# Woo documents: Office files become PDF with LibreOffice and scans get a text layer with
# Tesseract (Dutch). Without them the platform still works: an Office file gets a plain text
# rendition and a scan is flagged for OCR (docs/woo-documenten.md).
conversie:
	@if command -v soffice >/dev/null && command -v tesseract >/dev/null \
		&& [ -f /usr/share/tesseract-ocr/5/tessdata/nld.traineddata ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing LibreOffice (no GUI) and Tesseract with Dutch for Woo documents (apt-get)..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui \
			tesseract-ocr tesseract-ocr-nld >/dev/null; \
	else \
		echo "!!! LibreOffice or Tesseract is missing: Office files get a text rendition, scans no OCR."; \
		echo "!!! Install them with: sudo apt-get install libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui tesseract-ocr tesseract-ocr-nld"; \
	fi

lint: setup
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(RAADHUIS) makemigrations --check --dry-run

# `check --deploy` with the variables a production installation sets.
check-deploy: setup
	RAADHUIS_SECRET_KEY=$$(head -c 48 /dev/urandom | base64) RAADHUIS_ALLOWED_HOSTS=raadhuis.example.nl \
		RAADHUIS_PERSOONSGEGEVENS_SLEUTELS=$$(head -c 32 /dev/urandom | base64 | tr '+/' '-_') \
		RAADHUIS_CACHE_URL=redis://127.0.0.1:6379/1 RAADHUIS_SECURITY_CONTACT=mailto:cvd@example.nl \
		RAADHUIS_SMTP_HOST=smtp.example.nl RAADHUIS_BASIS_URL=https://raadhuis.example.nl \
		RAADHUIS_HTTPS=true $(RAADHUIS) check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist var/static
