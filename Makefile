# Atvejis — the two commands of the README, and their parts.
#   make run    build everything, start API + SPA on http://127.0.0.1:8080 with demo data
#   make test   every check and test (Rust on SQLite, and on PostgreSQL when
#               TEST_DATABASE_URL is set; frontend unit tests; browser end-to-end tests)

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
CARGO ?= cargo
NPM ?= npm
FRONTEND := frontend
BIN := target/debug/atvejis

.PHONY: run test build server frontend frontend-deps lint fmt-check clippy \
        test-rust test-frontend test-e2e test-fuzz chromium openapi bench clean

run: frontend server
	ATVEJIS_DEMO=1 ./$(BIN) serve

test: lint test-rust test-fuzz test-frontend test-e2e
	@echo "make test: all checks passed"

build: frontend server

server:
	$(CARGO) build -p atvejis-api --bin atvejis

frontend-deps: $(FRONTEND)/node_modules/.package-lock.json

$(FRONTEND)/node_modules/.package-lock.json: $(FRONTEND)/package.json $(FRONTEND)/package-lock.json
	cd $(FRONTEND) && $(NPM) ci --no-audit --no-fund
	@touch $@

frontend: frontend-deps
	cd $(FRONTEND) && $(NPM) run build

lint: fmt-check clippy

fmt-check:
	$(CARGO) fmt --all -- --check

clippy:
	$(CARGO) clippy --workspace --all-targets -- -D warnings

# Database tests run on SQLite, and again on PostgreSQL when TEST_DATABASE_URL
# is set (e.g. postgres://postgres@127.0.0.1:5432/test).
test-rust: server
	@if [ -n "$${TEST_DATABASE_URL:-}" ]; then echo "Database tests: SQLite and PostgreSQL ($$TEST_DATABASE_URL)"; \
	 else echo "Database tests: SQLite only (set TEST_DATABASE_URL for PostgreSQL too)"; fi
	$(CARGO) test --workspace -- --skip places_concurrency
	@# The multi-process queue test (R-Q-2..4) prints its figures; without a
	@# PostgreSQL TEST_DATABASE_URL it says it is skipped.
	$(CARGO) test --workspace --test api places_concurrency -- --nocapture

test-frontend: frontend-deps
	cd $(FRONTEND) && $(NPM) run check:api
	cd $(FRONTEND) && $(NPM) run typecheck
	cd $(FRONTEND) && $(NPM) run lint
	cd $(FRONTEND) && $(NPM) test

# Schemathesis over the whole OpenAPI document against the running debug
# server with demo data: SQLite, and PostgreSQL when TEST_DATABASE_URL is set
# (see tests/fuzz/run.sh; schemathesis is pinned in tests/fuzz/requirements.txt).
test-fuzz: server
	tests/fuzz/run.sh

test-e2e: chromium frontend server
	cd $(FRONTEND) && $(NPM) run e2e

# Debian's Chromium for the browser tests; never a downloaded browser.
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "Installing Debian's chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; \
	fi

# Regenerate the committed OpenAPI document and the frontend's types from the code.
openapi: frontend-deps
	$(CARGO) run -q -p atvejis-api --bin atvejis -- openapi > openapi/openapi.json
	cd $(FRONTEND) && $(NPM) run gen:api

# Load test on PostgreSQL (see bench/README.md).
bench:
	bench/load.sh
	bench/charges.sh
	bench/reports.sh

clean:
	$(CARGO) clean
	rm -rf $(FRONTEND)/dist $(FRONTEND)/node_modules atvejis.db atvejis.db-*
