#!/usr/bin/env bash
# Benchmarks (not tests): roster import of N rows on SQLite and PostgreSQL against a
# `psql \copy` of the same rows, and GET /students/{id} under load (wrk) against
# `pgbench -S` on the same PostgreSQL, all in one run on this machine.
#   bench/run.sh [rows=50000] [seconds=15]
# Needs: a release build (made here unless KEHOU_BIN is set; CARGO_TARGET_DIR is honoured), wrk
# (apt), PostgreSQL server binaries. The server runs with `--demo` (the demo school is only seeded
# on request) and a fresh KEHOU_JWT_KEYS (required on PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-50000}; secs=${2:-15}
out=$(mktemp -d /tmp/kehou-bench.XXXXXX); chmod 755 "$out"
command -v wrk >/dev/null || { echo "wrk missing: apt-get install wrk" >&2; exit 1; }
if [ -n "${KEHOU_BIN:-}" ]; then
  bin=$KEHOU_BIN
else
  cargo build -q --release --locked -p kehou-api
  bin=${CARGO_TARGET_DIR:-target}/release/kehou
fi
pgbin=$(dirname "$(ls /usr/lib/postgresql/*/bin/pgbench | head -1)")
python3 bench/make_roster.py "$rows" "$out/roster.csv" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
pg=$(scripts/pg-throwaway.sh start "$out/pg" "$port")
trap 'kill ${srv:-} 2>/dev/null || true; scripts/pg-throwaway.sh stop "$out/pg"; rm -rf "$out"' EXIT
psql_() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

start() { # $1 database url
  KEHOU_DATABASE_URL="$1" KEHOU_BIND=127.0.0.1:18080 KEHOU_WEB_DIR=/nonexistent KEHOU_LOGIN_RATE_PER_MINUTE=100000 RUST_LOG=warn,kehou_api::imports=info \
    KEHOU_ACCESS_TOKEN_TTL=3600 KEHOU_JWT_KEYS="b1:$(head -c 48 /dev/urandom | base64 -w0)" \
    KEHOU_DEMO_MID_TERM=0 KEHOU_IMPORT_MAX_ROWS=$((rows > 20000 ? rows : 20000)) "$bin" serve --demo >"$out/serve.log" 2>&1 &
  srv=$!
  for _ in $(seq 1 200); do curl -fsS http://127.0.0.1:18080/readyz >/dev/null 2>&1 && return; sleep 0.1; done
  cat "$out/serve.log" >&2; exit 1
}
stop() { kill "$srv"; wait "$srv" 2>/dev/null || true; srv=; }
token() { curl -fsS -X POST http://127.0.0.1:18080/api/v1/auth/login -H 'content-type: application/json' \
  -d '{"username":"admin","password":"Kehou@2026"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'; }

import_rows() { # prints seconds from upload to committed
  local t; t=$(token)
  python3 - "$t" "$out/roster.csv" <<'PY'
import json, sys, time, subprocess, urllib.request
token, path = sys.argv[1], sys.argv[2]
start = time.monotonic()
res = subprocess.run(["curl", "-fsS", "-X", "POST", "http://127.0.0.1:18080/api/v1/schools/1/imports",
    "-H", f"Authorization: Bearer {token}", "-F", f"file=@{path};filename=roster.csv", "-F", "dry_run=false"],
    check=True, capture_output=True)
job = json.loads(res.stdout)
while True:
    req = urllib.request.Request(f"http://127.0.0.1:18080/api/v1/schools/1/imports/{job['id']}", headers={"Authorization": f"Bearer {token}"})
    job = json.load(urllib.request.urlopen(req))
    if job["status"] not in ("queued", "running"):
        break
    time.sleep(0.02)
elapsed = time.monotonic() - start
assert job["status"] == "committed", job
print(f"{elapsed:.3f} {job['summary']['students_created']}")
PY
}

