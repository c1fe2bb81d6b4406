"""Celery tasks of participatie (found by autodiscover_tasks), one module per concern."""

from participatie.trajecten.tasks import herinnering_versturen, herinneringen_versturen  # noqa: F401
from participatie.vragen.tasks import vragen_sweep  # noqa: F401
