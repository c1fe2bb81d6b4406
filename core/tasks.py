import smtplib
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from .models import Mailbericht, MailStatus

TEMPORARY_ERRORS = (smtplib.SMTPException, ConnectionError, TimeoutError, OSError)
MAX_RETRIES = 5


@shared_task(
    bind=True,
    acks_late=True,
    max_retries=MAX_RETRIES,
    retry_backoff=30,
    retry_backoff_max=1800,
    retry_jitter=True,
)
def verstuur_mail(self, mailbericht_id: int) -> str:
    """Send one recorded email. Safe to run twice: a sent message is not sent again."""
    with transaction.atomic():
        bericht = Mailbericht.objects.select_for_update().get(pk=mailbericht_id)
        if bericht.status == MailStatus.VERZONDEN:
            return "al verzonden"
        bericht.pogingen += 1
        try:
            message = EmailMessage(
                subject=bericht.onderwerp,
                body=bericht.tekst,
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[bericht.aan],
            )
            for bijlage in bericht.bijlagen or []:
                message.attach(bijlage["naam"], bijlage["inhoud"], bijlage["mimetype"])
            message.send()
        except TEMPORARY_ERRORS as exc:
            error = exc
            bericht.laatste_fout = f"{type(exc).__name__}: {exc}"[:2000]
            final = self.request.retries >= MAX_RETRIES
            bericht.status = MailStatus.MISLUKT if final else MailStatus.IN_WACHTRIJ
            bericht.save(update_fields=["pogingen", "laatste_fout", "status"])
            if final:
                return "mislukt"
        else:
            bericht.status = MailStatus.VERZONDEN
            bericht.verzonden_op = timezone.now()
            bericht.save(update_fields=["pogingen", "status", "verzonden_op"])
            return "verzonden"
    # Retry outside the transaction so the attempt count above is committed.
    raise self.retry(exc=error)


# A message still waiting without any attempt this long after it was recorded was never
# queued (the broker was down at commit time): queue it again.
OPNIEUW_NA = timedelta(minutes=10)


@shared_task(acks_late=True)
def mail_wachtrij_opnieuw() -> int:
    """Periodic: queue again every recorded email that never got a sending attempt.

    Together with `verstuur_mail` skipping messages already sent, no email is lost when the
    broker was unreachable, and none is sent twice."""
    grens = timezone.now() - OPNIEUW_NA
    ids = list(
        Mailbericht.objects.filter(
            status=MailStatus.IN_WACHTRIJ, pogingen=0, aangemaakt_op__lt=grens
        ).values_list("pk", flat=True)[:5000]
    )
    for pk in ids:
        verstuur_mail.delay(pk)
    return len(ids)