reads() { # prints requests/s of GET /students/{id} for random ids of the demo school
  local t; t=$(token)
  cat >"$out/get.lua" <<LUA
math.randomseed(2026)
wrk.headers["Authorization"] = "Bearer $t"
request = function() return wrk.format("GET", "/api/v1/schools/1/students/" .. math.random(1, 950)) end
LUA
  wrk -t2 -c32 -d"${secs}s" -s "$out/get.lua" http://127.0.0.1:18080 >"$out/wrk.txt"
  grep -q "Non-2xx" "$out/wrk.txt" && { cat "$out/wrk.txt" >&2; echo "non-2xx answers under load" >&2; exit 1; }
  awk '/Requests\/sec/ {print $2}' "$out/wrk.txt"
  awk '/Latency/ {print "latency avg " $2 ", max " $4}' "$out/wrk.txt" >&2
}

echo "# rows=$rows, wrk ${secs}s -t2 -c32, $(nproc) cores, $(date -u +%F)"
# SQLite
start "$out/kehou.sqlite3"
read -r s_secs s_rows < <(import_rows)
grep -h "import" "$out/serve.log" | sed 's/^/  sqlite: /' >&2
s_reads=$(reads)
stop
# PostgreSQL
psql_ "$pg" -c "CREATE DATABASE kehou"
start "${pg%/postgres}/kehou"
read -r p_secs p_rows < <(import_rows)
grep -h "import" "$out/serve.log" | sed 's/^/  postgres: /' >&2
p_reads=$(reads)
stop
# Baselines on the same PostgreSQL: \copy of the same file, and pgbench -S.
psql_ "$pg" -c "CREATE TABLE staging (student_no text, name text, gender text, grade int, homeroom text, guardian_name text, guardian_phone text, relation text, flags text)"
c_secs=$(python3 - "$pg" "$out/roster.csv" <<'PY'
import subprocess, sys, time
pg, path = sys.argv[1], sys.argv[2]
t = time.monotonic()
subprocess.run(["psql", "-X", "-q", pg, "-c", f"\\copy staging FROM '{path}' WITH (FORMAT csv, HEADER true)"], check=True)
print(f"{time.monotonic() - t:.3f}")
PY
)
psql_ "$pg" -c "CREATE DATABASE kehou_sql"
KEHOU_DATABASE_URL="${pg%/postgres}/kehou_sql" $bin migrate >/dev/null
q_secs=$(python3 - "${pg%/postgres}/kehou_sql" "$out/roster.csv" <<'PY'
import subprocess, sys, time
pg, path = sys.argv[1], sys.argv[2]
sql = open("bench/set_based.sql").read().replace(":'csv'", "'" + path + "'")
t = time.monotonic()
subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", pg], input=sql.encode(), check=True, stdout=subprocess.DEVNULL)
print(f"{time.monotonic() - t:.3f}")
PY
)
"$pgbin/pgbench" -q -i -s 10 "$pg" >/dev/null 2>&1
pgb=$("$pgbin/pgbench" -S -c 32 -j 2 -T "$secs" "$pg" 2>/dev/null | awk '/^tps/ {print $3; exit}')
python3 - <<PY
rows = $rows
s, p, c, q = $s_secs, $p_secs, $c_secs, $q_secs
sr, pr, pgb = float("$s_reads"), float("$p_reads"), float("$pgb")
print("| measurement | value | ratio to baseline |")
print("|---|---|---|")
print(f"| psql \\\\copy of the same {rows} rows (baseline) | {rows / c:,.0f} rows/s ({c:.2f} s) | 1 |")
print(f"| set-based SQL of the same writes on the real schema (second baseline) | {rows / q:,.0f} rows/s ({q:.2f} s) | {c / q:.2f}× |")
print(f"| roster import, PostgreSQL ($p_rows students) | {rows / p:,.0f} rows/s ({p:.2f} s) | {c / p:.2f}× (of set-based SQL: {q / p:.2f}×) |")
print(f"| roster import, SQLite ($s_rows students) | {rows / s:,.0f} rows/s ({s:.2f} s) | {c / s:.2f}× |")
print(f"| pgbench -S -c32 -j2 (baseline) | {pgb:,.0f} tps | 1 |")
print(f"| GET /students/{{id}}, PostgreSQL | {pr:,.0f} req/s | {pr / pgb:.2f}× |")
print(f"| GET /students/{{id}}, SQLite | {sr:,.0f} req/s | {sr / pgb:.2f}× |")
PY
