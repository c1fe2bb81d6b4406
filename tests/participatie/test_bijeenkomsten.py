import datetime
import threading
import zoneinfo

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone
from icalendar import Calendar

from core.links import haal_object
from participatie import services, tasks
from participatie.constants import AanmeldingStatus
from participatie.ics import bijeenkomst_ics
from participatie.models import Aanmelding, Bijeenkomst, BijeenkomstHerinnering
from tests.participatie.factories import AanmeldingFactory, BijeenkomstFactory

pytestmark = pytest.mark.django_db
AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")


def _aanmelden(bijeenkomst, email, naam="Jan", **kwargs):
    """Sign up and confirm the address, as a resident does (two mails)."""
    r = services.aanmelden(bijeenkomst=bijeenkomst, naam=naam, email=email, **kwargs)
    aanmelding = services.aanmelding_bevestigen(aanmelding_id=r.aanmelding.pk)
    return services.AanmeldResultaat(aanmelding=aanmelding, nieuw=r.nieuw)


def _ics_uit(bericht) -> Calendar:
    (naam, inhoud, mimetype) = bericht.attachments[0]
    assert naam == "bijeenkomst.ics"
    assert mimetype.startswith("text/calendar")
    return Calendar.from_ical(inhoud)


def test_registration_gets_a_seat_and_a_confirmation_with_ics_and_cancel_link(
    django_capture_on_commit_callbacks,
):
    b = BijeenkomstFactory(capaciteit=2)
    with django_capture_on_commit_callbacks(execute=True):
        r = _aanmelden(b, "Jan@Example.nl", onderwerp="Parkeren bij school")
    assert r.nieuw and r.aanmelding.status == AanmeldingStatus.AANGEMELD
    assert r.aanmelding.email == "jan@example.nl"
    assert len(mail.outbox) == 2  # the confirmation link, then the place
    assert "/bevestigen/" in mail.outbox[0].body and not mail.outbox[0].attachments
    bericht = mail.outbox[1]
    assert bericht.to == ["jan@example.nl"]
    assert "U bent aangemeld" in bericht.body
    assert "/bijeenkomsten/aanmelding/" in bericht.body
    event = _ics_uit(bericht).walk("VEVENT")[0]
    assert str(event["summary"]) == b.titel


def test_same_email_twice_is_one_registration(django_capture_on_commit_callbacks):
    b = BijeenkomstFactory(capaciteit=5)
    with django_capture_on_commit_callbacks(execute=True):
        eerste = _aanmelden(b, "jan@example.nl")
        tweede = _aanmelden(b, " JAN@example.nl ", naam="Jan J.")
    assert not tweede.nieuw
    assert tweede.aanmelding.pk == eerste.aanmelding.pk
    assert b.aanmeldingen.count() == 1
    # confirm link + place, then the place mail again; nothing else changes
    assert len(mail.outbox) == 3
    assert "U bent aangemeld" in mail.outbox[2].body


def test_unconfirmed_sign_ups_never_fill_capacity(django_capture_on_commit_callbacks):
    b = BijeenkomstFactory(capaciteit=1)
    for i in range(5):
        services.aanmelden(bijeenkomst=b, naam=f"N{i}", email=f"n{i}@example.nl")
    assert not b.aanmeldingen.filter(status=AanmeldingStatus.AANGEMELD).exists()
    assert not b.aanmeldingen.filter(status=AanmeldingStatus.WACHTLIJST).exists()
    laatste = _aanmelden(b, "echt@example.nl").aanmelding
    assert laatste.status == AanmeldingStatus.AANGEMELD


def test_the_first_to_confirm_gets_the_place():
    b = BijeenkomstFactory(capaciteit=1)
    vroeg = services.aanmelden(bijeenkomst=b, naam="Vroeg", email="vroeg@example.nl").aanmelding
    laat = services.aanmelden(bijeenkomst=b, naam="Laat", email="laat@example.nl").aanmelding
    assert services.aanmelding_bevestigen(aanmelding_id=laat.pk).status == "aangemeld"
    assert services.aanmelding_bevestigen(aanmelding_id=vroeg.pk).status == "wachtlijst"
    # Confirming again changes nothing.
    assert services.aanmelding_bevestigen(aanmelding_id=vroeg.pk).status == "wachtlijst"


