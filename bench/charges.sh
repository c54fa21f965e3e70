#!/usr/bin/env bash
# Charge-run benchmark: 10,000 generated recipients (a long-term care stay
# each, with fee terms, three months of income, every tenth an absence) in
# the demo's Kelmė; one charge run of last month through the API, timed
# from POST /api/v1/charge-runs to `done`, then a re-run without changes.
# Prints the time and the number of charges. On PostgreSQL (a fresh schema
# in BENCH_PG's `atvejis_bench_charges` database), release build.
#
# Settings (environment): BENCH_PG (server URL without database, default
# postgres://postgres@127.0.0.1:5432), BENCH_RECIPIENTS (default 10000).
set -euo pipefail
cd "$(dirname "$0")/.."

PG="${BENCH_PG:-postgres://postgres@127.0.0.1:5432}"
DB_NAME="atvejis_bench_charges"
psql "${PG}/postgres" -qc "DROP DATABASE IF EXISTS ${DB_NAME}" >/dev/null
psql "${PG}/postgres" -qc "CREATE DATABASE ${DB_NAME}" >/dev/null

TEST_DATABASE_URL="${PG}/${DB_NAME}?sslmode=disable" \
BENCH_RECIPIENTS="${BENCH_RECIPIENTS:-10000}" \
    cargo test --release -q -p atvejis-tests --test api charges_bench \
    -- --ignored --nocapture 2>&1 | grep -E "^(generated|charge run|re-run)"
