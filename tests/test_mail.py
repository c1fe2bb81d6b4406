import smtplib
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from core.mail import mail_versturen
from core.models import Mailbericht, MailStatus
from core.tasks import MAX_RETRIES, TijdelijkeMailFout, mail_wachtrij_opnieuw, verstuur_mail


@pytest.fixture
def retries_in_proces():
    """Eager retries run one after the other in this process; the final error stays in the
    result instead of failing the test (Celery reads this from its app config)."""
    from kerngericht.celery import app

    app.conf.task_eager_propagates = False
    yield
    app.conf.task_eager_propagates = True


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


def test_temporary_smtp_error_is_retried_with_backoff_and_the_mail_keeps_waiting(
    bericht, settings, retries_in_proces
):
    settings.EMAIL_BACKEND = "tests.test_mail.BrokenSMTPBackend"
    # Eager mode runs the retries in-process (no backoff wait); throw=False keeps the error.
    result = verstuur_mail.apply(args=[bericht.pk], throw=False)
    bericht.refresh_from_db()
    assert bericht.status == MailStatus.IN_WACHTRIJ  # not given up: the outbox tries again
    assert bericht.pogingen == MAX_RETRIES + 1
    assert "SMTPServerDisconnected" in bericht.laatste_fout
    assert isinstance(result.result, TijdelijkeMailFout)


def test_the_backoff_settings_apply(bericht):
    """autoretry_for with retry_backoff: waits grow from 30 s to at most 30 minutes."""
    from celery.utils.time import get_exponential_backoff_interval

    assert verstuur_mail.autoretry_for == (TijdelijkeMailFout,)
    assert verstuur_mail.retry_backoff == 30
    assert verstuur_mail.retry_backoff_max == 30 * 60
    waits = [
        get_exponential_backoff_interval(factor=30, retries=n, maximum=1800, full_jitter=False)
        for n in range(MAX_RETRIES)
    ]
    assert waits[:4] == [30, 60, 120, 240]
    assert max(waits) == 1800


def test_a_mail_is_delivered_after_a_long_smtp_outage(bericht, settings, retries_in_proces):
    """Retries used up during a 3-hour outage: the outbox queues the mail again once no
    retry can be waiting, and it goes out once, after SMTP is back."""
    with time_machine.travel("2026-03-01 10:00 +0000", tick=False):
        settings.EMAIL_BACKEND = "tests.test_mail.BrokenSMTPBackend"
        verstuur_mail.apply(args=[bericht.pk], throw=False)
    with time_machine.travel("2026-03-01 10:30 +0000", tick=False):
        assert mail_wachtrij_opnieuw() == 0  # a retry may still be waiting in the broker
    with time_machine.travel("2026-03-01 12:00 +0000", tick=False):
        assert mail_wachtrij_opnieuw() == 1  # still down: tried again, still waiting
    bericht.refresh_from_db()
    assert bericht.status == MailStatus.IN_WACHTRIJ
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel("2026-03-01 13:00 +0000", tick=False):
        assert mail_wachtrij_opnieuw() == 1
        assert mail_wachtrij_opnieuw() == 0
    bericht.refresh_from_db()
    assert bericht.status == MailStatus.VERZONDEN
    assert [m.to for m in mail.outbox] == [["inwoner@example.nl"]]


def test_a_retry_lost_in_a_broker_restart_is_queued_again(db):
    """The mail was tried once and its retry sat in Redis, which restarted: the database
    still says `wachtrij`, and the outbox sends it."""
    with time_machine.travel("2026-03-01 10:00 +0000", tick=False):
        verloren = Mailbericht.objects.create(
            aan="a@example.nl", onderwerp="Herinnering", tekst="x", pogingen=1,
            laatste_poging_op=timezone.now(), laatste_fout="SMTPServerDisconnected: weg",
        )  # fmt: skip
    with time_machine.travel("2026-03-01 10:41 +0000", tick=False):
        assert mail_wachtrij_opnieuw() == 1
    verloren.refresh_from_db()
    assert verloren.status == MailStatus.VERZONDEN
    assert len(mail.outbox) == 1


class HeaderRefusingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        for message in messages:
            message.message()  # builds the headers, as the SMTP backend does
        return len(messages)


def test_a_subject_with_a_line_break_is_cleaned_before_it_is_recorded(db):
    bericht = mail_versturen(
        aan=" inwoner@example.nl ",
        onderwerp="Uw initiatief\r\nBcc: iedereen@example.nl",
        template="mail/mijn_links.txt",
        context={"links": []},
    )
    assert bericht.onderwerp == "Uw initiatief Bcc: iedereen@example.nl"
    assert bericht.aan == "inwoner@example.nl"


def test_an_error_no_retry_can_fix_fails_the_mail_once_and_tells_beheer(
    db, settings, django_capture_on_commit_callbacks
):
    from tests.factories import MedewerkerFactory

    MedewerkerFactory(rollen=["functioneel-beheer"], email="beheer@example.nl")
    settings.EMAIL_BACKEND = "tests.test_mail.HeaderRefusingBackend"
    kapot = Mailbericht.objects.create(aan="a@example.nl", onderwerp="Kapot\nonderwerp", tekst="x")
    with django_capture_on_commit_callbacks(execute=True):
        assert verstuur_mail.apply(args=[kapot.pk]).result == "mislukt"
    kapot.refresh_from_db()
    assert kapot.status == MailStatus.MISLUKT
    assert kapot.pogingen == 1
    assert "BadHeaderError" in kapot.laatste_fout
    # never re-queued, however long it waits
    with time_machine.travel(timezone.now() + timedelta(days=2), tick=False):
        assert mail_wachtrij_opnieuw() == 0
    melding = Mailbericht.objects.get(aan="beheer@example.nl")
    assert melding.onderwerp.startswith("Mail kon niet worden verstuurd")
    assert "a@example.nl" in melding.tekst
    assert "BadHeaderError" in melding.tekst


def test_a_recipient_refused_for_good_is_not_retried(bericht, settings):
    settings.EMAIL_BACKEND = "tests.test_mail.RefusingBackend"
    assert verstuur_mail.apply(args=[bericht.pk]).result == "mislukt"
    bericht.refresh_from_db()
    assert bericht.status == MailStatus.MISLUKT
    assert bericht.pogingen == 1


class RefusingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused({"inwoner@example.nl": (550, b"no such user")})


def test_messages_never_queued_are_sent_by_the_periodic_task(db):
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
