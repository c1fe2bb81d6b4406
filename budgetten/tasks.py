"""Celery tasks of budgetten. They re-read state and are safe to run twice."""

from celery import shared_task

from . import services


@shared_task(acks_late=True)
def stembiljetten_anonimiseren() -> int:
    """Daily (beat): anonymise the ballots of rounds divided more than 30 days ago."""
    return services.stembiljetten_anonimiseren()


@shared_task(acks_late=True)
def stemrondes_sluiten() -> int:
    """Hourly (beat): close rounds past their last voting day; tell the kernambtenaren once."""
    return services.stemrondes_automatisch_sluiten()


@shared_task(acks_late=True)
def stem_herinneringen() -> int:
    """Hourly (beat): one reminder to voters who did not confirm within two days."""
    return services.stem_herinneringen_versturen()
