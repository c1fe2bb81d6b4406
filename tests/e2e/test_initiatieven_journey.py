"""An inwoner proposes an initiative on a phone; the kernambtenaar commits to it."""

import re
from urllib.parse import urlparse

import pytest
from django.core import mail
from playwright.sync_api import expect

from initiatieven.models import Initiatief
from tests.factories import KernFactory, MedewerkerFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _link_path(body: str, soort: str) -> str:
    url = re.search(rf"https?://\S+/initiatieven/{soort}/\S+", body).group(0)
    return urlparse(url).path


def test_inwoner_submits_on_phone_and_follows_until_toegezegd(
    phone_page, page, axe_check, sign_in_browser
):
    ingen = KernFactory(naam="Ingen", slug="ingen")
    kernambtenaar = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[ingen])
    inwoner = phone_page

    # The inwoner finds the form from the start page.
    inwoner.goto("/")
    axe_check(inwoner)
    inwoner.get_by_role("link", name="Idee indienen voor uw kern").click()
    expect(inwoner.get_by_role("heading", level=1)).to_have_text("Uw idee voor de kern")
    axe_check(inwoner)

    # A first try with a missing field shows the error summary, with focus, and keeps input.
    inwoner.get_by_label("In welke kern?").select_option(label="Ingen")
    inwoner.get_by_label("Geef uw idee een korte naam").fill("Bankjes langs de Linge")
    inwoner.get_by_role("button", name="Idee versturen").click()
    summary = inwoner.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Vertel wat u wilt doen en waarom.")
    expect(inwoner.get_by_label("Geef uw idee een korte naam")).to_have_value(
        "Bankjes langs de Linge"
    )
    axe_check(inwoner)

    inwoner.get_by_label("Wat wilt u doen, en waarom?").fill(
        "Drie bankjes zodat ouderen onderweg kunnen uitrusten."
    )
    inwoner.get_by_label("Voor wie is het?").fill("Ouderen en wandelaars")
    inwoner.get_by_label("Advies", exact=True).check()
    inwoner.get_by_label("Uw naam").fill("Truus Bakker")
    inwoner.get_by_label("Uw e-mailadres").fill("truus@voorbeeld.nl")
    inwoner.get_by_label("Mijn voornaam mag op de website bij mijn initiatief staan").check()
    inwoner.get_by_label("Ik ga akkoord met de privacyverklaring").check()
    inwoner.get_by_role("button", name="Idee versturen").click()
    expect(inwoner.get_by_role("heading", level=1)).to_have_text(
        "Bijna klaar: bevestig uw e-mailadres"
    )
    axe_check(inwoner)
    assert Initiatief.objects.count() == 1

    # The confirmation email.
    (bevestig_mail,) = [m for m in mail.outbox if m.to == ["truus@voorbeeld.nl"]]
    inwoner.goto(_link_path(bevestig_mail.body, "bevestigen"))
    expect(inwoner.get_by_role("heading", level=1)).to_have_text("Bevestig uw initiatief")
    axe_check(inwoner)
    inwoner.get_by_role("button", name="Bevestigen").click()
    expect(inwoner.get_by_role("heading", level=1)).to_have_text("Bankjes langs de Linge")
    expect(inwoner.get_by_test_id("status")).to_have_text("Ingediend")
    axe_check(inwoner)
    mijn_pad = urlparse(inwoner.url).path

    # The kernambtenaar picks it up and commits to it.
    sign_in_browser(page, kernambtenaar)
    axe_check(page)
    page.get_by_role("link", name="Initiatieven").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Initiatieven")
    axe_check(page)
    page.get_by_role("link", name="Bankjes langs de Linge").click()
    expect(page.get_by_text("truus@voorbeeld.nl")).to_be_visible()
    axe_check(page)
    page.get_by_label("Nieuwe status").select_option(label="In behandeling")
    page.get_by_label("Toelichting voor de inwoner").fill("Wij bekijken uw idee deze week.")
    page.get_by_role("button", name="Status wijzigen").click()
    expect(page.get_by_test_id("status")).to_have_text("In behandeling")
    axe_check(page)
    page.get_by_label("Nieuwe status").select_option(label="Toegezegd")
    page.get_by_label("Toelichting voor de inwoner").fill("We plaatsen de bankjes in mei.")
    page.get_by_role("button", name="Status wijzigen").click()
    expect(page.get_by_test_id("status")).to_have_text("Toegezegd")
    axe_check(page)

    # The inwoner sees the new status, with the explanation, and got an email.
    inwoner.goto(mijn_pad)
    expect(inwoner.get_by_test_id("status")).to_have_text("Toegezegd")
    expect(inwoner.get_by_text("We plaatsen de bankjes in mei.")).to_be_visible()
    axe_check(inwoner)
    assert any("Toegezegd" in m.body and m.to == ["truus@voorbeeld.nl"] for m in mail.outbox)

    # And the public page of the kern shows it, with the first name only.
    inwoner.goto("/kernen/ingen/")
    inwoner.get_by_role("link", name="Bankjes langs de Linge").click()
    expect(inwoner.get_by_text("Truus", exact=True)).to_be_visible()
    expect(inwoner.get_by_text("Bakker")).to_have_count(0)
    axe_check(inwoner)
