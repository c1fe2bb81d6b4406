"""Sending email: one write path, recorded in Mailbericht, sent by Celery after commit."""

from dataclasses import asdict, dataclass

from django.db import transaction
from django.template.loader import render_to_string

from .models import Mailbericht


@dataclass(frozen=True)
class Bijlage:
    """A text attachment (an iCalendar file, a CSV), stored with the Mailbericht."""

    naam: str
    mimetype: str
    inhoud: str


def mail_versturen(
    *,
    aan: str,
    onderwerp: str,
    template: str,
    context: dict,
    bijlagen: list[Bijlage] | None = None,
) -> Mailbericht:
    """Record an email and queue it for sending once the surrounding transaction commits.

    `template` is a plain-text Django template (e.g. "initiatieven/mail/bevestigen.txt").
    `bijlagen` (optional) are text attachments sent with it.
    """
    from .tasks import verstuur_mail

    tekst = render_to_string(template, context)
    bericht = Mailbericht.objects.create(
        aan=aan,
        onderwerp=onderwerp,
        tekst=tekst,
        bijlagen=[asdict(b) for b in bijlagen or []],
    )
    transaction.on_commit(lambda: verstuur_mail.delay(bericht.pk))
    return bericht
