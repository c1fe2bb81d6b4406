"""The pages: subscribe (bad input keeps what was typed), confirm (GET changes nothing),
unsubscribe (one click, no login, also the RFC 8058 POST of a mail program)."""

import re

import pytest
from django.core import mail
from django.test import Client

from volgen import services
from volgen.models import Abonnement

from .factories import AbonnementFactory


def _pad(url: str) -> str:
    return "/" + url.split("/", 3)[3]


@pytest.mark.django_db
def test_bad_input_shows_dutch_messages_at_the_fields_and_saves_nothing(client, kern):
    response = client.post("/volgen/", {"kern": "", "email": "geen-adres"})
    assert response.status_code == 200
    tekst = response.content.decode()
    assert "Kies de kern die u wilt volgen." in tekst
    assert "Vul een e-mailadres in zoals naam@voorbeeld.nl." in tekst
    assert "Ga akkoord met de privacyverklaring" in tekst
    assert 'value="geen-adres"' in tekst
    assert Abonnement.objects.count() == 0 and mail.outbox == []


@pytest.mark.django_db
def test_an_unknown_kern_is_refused(client):
    response = client.post("/volgen/", {"kern": "999999", "email": "a@b.nl", "privacy": "on"})
    assert "Kies een kern uit de lijst." in response.content.decode()
    assert Abonnement.objects.count() == 0


@pytest.mark.django_db
def test_the_kern_page_link_preselects_the_kern(client, kern):
    response = client.get(f"/volgen/?kern={kern.slug}")
    assert f'<option value="{kern.pk}" selected>' in response.content.decode()


@pytest.mark.django_db
def test_subscribe_then_confirm_with_the_button_not_with_the_get(client, kern):
    response = client.post("/volgen/", {"kern": kern.pk, "email": "a@b.nl", "privacy": "on"})
    assert response.status_code == 302
    bevestig = _pad(re.search(r"http\S+/volgen/bevestigen/\S+/", mail.outbox[0].body).group(0))
    assert client.get(bevestig).status_code == 200
    assert not Abonnement.objects.get().is_bevestigd  # a mail scanner's GET confirms nothing
    response = client.post(bevestig)
    assert response.status_code == 302 and "/volgen/gevolgd/" in response.url
    assert Abonnement.objects.get().is_bevestigd
    assert f"U volgt {kern.naam}" in client.get(response.url).content.decode()


@pytest.mark.django_db
def test_unsubscribe_is_one_button_without_login_and_get_changes_nothing(client, kern):
    abonnement = AbonnementFactory(kern=kern)
    pad = services.AFMELD_LINK.pad(abonnement)
    assert "Afmelden" in client.get(pad).content.decode()
    abonnement.refresh_from_db()
    assert not abonnement.is_opgezegd
    response = client.post(pad)
    assert response.status_code == 200
    assert "U bent afgemeld" in response.content.decode()
    abonnement.refresh_from_db()
    assert abonnement.is_opgezegd
    # a second click says the same and changes nothing
    assert "U bent afgemeld" in client.post(pad).content.decode()


@pytest.mark.django_db
def test_a_mail_programs_one_click_post_needs_no_csrf_cookie(kern):
    abonnement = AbonnementFactory(kern=kern)
    strikt = Client(enforce_csrf_checks=True)
    response = strikt.post(services.AFMELD_LINK.pad(abonnement), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    abonnement.refresh_from_db()
    assert abonnement.is_opgezegd


@pytest.mark.django_db
def test_a_forged_unsubscribe_link_is_refused_and_changes_nothing(client, kern):
    abonnement = AbonnementFactory(kern=kern)
    pad = services.AFMELD_LINK.pad(abonnement)
    assert client.post(pad[:-3] + "xx/").status_code == 404
    assert client.post("/volgen/afmelden/geen-geldige-link/").status_code == 404
    abonnement.refresh_from_db()
    assert not abonnement.is_opgezegd


@pytest.mark.django_db
def test_the_kern_page_offers_to_follow_the_kern(client, kern):
    assert f"/volgen/?kern={kern.slug}" in client.get(kern.get_absolute_url()).content.decode()
