"""Fixtures shared by the whole suite.

Real services: DATABASE_URL (PostgreSQL) and REDIS_URL come from the environment (.ci/run sets
them). Tests marked `postgres` or `redis` skip with a clear reason when the service is absent,
unless REQUIRE_SERVICES=1 (CI), where a missing service is a failure.
"""

import copy
import os
import socket
import uuid
from urllib.parse import urlparse

import pytest
import time_machine
from django.conf import settings
from django_otp.oath import totp

from tests.factories import DEMO_TOTP_KEY_HEX, KernFactory, MedewerkerFactory
from tests.klok import ENV_VAR, test_moment

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"
TEST_MOMENT = test_moment()
_session_clock = time_machine.travel(TEST_MOMENT, tick=True)


def pytest_configure(config):
    # Collection and module-level code see the test clock too, not the real date.
    _session_clock.start()
    # Subprocesses (the real Celery worker) start their clock at the same moment.
    os.environ[ENV_VAR] = TEST_MOMENT.isoformat()


def pytest_unconfigure(config):
    _session_clock.stop()


def pytest_report_header(config):
    return f"klok: {TEST_MOMENT.isoformat()} ({ENV_VAR}; zie tests/klok.py)"


@pytest.fixture(autouse=True)
def _test_clock():
    """Every test starts at the same moment, whatever the real date is."""
    with time_machine.travel(TEST_MOMENT, tick=True):
        yield


def _is_postgres() -> bool:
    return settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


def _redis_answers() -> bool:
    url = os.environ.get("REDIS_URL", "")
    if not url:
        return False
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or 6379), 2):
            return True
    except OSError:
        return False


def pytest_collection_modifyitems(config, items):
    missing = {}
    if not _is_postgres():
        missing["postgres"] = "needs PostgreSQL: set DATABASE_URL=postgres://..."
    if not _redis_answers():
        missing["redis"] = "needs Redis: set REDIS_URL=redis://127.0.0.1:6379/15"
    if REQUIRE_SERVICES and missing:
        needed = sorted(m for m in missing if any(m in item.keywords for item in items))
        if needed:
            # CI promises real services: a missing one fails the run instead of skipping tests.
            raise pytest.UsageError(
                "REQUIRE_SERVICES=1, maar deze diensten ontbreken: "
                + "; ".join(f"{m} ({missing[m]})" for m in needed)
            )
    for item in items:
        for marker, reason in missing.items():
            if marker in item.keywords:
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(autouse=True)
def _celery_join_flag():
    """Celery keeps "a task is running here" in one global, not per thread: eager tasks in the
    threaded concurrency tests can leave it set, and a later `.delay().get()` in the same
    process would refuse to block. Every test starts with it cleared."""
    from celery._state import _set_task_join_will_block

    _set_task_join_will_block(False)
    yield


@pytest.fixture(autouse=True)
def _own_cache_keys(settings):
    """Each test counts its own rate limits and caches its own pages: a fresh key prefix on
    the same (real) Redis, so nothing carries over from another test or an earlier run."""
    caches = copy.deepcopy(settings.CACHES)
    basis = caches["default"].get("KEY_PREFIX", "")
    caches["default"]["KEY_PREFIX"] = f"{basis}-{uuid.uuid4().hex[:12]}"
    settings.CACHES = caches


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _reset_axes(db):
    from axes.models import AccessAttempt, AccessFailureLog

    AccessAttempt.objects.all().delete()
    AccessFailureLog.objects.all().delete()


def current_code() -> str:
    return f"{totp(bytes.fromhex(DEMO_TOTP_KEY_HEX)):06d}"


@pytest.fixture
def kern(db):
    return KernFactory()


@pytest.fixture
def andere_kern(db):
    return KernFactory()


@pytest.fixture
def kernambtenaar(kern):
    return MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])


@pytest.fixture
def zonder_medewerker_cache(settings):
    """For tests that count what a staff list costs to make, not to fetch from the cache."""
    settings.MEDEWERKER_CACHE_SECONDEN = 0


@pytest.fixture
def signed_in(client):
    """Sign a user in through the real sign-in form (password and TOTP code)."""

    def _sign_in(user, the_client=None):
        c = the_client or client
        response = c.post(
            "/medewerker/inloggen/",
            {"username": user.username, "password": "wachtwoord-test-123", "code": current_code()},
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        return c

    return _sign_in
