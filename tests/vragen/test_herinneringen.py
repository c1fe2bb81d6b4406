"""The reminder sweep: what is sent when, and that everything is sent exactly once."""

import smtplib
import threading
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import Mailbericht, MailStatus
from tests.factories import MedewerkerFactory
from vragen import services
from vragen.constants import AntwoordSoort, HerinneringSoort
from vragen.herinneringen import herinneringen_versturen
from vragen.models import Herinnering

AMS = ZoneInfo("Europe/Amsterdam")
# Received Wednesday 10 June 2026 -> deadline Wednesday 17 June 23:59:59.
ONTVANGEN = datetime(2026, 6, 10, 10, 0, tzinfo=AMS)
LAATSTE_DAG = datetime(2026, 6, 17, 9, 0, tzinfo=AMS)
NA_DEADLINE = datetime(2026, 6, 18, 0, 5, tzinfo=AMS)


def sweep(moment):
    with time_machine.travel(moment, tick=False):
        mail.outbox.clear()
        return herinneringen_versturen()


def wachtrij_opnieuw(moment):
    """The project-wide periodic outbox task, run at `moment`."""
    from core.tasks import mail_wachtrij_opnieuw

    with time_machine.travel(moment, tick=False):
        mail.outbox.clear()
        return mail_wachtrij_opnieuw()


def soorten():
    return sorted(Herinnering.objects.values_list("soort", flat=True))


@pytest.fixture
def te_laat(doorgestuurd):
    with time_machine.travel(ONTVANGEN, tick=False):
        return doorgestuurd()


@pytest.mark.django_db
def test_nothing_is_sent_before_the_last_day(te_laat):
    resultaat = sweep(datetime(2026, 6, 16, 23, 59, tzinfo=AMS))
    assert resultaat.totaal == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_heads_up_on_the_last_day_once(te_laat, bm):
    sweep(LAATSTE_DAG)
    assert [m.to for m in mail.outbox] == [[bm.email]]
    assert "laatste dag" in mail.outbox[0].subject
    assert f"#{te_laat.pk}" in mail.outbox[0].body
    sweep(LAATSTE_DAG + timedelta(minutes=15))
    assert mail.outbox == []
    assert soorten() == [HerinneringSoort.LAATSTE_DAG]


@pytest.mark.django_db
def test_deadline_passed_reminds_beleidsmedewerker_and_tells_kernambtenaar_once(
    te_laat, bm, kernambtenaar
):
    resultaat = sweep(NA_DEADLINE)
    assert resultaat.nieuw[HerinneringSoort.HERINNERING] == 1
    onderwerpen = {m.to[0]: m.subject for m in mail.outbox}
    assert len(mail.outbox) == 2
    assert onderwerpen[bm.email].startswith("Herinnering")
    assert "te laat" in onderwerpen[kernambtenaar.email]
    # the last-day heads-up is not sent afterwards: it is too late for it
    assert HerinneringSoort.LAATSTE_DAG not in soorten()
    # second sweep: nothing new
    assert sweep(NA_DEADLINE + timedelta(minutes=15)).totaal == 0
    assert mail.outbox == []
    herinneringsmails = Mailbericht.objects.filter(vraag_herinneringen__isnull=False).distinct()
    assert [b.status for b in herinneringsmails] == [MailStatus.VERZONDEN] * 2


@pytest.mark.django_db
def test_escalation_to_teammanager_after_configured_working_days(te_laat, teammanager, settings):
    settings.VRAGEN_ESCALATIE_WERKDAGEN = 2
    sweep(NA_DEADLINE)
    # deadline Wednesday 17 June; 2 working days later is Friday 19 June, escalation after it
    assert sweep(datetime(2026, 6, 19, 23, 59, tzinfo=AMS)).totaal == 0
    sweep(datetime(2026, 6, 20, 0, 1, tzinfo=AMS))
    assert [m.to for m in mail.outbox] == [[teammanager.email]]
    assert "Escalatie" in mail.outbox[0].subject
    assert sweep(datetime(2026, 6, 22, 9, 0, tzinfo=AMS)).totaal == 0


@pytest.mark.django_db
def test_catch_up_after_missed_days_sends_what_is_due_once(te_laat, bm, kernambtenaar, teammanager):
    # No sweep ran for a week: the next one sends reminder, notice and escalation together.
    sweep(datetime(2026, 6, 24, 9, 0, tzinfo=AMS))
    assert soorten() == sorted(
        [
            HerinneringSoort.ESCALATIE,
            HerinneringSoort.HERINNERING,
            HerinneringSoort.MELDING_KERNAMBTENAAR,
        ]
    )
    assert {m.to[0] for m in mail.outbox} == {bm.email, kernambtenaar.email, teammanager.email}


