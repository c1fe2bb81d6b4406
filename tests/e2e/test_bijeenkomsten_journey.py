import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from participatie.models import Aanmelding
from tests.factories import KernFactory
from tests.participatie.factories import BijeenkomstFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_resident_registers_for_a_meeting_and_cancels(page, axe_check, live_server):
    ingen = KernFactory(naam="Ingen", slug="ingen")
    b = BijeenkomstFactory(kern=ingen, titel="Koffiemoment Ingen", capaciteit=5)

    page.goto("/")
    page.get_by_role("link", name="Bijeenkomsten").first.click()
    axe_check(page)
    page.get_by_role("link", name="Koffiemoment Ingen").click()
    axe_check(page)

    # A malformed address is refused with a message that gets focus.
    page.get_by_label("Uw naam").fill("Jan Jansen")
    page.get_by_label("Uw e-mailadres").fill("jan@")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.locator("[data-error-summary]")).to_be_focused()
    axe_check(page)

    page.get_by_label("Uw e-mailadres").fill("jan@example.nl")
    page.get_by_label(re.compile("Waarover wilt u praten")).fill("De dijk")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor uw aanmelding")
    axe_check(page)

    # No place until the address is confirmed through the link in the first mail.
    assert Aanmelding.objects.get(bijeenkomst=b).status == "onbevestigd"
    bevestig = next(r.strip() for r in mail.outbox[-1].body.splitlines() if "/bevestigen/" in r)
    page.goto(bevestig.replace("http://127.0.0.1:8000", live_server.url))
    axe_check(page)
    page.get_by_role("button", name="Aanmelding bevestigen").click()
    expect(page.get_by_text("U heeft een plaats")).to_be_visible()
    axe_check(page)
    assert Aanmelding.objects.get(bijeenkomst=b).status == "aangemeld"
    bericht = mail.outbox[-1]
    assert bericht.attachments and bericht.attachments[0][0] == "bijeenkomst.ics"
    link = next(r.strip() for r in bericht.body.splitlines() if "/bijeenkomsten/aanmelding/" in r)
    page.goto(link.replace("http://127.0.0.1:8000", live_server.url))
    expect(page.get_by_text("Aangemeld", exact=True)).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Ik meld mij af").click()
    expect(page.get_by_text("U bent afgemeld.")).to_be_visible()
    axe_check(page)
    assert Aanmelding.objects.get(bijeenkomst=b).status == "afgemeld"


def test_organiser_sees_registrations(page, axe_check, sign_in_browser):
    from tests.participatie.factories import AanmeldingFactory

    b = BijeenkomstFactory(capaciteit=1)
    AanmeldingFactory(bijeenkomst=b, naam="Anna")
    AanmeldingFactory(bijeenkomst=b, naam="Henk", status="wachtlijst")
    sign_in_browser(page, b.organisator)
    page.get_by_role("link", name="Bijeenkomsten").last.click()
    axe_check(page)
    page.get_by_role("link", name=b.titel).click()
    expect(page.get_by_role("table", name=re.compile("Wachtlijst"))).to_contain_text("Henk")
    axe_check(page)
    page.get_by_role("link", name="Verslag schrijven").click()
    axe_check(page)
    page.get_by_role("link", name=re.compile("Terug naar")).click()
    page.get_by_role("link", name="Bijeenkomst wijzigen").click()
    axe_check(page)


def test_kernambtenaar_adds_a_channel_to_the_toolbox(page, axe_check, sign_in_browser):
    from tests.factories import MedewerkerFactory

    lienden = KernFactory(naam="Lienden", slug="lienden")
    user = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[lienden])
    sign_in_browser(page, user)
    page.get_by_role("link", name="Dashboard Lienden").click()
    axe_check(page)
    page.get_by_role("link", name="Toolbox van Lienden bekijken en wijzigen").click()
    axe_check(page)
    page.get_by_role("link", name="Kanaal toevoegen").click()
    page.get_by_label("Naam").fill("Lichtkrant Lienden")
    page.get_by_label("Soort").select_option("lichtkrant")
    page.get_by_label("Bereik").fill("Iedereen die door het dorp rijdt")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("link", name="Lichtkrant Lienden")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Organisatie toevoegen").click()
    axe_check(page)


def test_organiser_cancels_a_meeting_and_the_public_page_says_so(page, axe_check, sign_in_browser):
    from participatie.constants import BijeenkomstStatus
    from tests.participatie.factories import AanmeldingFactory

    ingen = KernFactory(naam="Ingen", slug="ingen")
    b = BijeenkomstFactory(kern=ingen, titel="Startbijeenkomst Ingen")
    AanmeldingFactory(bijeenkomst=b, email="jan@example.nl")
    sign_in_browser(page, b.organisator)

    page.goto(f"/medewerker/bijeenkomsten/{b.pk}/")
    axe_check(page)
    page.get_by_role("link", name="Bijeenkomst annuleren").click()
    axe_check(page)
    page.get_by_label(re.compile("Waarom gaat de bijeenkomst niet door")).fill(
        "De zaal is niet beschikbaar."
    )
    page.get_by_label(re.compile("Nieuwe datum of link")).fill("We komen op 3 juni samen.")
    page.get_by_role("button", name="Bijeenkomst annuleren").click()
    expect(page.get_by_text("De bijeenkomst is geannuleerd.")).to_be_visible()
    axe_check(page)

    page.goto(f"/bijeenkomsten/{b.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Geannuleerd: Startbijeenkomst Ingen")
    expect(page.get_by_text("De zaal is niet beschikbaar.")).to_be_visible()
    expect(page.get_by_role("button", name="Aanmelden")).to_have_count(0)
    axe_check(page)
    b.refresh_from_db()
    assert b.status == BijeenkomstStatus.GEANNULEERD
    assert [m.to for m in mail.outbox if "Gaat niet door" in m.subject] == [["jan@example.nl"]]
