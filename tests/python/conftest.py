"""Fixtures: every test runs once on SQLite and once on PostgreSQL (KEHOU_TEST_PG_URL, a
superuser URL; scripts/test starts a throwaway cluster and exports it), each against a
Kehou server of its own on a fresh database."""

import pytest

from kehou_harness import Api, Server, create_pg_database, drop_pg_database


@pytest.fixture(params=["sqlite", "postgres"])
def database(request, tmp_path):
    """A fresh, empty database URL of the backend the test runs on."""
    if request.param == "sqlite":
        yield str(tmp_path / "kehou.sqlite3")
    else:
        url = create_pg_database()
        yield url
        drop_pg_database(url)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def make_server(request, database, tmp_path):
    """Makes (not starts) servers on the test's database; stops them all at the end and, when
    the test failed, shows the end of their logs."""
    servers = []

    def make(env=None):
        s = Server(database, tmp_path, env)
        servers.append(s)
        return s

    yield make
    for s in servers:
        s.stop()
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        for s in servers:
            print(f"--- end of the server log {s.log_path}:\n{s.log()}")


@pytest.fixture
def server(make_server):
    return make_server().start()


@pytest.fixture
def api(server):
    return Api(server)
