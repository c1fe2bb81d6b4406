from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.core.files.storage import default_storage
from django.utils import timezone

from core.models import Mailbericht
from initiatieven import tasks
from initiatieven.models import Bijlage, Initiatief
from tests.initiatieven.factories import BijlageFactory, InitiatiefFactory

pytestmark = pytest.mark.django_db


def test_beat_schedule_runs_the_expiry_task():
    entry = settings.CELERY_BEAT_SCHEDULE["initiatieven-onbevestigde-opruimen"]
    assert entry["task"] == tasks.onbevestigde_initiatieven_opruimen.name
    assert entry["schedule"] <= 24 * 60 * 60


def test_unconfirmed_submission_is_deleted_after_seven_days_with_files_and_mail(
    django_capture_on_commit_callbacks,
):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        oud = InitiatiefFactory(onbevestigd=True)
        mailbericht = Mailbericht.objects.create(aan=oud.email, onderwerp="x", tekst=oud.naam)
        oud.bevestigingsmail = mailbericht
        oud.save(update_fields=["bevestigingsmail"])
        bijlage = BijlageFactory(initiatief=oud)
        bevestigd = InitiatiefFactory()
    pad = bijlage.bestand.name
    assert default_storage.exists(pad)

    with time_machine.travel(start + timedelta(days=6, hours=23), tick=False):
        assert tasks.onbevestigde_initiatieven_opruimen() == 0
        assert Initiatief.objects.filter(pk=oud.pk).exists()

    with (
        time_machine.travel(start + timedelta(days=7, minutes=1), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert tasks.onbevestigde_initiatieven_opruimen.delay().get() == 1

    assert not Initiatief.objects.filter(pk=oud.pk).exists()
    assert not Bijlage.objects.filter(pk=bijlage.pk).exists()
    assert not Mailbericht.objects.filter(pk=mailbericht.pk).exists()
    assert not default_storage.exists(pad)
    assert Initiatief.objects.filter(pk=bevestigd.pk).exists()


def test_expiry_task_is_safe_to_run_twice():
    with time_machine.travel(timezone.now() - timedelta(days=8), tick=False):
        InitiatiefFactory(onbevestigd=True)
    assert tasks.onbevestigde_initiatieven_opruimen() == 1
    assert tasks.onbevestigde_initiatieven_opruimen() == 0
