"""Fixtures: every test runs once on SQLite and once on PostgreSQL (KEHOU_TEST_PG_URL, a
superuser URL; scripts/test starts a throwaway cluster and exports it), each against a
Kehou server of its own on a fresh database."""

import os

import pytest

from kehou_harness import Api, Server, create_pg_database, drop_pg_database

# Loopback test servers speak plain http://; oauthlib refuses that unless told.
os.environ.setdefault("OAUTHLIB_INSECURE_TRANSPORT", "1")


@pytest.fixture(params=["sqlite", "postgres"])
def database(request, tmp_path):
    """A fresh, empty database URL of the backend the test runs on."""
    if request.param == "sqlite":
        yield str(tmp_path / "kehou.sqlite3")
    else:
        url = create_pg_database()
        yield url
        drop_pg_database(url)


@pytest.fixture
def make_server(database, tmp_path):
    """Makes (not starts) servers on the test's database; stops them all at the end."""
    servers = []

    def make(env=None):
        s = Server(database, tmp_path, env)
        servers.append(s)
        return s

    yield make
    for s in servers:
        s.stop()


@pytest.fixture
def server(make_server):
    return make_server().start()


@pytest.fixture
def api(server):
    return Api(server)
