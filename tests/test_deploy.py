import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "kerngericht.settings",
    "DEBUG": "0",
    "SECRET_KEY": "a-production-like-secret-key-of-sufficient-length-and-variety-0123456789-xyz",
    "ALLOWED_HOSTS": "kerngericht.buren.nl",
    "DATABASE_URL": "sqlite:////tmp/kerngericht-deploy-check.sqlite3",
}


def _manage(*args, env_extra=None):
    skip = {"DEBUG", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}  # set by tests/e2e
    env = {k: v for k, v in os.environ.items() if k not in skip}
    env.update(PRODUCTION_ENV | (env_extra or {}))
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_check_deploy_is_clean_with_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_server_refuses_to_start_without_secret_key():
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(PRODUCTION_ENV | {"SECRET_KEY": ""})
    result = subprocess.run(
        [sys.executable, "-c", "import kerngericht.wsgi"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "SECRET_KEY ontbreekt" in result.stderr


def test_migration_check_runs_without_secret_key():
    result = _manage("makemigrations", "--check", "--dry-run", env_extra={"SECRET_KEY": ""})
    assert result.returncode == 0, result.stdout + result.stderr


def test_demo_data_is_refused_in_production():
    result = _manage("demo_data")
    assert result.returncode != 0
    assert "nooit in productie" in result.stderr


@pytest.mark.django_db
def test_security_headers_are_sent(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
