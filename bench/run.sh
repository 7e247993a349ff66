#!/usr/bin/env bash
# Benchmarks (not tests): roster import of N rows on SQLite and PostgreSQL against two
# baselines of the same run — `COPY` of the import's final rows into the real tables (same
# indexes and foreign keys) and into unindexed copies of them — and GET /students/{id} under
# load (wrk) against `pgbench -S` on the same PostgreSQL, all in one run on this machine.
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
# Baselines on the same PostgreSQL, for the final rows the import wrote: COPY straight into
# the real tables (same indexes, constraints and foreign keys, on a database seeded like the
# first), and COPY into unindexed copies of those tables.
psql_ "$pg" -c "CREATE DATABASE kehou_floor"
start "${pg%/postgres}/kehou_floor"; stop
floor="${pg%/postgres}/kehou_floor"; src="${pg%/postgres}/kehou"
max() { psql -X -tA "$floor" -c "SELECT coalesce(max($2), 0) FROM $1"; }
hr_cols="id, school_id, grade, name, homeroom_teacher_id, version, created_at, updated_at"
st_cols="id, school_id, student_no, name, gender, grade, homeroom_id, flags, version, created_at, updated_at, national_no"
gu_cols="id, school_id, user_id, name, phone, activation_code_hash, activation_expires_at, version, created_at, updated_at, activation_failures"
sg_cols="school_id, student_id, guardian_id, relation"
au_cols="id, school_id, actor_kind, actor_id, action, entity, entity_id, before_json, after_json, request_id, at"
declare -A where=(
  [homerooms]="id > $(max homerooms id)" [students]="id > $(max students id)" [guardians]="id > $(max guardians id)"
  [student_guardians]="student_id > $(max students id)" [audit_events]="action LIKE 'student.import%'")
declare -A cols=([homerooms]=$hr_cols [students]=$st_cols [guardians]=$gu_cols [student_guardians]=$sg_cols [audit_events]=$au_cols)
tables="homerooms students guardians student_guardians audit_events"
: >"$out/floor.sql"; : >"$out/unindexed.sql"
for t in $tables; do
  psql_ "$src" -c "\\copy (SELECT ${cols[$t]} FROM $t WHERE ${where[$t]}) TO '$out/$t.csv' WITH (FORMAT csv)"
  echo "\\copy $t (${cols[$t]}) FROM '$out/$t.csv' WITH (FORMAT csv)" >>"$out/floor.sql"
  psql_ "$floor" -c "CREATE TABLE unindexed_$t (LIKE $t)"
  echo "\\copy unindexed_$t (${cols[$t]}) FROM '$out/$t.csv' WITH (FORMAT csv)" >>"$out/unindexed.sql"
done
copied=$(wc -l <"$out/students.csv")
timed_psql() { # $1 file: seconds for psql to run it as one transaction
  python3 - "$floor" "$1" <<'PY'
import subprocess, sys, time
t = time.monotonic()
subprocess.run(["psql", "-X", "-q", "-1", "-v", "ON_ERROR_STOP=1", "-f", sys.argv[2], sys.argv[1]], check=True)
print(f"{time.monotonic() - t:.3f}")
PY
}
f_secs=$(timed_psql "$out/floor.sql")
u_secs=$(timed_psql "$out/unindexed.sql")
"$pgbin/pgbench" -q -i -s 10 "$pg" >/dev/null 2>&1
pgb=$("$pgbin/pgbench" -S -c 32 -j 2 -T "$secs" "$pg" 2>/dev/null | awk '/^tps/ {print $3; exit}')
python3 - <<PY
rows, copied = $rows, $copied
s, p, f, u = $s_secs, $p_secs, $f_secs, $u_secs
sr, pr, pgb = float("$s_reads"), float("$p_reads"), float("$pgb")
print("| measurement | value | ratio to baseline |")
print("|---|---|---|")
print(f"| COPY of the import's final rows into the real tables ({copied} students; baseline) | {rows / f:,.0f} rows/s ({f:.2f} s) | 1 |")
print(f"| COPY of the same rows into unindexed copies of the tables (second baseline) | {rows / u:,.0f} rows/s ({u:.2f} s) | {f / u:.2f}× |")
print(f"| roster import, PostgreSQL ($p_rows students) | {rows / p:,.0f} rows/s ({p:.2f} s) | {f / p:.2f}× (of unindexed: {u / p:.2f}×) |")
print(f"| roster import, SQLite ($s_rows students) | {rows / s:,.0f} rows/s ({s:.2f} s) | — |")
print(f"| pgbench -S -c32 -j2 (baseline) | {pgb:,.0f} tps | 1 |")
print(f"| GET /students/{{id}}, PostgreSQL | {pr:,.0f} req/s | {pr / pgb:.2f}× |")
print(f"| GET /students/{{id}}, SQLite | {sr:,.0f} req/s | {sr / pgb:.2f}× |")
PY
