"""Test settings: the real settings with the few things a test run needs changed.

Database and Redis still come from DATABASE_URL / REDIS_URL (real PostgreSQL and Redis in CI).
"""

import os

os.environ.setdefault(
    "SECRET_KEY", "test-only-secret-key-that-is-long-enough-for-django-checks-0123"
)

from .settings import *  # noqa: E402,F403
from .settings import STORAGES  # noqa: E402

ALLOWED_HOSTS = ["*"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tasks run in-process in ordinary tests; tests/integration runs a real worker on Redis.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
# Serve static files straight from the finders, so the suite needs no collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Parallel test workers (pytest-xdist) share one Redis: keep their cache keys apart.
CACHES["default"]["KEY_PREFIX"] = os.environ.get("PYTEST_XDIST_WORKER", "")  # noqa: F405
# Rate limits are off for the suite (property tests post a form many times); the tests of
# the limits themselves switch them on (tests/core/test_beveiliging.py).
RATELIMIT_ENABLE = False
# The open-data API's per-address limit likewise (tests/opendata switches it on).
API_ANONIEM_LIMIET = ""
