"""The harness of the Python integrator suite: a Kehou server of its own on a fresh database
(SQLite or PostgreSQL), raw HTTP helpers for the set-up, and the set-up steps themselves
(translated from tests/api/applications.rs and tests/api/parent_apps.rs)."""

import base64
import datetime as dt
import os
import signal
import socket
import subprocess
import time
import uuid
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[2]

# Loopback test servers speak plain http://; oauthlib refuses that unless told.
os.environ.setdefault("OAUTHLIB_INSECURE_TRANSPORT", "1")
DEMO_PASSWORD = "Kehou@2026"
GUARDIAN_PASSWORD = "parent-pass-1"

# What every server of the suite gets: webhooks may go to loopback http:// receivers, and the
# first retry comes quickly (each next one 4x later), so the suite stays short.
TEST_ENV = {
    # The suite builds its own term on the demo roster.
    "KEHOU_DEMO_MID_TERM": "0",
    "KEHOU_WEBHOOK_ALLOW_INSECURE": "1",
    "KEHOU_WEBHOOK_RETRY_BASE_MS": "300",
    "KEHOU_WEBHOOK_POLL_MS": "100",
}


def kehou_binary():
    path = Path(os.environ.get("KEHOU_BIN", REPO / "target" / "debug" / "kehou"))
    if not path.is_file():
        raise RuntimeError(f"no Kehou binary at {path}: build it with 'cargo build -p kehou-api' or set KEHOU_BIN")
    return path


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pg_admin_url():
    url = os.environ.get("KEHOU_TEST_PG_URL")
    if not url:
        raise RuntimeError(
            "KEHOU_TEST_PG_URL is not set: the PostgreSQL half of the suite needs a server. Run scripts/test, "
            "which starts a throwaway cluster, or point it at one (postgres://postgres@127.0.0.1:5433/postgres)"
        )
    return url


def create_pg_database():
    """A fresh database on KEHOU_TEST_PG_URL; returns its URL."""
    import psycopg

    admin = pg_admin_url()
    name = f"kehou_py_{uuid.uuid4().hex}"
    with psycopg.connect(admin, autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    return f"{admin.rsplit('/', 1)[0]}/{name}"


def drop_pg_database(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(pg_admin_url(), autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Server:
    """`kehou serve --demo` on a free port. Restartable on the same database (and signing key)."""

    def __init__(self, database_url, log_dir, env=None):
        self.database_url = database_url
        self.log_dir = Path(log_dir)
        self.env = dict(TEST_ENV, **(env or {}))
        self.jwt_keys = "py:" + base64.b64encode(os.urandom(48)).decode()
        self.proc = None
        self.base = None
        self.starts = 0

    def start(self, env=None):
        assert self.proc is None, "already running"
        self.starts += 1
        port = free_port()
        self.base = f"http://127.0.0.1:{port}"
        full_env = dict(os.environ)
        full_env.update(self.env)
        full_env.update(env or {})
        full_env.update(
            KEHOU_DATABASE_URL=self.database_url,
            KEHOU_BIND=f"127.0.0.1:{port}",
            KEHOU_LOGIN_RATE_PER_MINUTE="1000",
            KEHOU_JWT_KEYS=self.jwt_keys,
            KEHOU_WEB_DIR="/nonexistent",
            RUST_LOG=full_env.get("RUST_LOG", "warn"),
        )
        self.log_path = self.log_dir / f"serve-{self.starts}.log"
        log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            [str(kehou_binary()), "serve", "--demo"], env=full_env, stdout=log, stderr=subprocess.STDOUT
        )
        log.close()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"kehou exited with {self.proc.returncode}:\n{self.log()}")
            if self.panicked():
                raise RuntimeError(f"kehou panicked while starting:\n{self.panicked()}")
            try:
                if requests.get(self.base + "/readyz", timeout=2).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"kehou not ready after 30 s:\n{self.log()}")

    def stop(self):
        """SIGTERM, as a service manager stops it."""
        if self.proc is None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None

    def panicked(self):
        """The first panic in the log (with what follows), if any."""
        text = self.log_path.read_text(errors="replace")
        at = text.find("panicked at")
        return text[max(0, at - 100):at + 1500] if at >= 0 else None

    def log(self):
        try:
            return self.log_path.read_text(errors="replace")[-4000:]
        except OSError:
            return ""


class Api:
    """Raw HTTP to a running server, for the set-up (the generated client is what is tested)."""

    def __init__(self, server):
        self.server = server
        self.http = requests.Session()
        self._tokens = {}
        self._ids = {}

    @property
    def base(self):
        return self.server.base

    def token(self, username, password=DEMO_PASSWORD):
        if username not in self._tokens:
            r = self.http.post(self.base + "/api/v1/auth/login", json={"username": username, "password": password})
            assert r.status_code == 200, r.text
            self._tokens[username] = r.json()["access_token"]
        return self._tokens[username]

    def call(self, token, method, path, body=None, expect=None, **kw):
        headers = kw.pop("headers", {})
        if token:
            headers["Authorization"] = f"Bearer {token}"
        r = self.http.request(method, self.base + path, json=body, headers=headers, timeout=30, **kw)
        data = r.json() if r.content and "json" in r.headers.get("content-type", "") else None
        if expect is not None:
            assert r.status_code == expect, f"{method} {path}: {r.status_code} {r.text}"
        return r.status_code, data

    def get(self, token, path, **kw):
        return self.call(token, "GET", path, **kw)

    def post(self, token, path, body=None, **kw):
        return self.call(token, "POST", path, body, **kw)

    def me(self, username):
        return self.get(self.token(username), "/api/v1/me", expect=200)[1]

    @property
    def school(self):
        """The demo school (read from the admin's grants)."""
        if "school" not in self._ids:
            self._ids["school"] = self.me("admin")["grants"][0]["school_id"]
        return self._ids["school"]

    @property
    def district(self):
        if "district" not in self._ids:
            self._ids["district"] = self.me("district")["district_id"]
        return self._ids["district"]

    def school_path(self, rest):
        return f"/api/v1/schools/{self.school}{rest}"

    def district_path(self, rest):
        return f"/api/v1/districts/{self.district}{rest}"


