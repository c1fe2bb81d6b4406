from celery import shared_task

from .herinneringen import herinneringen_versturen

SWEEP_TASK = "vragen.herinneringen_versturen"


@shared_task(name=SWEEP_TASK, acks_late=True, time_limit=600, soft_time_limit=540)
def vragen_sweep() -> dict:
    """Periodic sweep; no retries of its own: the next run (15 minutes later) catches up.
    An error (database or broker down) propagates, so Celery logs it loudly."""
    resultaat = herinneringen_versturen()
    return {"ronde": str(resultaat.ronde), "nieuw": resultaat.nieuw, "mails": resultaat.mails}
