"""Information pages for volunteers (content as data) and nominations for the volunteer prizes:
confirmed by mail, then routed to the kernambtenaar of that kern, who alone sees them."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone

from core.privacy import alles_opruimen
from initiatieven.models import Nominatie
from initiatieven.vrijwilligers import selectors, services
from initiatieven.vrijwilligers.inhoud import PAGINAS
from tests.factories import KernFactory, MedewerkerFactory

pytestmark = pytest.mark.django_db
URL = "/vrijwilligers/voordragen/"


@pytest.fixture(autouse=True)
def _on_commit_direct(monkeypatch):
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())


def _data(kern, **extra):
    data = {
        "genomineerde": "Truus van Dam",
        "kern": kern.pk,
        "waarom": "Zij runt al twintig jaar de bibliotheek in het dorpshuis.",
        "naam": "Kees Jansen",
        "email": "kees@voorbeeld.nl",
        "privacy": "on",
    }
    data.update(extra)
    return data


@pytest.mark.parametrize("pagina", [p.slug for p in PAGINAS])
def test_every_information_page_renders_with_its_title_and_actions(client, pagina):
    obj = selectors.info_pagina(pagina)
    html = client.get(f"/vrijwilligers/{pagina}/").content.decode()
    assert str(obj.titel) in html
    for actie in obj.acties:
        assert actie.url.replace("&", "&amp;") in html


def test_the_pages_cover_insurance_support_point_adviser_prizes_and_challenge():
    assert {p.slug for p in PAGINAS} >= {
        "vrijwilligersverzekering",
        "vrijwilligerssteunpunt",
        "vertrouwenspersoon",
        "vrijwilligersprijzen",
        "right-to-challenge",
    }


def test_an_unknown_page_is_404(client):
    assert client.get("/vrijwilligers/bestaat-niet/").status_code == 404


def test_the_footer_and_home_link_the_volunteer_pages(client):
    html = client.get("/").content.decode()
    assert 'href="/vrijwilligers/"' in html
    assert 'href="/vrijwilligers/right-to-challenge/"' in html


def test_the_challenge_page_links_to_the_form_with_the_kind_chosen(client):
    html = client.get("/vrijwilligers/right-to-challenge/").content.decode()
    assert "/initiatieven/indienen/?soort=right_to_challenge" in html


def test_bad_nomination_input_shows_dutch_messages_and_saves_nothing(client):
    response = client.post(URL, {"genomineerde": "", "kern": "", "waarom": "", "email": "x"})
    html = response.content.decode()
    assert "Vul de naam in van wie u voordraagt." in html
    assert "Kies de kern waar de vrijwilliger actief is." in html
    assert "Vertel waarom deze vrijwilliger een prijs verdient." in html
    assert "Vul een e-mailadres in zoals naam@voorbeeld.nl." in html
    assert Nominatie.objects.count() == 0 and mail.outbox == []


def test_a_nomination_reaches_the_kernambtenaar_only_after_confirmation(client, signed_in):
    kern, andere = KernFactory(), KernFactory()
    ka = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
    kx = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[andere])
    staf_ka, staf_kx = Client(), Client()
    signed_in(ka, staf_ka)
    signed_in(kx, staf_kx)
    assert client.post(URL, _data(kern)).status_code == 302
    (bevestigmail,) = mail.outbox
    assert bevestigmail.to == ["kees@voorbeeld.nl"]
    assert "Truus van Dam" not in staf_ka.get("/medewerker/voordrachten/").content.decode()

    link = re.search(
        r"https?://[^/\s]+(/vrijwilligers/voordragen/bevestigen/\S+/)", bevestigmail.body
    )
    assert client.get(link.group(1)).status_code == 200
    assert not Nominatie.objects.get().is_bevestigd  # a GET confirms nothing
    mail.outbox.clear()
    assert client.post(link.group(1)).status_code == 302
    assert [m.to for m in mail.outbox] == [[ka.email]]

    assert "Truus van Dam" in staf_ka.get("/medewerker/voordrachten/").content.decode()
    assert "Truus van Dam" not in staf_kx.get("/medewerker/voordrachten/").content.decode()


def test_the_list_is_for_kernambtenaren_only(client, signed_in):
    signed_in(MedewerkerFactory(rollen=["beleidsmedewerker"]))
    assert client.get("/medewerker/voordrachten/").status_code == 403


def test_nominations_are_kept_a_year_and_unconfirmed_ones_a_week():
    kern = KernFactory()
    begin = timezone.now()
    with time_machine.travel(begin, tick=False):
        bevestigd = services.nominatie_indienen(
            kern=kern, genomineerde="A", waarom="B", naam="C", email="c@voorbeeld.nl"
        )
        services.nominatie_bevestigen(nominatie_id=bevestigd.pk)
        services.nominatie_indienen(
            kern=kern, genomineerde="D", waarom="E", naam="F", email="f@voorbeeld.nl"
        )
    with time_machine.travel(begin + timedelta(days=7, minutes=1), tick=False):
        assert alles_opruimen()["nominatie_onbevestigd_verwijderd"] == 1
    assert list(Nominatie.objects.all()) == [bevestigd]
    with time_machine.travel(begin + timedelta(days=366), tick=False):
        assert alles_opruimen()["nominatie_verwijderd"] == 1
    assert Nominatie.objects.count() == 0
