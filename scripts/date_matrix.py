"""Run the clock-sensitive tests again at the moments where dates go wrong.

Each moment is passed to the suite in KG_TEST_NOW (see tests/klok.py); the tests freeze their
clock there. The browser journeys and the real-worker test are left out here: they run once in
the main run and take minutes each. Exit code is non-zero when any moment fails. The whole
suite runs at any moment too: `KG_TEST_NOW=... make test`.

    .venv/bin/python scripts/date_matrix.py                 # all moments
    .venv/bin/python scripts/date_matrix.py 2027-03-28T02:30+01:00   # one moment of your own
"""

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Amsterdam wall-clock times unless an offset is given.
MOMENTS = [
    "2026-12-31T23:30",  # last half hour of the year: UTC is still 22:30
    "2027-01-01T00:30",  # first half hour of the year: UTC is still 31 December
    "2027-03-28T03:30+02:00",  # spring night, just after 02:00 jumped to 03:00 (a 23-hour day)
    "2026-10-25T02:30+01:00",  # autumn night, second pass through 02:30 (a 25-hour day)
    "2027-06-30T23:30",  # last half hour of the first half year
    "2027-07-01T00:30",  # first half hour of the second half year
    "2028-02-29T12:00",  # leap day
]

# The tests whose outcome can depend on the date: budget years, voting periods, deadlines and
# reminders, half-year figures, link expiry, meetings. The access matrix, the property-based
# form tests and the browser journeys run once, in `make test`, on the default moment.
CLOCK_SENSITIVE = [
    "tests/budgetten",
    "tests/vragen",
    "tests/participatie/test_bijeenkomsten.py",
    "tests/participatie/test_bijeenkomst_annuleren.py",
    "tests/participatie/test_bijeenkomst_views.py",
    "tests/participatie/test_rules.py",
    "tests/monitoring/test_monitoring.py",
    "tests/monitoring/test_actiepunten.py",
    "tests/initiatieven/test_tasks.py",
    "tests/initiatieven/test_services.py",
    "tests/initiatieven/test_rules.py",
    "tests/initiatieven/test_views_inwoner.py",
    "tests/kernen/test_kern_voorpagina.py",
    "tests/test_links.py",
    "tests/test_mijn_links.py",
    "tests/test_mail.py",
    "tests/test_celery_schedule.py",
]

PYTEST_ARGS = [
    *CLOCK_SENSITIVE,
    "-q",
    "-p",
    "no:cacheprovider",
]


def main(argv: list[str]) -> int:
    moments = argv or MOMENTS
    workers = os.environ.get("DATE_MATRIX_WORKERS", "auto")
    failed = []
    for moment in moments:
        started = time.monotonic()
        print(f"\n=== KG_TEST_NOW={moment} ===", flush=True)
        result = subprocess.run(  # noqa: S603
            [sys.executable, "-m", "pytest", *PYTEST_ARGS, "-n", workers],
            cwd=ROOT,
            env={**os.environ, "KG_TEST_NOW": moment},
            check=False,
        )
        print(f"=== {moment}: exit {result.returncode}, {time.monotonic() - started:.0f} s ===")
        if result.returncode != 0:
            failed.append(moment)
    if failed:
        print("\nDatumcontrole MISLUKT op: " + ", ".join(failed))
        return 1
    print(f"\nDatumcontrole geslaagd op {len(moments)} momenten.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