@pytest.mark.django_db
def test_promised_date_gets_its_own_reminders(te_laat, bm):
    sweep(NA_DEADLINE)  # week reminder sent
    with time_machine.travel(datetime(2026, 6, 18, 10, 0, tzinfo=AMS), tick=False):
        services.vraag_beantwoorden(
            vraag_id=te_laat.pk,
            door=bm,
            soort=AntwoordSoort.PROCES,
            tekst="We zoeken het uit.",
            toegezegd_op=date(2026, 6, 30),
        )
    assert sweep(datetime(2026, 6, 29, 12, 0, tzinfo=AMS)).totaal == 0
    sweep(datetime(2026, 6, 30, 8, 0, tzinfo=AMS))
    assert [m.to for m in mail.outbox] == [[bm.email]]  # heads-up for the promised date
    sweep(datetime(2026, 7, 1, 0, 10, tzinfo=AMS))
    assert "Herinnering" in [m.subject.split(":")[0] for m in mail.outbox]
    rows = Herinnering.objects.filter(soort=HerinneringSoort.HERINNERING).order_by("volgnummer")
    assert list(rows.values_list("volgnummer", flat=True)) == [0, 1]


@pytest.mark.django_db
def test_answered_questions_get_nothing(te_laat, bm):
    with time_machine.travel(ONTVANGEN + timedelta(days=1), tick=False):
        services.vraag_beantwoorden(
            vraag_id=te_laat.pk, door=bm, soort=AntwoordSoort.INHOUDELIJK, tekst="Klaar"
        )
    assert sweep(NA_DEADLINE + timedelta(days=10)).totaal == 0


@pytest.mark.django_db
def test_unrouted_overdue_question_tells_only_the_kernambtenaar(vraag_van, kernambtenaar):
    with time_machine.travel(ONTVANGEN, tick=False):
        vraag_van()
    sweep(NA_DEADLINE)
    assert soorten() == [HerinneringSoort.MELDING_KERNAMBTENAAR]
    assert [m.to for m in mail.outbox] == [[kernambtenaar.email]]


@pytest.mark.django_db
def test_one_digest_per_recipient_lists_all_their_questions(doorgestuurd, bm):
    with time_machine.travel(ONTVANGEN, tick=False):
        vragen = [doorgestuurd() for _ in range(3)]
    sweep(NA_DEADLINE)
    aan_bm = [m for m in mail.outbox if m.to == [bm.email]]
    assert len(aan_bm) == 1
    assert all(f"#{v.pk}" in aan_bm[0].body for v in vragen)
    assert "(3 vragen)" in aan_bm[0].subject


@pytest.mark.django_db
def test_sweep_query_count_does_not_grow_with_the_number_of_questions(doorgestuurd, kernambtenaar):
    def queries_for(aantal, moment):
        with time_machine.travel(moment - timedelta(days=8), tick=False):
            for _ in range(aantal):
                doorgestuurd()
        with time_machine.travel(moment, tick=False), CaptureQueriesContext(connection) as ctx:
            resultaat = herinneringen_versturen()
        assert resultaat.nieuw[HerinneringSoort.HERINNERING] == aantal
        return len(ctx.captured_queries)

    klein = queries_for(2, datetime(2026, 6, 18, 1, 0, tzinfo=AMS))
    groot = queries_for(25, datetime(2026, 7, 18, 1, 0, tzinfo=AMS))
    assert klein == groot


class KapotteSMTP:
    """An email backend whose server is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("verbinding verbroken")


@pytest.mark.django_db(transaction=True)
def test_smtp_down_is_retried_and_the_reminders_go_out_once_smtp_is_back(te_laat, settings):
    """Eager mode runs the worker's retries one after the other (no backoff wait). When they
    are used up the mails stay waiting, and the outbox task delivers them after the outage."""
    from core.tasks import MAX_RETRIES
    from kerngericht.celery import app

    settings.EMAIL_BACKEND = "tests.vragen.test_herinneringen.KapotteSMTP"
    app.conf.task_eager_propagates = False
    try:
        sweep(NA_DEADLINE)
    finally:
        app.conf.task_eager_propagates = True
    berichten = Mailbericht.objects.filter(vraag_herinneringen__isnull=False).distinct()
    assert berichten.count() == 2
    for bericht in berichten:
        assert bericht.status == MailStatus.IN_WACHTRIJ
        assert bericht.pogingen == MAX_RETRIES + 1
        assert "SMTPServerDisconnected" in bericht.laatste_fout
    # the reminders stay recorded: a later sweep makes no new ones, and while a retry may
    # still be waiting in the broker the outbox task leaves them alone
    assert sweep(NA_DEADLINE + timedelta(minutes=30)).totaal == 0
    assert wachtrij_opnieuw(NA_DEADLINE + timedelta(minutes=30)) == 0
    assert mail.outbox == []
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert wachtrij_opnieuw(NA_DEADLINE + timedelta(minutes=45)) == 2
    assert len(mail.outbox) == 2
    assert sweep(NA_DEADLINE + timedelta(minutes=50)).totaal == 0
    assert wachtrij_opnieuw(NA_DEADLINE + timedelta(hours=2)) == 0  # sent: never again


def _nieuwe_verbindingen(app):
    """Forget the app's cached connection and producer pools so a changed broker_url counts."""
    app._pool = None
    app.amqp._producer_pool = None


