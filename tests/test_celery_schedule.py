import inspect

from celery import current_app
from django.conf import settings
from django.utils.module_loading import import_string


def test_every_beat_entry_points_at_a_registered_task_with_fitting_arguments():
    current_app.loader.import_default_modules()
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        task = current_app.tasks.get(entry["task"])
        assert task is not None, f"{name}: task {entry['task']} is not registered"
        signature = inspect.signature(task.run)
        signature.bind(*entry.get("args", ()), **entry.get("kwargs", {}))
        assert entry["schedule"], name


def test_real_settings_do_not_run_tasks_eagerly():
    source = inspect.getsource(import_string("kerngericht.settings"))
    assert 'CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)' in source
