"""Celery tasks of participatie, one module per concern (found by autodiscover_tasks)."""

from participatie.vragen.tasks import vragen_sweep  # noqa: F401
