"""Celery tasks of meetings. They take ids, re-read state and are safe to run twice."""

from celery import shared_task
from django.utils import timezone

from . import rules, selectors, services


@shared_task(acks_late=True)
def herinnering_versturen(aanmelding_id: int) -> bool:
    return services.herinnering_versturen(aanmelding_id=aanmelding_id)


@shared_task(acks_late=True)
def bijeenkomst_herinneringen_versturen() -> int:
    """Periodic sweep (beat): remind everyone registered for a meeting that starts tomorrow.
    Each reminder is recorded once (BijeenkomstHerinnering, unique per registration)."""
    begin, eind = rules.herinnering_venster(nu=timezone.now())
    verstuurd = 0
    for aanmelding_id in list(selectors.herinneringen_te_versturen(begin=begin, eind=eind)):
        if services.herinnering_versturen(aanmelding_id=aanmelding_id):
            verstuurd += 1
    return verstuurd
