"""Settings for the real Celery worker that tests/integration starts as a subprocess.

The worker uses the test database the pytest process created (its name arrives in
KG_TEST_DB_NAME), runs tasks for real (no eager mode) and writes emails as files into
KG_MAIL_DIR, where the test reads them.
"""

import os

from kerngericht.settings_test import *  # noqa: F403
from kerngericht.settings_test import DATABASES

DATABASES["default"]["NAME"] = os.environ["KG_TEST_DB_NAME"]
DATABASES["default"]["CONN_MAX_AGE"] = 0
CELERY_TASK_ALWAYS_EAGER = False
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["KG_MAIL_DIR"]
# One queue per test run, so that no other worker on this Redis database takes the tasks.
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("KG_QUEUE", "celery")

# The worker runs on the same test clock as the pytest process that started it.
if os.environ.get("KG_TEST_NOW"):
    import time_machine

    from tests.klok import test_moment

    time_machine.travel(test_moment(), tick=True).start()
