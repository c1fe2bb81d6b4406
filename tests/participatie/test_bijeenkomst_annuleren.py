"""Cancelling a whole meeting: one email per resident, registration and reminders stop."""

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from participatie import services, tasks
from participatie.constants import AanmeldingStatus, BijeenkomstStatus
from participatie.models import Aanmelding, BijeenkomstHerinnering
from tests.factories import KernFactory, MedewerkerFactory
from tests.participatie.factories import AanmeldingFactory, BijeenkomstFactory

pytestmark = pytest.mark.django_db
AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")


def _morgen(uur=19):
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    return datetime.datetime.combine(morgen, datetime.time(uur), tzinfo=AMS)


def test_cancelling_mails_registered_and_waiting_once_with_reason_and_new_date(
    django_capture_on_commit_callbacks,
):
    b = BijeenkomstFactory(capaciteit=1)
    AanmeldingFactory(bijeenkomst=b, email="ja@example.nl")
    AanmeldingFactory(bijeenkomst=b, email="wacht@example.nl", status=AanmeldingStatus.WACHTLIJST)
    AanmeldingFactory(bijeenkomst=b, email="af@example.nl", status=AanmeldingStatus.AFGEMELD)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        resultaat = services.bijeenkomst_annuleren(
            bijeenkomst=b,
            reden="De zaal is onder water gelopen.",
            alternatief="Nieuwe datum: 12 maart, zelfde tijd.",
            door=b.organisator,
        )
        assert mail.outbox == []  # only after commit
    assert callbacks
    assert resultaat.gemaild == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["ja@example.nl", "wacht@example.nl"]
    for m in mail.outbox:
        assert "Gaat niet door" in m.subject
        assert "De zaal is onder water gelopen." in m.body
        assert "Nieuwe datum: 12 maart" in m.body
        assert not m.attachments  # no calendar invite for a cancelled meeting
    b.refresh_from_db()
    assert b.status == BijeenkomstStatus.GEANNULEERD
    assert b.geannuleerd_door == b.organisator


def test_cancelling_twice_is_refused_and_mails_nobody_again(django_capture_on_commit_callbacks):
    b = BijeenkomstFactory()
    AanmeldingFactory(bijeenkomst=b)
    with django_capture_on_commit_callbacks(execute=True):
        services.bijeenkomst_annuleren(bijeenkomst=b, reden="Ziek", door=b.organisator)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError) as exc:
        services.bijeenkomst_annuleren(bijeenkomst=b, reden="Nog eens", door=b.organisator)
    assert "al geannuleerd" in str(exc.value)
    assert len(mail.outbox) == 1
    b.refresh_from_db()
    assert b.annulering_reden == "Ziek"


def test_cancelling_needs_a_reason():
    b = BijeenkomstFactory()
    with pytest.raises(ValidationError):
        services.bijeenkomst_annuleren(bijeenkomst=b, reden="  ", door=b.organisator)
    b.refresh_from_db()
    assert b.status == BijeenkomstStatus.GEPLAND


def test_registration_is_refused_after_cancelling():
    b = BijeenkomstFactory()
    services.bijeenkomst_annuleren(bijeenkomst=b, reden="Ziek", door=b.organisator)
    with pytest.raises(ValidationError, match="gaat niet door"):
        services.aanmelden(bijeenkomst=b, naam="Jan", email="jan@example.nl")
    assert not Aanmelding.objects.exists()


def test_cancel_of_one_registration_after_cancelling_moves_nobody_up(
    django_capture_on_commit_callbacks,
):
    b = BijeenkomstFactory(capaciteit=1)
    AanmeldingFactory(bijeenkomst=b)
    wacht = AanmeldingFactory(bijeenkomst=b, status=AanmeldingStatus.WACHTLIJST)
    services.bijeenkomst_annuleren(bijeenkomst=b, reden="Ziek", door=b.organisator)
    with django_capture_on_commit_callbacks(execute=True):
        services.bijeenkomst_opslaan(gegevens={"capaciteit": 5}, bijeenkomst=b)
    wacht.refresh_from_db()
    assert wacht.status == AanmeldingStatus.WACHTLIJST
    assert mail.outbox == []


