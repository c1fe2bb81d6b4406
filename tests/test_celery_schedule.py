import inspect
import os
import subprocess
import sys
from pathlib import Path

from celery import current_app
from django.conf import settings


def test_every_beat_entry_points_at_a_registered_task_with_fitting_arguments():
    current_app.loader.import_default_modules()
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        task = current_app.tasks.get(entry["task"])
        assert task is not None, f"{name}: task {entry['task']} is not registered"
        signature = inspect.signature(task.run)
        signature.bind(*entry.get("args", ()), **entry.get("kwargs", {}))
        assert entry["schedule"], name


PRINT_EAGER = "from kerngericht import settings; print(settings.CELERY_TASK_ALWAYS_EAGER)"


def test_real_settings_do_not_run_tasks_eagerly():
    # Load the real settings in a clean process: eager mode would hide commit-order bugs.
    env = {k: v for k, v in os.environ.items() if not k.startswith("CELERY_")}
    env.update(DJANGO_SETTINGS_MODULE="kerngericht.settings", DEBUG="1")
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from kerngericht import settings; print(settings.CELERY_TASK_ALWAYS_EAGER)",
        ],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.stdout.strip() == "False", result.stderr
