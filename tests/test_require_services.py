"""CI sets REQUIRE_SERVICES=1: then a missing service stops the run instead of skipping tests."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _collect(**env):
    return subprocess.run(  # noqa: S603
        [sys.executable, "-m", "pytest", "tests/integration", "--collect-only", "-q",
         "-p", "no:cacheprovider"],
        cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_missing_services_fail_the_run_when_they_are_required():
    result = _collect(REQUIRE_SERVICES="1", DATABASE_URL="", REDIS_URL="")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "REQUIRE_SERVICES=1, maar deze diensten ontbreken" in output
    assert "postgres" in output and "redis" in output


def test_missing_services_only_skip_when_not_required():
    result = _collect(REQUIRE_SERVICES="", DATABASE_URL="", REDIS_URL="")
    assert result.returncode == 0, result.stdout + result.stderr