def test_reminder_sweep_skips_cancelled_meetings(django_capture_on_commit_callbacks):
    gaat_door = BijeenkomstFactory(begint_op=_morgen(), eindigt_op=_morgen(21))
    gaat_niet_door = BijeenkomstFactory(begint_op=_morgen(), eindigt_op=_morgen(21))
    AanmeldingFactory(bijeenkomst=gaat_door, email="door@example.nl")
    geannuleerd = AanmeldingFactory(bijeenkomst=gaat_niet_door, email="niet@example.nl")
    services.bijeenkomst_annuleren(
        bijeenkomst=gaat_niet_door, reden="Ziek", door=gaat_niet_door.organisator
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.bijeenkomst_herinneringen_versturen.delay().get() == 1
        # a reminder task queued before the cancellation does nothing either
        assert tasks.herinnering_versturen.delay(geannuleerd.pk).get() is False
    assert [m.to for m in mail.outbox] == [["door@example.nl"]]
    assert not BijeenkomstHerinnering.objects.filter(aanmelding=geannuleerd).exists()


def test_organiser_cancels_through_the_staff_page(
    client, signed_in, django_capture_on_commit_callbacks
):
    b = BijeenkomstFactory()
    AanmeldingFactory(bijeenkomst=b, email="ja@example.nl")
    signed_in(b.organisator)
    url = f"/medewerker/bijeenkomsten/{b.pk}/annuleren/"
    assert "1 inwoner" in client.get(url).content.decode()
    response = client.post(url, {"reden": ""})
    assert response.status_code == 400
    assert "Schrijf waarom" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reden": "Ziek", "alternatief": ""})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    response = client.post(url, {"reden": "Nog eens"})
    assert response.status_code == 400
    assert "al geannuleerd" in response.content.decode()
    assert len(mail.outbox) == 1


def test_other_kernambtenaar_may_not_cancel(client, signed_in):
    b = BijeenkomstFactory()
    ander = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[KernFactory()])
    signed_in(ander)
    response = client.post(f"/medewerker/bijeenkomsten/{b.pk}/annuleren/", {"reden": "x"})
    assert response.status_code == 403
    b.refresh_from_db()
    assert b.status == BijeenkomstStatus.GEPLAND


def test_public_page_and_list_say_cancelled_in_text_and_hide_the_form(client):
    b = BijeenkomstFactory(titel="Koffie in Ingen")
    services.bijeenkomst_annuleren(bijeenkomst=b, reden="De wethouder is ziek.", door=b.organisator)
    html = client.get(f"/bijeenkomsten/{b.pk}/").content.decode()
    assert "Geannuleerd: Koffie in Ingen" in html
    assert "De wethouder is ziek." in html
    assert 'name="email"' not in html
    assert "agenda.ics" not in html
    response = client.post(f"/bijeenkomsten/{b.pk}/", {"naam": "Jan", "email": "j@example.nl"})
    assert not Aanmelding.objects.exists()
    assert response.status_code == 200
    lijst = client.get("/bijeenkomsten/").content.decode()
    assert "Geannuleerd: gaat niet door" in lijst


def test_kern_page_meetings_block_marks_cancelled_and_links_to_the_filtered_list(client):
    b = BijeenkomstFactory()
    services.bijeenkomst_annuleren(bijeenkomst=b, reden="Ziek", door=b.organisator)
    html = client.get(f"/kernen/{b.kern.slug}/").content.decode()
    assert "Geannuleerd: gaat niet door" in html
    assert f'href="/bijeenkomsten/?kern={b.kern.slug}"' in html


def test_kern_page_trajectories_block_links_to_all_trajectories(client):
    kern = KernFactory()
    html = client.get(f"/kernen/{kern.slug}/").content.decode()
    assert '<a class="utrecht-link" href="/participatie/">Alle trajecten</a>' in html


def test_public_list_filters_by_kern_slug(client):
    ingen, zoelen = KernFactory(naam="Ingen"), KernFactory(naam="Zoelen")
    BijeenkomstFactory(kern=ingen, titel="Koffie Ingen")
    BijeenkomstFactory(kern=zoelen, titel="Koffie Zoelen")
    BijeenkomstFactory(kern=None, titel="Voor iedereen")
    html = client.get(f"/bijeenkomsten/?kern={ingen.slug}").content.decode()
    assert "Koffie Ingen" in html
    assert "Voor iedereen" in html
    assert "Koffie Zoelen" not in html
    alles = client.get("/bijeenkomsten/?kern=bestaat-niet").content.decode()
    assert "Koffie Zoelen" in alles and "Koffie Ingen" in alles