def window():
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    fmt = lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ")  # noqa: E731
    return fmt(now - dt.timedelta(days=1)), fmt(now + dt.timedelta(days=30))


def publish(api, token, term, kind, title, body):
    _, text = api.post(token, api.school_path("/texts"), {"term_id": term, "kind": kind, "title": title, "body": body}, expect=201)
    _, published = api.post(token, api.school_path(f"/texts/{text['id']}/publish"), expect=200)
    return published


def open_term(api, cap=30):
    """A plan (afternoon_basic for grades 1–6 Mon–Fri; late_extension Mon–Thu capped at `cap`)
    submitted, approved by the district, a notice and an agreement published.
    Returns (term id, plan, agreement text)."""
    admin = api.token("admin")
    _, terms = api.get(admin, api.school_path("/terms"), expect=200)
    term = terms["items"][0]["id"]
    opens, closes = window()
    plan = {
        "term_id": term,
        "window_opens_at": opens,
        "window_closes_at": closes,
        "offerings": [
            {"kind": "afternoon_basic", "name": "课后基础托管", "grades": [1, 2, 3, 4, 5, 6], "weekdays": [1, 2, 3, 4, 5],
             "boarders_excluded": True, "start_time": "16:15", "end_time": "17:30", "early_grades_start_time": "16:20"},
            {"kind": "late_extension", "name": "延时服务", "grades": [1, 2, 3, 4, 5, 6], "weekdays": [1, 2, 3, 4],
             "start_time": "17:30", "end_time": "18:30", "cap": cap},
        ],
    }
    _, p = api.post(admin, api.school_path("/service-plans"), plan, expect=201)
    api.post(admin, api.school_path(f"/service-plans/{p['id']}/submit"), expect=200)
    _, p = api.post(api.token("district"), api.school_path(f"/service-plans/{p['id']}/approve"), {"comment": "同意"}, expect=200)
    assert p["status"] == "approved"
    publish(api, admin, term, "notice", "致家长的一封信", "各位家长：本学期课后服务……")
    agreement = publish(api, admin, term, "agreement", "课后服务委托协议书", "学校职责……家长职责：按时接孩子离校……学生职责……")
    return term, p, agreement


def application(term, plan, agreement, student, late=False):
    offerings = [{"offering_id": plan["offerings"][0]["id"], "weekdays": [1, 2, 3, 4, 5]}]
    if late:
        offerings.append({"offering_id": plan["offerings"][1]["id"], "weekdays": [1, 2]})
    return {"term_id": term, "student_id": student, "offerings": offerings, "leave_mode": "pickup",
            "agreement_text_id": agreement["id"], "accept_agreement": True}


def activate_guardian(api, student):
    """Activates the student's first guardian (password GUARDIAN_PASSWORD); returns their phone
    (their username) and portal token."""
    admin = api.token("admin")
    _, gs = api.get(admin, api.school_path(f"/students/{student}/guardians"), expect=200)
    gid, phone = gs["items"][0]["id"], gs["items"][0]["phone"]
    _, code = api.post(admin, api.school_path(f"/guardians/{gid}/activation-code"), expect=None)
    _, pair = api.post(None, "/api/v1/auth/activate", {"phone": phone, "code": code["code"], "password": GUARDIAN_PASSWORD}, expect=200)
    return phone, pair["access_token"]


def api_client(api, scopes, name="家校通 App"):
    """A client of the demo district for the demo school; returns (numeric id, client_id, secret)."""
    _, created = api.post(api.token("district"), api.district_path("/api-clients"),
                          {"name": name, "scopes": scopes, "school_ids": [api.school]}, expect=201)
    return created["client"]["id"], created["client"]["client_id"], created["client_secret"]


def app_login(api, client_id, secret, username, password=GUARDIAN_PASSWORD):
    return api.post(None, "/api/v1/auth/app-login",
                    {"client_id": client_id, "client_secret": secret, "username": username, "password": password})


def wait_until(predicate, timeout=10.0, interval=0.1, what="condition"):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(interval)


def client_session(api, client_id, secret, scope=None):
    """An OAuth2Session holding a client-credentials token (fetched by requests-oauthlib,
    the client authenticated by HTTP Basic)."""
    from oauthlib.oauth2 import BackendApplicationClient
    from requests_oauthlib import OAuth2Session

    session = OAuth2Session(client=BackendApplicationClient(client_id=client_id, scope=scope))
    session.fetch_token(token_url=api.base + "/api/v1/auth/token", client_id=client_id, client_secret=secret)
    return session
