"""Subscribing, confirming, unsubscribing and the weekly mail: every rule and its bad input."""

import threading
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from budgetten.constants import StemrondeFase
from core.models import Mailbericht
from core.privacy import alles_opruimen
from initiatieven.constants import InitiatiefStatus
from tests.budgetten.factories import StemrondeFactory
from tests.factories import KernFactory
from tests.initiatieven.factories import InitiatiefFactory
from tests.participatie.factories import BijeenkomstFactory, TrajectFactory
from volgen import services
from volgen.models import Abonnement, Digestverzending

from .factories import AbonnementFactory

AMS = ZoneInfo("Europe/Amsterdam")
IN_DE_WEEK = datetime(2026, 3, 18, 10, 0, tzinfo=AMS)  # Wednesday of the week of 16 March
MAANDAG = datetime(2026, 3, 23, 7, 30, tzinfo=AMS)  # the digest of that week is due


def weekmails(moment=MAANDAG):
    with time_machine.travel(moment, tick=False):
        mail.outbox.clear()
        return services.weekmails_versturen()


def nieuws(kern, moment=IN_DE_WEEK):
    with time_machine.travel(moment, tick=False):
        return InitiatiefFactory(
            kern=kern, status=InitiatiefStatus.TOEGEZEGD, titel=f"Bankje in {kern.naam}"
        )


# --- subscribing ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_subscribing_mails_a_confirmation_link_and_sends_no_digest_yet(kern):
    abonnement = services.abonnement_aanmelden(kern=kern, email="  Piet@Voorbeeld.NL ")
    assert abonnement.email == "piet@voorbeeld.nl"
    assert not abonnement.is_bevestigd
    assert len(mail.outbox) == 1
    assert "/volgen/bevestigen/" in mail.outbox[0].body
    nieuws(kern)
    assert weekmails().mails == 0


@pytest.mark.django_db
def test_subscribing_twice_keeps_one_subscription_and_sends_the_link_again(kern):
    services.abonnement_aanmelden(kern=kern, email="piet@voorbeeld.nl")
    services.abonnement_aanmelden(kern=kern, email="PIET@voorbeeld.nl")
    assert Abonnement.objects.count() == 1
    assert ["/volgen/bevestigen/" in m.body for m in mail.outbox] == [True, True]


@pytest.mark.django_db
def test_subscribing_again_when_confirmed_sends_only_a_note_with_the_unsubscribe_link(kern):
    AbonnementFactory(kern=kern, email="piet@voorbeeld.nl")
    services.abonnement_aanmelden(kern=kern, email="piet@voorbeeld.nl")
    assert Abonnement.objects.count() == 1
    (bericht,) = mail.outbox
    assert "/volgen/afmelden/" in bericht.body
    assert "/volgen/bevestigen/" not in bericht.body
    assert bericht.extra_headers["List-Unsubscribe"].startswith("<http")


@pytest.mark.django_db
def test_the_same_address_may_follow_two_kernen(kern, andere_kern):
    services.abonnement_aanmelden(kern=kern, email="piet@voorbeeld.nl")
    services.abonnement_aanmelden(kern=andere_kern, email="piet@voorbeeld.nl")
    assert Abonnement.objects.count() == 2


@pytest.mark.django_db
def test_confirming_twice_changes_nothing_the_second_time(kern):
    abonnement = AbonnementFactory(kern=kern, onbevestigd=True)
    _obj, eerst = services.abonnement_bevestigen(abonnement_id=abonnement.pk)
    _obj, tweede = services.abonnement_bevestigen(abonnement_id=abonnement.pk)
    assert (eerst, tweede) == (True, False)


@pytest.mark.django_db
def test_an_unsubscribed_subscription_cannot_be_confirmed_again(kern):
    abonnement = AbonnementFactory(kern=kern, onbevestigd=True)
    services.abonnement_opzeggen(abonnement_id=abonnement.pk)
    obj, gelukt = services.abonnement_bevestigen(abonnement_id=abonnement.pk)
    assert not gelukt and not obj.is_bevestigd


# --- the weekly mail ------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_weekly_mail_lists_the_news_of_the_kern_with_an_unsubscribe_link_and_header(
    kern, andere_kern
):
    with time_machine.travel(IN_DE_WEEK - timedelta(days=3), tick=False):
        abonnement = AbonnementFactory(kern=kern)
    nieuws(kern)
    nieuws(andere_kern)  # another kern's news is not in it
    with time_machine.travel(IN_DE_WEEK, tick=False):
        BijeenkomstFactory(kern=kern, titel="Koffie met de wethouder")
        TrajectFactory(kernen=[kern], titel="Dorpsplein opnieuw inrichten", status="lopend")
        TrajectFactory(kernen=[kern], titel="Nog een concept")  # concept: not public
        StemrondeFactory(
            kern=kern,
            fase=StemrondeFase.OPEN,
            stemmen_van=IN_DE_WEEK.date(),
            stemmen_tot=IN_DE_WEEK.date() + timedelta(days=14),
        )
    resultaat = weekmails()
    assert resultaat.mails == 1
    (bericht,) = mail.outbox
    assert bericht.to == [abonnement.email]
    assert f"Bankje in {kern.naam}" in bericht.body
    assert f"Bankje in {andere_kern.naam}" not in bericht.body
    assert "Koffie met de wethouder" in bericht.body
    assert "Dorpsplein opnieuw inrichten" in bericht.body
    assert "Nog een concept" not in bericht.body
    assert "leefbaarheidsbudget" in bericht.body
    afmeldlink = bericht.extra_headers["List-Unsubscribe"].strip("<>")
    assert "/volgen/afmelden/" in afmeldlink
    assert afmeldlink in bericht.body
    assert bericht.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    verzending = Digestverzending.objects.get()
    assert verzending.aantal == 4 and verzending.mailbericht is not None


