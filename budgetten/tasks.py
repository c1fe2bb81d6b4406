"""Celery tasks of budgetten. They re-read state and are safe to run twice."""

from celery import shared_task

from . import services


@shared_task(acks_late=True)
def stembiljetten_anonimiseren() -> int:
    """Daily (beat): anonymise the ballots of rounds divided more than 30 days ago."""
    return services.stembiljetten_anonimiseren()
