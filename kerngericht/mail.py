"""Sending email: one write path, recorded in Mailbericht, sent by Celery after commit."""

from django.db import transaction
from django.template.loader import render_to_string

from .models import Mailbericht


def mail_versturen(*, aan: str, onderwerp: str, template: str, context: dict) -> Mailbericht:
    """Record an email and queue it for sending once the surrounding transaction commits.

    `template` is a plain-text Django template (e.g. "initiatieven/mail/bevestigen.txt").
    """
    from .tasks import verstuur_mail

    tekst = render_to_string(template, context)
    bericht = Mailbericht.objects.create(aan=aan, onderwerp=onderwerp, tekst=tekst)
    transaction.on_commit(lambda: verstuur_mail.delay(bericht.pk))
    return bericht
