import csv
import datetime
import io
import re

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from core import hooks
from core.links import maak_token
from participatie import services
from participatie.constants import AanmeldingStatus
from participatie.models import Aanmelding
from tests.factories import KernFactory, MedewerkerFactory
from tests.participatie.factories import AanmeldingFactory, BijeenkomstFactory

pytestmark = pytest.mark.django_db


def _token_uit(body: str) -> str:
    for regel in body.splitlines():
        if "/bijeenkomsten/aanmelding/" in regel:
            return regel.strip().rstrip("/").rsplit("/", 1)[-1]
    raise AssertionError("geen link in de mail")


def test_resident_registers_on_the_public_page(client, django_capture_on_commit_callbacks):
    b = BijeenkomstFactory(capaciteit=2)
    html = client.get(f"/bijeenkomsten/{b.pk}/").content.decode()
    assert "nog 2 plaatsen vrij" in html
    assert b.videolink not in html  # the video link is for those registered
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/bijeenkomsten/{b.pk}/",
            {"naam": "Jan", "email": "jan@example.nl", "onderwerp": "De dijk"},
        )
    assert response.status_code == 302
    assert response["Location"] == f"/bijeenkomsten/{b.pk}/bedankt/"
    a = Aanmelding.objects.get()
    # No place yet: first the address is confirmed.
    assert (a.naam, a.onderwerp, a.status) == ("Jan", "De dijk", AanmeldingStatus.ONBEVESTIGD)
    assert "nog 2 plaatsen vrij" in client.get(f"/bijeenkomsten/{b.pk}/").content.decode()
    assert len(mail.outbox) == 1 and not mail.outbox[0].attachments
    (bevestig,) = re.findall(r"/bijeenkomsten/aanmelding/[^/\s]+/bevestigen/", mail.outbox[0].body)
    # A GET (a mail scanner) confirms nothing.
    assert "Aanmelding bevestigen" in client.get(bevestig).content.decode()
    a.refresh_from_db()
    assert a.status == AanmeldingStatus.ONBEVESTIGD
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(bevestig, follow=True)
    assert "U heeft een plaats" in response.content.decode()
    a.refresh_from_db()
    assert a.status == AanmeldingStatus.AANGEMELD and a.email_bevestigd_op is not None
    assert len(mail.outbox) == 2 and "U bent aangemeld" in mail.outbox[1].body
    assert "nog 1 plaats vrij" in client.get(f"/bijeenkomsten/{b.pk}/").content.decode()
    # The confirm link used again goes to the personal page; no third mail.
    assert client.get(bevestig).status_code == 302
    assert len(mail.outbox) == 2


def test_unconfirmed_registration_has_no_personal_page(client):
    a = AanmeldingFactory(status=AanmeldingStatus.ONBEVESTIGD)
    token = services.AANMELDING_LINK.pad(a)
    assert client.get(token).status_code == 404


def test_confirming_after_the_meeting_began_is_refused(client):
    begint_op = timezone.now() + datetime.timedelta(hours=3)
    b = BijeenkomstFactory(begint_op=begint_op, eindigt_op=begint_op + datetime.timedelta(hours=1))
    a = AanmeldingFactory(bijeenkomst=b, status=AanmeldingStatus.ONBEVESTIGD)
    bevestig = services.AANMELDING_BEVESTIG_LINK.pad(a)
    with time_machine.travel(a.bijeenkomst.begint_op):
        response = client.post(bevestig)
    assert response.status_code == 409
    assert "Aanmelden kan niet meer" in response.content.decode()
    a.refresh_from_db()
    assert a.status == AanmeldingStatus.ONBEVESTIGD


def test_malformed_email_on_the_form_shows_an_error(client):
    b = BijeenkomstFactory()
    response = client.post(f"/bijeenkomsten/{b.pk}/", {"naam": "Jan", "email": "jan@"})
    assert response.status_code == 400
    assert "naam@voorbeeld.nl" in response.content.decode()
    assert not Aanmelding.objects.exists()


def test_past_meeting_page_says_closed_and_refuses_registration(client):
    b = BijeenkomstFactory()
    with time_machine.travel(b.eindigt_op):
        html = client.get(f"/bijeenkomsten/{b.pk}/").content.decode()
        assert "Aanmelden kan niet meer" in html
        client.post(f"/bijeenkomsten/{b.pk}/", {"naam": "Jan", "email": "jan@example.nl"})
    assert not Aanmelding.objects.exists()


def test_cancel_link_cancels_once_and_then_says_so(client, django_capture_on_commit_callbacks):
    b = BijeenkomstFactory(capaciteit=1)
    with django_capture_on_commit_callbacks(execute=True):
        for naam in ("Jan", "Piet"):
            r = services.aanmelden(bijeenkomst=b, naam=naam, email=f"{naam.lower()}@example.nl")
            services.aanmelding_bevestigen(aanmelding_id=r.aanmelding.pk)
    token = _token_uit(mail.outbox[1].body)
    url = f"/bijeenkomsten/aanmelding/{token}/"
    html = client.get(url).content.decode()
    assert "Ik meld mij af" in html and b.videolink in html
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    html = client.get(url).content.decode()
    assert "U bent afgemeld" in html
    assert "Ik meld mij af" not in html
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    assert "U was al afgemeld" in client.get(url).content.decode()
    statuses = dict(Aanmelding.objects.values_list("email", "status"))
    assert statuses == {"jan@example.nl": "afgemeld", "piet@example.nl": "aangemeld"}


