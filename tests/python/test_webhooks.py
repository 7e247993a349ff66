"""Webhooks and the event feed as an integrator meets them: deliveries to a local receiver,
each verified with the `standardwebhooks` package; retries with growing gaps; delivery
exactly once across a restart; replay; secret rotation; and the feed `GET /api/v1/events`
read by a guardian (through a parent app) and by a district client."""

import collections
import datetime as dt
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

from kehou_harness import (
    Api,
    activate_guardian,
    api_client,
    app_login,
    application,
    client_session,
    open_term,
    wait_until,
)

EVENT_TYPES = {
    "application.submitted",
    "application.class_reviewed",
    "application.returned",
    "application.approved",
    "application.rejected",
    "application.withdrawn",
    "application.queue_moved",
    "notice.published",
}


class Received:
    def __init__(self, at, path, headers, body):
        self.at, self.path, self.headers, self.body = at, path, headers, body

    @property
    def id(self):
        return self.headers.get("webhook-id")

    def json(self):
        return json.loads(self.body)


class Receiver:
    """An HTTP receiver on 127.0.0.1 that records every request; it answers 500 to the
    first `fail_first` requests and 200 after."""

    def __init__(self, fail_first=0):
        self.fail_first = fail_first
        self.received = []
        self.cond = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("content-length") or 0))
                with receiver.cond:
                    receiver.received.append(
                        Received(time.monotonic(), self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                    )
                    failing = len(receiver.received) <= receiver.fail_first
                    receiver.cond.notify_all()
                self.send_response(500 if failing else 200)
                self.send_header("content-type", "text/plain")
                self.send_header("content-length", "2")
                self.end_headers()
                self.wfile.write(b"no" if failing else b"ok")

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def wait(self, predicate, timeout=15.0, what="a delivery"):
        """Waits until predicate(list of requests) is true; returns the requests."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while not predicate(self.received):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"timed out after {timeout} s waiting for {what}; got {self.summary()}")
                self.cond.wait(left)
            return list(self.received)

    def of_event(self, event_id):
        with self.cond:
            return [r for r in self.received if r.id == event_id]

    def summary(self):
        return [(r.id, r.headers.get("webhook-timestamp"), r.body[:120]) for r in self.received]

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def receivers():
    made = []

    def make(fail_first=0):
        r = Receiver(fail_first)
        made.append(r)
        return r

    yield make
    for r in made:
        r.close()


def subscribe(api, receiver, event_types=(), scopes=("events:read",)):
    """A district client with `events:read` and a webhook endpoint of it; returns (endpoint, secret)."""
    numeric, _, _ = api_client(api, list(scopes), name="区数据平台")
    s, created = api.post(
        api.token("district"),
        api.district_path("/webhooks"),
        {"api_client_id": numeric, "url": receiver.url, "event_types": list(event_types)},
    )
    assert s == 201, created
    endpoint, secret = created["endpoint"], created["secret"]
    assert secret.startswith("whsec_")
    assert {"id", "api_client_id", "url", "event_types", "disabled", "version", "created_at"} <= endpoint.keys()
    assert (endpoint["api_client_id"], endpoint["url"], endpoint["disabled"]) == (numeric, receiver.url, False)
    return endpoint, secret


def apply_for(api, term, plan, agreement, student, token=None):
    _, a = api.post(token or api.token("admin"), api.school_path("/applications"),
                    application(term, plan, agreement, student), expect=201)
    return a


def deliveries(api, endpoint_id):
    items, cursor = [], None
    while True:
        params = {"limit": 100, **({"cursor": cursor} if cursor else {})}
        _, page = api.get(api.token("district"), api.district_path(f"/webhooks/{endpoint_id}/deliveries"), params=params, expect=200)
        items += page["items"]
        cursor = page.get("next_cursor")
        if not cursor:
            return items


def verified(secret, request):
    """The event of a delivery, after its signature is verified with the endpoint's secret."""
    return Webhook(secret).verify(request.body, request.headers)


def submitted_of(requests, application_id):
    return [r for r in requests if r.json().get("type") == "application.submitted"
            and r.json().get("data", {}).get("application_id") == application_id]


def delivery_of(receiver, application_id):
    """The one delivery of the application's `application.submitted` event (waited for)."""
    got = receiver.wait(lambda rs: submitted_of(rs, application_id), what=f"application {application_id} submitted")
    [r] = submitted_of(got, application_id)
    return r


def test_a_delivery_arrives_and_verifies(api, receivers):
    receiver = receivers()
    term, plan, agreement = open_term(api)
    endpoint, secret = subscribe(api, receiver)
    _, listed = api.get(api.token("district"), api.district_path("/webhooks"), expect=200)
    assert endpoint["id"] in [e["id"] for e in listed["items"]]
    assert secret not in json.dumps(listed), "the secret is shown once, at creation"

    a = apply_for(api, term, plan, agreement, 7)
    got = receiver.wait(lambda rs: submitted_of(rs, a["id"]), what="application.submitted")
    for r in got:
        event = verified(secret, r)  # every delivery verifies
        assert r.path == "/hook"
        assert r.headers["content-type"].startswith("application/json")
        assert event["id"] == r.id and event["id"].startswith("evt_")
        assert event["type"] in EVENT_TYPES
        assert dt.datetime.fromisoformat(event["timestamp"].replace("Z", "+00:00")).tzinfo is not None
    [r] = submitted_of(got, a["id"])
    event = r.json()
    assert event["data"]["school_id"] == api.school
    assert event["data"]["student_id"] == 7
    assert event["data"]["status"] == "submitted"
    assert abs(int(r.headers["webhook-timestamp"]) - time.time()) < 300
    with pytest.raises(WebhookVerificationError):
        Webhook("whsec_" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=").verify(r.body, r.headers)


def test_a_failing_receiver_gets_it_on_the_third_attempt(api, receivers):
    receiver = receivers(fail_first=2)
    term, plan, agreement = open_term(api)
    endpoint, secret = subscribe(api, receiver, ["application.submitted"])
    a = apply_for(api, term, plan, agreement, 8)
    got = receiver.wait(lambda rs: len(rs) >= 3, what="three attempts")
    assert len({r.id for r in got}) == 1, "one event, attempted three times"
    for r in got:
        assert verified(secret, r)["data"]["application_id"] == a["id"]
    gap1, gap2 = got[1].at - got[0].at, got[2].at - got[1].at
    assert gap1 >= 0.2, f"first retry after {gap1:.3f} s (base 300 ms)"
    assert gap2 >= 0.9 * gap1, f"gaps grow: {gap1:.3f} s then {gap2:.3f} s"

    def succeeded():
        log = [d for d in deliveries(api, endpoint["id"]) if d["event_id"] == got[0].id]
        return log if log and log[0]["status"] == "succeeded" else None

    [d] = wait_until(succeeded, timeout=5, what="the delivery log to say succeeded")
    assert d["attempts"] == 3
    assert d["last_status_code"] == 200
    assert d["event_type"] == "application.submitted"
    assert d["delivered_at"] is not None
    time.sleep(1.5)
    assert len(receiver.of_event(got[0].id)) == 3, "no attempt after the success"


def test_an_event_of_a_stopped_worker_is_delivered_once_after_a_restart(make_server, receivers):
    receiver = receivers()
    server = make_server().start(env={"KEHOU_WEBHOOK_WORKER": "off"})
    api = Api(server)
    term, plan, agreement = open_term(api)
    endpoint, secret = subscribe(api, receiver)
    a = apply_for(api, term, plan, agreement, 10)
    time.sleep(1.0)
    assert receiver.received == [], "the worker is off: nothing is sent"
    pending = [d for d in deliveries(api, endpoint["id"]) if d["event_type"] == "application.submitted"]
    assert [d["status"] for d in pending] == ["pending"]

    server.stop()  # SIGTERM
    server.start()  # the same database, the worker on
    got = receiver.wait(lambda rs: submitted_of(rs, a["id"]), what="the event after the restart")
    time.sleep(3.0)  # a duplicate would come in this time
    counts = collections.Counter(r.id for r in receiver.received)
    assert counts and set(counts.values()) == {1}, f"each webhook-id once: {counts}"
    [r] = submitted_of(got, a["id"])
    assert verified(secret, r)["id"] == pending[0]["event_id"]


def read_feed(get, **params):
    """Every item of the feed, page by page (`next_cursor` sent back as `cursor`)."""
    items, cursor = [], None
    for _ in range(1000):
        r = get("/api/v1/events", params={**params, **({"cursor": cursor} if cursor else {})})
        assert r.status_code == 200, r.text
        page = r.json()
        items += page["items"]
        cursor = page.get("next_cursor")
        if not cursor:
            return items
    raise AssertionError("the feed does not end")


def test_the_feed_shows_a_guardian_their_children_and_a_district_client_its_school(api):
    import requests

    term, plan, agreement = open_term(api)
    _, app_id, app_secret = api_client(api, ["guardians:sign_in", "events:read"])
    tokens = {}
    for student in (5, 6):
        phone, _ = activate_guardian(api, student)
        s, pair = app_login(api, app_id, app_secret, phone)
        assert s == 200, pair
        tokens[student] = pair["access_token"]
    mine = apply_for(api, term, plan, agreement, 5, token=tokens[5])
    theirs = apply_for(api, term, plan, agreement, 6, token=tokens[6])
    api.post(api.token("admin"), api.school_path(f"/applications/{theirs['id']}/withdraw"), {}, expect=200)

    guardian = requests.Session()
    guardian.headers["Authorization"] = f"Bearer {tokens[5]}"
    feed = read_feed(lambda p, **kw: guardian.get(api.base + p, **kw), limit=2)
    assert feed, "the guardian sees their child's events"
    assert all(item["data"].get("student_id") in (None, 5) for item in feed), feed
    assert theirs["id"] not in [item["data"].get("application_id") for item in feed]
    assert "application.submitted" in [i["type"] for i in feed if i["data"].get("application_id") == mine["id"]]
    assert all(item["data"]["school_id"] == api.school for item in feed)

    _, client_id, secret = api_client(api, ["events:read"], name="区数据平台")
    district = client_session(api, client_id, secret)
    get = lambda p, **kw: district.get(api.base + p, **kw)  # noqa: E731
    feed = read_feed(get, limit=100)
    assert {5, 6} <= {item["data"].get("student_id") for item in feed}
    assert all(item["data"]["school_id"] == api.school for item in feed)
    assert all(item["type"] in EVENT_TYPES for item in feed)
    ids = [item["id"] for item in feed]
    assert len(ids) == len(set(ids)), "no event twice"
    assert {"application.submitted", "application.withdrawn", "notice.published"} <= {i["type"] for i in feed}
    # Paging one by one gives the same items; polling `after` an event id gives those after
    # it; a type filter keeps only those types.
    assert [i["id"] for i in read_feed(get, limit=1)] == ids
    assert [i["id"] for i in read_feed(get, after=ids[0])] == ids[1:]
    assert read_feed(get, after=ids[-1]) == []
    only = read_feed(get, types="application.withdrawn,notice.published")
    assert only and {i["type"] for i in only} == {"application.withdrawn", "notice.published"}
    assert [i["id"] for i in only] == [i["id"] for i in feed if i["type"] in {"application.withdrawn", "notice.published"}]


def test_a_replay_redelivers_with_the_same_webhook_id(api, receivers):
    receiver = receivers()
    term, plan, agreement = open_term(api)
    endpoint, secret = subscribe(api, receiver, ["application.submitted"])
    a = apply_for(api, term, plan, agreement, 11)
    first = delivery_of(receiver, a["id"])
    [d] = wait_until(lambda: [d for d in deliveries(api, endpoint["id"]) if d["event_id"] == first.id and d["status"] == "succeeded"],
                     timeout=5, what="the delivery to succeed")
    s, replayed = api.post(api.token("district"), api.district_path(f"/webhooks/{endpoint['id']}/deliveries/{d['id']}/replay"), {})
    assert s == 202, replayed
    assert replayed["event_id"] == first.id
    again = receiver.wait(lambda rs: len([r for r in rs if r.id == first.id]) >= 2, what="the replay")
    replay = [r for r in again if r.id == first.id][1]
    assert verified(secret, replay) == verified(secret, first)


def test_after_a_secret_rotation_deliveries_verify_with_both_secrets(api, receivers):
    receiver = receivers()
    term, plan, agreement = open_term(api)
    endpoint, old = subscribe(api, receiver, ["application.submitted"])
    a = apply_for(api, term, plan, agreement, 12)
    r = delivery_of(receiver, a["id"])
    verified(old, r)

    district = api.token("district")
    rotate = api.district_path(f"/webhooks/{endpoint['id']}/rotate-secret")
    _, rotated = api.post(district, rotate, {"overlap_seconds": 3600}, expect=200)
    new = rotated["secret"]
    assert new.startswith("whsec_") and new != old
    assert rotated["endpoint"]["id"] == endpoint["id"]
    b = apply_for(api, term, plan, agreement, 13)
    r = delivery_of(receiver, b["id"])
    assert len(r.headers["webhook-signature"].split(" ")) >= 2, r.headers["webhook-signature"]
    assert verified(new, r) == verified(old, r)

    # Without an overlap the old secret stops at once.
    _, rotated = api.post(district, rotate, {"overlap_seconds": 0}, expect=200)
    newest = rotated["secret"]
    c = apply_for(api, term, plan, agreement, 14)
    r = delivery_of(receiver, c["id"])
    verified(newest, r)
    for stale in (old, new):
        with pytest.raises(WebhookVerificationError):
            verified(stale, r)
