#!/usr/bin/env bash
# Load test: starts the release server on PostgreSQL with the demo data, logs
# in, and measures requests per second and p50/p99 latency of
#   GET  /api/v1/me          (token; one read checking the account and its
#                             session; then the user, municipality and roles)
#   POST /api/v1/auth/login  (argon2id verify + a write transaction with audit)
# with wrk (Debian's package, installed when missing). Prints a table.
#
# Settings (environment): BENCH_PG (server URL without database, default
# postgres://postgres@127.0.0.1:5432), BENCH_DURATION (default 15s),
# BENCH_CONNECTIONS (default 32), BENCH_LOGIN_CONNECTIONS (default 16),
# BENCH_THREADS (default 2), BENCH_PORT (18181).
set -euo pipefail
cd "$(dirname "$0")/.."

PG="${BENCH_PG:-postgres://postgres@127.0.0.1:5432}"
DB_NAME="atvejis_bench"
DURATION="${BENCH_DURATION:-15s}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
LOGIN_CONNECTIONS="${BENCH_LOGIN_CONNECTIONS:-16}"
THREADS="${BENCH_THREADS:-2}"
PORT="${BENCH_PORT:-18181}"
BASE="http://127.0.0.1:${PORT}"
OUT="bench/results"
mkdir -p "$OUT"

if ! command -v wrk >/dev/null; then
  echo "Installing wrk (Debian package)"
  SUDO=$( [ "$(id -u)" -eq 0 ] || echo sudo )
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk
fi

echo "Building the release server"
cargo build --release -q -p atvejis-api --bin atvejis

psql "${PG}/postgres" -q -c "DROP DATABASE IF EXISTS ${DB_NAME}" -c "CREATE DATABASE ${DB_NAME}"

ATVEJIS_DEMO=1 DATABASE_URL="${PG}/${DB_NAME}" ATVEJIS_BIND="127.0.0.1:${PORT}" \
  ATVEJIS_LOG=warn ATVEJIS_LOG_FORMAT=json ATVEJIS_STATIC_DIR=/nonexistent \
  ATVEJIS_DB_MAX_CONNECTIONS=20 \
  ./target/release/atvejis serve > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fsS "$BASE/readyz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "$BASE/readyz" >/dev/null

TOKEN=$(curl -fsS -X POST "$BASE/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"username":"social_worker","password":"Demo-2026!"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')

# Logins rotate over the demo users: more than 10 attempts in flight for one
# username from one address are throttled by design (429).
cat > "$OUT/login.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local users = { "admin", "social_worker", "case_manager", "division_specialist",
                "division_head", "auditor", "kaunas_worker" }
local i = 0
request = function()
  i = i + 1
  local body = '{"username":"' .. users[(i % #users) + 1] .. '","password":"Demo-2026!"}'
  return wrk.format(nil, nil, nil, body)
end
LUA

run() { # name, connections, wrk args...
  local name=$1 connections=$2; shift 2
  echo "Measuring $name for $DURATION with $connections connections"
  wrk --latency -t"$THREADS" -c"$connections" -d"$DURATION" "$@" > "$OUT/$name.txt"
}
run me "$CONNECTIONS" -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/me"
run login "$LOGIN_CONNECTIONS" -s "$OUT/login.lua" "$BASE/api/v1/auth/login"

summarise() { # name, label
  python3 - "$OUT/$1.txt" "$2" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rps = re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)
lat = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", text, re.M))
errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
sock = re.search(r"Socket errors:.*", text)
print(f"| {sys.argv[2]:<24} | {float(rps):>10.1f} | {lat.get('50','?'):>9} | {lat.get('99','?'):>9} | {errors.group(1) if errors else 0:>6} |")
if sock: print(f"  ({sock.group(0)})")
PY
}
echo
echo "Atvejis load test: $(nproc) cores (shared with wrk), PostgreSQL, $DURATION each; /me $CONNECTIONS connections, login $LOGIN_CONNECTIONS"
echo "| endpoint                 |      req/s |       p50 |       p99 | non-2xx |"
echo "|--------------------------|------------|-----------|-----------|--------|"
summarise me "GET /api/v1/me"
summarise login "POST /api/v1/auth/login"
echo
echo "Raw wrk output: $OUT/*.txt"
