#!/usr/bin/env bash
# Reports benchmark: ten years of 100,000 generated people in the demo's
# Kelmė (one or two applications each with their signed decisions, a fifth
# of the services in a facility after a queue spell); each report asked
# for through the API as the division head, twice, against the target of
# 2 s. On PostgreSQL (a fresh `atvejis_bench_reports` database on BENCH_PG),
# release build.
#
# Settings (environment): BENCH_PG (server URL without database, default
# postgres://postgres@127.0.0.1:5432), BENCH_PEOPLE (default 100000).
set -euo pipefail
cd "$(dirname "$0")/.."

PG="${BENCH_PG:-postgres://postgres@127.0.0.1:5432}"
DB_NAME="atvejis_bench_reports"
psql "${PG}/postgres" -qc "DROP DATABASE IF EXISTS ${DB_NAME}" >/dev/null
psql "${PG}/postgres" -qc "CREATE DATABASE ${DB_NAME}" >/dev/null

mkdir -p bench/results
LOG=bench/results/reports.log
if ! TEST_DATABASE_URL="${PG}/${DB_NAME}?sslmode=disable" \
    BENCH_PEOPLE="${BENCH_PEOPLE:-100000}" \
    cargo test --release -q -p atvejis-tests --test api reports_bench \
    -- --ignored --nocapture >"${LOG}" 2>&1; then
    tail -40 "${LOG}"
    exit 1
fi
grep -E "^(generated|report)" "${LOG}"
