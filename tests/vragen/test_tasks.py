from datetime import timedelta

import pytest
from django.conf import settings

from kerngericht.celery import app
from vragen.tasks import SWEEP_TASK, vragen_sweep


def test_beat_schedule_runs_the_sweep_every_15_minutes():
    entry = settings.CELERY_BEAT_SCHEDULE["vragen-herinneringen"]
    assert entry["task"] == SWEEP_TASK
    assert entry["schedule"] == 15 * 60
    app.loader.import_default_modules()
    assert SWEEP_TASK in app.tasks


@pytest.mark.django_db
def test_sweep_task_runs_and_reports(doorgestuurd):
    import time_machine

    vraag = doorgestuurd()
    with time_machine.travel(vraag.deadline + timedelta(minutes=1)):
        uitkomst = vragen_sweep.apply().get()
    assert uitkomst["nieuw"]["herinnering"] == 1


def test_unsent_reminder_emails_are_queued_again_by_the_outbox_task():
    """The sweep does not re-queue its own digests (docs/decisions/0007): it relies on the
    project's periodic outbox task, which must stay scheduled at least as often as the sweep."""
    from core.tasks import mail_wachtrij_opnieuw

    entry = settings.CELERY_BEAT_SCHEDULE["mail-wachtrij-opnieuw"]
    assert entry["task"] == mail_wachtrij_opnieuw.name
    assert entry["schedule"] <= settings.CELERY_BEAT_SCHEDULE["vragen-herinneringen"]["schedule"]