@pytest.mark.django_db
def test_news_from_before_or_after_the_week_is_not_in_it(kern):
    AbonnementFactory(kern=kern)
    nieuws(kern, IN_DE_WEEK - timedelta(days=7))
    nieuws(kern, MAANDAG)
    assert weekmails().mails == 0
    assert Digestverzending.objects.count() == 0


@pytest.mark.django_db
def test_running_twice_sends_the_week_once_and_the_next_week_again(kern):
    AbonnementFactory(kern=kern)
    nieuws(kern)
    assert weekmails().mails == 1
    assert weekmails(MAANDAG + timedelta(hours=1)).mails == 0
    assert weekmails(MAANDAG + timedelta(days=1)).mails == 0
    assert mail.outbox == []
    nieuws(kern, IN_DE_WEEK + timedelta(days=7))
    assert weekmails(MAANDAG + timedelta(days=7)).mails == 1
    assert Digestverzending.objects.count() == 2


@pytest.mark.django_db
def test_an_empty_week_sends_nothing_and_records_nothing(kern):
    AbonnementFactory(kern=kern)
    assert weekmails().mails == 0
    assert mail.outbox == [] and Digestverzending.objects.count() == 0


@pytest.mark.django_db
def test_unconfirmed_and_unsubscribed_addresses_get_no_mail(kern):
    AbonnementFactory(kern=kern, onbevestigd=True)
    weg = AbonnementFactory(kern=kern)
    services.abonnement_opzeggen(abonnement_id=weg.pk)
    nieuws(kern)
    assert weekmails().mails == 0


@pytest.mark.django_db
def test_who_subscribed_after_the_week_waits_for_the_next_one(kern):
    nieuws(kern)
    with time_machine.travel(MAANDAG - timedelta(hours=2), tick=False):
        AbonnementFactory(kern=kern)  # Monday 05:30: after the week ended
    assert weekmails().mails == 0


@pytest.mark.django_db
def test_the_weekly_run_costs_the_same_queries_for_one_or_many_kernen(monkeypatch):
    from django.db import transaction

    # Only the run itself is measured, not the sending of its mails after commit.
    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: None)

    def meten(aantal_kernen):
        Digestverzending.objects.all().delete()
        for _ in range(aantal_kernen):
            kern = KernFactory()
            AbonnementFactory(kern=kern)
            nieuws(kern)
        Digestverzending.objects.all().delete()
        with time_machine.travel(MAANDAG, tick=False), CaptureQueriesContext(connection) as q:
            resultaat = services.weekmails_versturen()
        # One Mailbericht insert per mail; the rest is fixed.
        return len(q) - resultaat.mails

    assert meten(1) == meten(5)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_runs_send_each_subscriber_one_mail():
    kernen = [KernFactory() for _ in range(3)]
    for i in range(12):
        with time_machine.travel(IN_DE_WEEK - timedelta(days=2), tick=False):
            AbonnementFactory(kern=kernen[i % 3])
    for kern in kernen:
        nieuws(kern)
    Mailbericht.objects.all().delete()
    mail.outbox.clear()
    barrier = threading.Barrier(4)
    resultaten, fouten = [], []

    def run():
        from django.db import connections

        try:
            barrier.wait()
            with time_machine.travel(MAANDAG, tick=False):
                resultaten.append(services.weekmails_versturen())
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
    assert sum(r.mails for r in resultaten) == 12
    assert Digestverzending.objects.count() == 12
    assert Mailbericht.objects.count() == 12
    assert len({m.to[0] for m in mail.outbox}) == len(mail.outbox) == 12


# --- retention --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_unconfirmed_subscriptions_are_deleted_after_seven_days(kern):
    begin = IN_DE_WEEK
    with time_machine.travel(begin, tick=False):
        oud = AbonnementFactory(kern=kern, onbevestigd=True)
        bevestigd = AbonnementFactory(kern=kern)
    with time_machine.travel(begin + timedelta(days=6, hours=23), tick=False):
        assert alles_opruimen()["volgen_onbevestigd_verwijderd"] == 0
    with time_machine.travel(begin + timedelta(days=7, minutes=1), tick=False):
        assert alles_opruimen()["volgen_onbevestigd_verwijderd"] == 1
        assert alles_opruimen()["volgen_onbevestigd_verwijderd"] == 0
    assert list(Abonnement.objects.all()) == [bevestigd]
    assert not Abonnement.objects.filter(pk=oud.pk).exists()


@pytest.mark.django_db
def test_unsubscribed_addresses_are_removed_with_their_mail_history(kern):
    abonnement = AbonnementFactory(kern=kern)
    nieuws(kern)
    weekmails()
    with time_machine.travel(MAANDAG + timedelta(hours=1), tick=False):
        services.abonnement_opzeggen(abonnement_id=abonnement.pk)
    with time_machine.travel(MAANDAG + timedelta(hours=12), tick=False):
        assert alles_opruimen()["volgen_opgezegd_verwijderd"] == 0
    with time_machine.travel(MAANDAG + timedelta(days=1, hours=2), tick=False):
        assert alles_opruimen()["volgen_opgezegd_verwijderd"] == 1
    assert Abonnement.objects.count() == 0
    assert Digestverzending.objects.count() == 0
