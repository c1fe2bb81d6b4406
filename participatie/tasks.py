"""Celery tasks of participatie (discovered by autodiscover_tasks); one module per concern."""

from participatie.trajecten.tasks import herinnering_versturen, herinneringen_versturen  # noqa: F401
