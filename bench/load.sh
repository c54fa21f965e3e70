#!/usr/bin/env bash
# The API benchmark of issue 13, measured in one run against pgbench on the
# same machine:
#   1. builds the release server and generates a municipality of
#      BENCH_PEOPLE (100,000) people on a fresh PostgreSQL database
#      (`atvejis seed-bench`: Lithuanian names with diacritics, income,
#      families, ten years of applications with their decisions);
#   2. runs pgbench select-only and TPC-B-like on a database of its own;
#   3. measures the API with wrk (Debian's package, installed when missing):
#      a person's file (audited read) at full load and at about half that
#      rate, name search, registering a person, registering an application,
#      login against the rate of Argon2id verifies in parallel, the person
#      file's latency during a login burst, two API processes against one,
#      and GET /api/v1/me;
#   4. prints one table with the ratios and whether each target is met.
# Every read and write goes through the API as the demo's social worker
# (Kelmės miesto seniūnija), on people of that eldership. The non-2xx column
# must be 0.
#
# Settings (environment): BENCH_PG (server URL without database, default
# postgres://postgres@127.0.0.1:5432), BENCH_PEOPLE (100000), BENCH_DURATION
# (per measurement, default 15s), BENCH_CONNECTIONS (16: the person file,
# writes, login), BENCH_SEARCH_CONNECTIONS (8), BENCH_THREADS (2),
# BENCH_PORT (18181; the second process BENCH_PORT + 1), BENCH_DB_CONNECTIONS
# (6: each server's ATVEJIS_DB_MAX_CONNECTIONS, 3 a worker; on these 2 cores
# the person file ran 5,094 reads a second with 6, about 4,800 with the
# default 10 and 4,650 with 20: fewer busy PostgreSQL backends, fewer
# wake-ups).
set -euo pipefail
cd "$(dirname "$0")/.."

PG="${BENCH_PG:-postgres://postgres@127.0.0.1:5432}"
DB_NAME="atvejis_bench"
PGBENCH_DB="atvejis_bench_pgbench"
PEOPLE="${BENCH_PEOPLE:-100000}"
DURATION="${BENCH_DURATION:-15s}"
SECONDS_EACH="${DURATION%s}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
SEARCH_CONNECTIONS="${BENCH_SEARCH_CONNECTIONS:-8}"
THREADS="${BENCH_THREADS:-2}"
PORT="${BENCH_PORT:-18181}"
DB_CONNECTIONS="${BENCH_DB_CONNECTIONS:-6}"
PORT2=$((PORT + 1))
BASE="http://127.0.0.1:${PORT}"
BASE2="http://127.0.0.1:${PORT2}"
# The server and pgbench both connect without TLS, as to a database on the
# same machine (README).
DATABASE="${PG}/${DB_NAME}?sslmode=disable"
OUT="bench/results"
mkdir -p "$OUT"
SUDO=$( [ "$(id -u)" -eq 0 ] || echo sudo )

if ! command -v wrk >/dev/null; then
  echo "Installing wrk (Debian package)"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk
fi
if ! command -v pgbench >/dev/null; then
  echo "Installing pgbench (Debian's postgresql-contrib)"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql-contrib
fi

echo "Building the release server"
cargo build --release -q -p atvejis-api --bin atvejis
BIN=./target/release/atvejis

psql "${PG}/postgres" -qc "DROP DATABASE IF EXISTS ${DB_NAME}" -c "CREATE DATABASE ${DB_NAME}"
echo "Generating ${PEOPLE} people (atvejis seed-bench)"
ATVEJIS_DEMO=1 DATABASE_URL="$DATABASE" ATVEJIS_LOG=warn $BIN seed-bench --people "$PEOPLE"
# As after any bulk load: vacuumed now, so that autovacuum does not come by
# for the new tables (and their hint bits) in the middle of a measurement.
psql "$DATABASE" -qc "VACUUM (ANALYZE)"

