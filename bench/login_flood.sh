#!/usr/bin/env bash
# Benchmark (not a test): GET /schools/1/students/{random id} under load (wrk -t2 -c32), alone
# and while a second wrk floods POST /auth/login with wrong passwords (-t1 -c64), on a throwaway
# PostgreSQL and on SQLite, with `pgbench` baselines for the same read on the same PostgreSQL.
#   bench/login_flood.sh [seconds=15]
# The login limits (KEHOU_LOGIN_RATE_PER_MINUTE, KEHOU_LOGIN_MAX_FAILURES) are set out of reach
# so that every wrong login reaches argon2 instead of being answered 429.
# Needs: wrk (apt), PostgreSQL server binaries, a release build (made here unless KEHOU_BIN is
# set; CARGO_TARGET_DIR is honoured).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-15}
command -v wrk >/dev/null || { echo "wrk missing: apt-get install wrk" >&2; exit 1; }
if [ -n "${KEHOU_BIN:-}" ]; then
  bin=$KEHOU_BIN
else
  cargo build -q --release --locked -p kehou-api
  bin=${CARGO_TARGET_DIR:-target}/release/kehou
fi
pgbin=$(dirname "$(ls /usr/lib/postgresql/*/bin/pgbench | head -1)")
out=$(mktemp -d /tmp/kehou-flood.XXXXXX); chmod 755 "$out"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port); base=http://127.0.0.1:$port
srv=
cleanup() {
  if [ -n "$srv" ]; then kill "$srv" 2>/dev/null || true; wait "$srv" 2>/dev/null || true; fi
  scripts/pg-throwaway.sh stop "$out/pg"
  rm -rf "$out"
}
trap cleanup EXIT
pg=$(scripts/pg-throwaway.sh start "$out/pg" "$(free_port)")
psql -X -q -v ON_ERROR_STOP=1 "$pg" -c "CREATE DATABASE kehou"