@pytest.mark.django_db(transaction=True)
def test_broker_down_fails_loudly_and_next_run_catches_up(te_laat, bm, kernambtenaar):
    """Redis goes away during a sweep: the sweep raises, the reminders stay recorded with
    their emails waiting; the next sweep records nothing twice, and the project's outbox task
    (core.tasks.mail_wachtrij_opnieuw, every 10 minutes) queues those emails again:
    each is sent exactly once."""
    from kerngericht.celery import app

    mails_voor = Mailbericht.objects.count()
    app.conf.task_always_eager = False
    oud_broker = app.conf.broker_url
    oud_opties = app.conf.broker_transport_options
    app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens here
    app.conf.broker_transport_options = {"max_retries": 1, "interval_start": 0}
    app.conf.task_publish_retry = False
    app.conf.broker_connection_timeout = 1
    _nieuwe_verbindingen(app)
    try:
        with pytest.raises(Exception):  # noqa: B017 - kombu's OperationalError
            sweep(NA_DEADLINE)
    finally:
        app.conf.task_always_eager = True
        app.conf.broker_url = oud_broker
        app.conf.broker_transport_options = oud_opties
        app.conf.task_publish_retry = True
        _nieuwe_verbindingen(app)
    assert Herinnering.objects.count() == 2
    assert Mailbericht.objects.filter(status=MailStatus.IN_WACHTRIJ, pogingen=0).count() == 2
    assert mail.outbox == []

    # the broker is back: the next sweep records no reminder twice and makes no new email
    assert sweep(NA_DEADLINE + timedelta(minutes=15)).totaal == 0
    assert mail.outbox == []
    assert Mailbericht.objects.count() == mails_voor + 2
    # the outbox task queues the two waiting digests again; they go out once each
    assert wachtrij_opnieuw(NA_DEADLINE + timedelta(minutes=15)) == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([bm.email, kernambtenaar.email])
    assert wachtrij_opnieuw(NA_DEADLINE + timedelta(minutes=30)) == 0
    assert sweep(NA_DEADLINE + timedelta(minutes=30)).totaal == 0
    assert mail.outbox == []
    berichten = Mailbericht.objects.filter(vraag_herinneringen__isnull=False).distinct()
    assert [(b.status, b.pogingen) for b in berichten] == [(MailStatus.VERZONDEN, 1)] * 2


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_sweeps_send_each_reminder_once(kern, kernambtenaar, team):
    bms = [MedewerkerFactory(rollen=["beleidsmedewerker"], team=team) for _ in range(3)]
    with time_machine.travel(ONTVANGEN, tick=False):
        for i in range(30):
            vraag = services.vraag_stellen(
                kern=kern, onderwerp=f"Vraag {i}", tekst="Tekst", naam="A", email="a@example.org"
            )
            services.vraag_routeren(vraag_id=vraag.pk, door=kernambtenaar, behandelaar=bms[i % 3])
    mail.outbox.clear()
    Mailbericht.objects.all().delete()

    barrier = threading.Barrier(4)
    resultaten, fouten = [], []

    def run():
        from django.db import connections

        try:
            barrier.wait()
            with time_machine.travel(NA_DEADLINE, tick=False):
                resultaten.append(herinneringen_versturen())
        except Exception as exc:  # pragma: no cover - reported below
            fouten.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert fouten == []
    assert sum(r.nieuw[HerinneringSoort.HERINNERING] for r in resultaten) == 30
    assert sum(r.nieuw[HerinneringSoort.MELDING_KERNAMBTENAAR] for r in resultaten) == 30
    assert Herinnering.objects.count() == 60
    # 3 beleidsmedewerkers + 1 kernambtenaar, each exactly one digest, across all sweeps
    assert Mailbericht.objects.count() == 4
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [b.email for b in bms] + [kernambtenaar.email]
    )
