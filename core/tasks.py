"""Sending the recorded mails (core.mail): retried with backoff, never lost, sent once.

How a mail gets out, whatever breaks:
- SMTP down for a while: `verstuur_mail` retries with exponential backoff (Celery's
  autoretry: 30 s doubling to 30 minutes, with jitter). When its retries are used up the
  mail stays waiting, and `mail_wachtrij_opnieuw` (every 10 minutes) queues it again, so a
  mail that is due goes out after an outage however long it lasted.
- Broker down at commit, or restarted while a retry waited: the mail is still `wachtrij` in
  the database, and the same periodic task queues it again once nothing has tried it for
  longer than any retry can wait.
- An error no retry can fix (a header with a line break, an address the server refuses for
  good): the mail is marked failed at once and functioneel beheer gets a notice without
  the mail's text (it may hold a personal link).
- Sent once: the row is locked while sending and a sent mail is never sent again. The one
  window for a double is when the SMTP server accepted the mail and the database failed
  to commit that right after; the next attempt then sends it again.
"""

import logging
import smtplib
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import BadHeaderError, EmailMessage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import Mailbericht, MailStatus

logger = logging.getLogger(__name__)

MAX_RETRIES = 8
# Seconds; settings only change them to run scripts/chaos_mail.py on a compressed clock.
RETRY_BACKOFF = settings.MAIL_RETRY_BACKOFF
RETRY_BACKOFF_MAX = settings.MAIL_RETRY_BACKOFF_MAX
# A mail that was never tried is queued again after this long (the broker was down).
OPNIEUW_NA = timedelta(seconds=settings.MAIL_OPNIEUW_NA)
# A mail tried before is queued again when no retry can still be waiting for it.
STIL_NA = timedelta(seconds=RETRY_BACKOFF_MAX + settings.MAIL_OPNIEUW_NA)
MELDING_ONDERWERP = "Mail kon niet worden verstuurd"


class TijdelijkeMailFout(Exception):
    """The SMTP server or the network failed in a way a later attempt can get past."""


def _is_blijvend(exc: Exception) -> bool:
    """True for errors that no retry fixes (the mail itself is wrong or refused for good)."""
    if isinstance(exc, BadHeaderError | ValueError | UnicodeError):
        return True
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _msg in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPConnectError | smtplib.SMTPServerDisconnected):
        return False
    if isinstance(exc, smtplib.SMTPResponseException):
        return exc.smtp_code >= 500
    return False


def _bericht(bericht: Mailbericht) -> EmailMessage:
    message = EmailMessage(
        subject=bericht.onderwerp,
        body=bericht.tekst,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[bericht.aan],
        # lets a mail server (and scripts/chaos_mail.py) see a resend of the same mail
        headers={**(bericht.headers or {}), "X-Kerngericht-Bericht": str(bericht.pk)},
    )
    for bijlage in bericht.bijlagen or []:
        message.attach(bijlage["naam"], bijlage["inhoud"], bijlage["mimetype"])
    return message


def _een_poging(mailbericht_id: int) -> str:
    """One attempt under the row lock. Raises TijdelijkeMailFout after recording it."""
    fout: Exception | None = None
    with transaction.atomic():
        bericht = Mailbericht.objects.select_for_update().get(pk=mailbericht_id)
        if bericht.status != MailStatus.IN_WACHTRIJ:
            return "al verzonden" if bericht.status == MailStatus.VERZONDEN else "mislukt"
        bericht.pogingen += 1
        bericht.laatste_poging_op = timezone.now()
        velden = ["pogingen", "laatste_poging_op", "laatste_fout", "status"]
        try:
            _bericht(bericht).send()
        except Exception as exc:
            bericht.laatste_fout = f"{type(exc).__name__}: {exc}"[:2000]
            if _is_blijvend(exc):
                bericht.status = MailStatus.MISLUKT
                bericht.save(update_fields=velden)
                transaction.on_commit(lambda: _beheer_melden(bericht), robust=True)
                logger.error("Mail %s blijvend mislukt: %s", bericht.pk, bericht.laatste_fout)
                return "mislukt"
            if not isinstance(exc, smtplib.SMTPException | ConnectionError | OSError):
                raise
            fout = exc
            bericht.save(update_fields=velden)
        else:
            bericht.status = MailStatus.VERZONDEN
            bericht.verzonden_op = bericht.laatste_poging_op
            bericht.laatste_fout = ""
            bericht.save(update_fields=[*velden, "verzonden_op"])
            return "verzonden"
    # Outside the transaction, so the attempt above is committed before the retry.
    raise TijdelijkeMailFout(bericht.laatste_fout) from fout


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(TijdelijkeMailFout,),
    max_retries=MAX_RETRIES,
    retry_backoff=RETRY_BACKOFF,
    retry_backoff_max=RETRY_BACKOFF_MAX,
    retry_jitter=True,
)
def verstuur_mail(self, mailbericht_id: int) -> str:
    """Send one recorded email. Safe to run twice: a sent message is not sent again."""
    return _een_poging(mailbericht_id)


def _beheer_melden(bericht: Mailbericht) -> None:
    """Tell functioneel beheer that a mail failed for good: recipient, subject and error,
    never the text. A notice that fails itself is only logged (no loop)."""
    if bericht.onderwerp.startswith(MELDING_ONDERWERP):
        return
    from accounts.models import Rol
    from accounts.selectors import emails_met_rol

    from .mail import mail_versturen

    for adres in emails_met_rol(Rol.FUNCTIONEEL_BEHEER):
        mail_versturen(
            aan=adres,
            onderwerp=f"{MELDING_ONDERWERP} (nr. {bericht.pk})",
            template="mail/mail_mislukt.txt",
            context={"bericht": bericht},
        )


@shared_task(acks_late=True)
def mail_wachtrij_opnieuw() -> int:
    """Periodic: queue again every waiting mail that nothing is trying any more (the broker
    was down at commit, was restarted while a retry waited, or the retries ran out during a
    long SMTP outage). With `verstuur_mail` skipping sent mails, nothing is lost or doubled."""
    nu = timezone.now()
    ids = list(
        Mailbericht.objects.filter(status=MailStatus.IN_WACHTRIJ)
        .filter(
            Q(laatste_poging_op__isnull=True, aangemaakt_op__lt=nu - OPNIEUW_NA)
            | Q(laatste_poging_op__lt=nu - STIL_NA)
        )
        .order_by("aangemaakt_op")
        .values_list("pk", flat=True)[:5000]
    )
    for pk in ids:
        verstuur_mail.delay(pk)
    return len(ids)


@shared_task(acks_late=True)
def persoonsgegevens_opruimen() -> dict:
    """Daily: anonymise or delete personal data past its term (core/privacy.py). Idempotent."""
    from .privacy import alles_opruimen

    return alles_opruimen()