start() { # $1 database url
  KEHOU_DATABASE_URL="$1" KEHOU_BIND=127.0.0.1:$port KEHOU_WEB_DIR=/nonexistent RUST_LOG=warn \
    KEHOU_JWT_KEYS="f1:$(head -c 48 /dev/urandom | base64 -w0)" KEHOU_ACCESS_TOKEN_TTL=3600 \
    KEHOU_LOGIN_RATE_PER_MINUTE=1000000000 KEHOU_LOGIN_MAX_FAILURES=1000000000 \
    KEHOU_DEMO_MID_TERM=0 "$bin" serve --demo >"$out/serve.log" 2>&1 &
  srv=$!
  for _ in $(seq 1 300); do curl -fsS "$base/readyz" >/dev/null 2>&1 && return; sleep 0.1; done
  cat "$out/serve.log" >&2; exit 1
}
stop() { kill "$srv"; wait "$srv" 2>/dev/null || true; srv=; }
token() { curl -fsS -X POST "$base/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"username":"admin","password":"Kehou@2026"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'; }

# Counts answers by status over all wrk threads and prints them from done().
count_statuses='
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) statuses = {} end
function response(status, headers, body) statuses[status] = (statuses[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("statuses")) do total[k] = (total[k] or 0) + v end
  end
  local keys = {}
  for k in pairs(total) do table.insert(keys, k) end
  table.sort(keys)
  for _, k in ipairs(keys) do io.write(string.format("status %d: %d\n", k, total[k])) end
end'
cat >"$out/login.lua" <<LUA
-- Wrong passwords for the demo accounts and one unknown name, in turn.
local names = {"admin", "teacher", "tutor", "finance", "gate", "nobody"}
local n = 0
request = function()
  n = n + 1
  local body = string.format('{"username":"%s","password":"wrong-%d"}', names[n % #names + 1], n)
  return wrk.format("POST", "/api/v1/auth/login", {["Content-Type"] = "application/json"}, body)
end
$count_statuses
LUA

get_lua() { # $1 token
  cat >"$out/get.lua" <<LUA
math.randomseed(2026)
wrk.headers["Authorization"] = "Bearer $1"
request = function() return wrk.format("GET", "/api/v1/schools/1/students/" .. math.random(1, 950)) end
$count_statuses
LUA
}

# Prints "req/s p50 p99 non2xx timeouts statuses" of a wrk --latency output.
summary() {
  python3 - "$1" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
rps = re.search(r"Requests/sec:\s+([\d.]+)", t).group(1)
lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", t, re.M))
non2xx = (re.search(r"Non-2xx or 3xx responses: (\d+)", t) or [None, "0"])[1]
timeouts = (re.search(r"timeout (\d+)", t) or [None, "0"])[1]
sock = (re.search(r"Socket errors: (.*)", t) or [None, "none"])[1]
st = ", ".join(re.findall(r"^status (\d+: \d+)", t, re.M))
total = re.search(r"(\d+) requests in", t).group(1)
print(f"{float(rps):.0f}\t{lat.get('50')}\t{lat.get('99')}\t{non2xx}\t{timeouts}\t{total}\t{st}\t{sock}")
PY
}

run_backend() { # $1 name, $2 database url
  local name=$1
  start "$2"
  get_lua "$(token)"
  wrk -t2 -c32 -d2s -s "$out/get.lua" "$base" >/dev/null # warm-up: fills the pool
  # (a) reads alone
  wrk -t2 -c32 -d"${secs}s" --timeout 10s --latency -s "$out/get.lua" "$base" >"$out/$name-base.txt"
  # (b) the same reads while wrong logins flood in
  wrk -t1 -c64 -d"${secs}s" --timeout 10s --latency -s "$out/login.lua" "$base" >"$out/$name-login.txt" &
  local flood=$!
  wrk -t2 -c32 -d"${secs}s" --timeout 10s --latency -s "$out/get.lua" "$base" >"$out/$name-flood.txt"
  wait "$flood"
  stop
  for f in base flood login; do
    echo "==> $name $f" >&2; sed -n '/Thread Stats/,$p' "$out/$name-$f.txt" >&2
  done
  echo "==> $name server log (warn and above), messages by count" >&2
  sed -E '/^\s*$/d; s/^\[[^ ]+ //; s/port [0-9]+/port <p>/' "$out/serve.log" | cut -c1-200 | sort | uniq -c | sort -rn | head -8 >&2
  printf '%s\tbase\t%s\n%s\tflood\t%s\n%s\tlogin\t%s\n' \
    "$name" "$(summary "$out/$name-base.txt")" "$name" "$(summary "$out/$name-flood.txt")" "$name" "$(summary "$out/$name-login.txt")" >>"$out/figures.tsv"
}

echo "# login flood: GET wrk -t2 -c32, login flood wrk -t1 -c64, ${secs}s each, $(nproc) cores, $(date -u +%F)"
: >"$out/figures.tsv"
run_backend postgres "${pg%/postgres}/kehou"
run_backend sqlite "$out/kehou.sqlite3"

# Baselines on the same PostgreSQL (kehou stopped): pgbench -S on scale 10, and the same
# primary-key read of a demo student on the kehou database as a prepared statement.
"$pgbin/pgbench" -q -i -s 10 "$pg" >/dev/null 2>&1
pgb=$("$pgbin/pgbench" -S -c 32 -j 2 -T "$secs" "$pg" 2>/dev/null | awk '/^tps/ {print $3; exit}')
cat >"$out/student.sql" <<'SQL'
\set id random(1, 950)
SELECT s.*, h.name FROM students s LEFT JOIN homerooms h ON h.id = s.homeroom_id WHERE s.id = :id AND s.school_id = 1;
SQL
pgs=$("$pgbin/pgbench" -n -M prepared -f "$out/student.sql" -c 32 -j 2 -T "$secs" "${pg%/postgres}/kehou" 2>/dev/null | awk '/^tps/ {print $3; exit}')

python3 - "$out/figures.tsv" "$pgb" "$pgs" <<'PY'
import sys
rows = {}
for line in open(sys.argv[1]):
    name, kind, rps, p50, p99, non2xx, timeouts, total, st, sock = line.rstrip("\n").split("\t")
    rows[(name, kind)] = dict(rps=int(rps), p50=p50, p99=p99, non2xx=non2xx, timeouts=timeouts, total=total, st=st, sock=sock)
pgb, pgs = float(sys.argv[2]), float(sys.argv[3])
print("| database | load | GET req/s | GET p50 | GET p99 | GET non-2xx | GET timeouts | login req/s | login p50 | login p99 | login answers |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for name in ("postgres", "sqlite"):
    b, f, l = rows[(name, "base")], rows[(name, "flood")], rows[(name, "login")]
    print(f"| {name} | reads alone | {b['rps']:,} | {b['p50']} | {b['p99']} | {b['non2xx']} of {int(b['total']):,} | {b['timeouts']} | – | – | – | – |")
    print(f"| {name} | reads + wrong-login flood | {f['rps']:,} ({f['rps'] / b['rps']:.2f}×) | {f['p50']} | {f['p99']} | {f['non2xx']} of {int(f['total']):,} | {f['timeouts']} |"
          f" {l['rps']:,} | {l['p50']} | {l['p99']} | {l['st']} (timeouts {l['timeouts']}) |")
print(f"| postgres | `pgbench -S -c32 -j2` scale 10 (baseline) | {pgb:,.0f} tps | | | | | | | | |")
print(f"| postgres | `pgbench` student-by-id select + homeroom join, prepared, -c32 -j2 | {pgs:,.0f} tps | | | | | | | | |")
for name in ("postgres", "sqlite"):
    b, f = rows[(name, "base")], rows[(name, "flood")]
    print(f"GET {name}: alone {b['rps'] / pgb:.2f}× of pgbench -S, {b['rps'] / pgs:.2f}× of the student select; under the flood {f['rps'] / pgb:.2f}× / {f['rps'] / pgs:.2f}×")
PY
