#!/usr/bin/env bash
# Outage drill (not a test): kehou on a throwaway PostgreSQL under a small read load, the
# database stopped for ~6 s in the middle of it and started again on the same data and port.
#   scripts/outage.sh            (KEHOU_BIN=path/to/kehou to choose the binary)
# Load: 8 threads GET /api/v1/schools/1/students/{random id}, 1 thread GET /readyz every
# 100 ms, 25 s in all, each request with a 10 s client timeout, all to 127.0.0.1.
# Fails (exit 1) on: a 5xx other than 503; a 503 without Retry-After, without
# application/problem+json or without code service_unavailable; any other status; a request
# slower than 7 s or with no answer; /readyz never 503 during the outage; no full second of
# only 200s within 5 s of PostgreSQL accepting connections again; a non-200 after that second.
# Set KEEP_OUTAGE_DIR=1 to keep the working directory (server and PostgreSQL logs).
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${KEHOU_BIN:-}
if [ -z "$bin" ]; then
  for b in target/release/kehou /tmp/kehou-release/release/kehou; do [ -x "$b" ] && { bin=$b; break; }; done
fi
[ -n "$bin" ] && [ -x "$bin" ] || { echo "no kehou binary: build one and set KEHOU_BIN" >&2; exit 2; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
out=$(mktemp -d /tmp/kehou-outage.XXXXXX); chmod 755 "$out"
srv=
cleanup() {
  if [ -n "$srv" ]; then kill "$srv" 2>/dev/null || true; wait "$srv" 2>/dev/null || true; fi
  scripts/pg-throwaway.sh stop "$out/pg"
  if [ -n "${KEEP_OUTAGE_DIR:-}" ]; then echo "kept $out" >&2; else rm -rf "$out"; fi
}
trap cleanup EXIT

pgport=$(free_port)
pg=$(scripts/pg-throwaway.sh start "$out/pg" "$pgport")
psql -X -q -v ON_ERROR_STOP=1 "$pg" -c "CREATE DATABASE kehou"
port=$(free_port)
KEHOU_DATABASE_URL="${pg%/postgres}/kehou" KEHOU_BIND="127.0.0.1:$port" KEHOU_WEB_DIR=/nonexistent \
  KEHOU_JWT_KEYS="o1:$(head -c 48 /dev/urandom | base64 -w0)" KEHOU_ACCESS_TOKEN_TTL=3600 RUST_LOG=warn \
  "$bin" serve --demo >"$out/serve.log" 2>&1 &
srv=$!
for _ in $(seq 1 300); do curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null || { cat "$out/serve.log" >&2; exit 1; }
token=$(curl -fsS -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"username":"admin","password":"Kehou@2026"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')

echo "# outage drill: $bin, PostgreSQL $(psql -X -At "$pg" -c 'SHOW server_version'), $(nproc) cores, $(date -u '+%F %T') UTC"
rc=0
python3 - "$port" "$token" "$out/pg" "$pgport" <<'PY' || rc=$?
import collections, http.client, json, subprocess, sys, threading, time

port, token, pgdir, pgport = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
DURATION, DOWN_AT, DOWN_FOR = 25.0, 5.0, 6.0          # seconds
CLIENT_TIMEOUT, HANG, RECOVERY = 10.0, 7.0, 5.0       # seconds
results = []  # dicts: kind, t0, t1, status, ctype, retry, code, body, error
lock = threading.Lock()

def request(kind, path, headers):
    t0 = time.monotonic()
    r = dict(kind=kind, t0=t0, status=None, ctype="", retry=None, code=None, body="", error=None)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=CLIENT_TIMEOUT)
    try:
        conn.request("GET", path, headers=headers)
        res = conn.getresponse()
        body = res.read()
        r.update(status=res.status, ctype=res.getheader("content-type", ""), retry=res.getheader("retry-after"),
                 body=body[:300].decode("utf-8", "replace"))
        if res.status != 200:
            try:
                r["code"] = json.loads(body).get("code")
            except Exception:
                pass
    except Exception as e:  # timeout, reset, refused
        r["error"] = repr(e)
    finally:
        conn.close()
    r["t1"] = time.monotonic()
    with lock:
        results.append(r)

start = time.monotonic()
deadline = start + DURATION

def students(seed):
    import random
    rnd = random.Random(seed)
    auth = {"Authorization": f"Bearer {token}"}
    while time.monotonic() < deadline:
        request("students", f"/api/v1/schools/1/students/{rnd.randint(1, 950)}", auth)

def readyz():
    while time.monotonic() < deadline:
        request("readyz", "/readyz", {})
        time.sleep(0.1)

threads = [threading.Thread(target=students, args=(i,)) for i in range(8)] + [threading.Thread(target=readyz)]
for t in threads:
    t.start()

def pg_ready():
    return subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1", "-p", pgport, "-t", "1"]).returncode == 0

time.sleep(max(0.0, start + DOWN_AT - time.monotonic()))
t_stop = time.monotonic()
subprocess.run(["scripts/pg-throwaway.sh", "stop", pgdir], check=True)
t_down = time.monotonic()
down_confirmed = not pg_ready()
time.sleep(max(0.0, t_down + DOWN_FOR - time.monotonic()))
t_restart = time.monotonic()
starter = subprocess.Popen(["scripts/pg-throwaway.sh", "start", pgdir, pgport], stdout=subprocess.DEVNULL)
while not pg_ready():
    if starter.poll() not in (None, 0):
        print("PostgreSQL did not start again", file=sys.stderr)
        sys.exit(1)
    time.sleep(0.02)
t_back = time.monotonic()
starter.wait()
for t in threads:
    t.join()

rel = lambda t: t - start
failures = []
def describe(r):
    what = r["error"] or f'{r["status"]} {r["ctype"]} retry-after={r["retry"]} {r["body"][:160]!r}'
    return f'{r["kind"]} started +{rel(r["t0"]):.2f}s took {r["t1"] - r["t0"]:.2f}s: {what}'
def ok503(r):
    return (r["status"] == 503 and r["ctype"].startswith("application/problem+json")
            and r["retry"] is not None and r["code"] == "service_unavailable")

bad = collections.defaultdict(list)
for r in results:
    if r["error"] is not None:
        bad["no answer (client error or timeout)"].append(r)
    elif r["t1"] - r["t0"] > HANG:
        bad[f"slower than {HANG:.0f} s"].append(r)
    if r["status"] is None or r["status"] == 200:
        continue
    if r["status"] == 503:
        if not ok503(r):
            bad["503 without Retry-After / problem+json / code service_unavailable"].append(r)
    elif r["status"] >= 500:
        bad["5xx other than 503"].append(r)
    else:
        bad["other status"].append(r)

def status_mix(rs):
    c = collections.Counter("no answer" if r["status"] is None else str(r["status"]) for r in rs)
    return ", ".join(f"{k}: {v}" for k, v in sorted(c.items()))

before = [r for r in results if r["t0"] < t_stop]
outage = [r for r in results if t_stop <= r["t0"] < t_back]
after = [r for r in results if r["t0"] >= t_back]
print(f"timeline: load 0–{DURATION:.0f} s; stop requested +{rel(t_stop):.2f} s, PostgreSQL down +{rel(t_down):.2f} s"
      f" (pg_isready refused: {down_confirmed}), start requested +{rel(t_restart):.2f} s,"
      f" accepting connections +{rel(t_back):.2f} s")
print(f"requests total: {len(results)} ({sum(r['kind'] == 'students' for r in results)} students,"
      f" {sum(r['kind'] == 'readyz' for r in results)} readyz)")
print(f"  before the outage ({len(before)}): {status_mix(before)}")
print(f"  outage, started between stop and accepting again ({len(outage)}): {status_mix(outage)}")
print(f"  after ({len(after)}): {status_mix(after)}")
if outage:
    good = sum(ok503(r) for r in outage)
    print(f"outage: 503 problem+json with Retry-After and code service_unavailable: {good}/{len(outage)}"
          f" ({100 * good / len(outage):.1f} %); the rest: {status_mix([r for r in outage if not ok503(r)])}")
    down = [r for r in outage if t_down <= r["t0"] < t_restart]
    if down:
        good = sum(ok503(r) for r in down)
        print(f"  of them started while PostgreSQL was fully down (+{rel(t_down):.2f}–{rel(t_restart):.2f} s): {good}/{len(down)}"
              f" compliant 503s ({100 * good / len(down):.1f} %); the rest: {status_mix([r for r in down if not ok503(r)]) or 'none'}")
    gone = [r for r in results if t_down <= r["t1"] < t_back]
    if gone:
        good = sum(ok503(r) for r in gone)
        print(f"  answered while PostgreSQL was down (+{rel(t_down):.2f}–{rel(t_back):.2f} s, by answer time): {good}/{len(gone)}"
              f" compliant 503s ({100 * good / len(gone):.1f} %); the rest: {status_mix([r for r in gone if not ok503(r)]) or 'none'}")
    longest = max(outage, key=lambda r: r["t1"] - r["t0"])
    print(f"outage: longest response {longest['t1'] - longest['t0']:.3f} s ({describe(longest)})")
    durs = sorted(r["t1"] - r["t0"] for r in outage if r["status"] == 503)
    if durs:
        print(f"outage: 503 answer times p50 {durs[len(durs) // 2]:.3f} s, max {durs[-1]:.3f} s;"
              f" Retry-After values {sorted(set(r['retry'] for r in outage if r['status'] == 503))}")
    seen = set()
    for r in outage:
        key = (r["status"], r["ctype"], r["code"])
        if r["status"] not in (None, 200) and key not in seen:
            seen.add(key)
            print(f"  sample: {describe(r)}")
ready503 = [r for r in outage if r["kind"] == "readyz" and r["status"] == 503]
print(f"/readyz during the outage: {status_mix([r for r in outage if r['kind'] == 'readyz'])}"
      f" -> answered 503: {'yes' if ready503 else 'NO'}")
if not ready503:
    failures.append("/readyz never answered 503 during the outage")

# Recovery, measured on answer (end) times after PostgreSQL accepts connections again.
by_end = sorted(results, key=lambda r: r["t1"])
ok200 = [r for r in by_end if r["t1"] >= t_back and r["status"] == 200]
first200 = ok200[0]["t1"] - t_back if ok200 else None
steady = None
last_end = by_end[-1]["t1"]
for r in ok200:
    T = r["t1"]
    if T + 1.0 > last_end:
        break
    window = [x for x in by_end if T <= x["t1"] <= T + 1.0]
    if all(x["status"] == 200 for x in window):
        steady = T
        break
print("recovery: first 200 " + (f"{first200:.3f} s" if first200 is not None else "NEVER")
      + " after PostgreSQL accepted connections; first full second of only 200s begins "
      + (f"{steady - t_back:.3f} s after" if steady is not None else "NEVER"))
if steady is None or steady - t_back > RECOVERY:
    failures.append(f"no full second of only 200s within {RECOVERY:.0f} s of the database being back")
if steady is not None:
    late = [r for r in by_end if r["t1"] > steady and r["status"] != 200]
    print(f"after that second began: {len(late)} non-200 answers")
    if late:
        bad["non-200 after recovery"].extend(late)
post = [r for r in by_end if r["t1"] >= t_back]
# First non-200 answers after the database was back (the "dead pooled connection answers 503 once" path).
post_bad = [r for r in post if r["status"] != 200]
print(f"non-200 answers after the database was back: {len(post_bad)}"
      + (f" (last at +{post_bad[-1]['t1'] - t_back:.3f} s)" if post_bad else ""))
for r in post_bad[:5]:
    print(f"  {describe(r)}")

n5xx = sum(1 for r in results if r["status"] is not None and r["status"] >= 500 and r["status"] != 503)
print(f"5xx other than 503: {n5xx}; no answer / slower than {HANG:.0f} s:"
      f" {sum(1 for r in results if r['error'] is not None or r['t1'] - r['t0'] > HANG)}")
for what, rs in bad.items():
    failures.append(f"{len(rs)} × {what}, e.g. {describe(rs[0])}")
if failures:
    print("FAILED:")
    for f in failures:
        print(f"  - {f}")
    sys.exit(1)
print("PASSED")
PY
echo "server log (RUST_LOG=warn), messages by count:"
sed -E '/^\s*$/d; s/^\[[^ ]+ //; s/[0-9a-f]{32}/<id>/g; s/[0-9]+(\.[0-9]+)?(ms|s)\b/<t>/g' "$out/serve.log" | cut -c1-220 \
  | sort | uniq -c | sort -rn | head -15 | sed 's/^/  /'
exit "$rc"