echo "pgbench: select-only and TPC-B-like, ${CONNECTIONS} clients, ${SECONDS_EACH} s each"
psql "${PG}/postgres" -qc "DROP DATABASE IF EXISTS ${PGBENCH_DB}" -c "CREATE DATABASE ${PGBENCH_DB}"
PGBENCH_URL="${PG}/${PGBENCH_DB}?sslmode=disable"
pgbench -i -q -s 10 "$PGBENCH_URL" > "$OUT/pgbench-init.txt" 2>&1
pgbench -n -S -c "$CONNECTIONS" -j "$THREADS" -T "$SECONDS_EACH" "$PGBENCH_URL" > "$OUT/pgbench-select.txt" 2>&1
pgbench -n -c "$CONNECTIONS" -j "$THREADS" -T "$SECONDS_EACH" "$PGBENCH_URL" > "$OUT/pgbench-tpcb.txt" 2>&1
psql "${PG}/postgres" -qc "DROP DATABASE ${PGBENCH_DB}"

echo "Argon2id verifies in parallel (${THREADS} threads, the login's parameters)"
$BIN bench-hash --threads "$(nproc)" --seconds 5 > "$OUT/hash.txt"

SERVERS=()
stop_servers() {
  for pid in "${SERVERS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
}
trap stop_servers EXIT
# Both processes sign and check tokens with the same key.
JWT_SECRET="bench-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
start_server() { # port, log, [HTTP workers (default: the cores), database connections]
  env ATVEJIS_DEMO=1 ATVEJIS_JWT_SECRET="$JWT_SECRET" DATABASE_URL="$DATABASE" ATVEJIS_BIND="127.0.0.1:$1" \
    ATVEJIS_LOG=warn ATVEJIS_LOG_FORMAT=json ATVEJIS_STATIC_DIR=/nonexistent \
    ATVEJIS_DB_MAX_CONNECTIONS="${4:-$DB_CONNECTIONS}" ${3:+ATVEJIS_WORKERS=$3} $BIN serve > "$2" 2>&1 &
  SERVERS+=($!)
  for _ in $(seq 1 60); do
    curl -fsS "http://127.0.0.1:$1/readyz" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  curl -fsS "http://127.0.0.1:$1/readyz" >/dev/null
}
start_server "$PORT" "$OUT/server.log"

