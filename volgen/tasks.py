from celery import shared_task

from .services import weekmails_versturen

WEEKMAIL_TASK = "volgen.weekmails_versturen"


@shared_task(name=WEEKMAIL_TASK, acks_late=True, time_limit=600, soft_time_limit=540)
def weekmails() -> dict:
    """Hourly; sends each week's digest once (from Monday 07:00), so a missed run catches up
    at the next one. No retries of its own: an error propagates and Celery logs it."""
    resultaat = weekmails_versturen()
    return {"periode": resultaat.periode.isoformat(), "mails": resultaat.mails}