def test_forged_or_revoked_link_is_refused(client):
    a = AanmeldingFactory()
    assert client.get("/bijeenkomsten/aanmelding/nep-token/").status_code == 404
    links = hooks.persoonlijke_links(email=a.email)
    assert len(links) == 1
    oud = maak_token(soort=services.AANMELDING_LINK.naam, pk=a.pk, versie=1)
    assert client.get(f"/bijeenkomsten/aanmelding/{oud}/").status_code == 200
    assert client.get(links[0].url.replace("http://127.0.0.1:8000", "")).status_code == 200
    a.refresh_from_db()
    assert a.link_versie == 2
    assert client.get(f"/bijeenkomsten/aanmelding/{oud}/").status_code == 404


def test_ics_download(client):
    b = BijeenkomstFactory()
    response = client.get(f"/bijeenkomsten/{b.pk}/agenda.ics")
    assert response["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in response.content


def test_organiser_sees_and_exports_registrations(client, signed_in):
    b = BijeenkomstFactory()
    AanmeldingFactory(bijeenkomst=b, naam="=HYPERLINK(1)", onderwerp="Dijk")
    AanmeldingFactory(bijeenkomst=b, naam="Piet", status=AanmeldingStatus.WACHTLIJST)
    signed_in(b.organisator)
    html = client.get(f"/medewerker/bijeenkomsten/{b.pk}/").content.decode()
    assert "Wachtlijst, op volgorde (1)" in html
    response = client.get(f"/medewerker/bijeenkomsten/{b.pk}/aanmeldingen.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["naam", "e-mailadres", "status"]
    assert rows[1][0] == "'=HYPERLINK(1)"  # no formula in a spreadsheet
    assert {r[2] for r in rows[1:]} == {"Aangemeld", "Op de wachtlijst"}


def test_report_afterwards_is_public(client, signed_in):
    b = BijeenkomstFactory()
    signed_in(b.organisator)
    client.post(f"/medewerker/bijeenkomsten/{b.pk}/verslag/", {"verslag": "Zorgen over de dijk."})
    client.logout()
    assert "Zorgen over de dijk." in client.get(f"/bijeenkomsten/{b.pk}/").content.decode()


def test_kernwethouder_of_the_kern_sees_registrations_but_cannot_edit(client, signed_in):
    kern = KernFactory()
    b = BijeenkomstFactory(kern=kern)
    signed_in(MedewerkerFactory(rollen=["kernwethouder"], kernwethouder_van=[kern]))
    assert client.get(f"/medewerker/bijeenkomsten/{b.pk}/").status_code == 200
    assert client.get(f"/medewerker/bijeenkomsten/{b.pk}/bewerken/").status_code == 403


def test_kernambtenaar_creates_a_meeting(client, signed_in, kern, kernambtenaar):
    signed_in(kernambtenaar)
    start = timezone.localtime() + datetime.timedelta(days=3)
    response = client.post(
        "/medewerker/bijeenkomsten/nieuw/",
        {
            "soort": "startbijeenkomst",
            "titel": "Startbijeenkomst",
            "kern": kern.pk,
            "begint_op": start.strftime("%Y-%m-%dT%H:%M"),
            "eindigt_op": (start + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
            "locatie": "Dorpshuis",
            "capaciteit": "30",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert kern.bijeenkomsten.get().organisator == kernambtenaar


def _bijeenkomsten(n, kern):
    for _ in range(n):
        b = BijeenkomstFactory(kern=kern)
        AanmeldingFactory(bijeenkomst=b)
        AanmeldingFactory(bijeenkomst=b, status=AanmeldingStatus.WACHTLIJST)


@pytest.mark.parametrize("n", [2, 8])
def test_public_meeting_list_query_count_is_flat(client, django_assert_num_queries, n):
    _bijeenkomsten(n, KernFactory())
    with django_assert_num_queries(2):
        assert client.get("/bijeenkomsten/").status_code == 200


@pytest.mark.parametrize("n", [2, 8])
def test_staff_meeting_list_query_count_is_flat(client, signed_in, django_assert_num_queries, n):
    kern = KernFactory()
    _bijeenkomsten(n, kern)
    signed_in(MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern]))
    client.get("/medewerker/bijeenkomsten/")
    with django_assert_num_queries(6):
        assert client.get("/medewerker/bijeenkomsten/").status_code == 200


def test_kern_dashboard_query_count_is_flat(zonder_medewerker_cache, client, signed_in):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kernen.models import Kanaal
    from tests.participatie.factories import TrajectFactory

    kern = KernFactory()

    def vul(n, start):
        _bijeenkomsten(n, kern)
        for i in range(start, start + n):
            TrajectFactory(kernen=[kern])
            Kanaal.objects.create(kern=kern, naam=f"Kanaal {i}", soort="website")

    vul(2, 0)
    signed_in(MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern]))
    url = f"/medewerker/kernen/{kern.slug}/dashboard/"
    client.get(url)
    # Every app adds a panel to this page, so compare two sizes rather than pin a number.
    with CaptureQueriesContext(connection) as weinig:
        client.get(url)
    vul(6, 2)
    with CaptureQueriesContext(connection) as veel:
        html = client.get(url).content.decode()
    assert len(veel.captured_queries) == len(weinig.captured_queries)
    assert "Komende bijeenkomsten" in html and "Communicatietoolbox" in html
