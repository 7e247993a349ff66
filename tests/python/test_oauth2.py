"""Client credentials (RFC 6749 §4.4) at /api/v1/auth/token, driven by a standard OAuth2
library (requests-oauthlib over oauthlib), as a district system or a parent app back end
would: client authentication by HTTP Basic and in the body, the RFC 6749 §5.2 errors a
library understands, and secret rotation with and without an overlap."""

import pytest
from oauthlib.oauth2 import BackendApplicationClient, LegacyApplicationClient
from oauthlib.oauth2.rfc6749.errors import InvalidClientError, InvalidScopeError, UnsupportedGrantTypeError
from requests_oauthlib import OAuth2Session

from kehou_harness import api_client


class Exchange:
    """An OAuth2Session that remembers the token endpoint's raw answers (status, body)."""

    def __init__(self, api, client):
        self.url = api.base + "/api/v1/auth/token"
        self.session = OAuth2Session(client=client)
        self.answers = []
        self.session.register_compliance_hook("access_token_response", self._record)

    def _record(self, response):
        self.answers.append((response.status_code, response.headers.get("content-type", ""), response.json()))
        return response

    def fetch(self, **kw):
        return self.session.fetch_token(token_url=self.url, **kw)

    @property
    def last(self):
        return self.answers[-1]


def client_credentials(api, client_id, secret, *, in_body=False, scope=None):
    """A token for the client: by HTTP Basic (the library's default) or in the body."""
    ex = Exchange(api, BackendApplicationClient(client_id=client_id, scope=scope))
    if in_body:
        token = ex.fetch(client_id=client_id, client_secret=secret, include_client_id=True)
    else:
        token = ex.fetch(client_id=client_id, client_secret=secret)
    return ex, token


def refused(api, client_id, secret, exc):
    ex = Exchange(api, BackendApplicationClient(client_id=client_id))
    with pytest.raises(exc):
        ex.fetch(client_id=client_id, client_secret=secret)
    return ex.last


def as_set(scope):
    return set(scope.split() if isinstance(scope, str) else scope)


@pytest.mark.parametrize("in_body", [False, True], ids=["basic", "body"])
def test_client_credentials_token_calls_the_api(api, in_body):
    school = api.school
    numeric, client_id, secret = api_client(api, ["roster:read"], name="区学籍同步")
    ex, token = client_credentials(api, client_id, secret, in_body=in_body)
    status, content_type, body = ex.last
    assert status == 200 and content_type.startswith("application/json")
    assert body["token_type"] == "Bearer"
    assert body["scope"] == "roster:read"
    assert isinstance(body["expires_in"], int) and body["expires_in"] > 0
    assert token["access_token"] == body["access_token"]
    assert as_set(token["scope"]) == {"roster:read"}

    # The session sends the token as a bearer token.
    me = ex.session.get(api.base + "/api/v1/me")
    assert me.status_code == 200, me.text
    assert me.json()["kind"] == "client"
    assert me.json()["user_id"] == numeric
    assert me.json()["scopes"] == ["roster:read"]
    students = ex.session.get(api.base + f"/api/v1/schools/{school}/students", params={"limit": 2})
    assert students.status_code == 200, students.text
    assert len(students.json()["items"]) == 2


def test_a_token_may_ask_for_a_subset_of_the_scopes(api):
    _, client_id, secret = api_client(api, ["roster:read", "audit:read"], name="区数据平台")
    ex, token = client_credentials(api, client_id, secret, scope=["roster:read"])
    assert ex.last[2]["scope"] == "roster:read"
    assert as_set(token["scope"]) == {"roster:read"}
    _, token = client_credentials(api, client_id, secret, in_body=True)
    assert as_set(token["scope"]) == {"roster:read", "audit:read"}
    # A scope the client was not given is refused.
    ex = Exchange(api, BackendApplicationClient(client_id=client_id, scope=["roster:write"]))
    with pytest.raises(InvalidScopeError):
        ex.fetch(client_id=client_id, client_secret=secret)
    assert (ex.last[0], ex.last[2]["error"]) == (400, "invalid_scope")


def test_token_errors_are_rfc6749_errors(api):
    _, client_id, secret = api_client(api, ["roster:read"])

    status, content_type, body = refused(api, client_id, secret + "x", InvalidClientError)
    assert status == 401
    assert content_type.startswith("application/problem+json")
    assert body["error"] == "invalid_client"
    assert body["code"]  # the problem document's own stable code is there too
    status, _, body = refused(api, "kh_no_such_client", secret, InvalidClientError)
    assert (status, body["error"]) == (401, "invalid_client")

    # Another grant type (here the password grant, as LegacyApplicationClient sends it).
    ex = Exchange(api, LegacyApplicationClient(client_id=client_id))
    with pytest.raises(UnsupportedGrantTypeError):
        ex.fetch(username="admin", password="Kehou@2026", client_id=client_id, client_secret=secret)
    status, content_type, body = ex.last
    assert status == 400
    assert content_type.startswith("application/problem+json")
    assert body["error"] == "unsupported_grant_type"


def test_secret_rotation_overlaps_then_ends_at_once(api):
    numeric, client_id, first = api_client(api, ["roster:read"])
    district = api.token("district")

    _, rotated = api.post(district, api.district_path(f"/api-clients/{numeric}/rotate-secret"), {"overlap_seconds": 3600}, expect=200)
    second = rotated["client_secret"]
    assert second != first
    assert rotated["client"]["id"] == numeric and rotated["client"]["client_id"] == client_id
    # During the overlap both secrets work, by either kind of client authentication.
    for secret in (first, second):
        for in_body in (False, True):
            ex, _ = client_credentials(api, client_id, secret, in_body=in_body)
            assert ex.last[0] == 200

    _, rotated = api.post(district, api.district_path(f"/api-clients/{numeric}/rotate-secret"), {"overlap_seconds": 0}, expect=200)
    third = rotated["client_secret"]
    assert third not in (first, second)
    for old in (first, second):
        status, _, body = refused(api, client_id, old, InvalidClientError)
        assert (status, body["error"]) == (401, "invalid_client")
    ex, token = client_credentials(api, client_id, third)
    assert ex.session.get(api.base + "/api/v1/me").status_code == 200