login() { # username -> access token
  curl -fsS -X POST "$BASE/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"Demo-2026!\"}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
PURPOSE="X-Purpose: needs_assessment"
TOKEN=$(login social_worker)

# What the requests rotate over: the files of 2,000 family applicants of the
# social worker's eldership (each with income, a family and applications),
# 400 name searches (full names and surnames, with and without diacritics,
# and surname beginnings), and 5,000 people to register applications for.
IN_ELDERSHIP="FROM persons p JOIN elderships e ON e.id = p.eldership_id
  WHERE e.code = 'kelmes-miesto' AND p.created_at = (SELECT max(created_at) FROM persons)"
psql "$DATABASE" -tAq -c "SELECT '/api/v1/persons/' || p.id $IN_ELDERSHIP
  AND EXISTS (SELECT 1 FROM family_members m WHERE m.person_id = p.id AND m.relation = 'applicant')
  ORDER BY p.id LIMIT 2000" > "$OUT/files.txt"
psql "$DATABASE" -tAq -c "SELECT p.id $IN_ELDERSHIP ORDER BY p.id LIMIT 5000" > "$OUT/people.txt"
psql "$DATABASE" -tAq -c "SELECT DISTINCT p.first_name || ' ' || p.last_name $IN_ELDERSHIP" \
  | python3 -c '
import sys, unicodedata, urllib.parse
names = sorted(l.strip() for l in sys.stdin if l.strip())
fold = lambda s: "".join(c for c in unicodedata.normalize("NFD", s.lower()) if not unicodedata.combining(c))
queries = []
for n, name in enumerate(names[:100]):
    last = name.split(" ", 1)[1]
    queries += [name, fold(name), last, fold(last)[:4]]
for q in queries:
    print("/api/v1/persons?q=" + urllib.parse.quote(q))
' > "$OUT/searches.txt"
FILES=$(wc -l < "$OUT/files.txt")
[ "$FILES" -gt 0 ] || { echo "no generated people in the social worker's eldership"; exit 1; }
curl -fsS "$BASE$(head -n1 "$OUT/files.txt")" -H "Authorization: Bearer $TOKEN" -H "$PURPOSE" \
  | python3 -c 'import json,sys
f = json.load(sys.stdin)
parts = ("families", "income", "applications", "timeline")
print("A person file:", ", ".join(f"{len(f[k])} {k}" for k in parts))
assert all(f[k] for k in parts), "every part of the file should have rows"'

# GETs rotating over the lines of a file; paced.lua waits args[2] ms between
# a connection's requests (to measure latency at a given rate).
cat > "$OUT/paths.lua" <<'LUA'
local paths, i = {}, 0
function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  i = math.random(#paths)
end
function request()
  i = i % #paths + 1
  return wrk.format(nil, paths[i])
end
LUA
{ cat "$OUT/paths.lua"; cat <<'LUA'
local pause = 0
local base_init = init
function init(args)
  base_init(args)
  pause = tonumber(args[2]) or 0
end
function delay() return pause end
LUA
} > "$OUT/paced.lua"
# An application (home help, received today) for each person in turn.
cat > "$OUT/applications.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local people, i, today = {}, 0, os.date("!%Y-%m-%d")
function init(args)
  for line in io.lines(args[1]) do people[#people + 1] = line end
  i = math.random(#people)
end
function request()
  i = i % #people + 1
  return wrk.format(nil, nil, nil, string.format(
    '{"person_id":"%s","service_code":"home_help","received_on":"%s","channel":"in_person"}',
    people[i], today))
end
LUA
# Logins rotate over the demo users: more than ten attempts in flight for
# one username from one address are throttled by design (429).
cat > "$OUT/login.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local users = { "admin", "social_worker", "case_manager", "division_specialist",
                "division_head", "auditor", "kaunas_worker", "case_management_head",
                "data_protection_officer" }
local i = 0
request = function()
  i = i + 1
  local body = '{"username":"' .. users[(i % #users) + 1] .. '","password":"Demo-2026!"}'
  return wrk.format(nil, nil, nil, body)
end
LUA
# Every request registers a different person: a unique name and a valid
# personal code (check digit as in crates/domain/src/personal_code.rs).
# Request n of all threads is born on 1990-01-01 + n / 1000 days with serial
# number n % 1000, so codes never repeat (the generated people have none).
cat > "$OUT/create_person.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local threads = 0
function setup(thread)
  thread:set("thread_index", threads)
  threads = threads + 1
end
local thread_count, count = 1, 0
function init(args)
  thread_count = tonumber(args[1]) or 1
end
local W1 = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 1 }
local W2 = { 3, 4, 5, 6, 7, 8, 9, 1, 2, 3 }
local function check_digit(ten)
  local function weighted(w)
    local sum = 0
    for i = 1, 10 do sum = sum + (ten:byte(i) - 48) * w[i] end
    return sum % 11
  end
  local k = weighted(W1)
  if k == 10 then
    k = weighted(W2)
    if k == 10 then k = 0 end
  end
  return k
end
local men = { "Jonas", "Petras", "Kęstutis", "Žydrūnas", "Vytautas", "Algirdas" }
local women = { "Ona", "Rūta", "Aušra", "Živilė", "Eglė", "Danutė" }
local men_last = { "Kairys", "Šimkus", "Žukauskas", "Butkus", "Vaičiūnas" }
local women_last = { "Kairienė", "Šimkutė", "Žukauskienė", "Butkutė", "Vaičiūnaitė" }
request = function()
  local n = count * thread_count + (thread_index or 0)
  count = count + 1
  local born = os.date("!*t", 631152000 + math.floor(n / 1000) * 86400)
  local female = n % 2 == 1
  local century = born.year < 2000 and 3 or 5
  local ten = string.format("%d%02d%02d%02d%03d", century + (female and 1 or 0),
    born.year % 100, born.month, born.day, n % 1000)
  local body = string.format(
    '{"personal_code":"%s%d","first_name":"%s","last_name":"%s","declared_address":"Bandymų g. %d, Kelmė"}',
    ten, check_digit(ten), (female and women or men)[n % 6 + 1],
    (female and women_last or men_last)[n % 5 + 1], n % 200 + 1)
  return wrk.format(nil, nil, nil, body)
end
LUA

# CPU seconds used so far by PostgreSQL's processes and by the servers'.
cpu() {
  python3 - "${SERVERS[@]}" <<'PY'
import os, sys
servers, tick = set(sys.argv[1:]), os.sysconf("SC_CLK_TCK")
pg = api = 0
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        stat = open(f"/proc/{pid}/stat").read()
    except OSError:
        continue
    name = stat[stat.index("(") + 1:stat.rindex(")")]
    fields = stat[stat.rindex(")") + 2:].split()
    used = (int(fields[11]) + int(fields[12])) / tick
    if name.startswith("postgres"):
        pg += used
    elif pid in servers:
        api += used
print(f"{pg:.2f} {api:.2f}")
PY
}
run() { # name, connections, wrk args...; also the CPU used meanwhile
  local name=$1 connections=$2; shift 2
  echo "Measuring $name for $DURATION with $connections connections"
  local before; before=$(cpu)
  wrk --latency -t"$(( THREADS < connections ? THREADS : connections ))" -c"$connections" \
    -d"$DURATION" "$@" > "$OUT/$name.txt"
  echo "cpu: $before $(cpu)" >> "$OUT/$name.txt"
}
rate() { grep -oE 'Requests/sec:\s+[0-9.]+' "$OUT/$1.txt" | grep -oE '[0-9.]+$'; }
auth() { echo "Authorization: Bearer $(login "${1:-social_worker}")"; }
count() { psql "$DATABASE" -tAq -c "SELECT count(*) FROM $1"; }

# A fraction of the person file's full rate: each connection makes a request
# about every 20 ms (wrk pauses whole milliseconds: 19 after a response of
# about 1 ms), and the number of connections sets the rate. A few connections
# pausing 0-3 ms could not pace a few thousand requests a second (at 5,498
# reads a second, "half" ran at 5,013).
PACE_MS=20
paced() { # fraction of the full rate -> connections
  python3 -c "import sys; print(max(1, round(float(sys.argv[1]) * float(sys.argv[2]) * $PACE_MS / 1000)))" "$(rate file)" "$1"
}
run file "$CONNECTIONS" -H "$(auth)" -H "$PURPOSE" -s "$OUT/paths.lua" "$BASE" -- "$OUT/files.txt"
run file_half "$(paced 0.5)" -H "$(auth)" -H "$PURPOSE" -s "$OUT/paced.lua" "$BASE" -- "$OUT/files.txt" $((PACE_MS - 1))
run search "$SEARCH_CONNECTIONS" -H "$(auth)" -H "$PURPOSE" -s "$OUT/paths.lua" "$BASE" -- "$OUT/searches.txt"
# The same searches by a division specialist, who sees the whole municipality:
# ten times the people, and a surname's bearers counted past 1,000.
run search_municipality "$SEARCH_CONNECTIONS" -H "$(auth division_specialist)" -H "$PURPOSE" -s "$OUT/paths.lua" "$BASE" -- "$OUT/searches.txt"
run search_one 1 -H "$(auth)" -H "$PURPOSE" -s "$OUT/paths.lua" "$BASE" -- "$OUT/searches.txt"
# The division head's daily lists over ten years of applications: the
# applications list's first page, and the header search (people,
# applications, cases) with the same queries.
run applications_list "$SEARCH_CONNECTIONS" -H "$(auth division_head)" -H "$PURPOSE" "$BASE/api/v1/applications"
sed 's|^/api/v1/persons?|/api/v1/search?|' "$OUT/searches.txt" > "$OUT/header_searches.txt"
run header_search "$SEARCH_CONNECTIONS" -H "$(auth division_head)" -H "$PURPOSE" -s "$OUT/paths.lua" "$BASE" -- "$OUT/header_searches.txt"
PERSONS_BEFORE=$(count persons)
run create_person "$CONNECTIONS" -H "$(auth)" -s "$OUT/create_person.lua" "$BASE/api/v1/persons" -- "$THREADS"
PERSONS_CREATED=$(( $(count persons) - PERSONS_BEFORE ))
APPLICATIONS_BEFORE=$(count applications)
run create_application "$CONNECTIONS" -H "$(auth)" -s "$OUT/applications.lua" "$BASE/api/v1/applications" -- "$OUT/people.txt"
APPLICATIONS_CREATED=$(( $(count applications) - APPLICATIONS_BEFORE ))
run login "$CONNECTIONS" -s "$OUT/login.lua" "$BASE/api/v1/auth/login"
# The person file at about a quarter of its full rate, during a login burst.
run login_burst "$CONNECTIONS" -s "$OUT/login.lua" "$BASE/api/v1/auth/login" &
BURST=$!
sleep 1
run file_during_burst "$(paced 0.25)" -H "$(auth)" -H "$PURPOSE" -s "$OUT/paced.lua" "$BASE" -- "$OUT/files.txt" $((PACE_MS - 1))
wait "$BURST"
run me "$CONNECTIONS" -H "$(auth)" "$BASE/api/v1/me"
# Two processes on the one database, the load split between them.
start_server "$PORT2" "$OUT/server2.log"
HALF=$(( CONNECTIONS / 2 ))
run file_two_a "$HALF" -H "$(auth)" -H "$PURPOSE" -s "$OUT/paths.lua" "$BASE" -- "$OUT/files.txt" &
TWO_A=$!
run file_two_b "$HALF" -H "$(auth)" -H "$PURPOSE" -s "$OUT/paths.lua" "$BASE2" -- "$OUT/files.txt"
wait "$TWO_A"
# The same with the machine split between them: each process half the HTTP
# workers and half the database connections of the one process, so that
# the two run as many threads and PostgreSQL backends as the one did, and
# what is left is what a second process itself costs.
stop_servers
SERVERS=()
HALF_WORKERS=$(( $(nproc) / 2 > 0 ? $(nproc) / 2 : 1 ))
HALF_DB=$(( DB_CONNECTIONS / 2 > 3 * HALF_WORKERS ? DB_CONNECTIONS / 2 : 3 * HALF_WORKERS ))
start_server "$PORT" "$OUT/server_split.log" "$HALF_WORKERS" "$HALF_DB"
start_server "$PORT2" "$OUT/server2_split.log" "$HALF_WORKERS" "$HALF_DB"
run file_split_a "$HALF" -H "$(auth)" -H "$PURPOSE" -s "$OUT/paths.lua" "$BASE" -- "$OUT/files.txt" &
SPLIT_A=$!
run file_split_b "$HALF" -H "$(auth)" -H "$PURPOSE" -s "$OUT/paths.lua" "$BASE2" -- "$OUT/files.txt"
wait "$SPLIT_A"

python3 - "$OUT" "$(nproc)" "$PEOPLE" "$DURATION" "$PERSONS_CREATED" "$APPLICATIONS_CREATED" "$HALF_WORKERS" "$HALF_DB" <<'PY'
import re, sys
out, cores, people, duration, persons, applications, half_workers, half_db = sys.argv[1:]
def wrk(name):
    text = open(f"{out}/{name}.txt").read()
    unit = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    lat = {p: float(v) * unit[u] for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\b", text, re.M)}
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    socket = re.search(r"Socket errors:.*", text)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
            "p50": lat.get("50"), "p99": lat.get("99"),
            "errors": int(errors.group(1)) if errors else 0,
            "cpu": [float(x) for x in re.search(r"^cpu: (.*)$", text, re.M).group(1).split()],
            "socket": socket.group(0) if socket else None}
def tps(name):
    text = open(f"{out}/{name}.txt").read()
    return float(re.search(r"tps = ([\d.]+) \(without initial connection time\)", text).group(1))
select, tpcb = tps("pgbench-select"), tps("pgbench-tpcb")
hashes = float(re.search(r"([\d.]+) /s", open(f"{out}/hash.txt").read()).group(1))
r = {n: wrk(n) for n in ["file", "file_half", "search", "search_municipality", "search_one", "applications_list", "header_search", "create_person", "create_application",
                         "login", "file_during_burst", "me", "file_two_a", "file_two_b", "file_split_a", "file_split_b"]}
two = r["file_two_a"]["rps"] + r["file_two_b"]["rps"]
split = r["file_split_a"]["rps"] + r["file_split_b"]["rps"]
# The half-rate target holds only if the rate was about half.
half = r["file_half"]["rps"] / r["file"]["rps"]
def met(ok): return "met" if ok else "NOT MET"
rows = [
    ("GET /persons/{id} (audited read), full load", f"{r['file']['rps']:.0f} req/s, p99 {r['file']['p99']:.1f} ms",
     f"pgbench select-only {select:.0f} TPS", f"{100 * r['file']['rps'] / select:.1f} %", "≥ 15 %", met(r['file']['rps'] >= 0.15 * select)),
    ("same at about half that rate", f"{r['file_half']['rps']:.0f} req/s, p99 {r['file_half']['p99']:.1f} ms",
     "", f"{100 * half:.0f} % of full load", "p99 < 20 ms", met(r['file_half']['p99'] < 20 and 0.4 <= half <= 0.6)),
    ("name search, one eldership, 8 connections", f"{r['search']['rps']:.0f} req/s, p99 {r['search']['p99']:.1f} ms",
     "", "", "p99 < 50 ms", met(r['search']['p99'] < 50)),
    ("name search, whole municipality, 8 connections", f"{r['search_municipality']['rps']:.0f} req/s, p99 {r['search_municipality']['p99']:.1f} ms",
     "", "", "p99 < 50 ms", met(r['search_municipality']['p99'] < 50)),
    ("name search, one eldership, 1 connection", f"{r['search_one']['rps']:.0f} req/s, p99 {r['search_one']['p99']:.1f} ms",
     "", "", "", ""),
    ("GET /applications (first page), division head, 8 connections", f"{r['applications_list']['rps']:.0f} req/s, p99 {r['applications_list']['p99']:.1f} ms",
     "", "", "", ""),
    ("header search, division head, 8 connections", f"{r['header_search']['rps']:.0f} req/s, p99 {r['header_search']['p99']:.1f} ms",
     "", "", "", ""),
    ("POST /persons", f"{r['create_person']['rps']:.0f} req/s",
     f"pgbench TPC-B-like {tpcb:.0f} TPS", f"{100 * r['create_person']['rps'] / tpcb:.0f} %", "≥ 50 %", met(r['create_person']['rps'] >= 0.5 * tpcb)),
    ("POST /applications", f"{r['create_application']['rps']:.0f} req/s",
     f"pgbench TPC-B-like {tpcb:.0f} TPS", f"{100 * r['create_application']['rps'] / tpcb:.0f} %", "≥ 50 %", met(r['create_application']['rps'] >= 0.5 * tpcb)),
    ("POST /auth/login", f"{r['login']['rps']:.1f} /s",
     f"{cores} argon2id verifies in parallel: {hashes:.1f} /s", f"{100 * r['login']['rps'] / hashes:.0f} %", "≥ 80 %", met(r['login']['rps'] >= 0.8 * hashes)),
    ("person file during a login burst", f"{r['file_during_burst']['rps']:.0f} req/s, p99 {r['file_during_burst']['p99']:.1f} ms",
     "", "", "p99 < 50 ms", met(r['file_during_burst']['p99'] < 50)),
    ("two API processes, person file", f"{two:.0f} req/s",
     f"one process: {r['file']['rps']:.0f} req/s", f"{two / r['file']['rps']:.2f} ×", "≥ 1.6 ×", met(two >= 1.6 * r['file']['rps'])),
    (f"same, the machine split: {half_workers} HTTP worker(s) and {half_db} database connections each", f"{split:.0f} req/s",
     f"one process: {r['file']['rps']:.0f} req/s", f"{split / r['file']['rps']:.2f} ×", "", ""),
    ("GET /me (session cache)", f"{r['me']['rps']:.0f} req/s, p99 {r['me']['p99']:.1f} ms", "", "", "", ""),
]
print(f"\nAtvejis benchmark: {cores} cores shared by the server, PostgreSQL and the load; {int(people):,} generated people; {duration} a measurement")
print("| figure | Atvejis | the machine | ratio | target | |")
print("| --- | --- | --- | --- | --- | --- |")
for row in rows:
    print("| " + " | ".join(row) + " |")
bad = {n: v for n, v in r.items() if v["errors"] or v["socket"]}
def cpu_per_request(name):
    v = r[name]
    pg0, api0, pg1, api1 = v["cpu"]
    total = v["rps"] * float(duration.rstrip("s"))
    return f"{name}: PostgreSQL {1e6 * (pg1 - pg0) / total:.0f} µs, server {1e6 * (api1 - api0) / total:.0f} µs"
print("\nCPU a request (PostgreSQL's processes, the server): " + "; ".join(
    cpu_per_request(n) for n in ["file", "search", "search_municipality", "create_person", "create_application", "me"]))
print(f"\nPOST /persons registered {persons} people, POST /applications {applications} applications.")
print("Non-2xx responses: " + (", ".join(f"{n} {v['errors']} ({v['socket'] or 'no socket errors'})" for n, v in bad.items()) if bad else "none"))
PY
echo "Raw output: $OUT/*.txt; server logs: $OUT/server*.log"
