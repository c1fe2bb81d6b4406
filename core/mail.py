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


def onderwerp_schoon(onderwerp: str) -> str:
    """A subject fit for a mail header: one line (a title typed by a resident may hold line
    breaks, which SMTP would refuse), no longer than the field."""
    return " ".join(str(onderwerp).split())[:200]


def mail_versturen(
    *,
    aan: str,
    onderwerp: str,
    template: str,
    context: dict,
    bijlagen: list[Bijlage] | None = None,
    headers: dict[str, str] | None = None,
    luid_falen: bool = False,
) -> Mailbericht:
    """Record an email and queue it for sending once the surrounding transaction commits.

    `template` is a plain-text Django template (e.g. "initiatieven/mail/bevestigen.txt").
    `bijlagen` (optional) are text attachments sent with it; `headers` (optional) extra
    header lines such as List-Unsubscribe.

    When the broker cannot be reached at commit time the message stays recorded as waiting
    and `core.tasks.mail_wachtrij_opnieuw` queues it again later; by default the error
    is only logged, so a resident whose submission was saved does not get an error page.
    Periodic tasks pass `luid_falen=True` to fail loudly instead.
    """
    from .tasks import verstuur_mail

    tekst = render_to_string(template, context)
    bericht = Mailbericht.objects.create(
        aan=aan.strip(),
        onderwerp=onderwerp_schoon(onderwerp),
        tekst=tekst,
        bijlagen=[asdict(b) for b in bijlagen or []],
        headers=dict(headers or {}),
    )
    transaction.on_commit(lambda: verstuur_mail.delay(bericht.pk), robust=not luid_falen)
    return bericht