def test_a_freed_place_goes_to_the_waiting_list_never_to_an_unconfirmed_sign_up():
    b = BijeenkomstFactory(capaciteit=1)
    eerste = _aanmelden(b, "een@example.nl").aanmelding
    onbevestigd = services.aanmelden(bijeenkomst=b, naam="O", email="o@example.nl").aanmelding
    wachtend = _aanmelden(b, "twee@example.nl").aanmelding
    assert wachtend.status == AanmeldingStatus.WACHTLIJST
    services.afmelden(aanmelding=eerste)
    wachtend.refresh_from_db()
    onbevestigd.refresh_from_db()
    assert wachtend.status == AanmeldingStatus.AANGEMELD
    assert onbevestigd.status == AanmeldingStatus.ONBEVESTIGD


def test_unconfirmed_sign_ups_are_deleted_after_seven_days():
    from participatie import privacy

    b = BijeenkomstFactory(begint_op=timezone.now() + datetime.timedelta(days=60))
    b.eindigt_op = b.begint_op + datetime.timedelta(hours=2)
    b.save()
    services.aanmelden(bijeenkomst=b, naam="O", email="o@example.nl")
    bevestigd = _aanmelden(b, "b@example.nl").aanmelding
    nu = timezone.now()
    assert (
        privacy.opruimen(nu=nu + datetime.timedelta(days=6))["aanmelding_onbevestigd_verwijderd"]
        == 0
    )
    assert (
        privacy.opruimen(nu=nu + datetime.timedelta(days=8))["aanmelding_onbevestigd_verwijderd"]
        == 1
    )
    assert list(b.aanmeldingen.all()) == [bevestigd]


def test_database_refuses_a_second_live_registration_for_the_same_email():
    from django.db import IntegrityError, transaction

    b = BijeenkomstFactory()
    AanmeldingFactory(bijeenkomst=b, email="a@example.nl")
    with pytest.raises(IntegrityError), transaction.atomic():
        AanmeldingFactory(bijeenkomst=b, email="a@example.nl")


def test_full_meeting_puts_people_on_the_waiting_list_without_ics(
    django_capture_on_commit_callbacks,
):
    b = BijeenkomstFactory(capaciteit=1)
    _aanmelden(b, "een@example.nl")
    with django_capture_on_commit_callbacks(execute=True):
        r = _aanmelden(b, "twee@example.nl")
    assert r.aanmelding.status == AanmeldingStatus.WACHTLIJST
    assert "wachtlijst" in mail.outbox[-1].body
    assert mail.outbox[-1].attachments == []


def test_cancel_moves_the_first_on_the_waiting_list_up(django_capture_on_commit_callbacks):
    b = BijeenkomstFactory(capaciteit=1)
    eerste = _aanmelden(b, "een@example.nl").aanmelding
    tweede = _aanmelden(b, "twee@example.nl").aanmelding
    derde = _aanmelden(b, "drie@example.nl").aanmelding
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        resultaat = services.afmelden(aanmelding=eerste)
    assert [a.pk for a in resultaat.doorgeschoven] == [tweede.pk]
    tweede.refresh_from_db()
    derde.refresh_from_db()
    assert tweede.status == AanmeldingStatus.AANGEMELD
    assert derde.status == AanmeldingStatus.WACHTLIJST
    ontvangers = {m.to[0]: m for m in mail.outbox}
    assert "afgemeld" in ontvangers["een@example.nl"].body
    assert "plaats vrijgekomen" in ontvangers["twee@example.nl"].body
    assert _ics_uit(ontvangers["twee@example.nl"]).walk("VEVENT")


def test_cancel_link_used_twice_changes_nothing_the_second_time():
    b = BijeenkomstFactory(capaciteit=1)
    eerste = _aanmelden(b, "een@example.nl").aanmelding
    wachtend = _aanmelden(b, "twee@example.nl").aanmelding
    services.afmelden(aanmelding=eerste)
    again = services.afmelden(aanmelding=eerste)
    assert again.was_al_afgemeld and again.doorgeschoven == []
    wachtend.refresh_from_db()
    assert wachtend.status == AanmeldingStatus.AANGEMELD
    assert b.aanmeldingen.filter(status=AanmeldingStatus.AANGEMELD).count() == 1


