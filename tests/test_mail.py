import smtplib

import pytest
from django.core import mail

from core.mail import mail_versturen
from core.models import Mailbericht, MailStatus
from core.tasks import MAX_RETRIES, verstuur_mail


@pytest.fixture
def bericht(db):
    return Mailbericht.objects.create(aan="inwoner@example.nl", onderwerp="Test", tekst="Hallo")


def test_mail_versturen_records_and_sends_after_commit(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        bericht = mail_versturen(
            aan="inwoner@example.nl",
            onderwerp="Uw links",
            template="mail/mijn_links.txt",
            context={"links": []},
        )
        assert len(mail.outbox) == 0  # nothing leaves before the transaction commits
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["inwoner@example.nl"]
    bericht.refresh_from_db()
    assert bericht.status == MailStatus.VERZONDEN


def test_sending_twice_sends_once(bericht):
    verstuur_mail.apply(args=[bericht.pk])
    verstuur_mail.apply(args=[bericht.pk])
    assert len(mail.outbox) == 1


class BrokenSMTPBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("server weg")


def test_temporary_smtp_error_is_retried_then_recorded_as_failed(bericht, settings, monkeypatch):
    settings.EMAIL_BACKEND = "tests.test_mail.BrokenSMTPBackend"
    settings.CELERY_TASK_EAGER_PROPAGATES = False
    # Eager mode runs the retries in-process; no real waiting for the backoff.
    result = verstuur_mail.apply(args=[bericht.pk])
    bericht.refresh_from_db()
    assert bericht.status == MailStatus.MISLUKT
    assert bericht.pogingen == MAX_RETRIES + 1
    assert "SMTPServerDisconnected" in bericht.laatste_fout
    assert result.result == "mislukt"


def test_messages_never_queued_are_sent_by_the_periodic_task(db):
    import time_machine

    from core.tasks import mail_wachtrij_opnieuw

    with time_machine.travel("2026-03-01 10:00 +0000", tick=False):
        vergeten = Mailbericht.objects.create(aan="a@example.nl", onderwerp="Oud", tekst="x")
        al_weg = Mailbericht.objects.create(
            aan="b@example.nl", onderwerp="Weg", tekst="x", status=MailStatus.VERZONDEN
        )
    with time_machine.travel("2026-03-01 10:05 +0000", tick=False):
        Mailbericht.objects.create(aan="c@example.nl", onderwerp="Vers", tekst="x")
    with time_machine.travel("2026-03-01 10:12 +0000", tick=False):
        assert mail_wachtrij_opnieuw() == 1
        assert mail_wachtrij_opnieuw() == 0  # sent now: not queued again
    assert [m.to for m in mail.outbox] == [["a@example.nl"]]
    vergeten.refresh_from_db()
    al_weg.refresh_from_db()
    assert vergeten.status == MailStatus.VERZONDEN
    assert al_weg.pogingen == 0


@pytest.mark.django_db(transaction=True)
def test_broker_down_at_commit_keeps_the_message_waiting_without_an_error(settings):
    """A resident's saved submission must not turn into an error page when the broker is
    unreachable; the message waits for mail_wachtrij_opnieuw."""
    from kerngericht.celery import app

    app.conf.task_always_eager = False
    old_url, old_options = app.conf.broker_url, app.conf.broker_transport_options
    app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens here
    app.conf.broker_transport_options = {"max_retries": 1, "interval_start": 0}
    app.conf.task_publish_retry = False
    app.conf.broker_connection_timeout = 1
    app._pool = None
    app.amqp._producer_pool = None
    try:
        bericht = mail_versturen(
            aan="inwoner@example.nl",
            onderwerp="Bevestig uw initiatief",
            template="mail/mijn_links.txt",
            context={"links": []},
        )  # autocommit: the on_commit hook runs here and must not raise
        with pytest.raises(Exception):  # noqa: B017 - kombu's OperationalError
            mail_versturen(
                aan="medewerker@example.nl",
                onderwerp="Herinnering",
                template="mail/mijn_links.txt",
                context={"links": []},
                luid_falen=True,
            )
    finally:
        app.conf.task_always_eager = True
        app.conf.broker_url, app.conf.broker_transport_options = old_url, old_options
        app.conf.task_publish_retry = True
        app._pool = None
        app.amqp._producer_pool = None
    bericht.refresh_from_db()
    assert bericht.status == MailStatus.IN_WACHTRIJ
    assert bericht.pogingen == 0
    assert len(mail.outbox) == 0
