from celery import shared_task

from . import services


@shared_task(acks_late=True)
def onbevestigde_initiatieven_opruimen() -> int:
    """Periodic (CELERY_BEAT_SCHEDULE): delete submissions not confirmed within 7 days.
    Safe to run twice or on several workers: the service locks and re-reads."""
    return services.onbevestigde_initiatieven_verwijderen()