def test_reregistering_after_cancel_is_a_new_registration():
    b = BijeenkomstFactory(capaciteit=3)
    eerste = _aanmelden(b, "een@example.nl").aanmelding
    services.afmelden(aanmelding=eerste)
    nieuw = _aanmelden(b, "een@example.nl")
    assert nieuw.nieuw and nieuw.aanmelding.pk != eerste.pk


def test_past_meeting_is_closed():
    b = BijeenkomstFactory()
    with (
        time_machine.travel(b.begint_op + datetime.timedelta(minutes=1)),
        pytest.raises(ValidationError, match="al geweest"),
    ):
        _aanmelden(b, "laat@example.nl")
    assert not b.aanmeldingen.exists()


def test_cancelling_after_the_start_is_refused():
    b = BijeenkomstFactory()
    a = _aanmelden(b, "een@example.nl").aanmelding
    with pytest.raises(ValidationError):
        services.afmelden(aanmelding=a, nu=b.begint_op + datetime.timedelta(minutes=5))


@pytest.mark.parametrize("email", ["", "jan", "jan@", "jan@@example.nl", "jan example@x.nl"])
def test_malformed_email_is_refused(email):
    b = BijeenkomstFactory()
    with pytest.raises(ValidationError):
        _aanmelden(b, email)
    assert not b.aanmeldingen.exists()


def test_more_seats_move_the_waiting_list_up_and_fewer_than_registered_is_refused():
    b = BijeenkomstFactory(capaciteit=1)
    _aanmelden(b, "een@example.nl")
    wachtend = _aanmelden(b, "twee@example.nl").aanmelding
    services.bijeenkomst_opslaan(bijeenkomst=b, gegevens={"capaciteit": 2})
    wachtend.refresh_from_db()
    assert wachtend.status == AanmeldingStatus.AANGEMELD
    with pytest.raises(ValidationError):
        services.bijeenkomst_opslaan(bijeenkomst=b, gegevens={"capaciteit": 1})


def test_cancel_link_token_points_at_the_registration():
    b = BijeenkomstFactory()
    a = _aanmelden(b, "een@example.nl").aanmelding
    link = services.aanmelding_link(a)
    token = link.rstrip("/").rsplit("/", 1)[-1]
    assert (
        haal_object(token, soort=services.AANMELDING_LINK.naam, queryset=Aanmelding.objects.all())
        == a
    )


# iCalendar


def test_ics_content_parses_back_with_times_in_amsterdam():
    start = datetime.datetime(2026, 10, 24, 20, 0, tzinfo=AMS)  # 20:00 CEST
    b = BijeenkomstFactory(
        titel="Koffiemoment Ingen",
        begint_op=start,
        eindigt_op=start + datetime.timedelta(hours=1, minutes=30),
        locatie="",
        videolink="https://teams.example/meet/ingen",
        telefoon="0344 579 111",
    )
    cal = Calendar.from_ical(
        bijeenkomst_ics(b, afmeldlink="https://x.example/afmelden/abc/", voor_deelnemer=True)
    )
    assert str(cal["version"]) == "2.0"
    assert "Gemeente Buren" in str(cal["prodid"])
    assert cal.walk("VTIMEZONE"), "a VTIMEZONE for Europe/Amsterdam is included"
    (event,) = cal.walk("VEVENT")
    assert str(event["summary"]) == "Koffiemoment Ingen"
    dtstart = event.decoded("dtstart")
    assert dtstart == start
    assert str(dtstart.tzinfo) == "Europe/Amsterdam"
    assert event.decoded("dtend") - dtstart == datetime.timedelta(hours=1, minutes=30)
    assert str(event["location"]) == "https://teams.example/meet/ingen"
    beschrijving = str(event["description"])
    assert "0344 579 111" in beschrijving
    assert "https://x.example/afmelden/abc/" in beschrijving
    assert str(event["uid"]).startswith(f"bijeenkomst-{b.pk}@")
    assert str(event["url"]).endswith(f"/bijeenkomsten/{b.pk}/")


def test_public_ics_leaves_out_video_link_and_phone_and_marks_cancellation(client):
    b = BijeenkomstFactory(videolink="https://teams.example/meet/geheim", telefoon="0344 579 111")
    response = client.get(f"/bijeenkomsten/{b.pk}/agenda.ics")
    assert response.status_code == 200
    tekst = response.content.decode()
    assert "teams.example/meet/geheim" not in tekst
    assert "0344 579 111" not in tekst
    (event,) = Calendar.from_ical(tekst).walk("VEVENT")
    assert str(event["location"]) == "Online"
    assert "status" not in event
    b.status = "geannuleerd"
    b.annulering_reden = "Ziekte"
    b.save()
    (event,) = Calendar.from_ical(client.get(f"/bijeenkomsten/{b.pk}/agenda.ics").content).walk(
        "VEVENT"
    )
    assert str(event["status"]) == "CANCELLED"


# Reminder the day before


def _morgen(uur=19):
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    return datetime.datetime.combine(morgen, datetime.time(uur), tzinfo=AMS)


def test_reminder_goes_once_to_those_registered_for_tomorrow(django_capture_on_commit_callbacks):
    morgen = BijeenkomstFactory(begint_op=_morgen(), eindigt_op=_morgen(21), capaciteit=1)
    overmorgen = BijeenkomstFactory(
        begint_op=_morgen() + datetime.timedelta(days=1),
        eindigt_op=_morgen(21) + datetime.timedelta(days=1),
    )
    aangemeld = AanmeldingFactory(bijeenkomst=morgen, email="ja@example.nl")
    AanmeldingFactory(bijeenkomst=morgen, email="wacht@example.nl", status="wachtlijst")
    AanmeldingFactory(bijeenkomst=morgen, email="af@example.nl", status="afgemeld")
    AanmeldingFactory(bijeenkomst=overmorgen, email="later@example.nl")

    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.bijeenkomst_herinneringen_versturen.delay().get() == 1
    assert [m.to for m in mail.outbox] == [["ja@example.nl"]]
    assert "Morgen is de bijeenkomst" in mail.outbox[0].body

    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.bijeenkomst_herinneringen_versturen.delay().get() == 0
        assert tasks.herinnering_versturen.delay(aangemeld.pk).get() is False
    assert len(mail.outbox) == 1
    assert BijeenkomstHerinnering.objects.filter(aanmelding=aangemeld).count() == 1


def test_reminder_already_recorded_is_not_sent_again():
    morgen = BijeenkomstFactory(begint_op=_morgen(), eindigt_op=_morgen(21))
    a = AanmeldingFactory(bijeenkomst=morgen)
    BijeenkomstHerinnering.objects.create(aanmelding=a)
    assert services.herinnering_versturen(aanmelding_id=a.pk) is False
    assert mail.outbox == []


def test_celery_beat_entry_for_reminders_imports():
    from django.conf import settings
    from django.utils.module_loading import import_string

    entry = settings.CELERY_BEAT_SCHEDULE["participatie-herinneringen-bijeenkomsten"]
    task = import_string(entry["task"])
    assert task.name == entry["task"]
    assert entry.get("args", ()) == ()


# Concurrency on PostgreSQL


def _in_threads(n, target):
    barrier = threading.Barrier(n)
    errors = []

    def run(i):
        try:
            barrier.wait()
            target(i)
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_confirmations_never_exceed_capacity():
    b = BijeenkomstFactory(capaciteit=3)
    ids = [
        services.aanmelden(bijeenkomst=b, naam=f"N{i}", email=f"n{i}@example.nl").aanmelding.pk
        for i in range(12)
    ]
    errors = _in_threads(12, lambda i: services.aanmelding_bevestigen(aanmelding_id=ids[i]))
    assert errors == []
    assert b.aanmeldingen.filter(status=AanmeldingStatus.AANGEMELD).count() == 3
    assert b.aanmeldingen.filter(status=AanmeldingStatus.WACHTLIJST).count() == 9


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_same_email_gives_one_registration():
    b = BijeenkomstFactory(capaciteit=3)
    errors = _in_threads(
        6,
        lambda i: services.aanmelden(
            bijeenkomst=Bijeenkomst.objects.get(pk=b.pk), naam="Jan", email="jan@example.nl"
        ),
    )
    assert errors == []
    assert b.aanmeldingen.count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_reminders_are_recorded_and_sent_once():
    morgen = BijeenkomstFactory(begint_op=_morgen(), eindigt_op=_morgen(21))
    a = AanmeldingFactory(bijeenkomst=morgen)
    results = []
    errors = _in_threads(
        6, lambda i: results.append(services.herinnering_versturen(aanmelding_id=a.pk))
    )
    assert errors == []
    assert sorted(results) == [False] * 5 + [True]
    assert BijeenkomstHerinnering.objects.filter(aanmelding=a).count() == 1
