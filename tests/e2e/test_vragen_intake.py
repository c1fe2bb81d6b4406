"""Journeys of a question coming in: an inwoner on a phone, and a kernambtenaar who registers
a question received by phone and routes it; then the inbox and the figures on a phone.
axe on every page."""

import re
from datetime import timedelta
from urllib.parse import urlparse

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE
from tests.factories import KernFactory, MedewerkerFactory, TeamFactory
from vragen import services
from vragen.constants import Kanaal, VraagStatus
from vragen.models import Routering, Vraag

pytestmark = pytest.mark.django_db(transaction=True)


def _link_path(body: str) -> str:
    return urlparse(re.search(r"https?://\S+/vragen/bevestigen/\S+", body).group(0)).path


def _past_op_het_scherm(page) -> None:
    """Nothing makes the whole page scroll sideways (wide tables scroll in their own box)."""
    breedte = page.evaluate("document.documentElement.scrollWidth")
    venster = page.evaluate("window.innerWidth")
    te_breed = page.evaluate(
        """w => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > w + 1)
        .filter(e => !e.closest('.portal-table-wrap') || e.matches('.portal-table-wrap'))
        .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > w + 1))
        .map(e => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)""",
        venster,
    )
    assert breedte <= venster, f"{page.url}: {breedte}px breed op {venster}px: {te_breed}"


def test_inwoner_asks_on_a_phone_fixes_a_mistake_and_follows_the_question(phone_page, axe_check):
    KernFactory(naam="Zoelen", slug="zoelen")
    inwoner = phone_page

    inwoner.goto("/vragen/stellen/")
    expect(inwoner.get_by_role("heading", level=1)).to_contain_text("vraag stellen")
    axe_check(inwoner)
    _past_op_het_scherm(inwoner)

    # First try: no kern chosen and a mistyped email address. The error summary gets focus,
    # names both problems, and what was typed is still there.
    inwoner.get_by_label("Onderwerp").fill("Kapotte lantaarnpaal")
    inwoner.get_by_label("Uw vraag of melding").fill(
        "De lantaarnpaal bij nummer 4 is al weken uit."
    )
    inwoner.get_by_label("Uw naam").fill("Sara Mol")
    inwoner.get_by_label("Uw e-mailadres").fill("sara.voorbeeld.nl")
    inwoner.get_by_role("button", name="Vraag versturen").click()
    summary = inwoner.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Kies een kern.")
    expect(summary).to_contain_text("Vul een e-mailadres in zoals naam@voorbeeld.nl.")
    expect(inwoner.get_by_label("Onderwerp")).to_have_value("Kapotte lantaarnpaal")
    expect(inwoner.get_by_label("Uw vraag of melding")).to_have_value(
        "De lantaarnpaal bij nummer 4 is al weken uit."
    )
    expect(inwoner.get_by_label("Uw naam")).to_have_value("Sara Mol")
    axe_check(inwoner)
    _past_op_het_scherm(inwoner)
    assert Vraag.objects.count() == 0

    # The link in the summary takes them to the field.
    summary.get_by_role("link", name=re.compile("Uw e-mailadres")).click()
    expect(inwoner.get_by_label("Uw e-mailadres")).to_be_focused()
    inwoner.get_by_label("Uw e-mailadres").fill("sara@voorbeeld.nl")
    inwoner.get_by_label("Over welke kern gaat het?").select_option(label="Zoelen")
    inwoner.get_by_role("radio", name="Signaal of melding").check()
    inwoner.get_by_role("button", name="Vraag versturen").click()
    expect(inwoner.get_by_role("heading", level=1)).to_have_text("Wij hebben uw vraag ontvangen")
    axe_check(inwoner)

    vraag = Vraag.objects.get()
    assert (vraag.kanaal, vraag.soort, vraag.email) == (
        Kanaal.PORTAAL,
        "signaal",
        "sara@voorbeeld.nl",
    )
    assert vraag.email_bevestigd_op is None
    bevestiging = next(m for m in mail.outbox if m.to == ["sara@voorbeeld.nl"])

    # The link from the email shows a button and confirms nothing yet (mail scanners follow
    # links); the button confirms the address and opens the personal page.
    inwoner.goto(_link_path(bevestiging.body))
    expect(inwoner.get_by_role("heading", level=1)).to_have_text("Bevestig uw e-mailadres")
    expect(inwoner.get_by_text("Kapotte lantaarnpaal", exact=False)).to_be_visible()
    axe_check(inwoner)
    _past_op_het_scherm(inwoner)
    vraag.refresh_from_db()
    assert vraag.email_bevestigd_op is None
    inwoner.get_by_role("button", name="Bevestigen").click()
    expect(inwoner.get_by_role("heading", level=1)).to_have_text("Uw vraag: Kapotte lantaarnpaal")
    expect(inwoner.get_by_text("Uw e-mailadres is bevestigd.")).to_be_visible()
    expect(inwoner.get_by_test_id("status")).to_have_text("Nieuw, nog niet doorgestuurd")
    expect(inwoner.get_by_text("De lantaarnpaal bij nummer 4 is al weken uit.")).to_be_visible()
    expect(inwoner.get_by_text("Er is nog geen antwoord.")).to_be_visible()
    axe_check(inwoner)
    _past_op_het_scherm(inwoner)
    vraag.refresh_from_db()
    assert vraag.email_bevestigd_op is not None


def test_kernambtenaar_registers_a_phoned_in_question_and_routes_it(
    page, axe_check, sign_in_browser
):
    lienden = KernFactory(naam="Lienden", slug="lienden")
    ka = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[lienden])
    team = TeamFactory(naam="Verkeer en vervoer")
    MedewerkerFactory(
        rollen=["beleidsmedewerker"], team=team, first_name="Bram", last_name="Bakker"
    )
    gisteren = timezone.localtime() - timedelta(days=1)

    sign_in_browser(page, ka)
    page.goto("/medewerker/vragen/")
    axe_check(page)
    page.get_by_role("link", name="Vraag registreren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vraag registreren")
    axe_check(page)

    page.get_by_label("Over welke kern gaat het?").select_option(label="Lienden")
    page.get_by_role("radio", name="Telefonisch").check()
    page.get_by_label("Ontvangen op").fill(gisteren.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Onderwerp").fill("Gladheid bij de brug")
    page.get_by_label("De vraag of melding").fill(
        "Mevrouw belde: de brug is 's ochtends spiegelglad."
    )
    page.get_by_label("Naam van de inwoner").fill("Mevrouw Kok")
    page.get_by_label("Telefoonnummer van de inwoner").fill("0344 111 222")
    page.get_by_role("button", name="Registreren").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Gladheid bij de brug")
    expect(page.get_by_text("Telefonisch", exact=False).first).to_be_visible()
    expect(page.get_by_test_id("status")).to_have_text("Nieuw, nog niet doorgestuurd")
    axe_check(page)

    vraag = Vraag.objects.get()
    assert vraag.kanaal == Kanaal.TELEFOON
    assert vraag.geregistreerd_door == ka
    assert timezone.localtime(vraag.ontvangen_op).date() == gisteren.date()
    # the week counts from the day of receipt, not from the moment it was typed in
    assert timezone.localtime(vraag.termijn_einde).date() == gisteren.date() + timedelta(days=7)

    page.get_by_label("Team (niet verplicht)", exact=True).select_option(label="Verkeer en vervoer")
    page.get_by_label("Beleidsmedewerker (niet verplicht)", exact=True).select_option(
        label="Bram Bakker (Verkeer en vervoer)"
    )
    page.get_by_label("Notitie voor de beleidsmedewerker").fill("Graag voor de winter.")
    page.get_by_role("button", name="Doorsturen").click()
    expect(page.get_by_test_id("status")).to_have_text("Doorgestuurd, wacht op antwoord")
    expect(page.get_by_text("Graag voor de winter.")).to_be_visible()
    axe_check(page)
    vraag.refresh_from_db()
    assert vraag.status == VraagStatus.DOORGESTUURD
    assert vraag.behandelaar.first_name == "Bram"
    assert Routering.objects.filter(vraag=vraag, door=ka).count() == 1

    # The same kernambtenaar on a phone (a second sign-in would reuse the TOTP code): the
    # deadline status is written out, each table sits in a named box that scrolls sideways
    # and can be reached with the keyboard, and nothing else is wider than the screen.
    page.set_viewport_size(PHONE)
    page.goto("/medewerker/vragen/")
    axe_check(page)
    rij = page.get_by_role("row", name=re.compile("Gladheid bij de brug"))
    expect(rij).to_contain_text("Op tijd")
    tabel = page.get_by_role("region", name=re.compile("Vragen op volgorde van termijn"))
    expect(tabel.locator("table")).to_have_count(1)
    expect(tabel).to_have_attribute("tabindex", "0")
    assert page.evaluate("document.querySelector('.portal-table-wrap').scrollWidth") > 390
    axe_check(page)  # the box really scrolls: it must be focusable
    _past_op_het_scherm(page)

    page.goto("/medewerker/vragen/cijfers/")
    axe_check(page)
    tabel = page.get_by_role("region", name=re.compile("Cijfers per team"))
    expect(tabel.get_by_role("row", name=re.compile("Verkeer en vervoer"))).to_be_visible()
    axe_check(page)
    _past_op_het_scherm(page)


def test_staff_pages_fit_a_phone_screen(page, axe_check, sign_in_browser):
    kern = KernFactory(naam="Maurik", slug="maurik")
    ka = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
    services.vraag_registreren(
        door=ka,
        kern=kern,
        kanaal=Kanaal.DORPSHUIS,
        onderwerp="Losse tegels bij de kerk",
        tekst="Bij de ingang van de kerk liggen tegels los.",
        naam="Mevrouw de Wit",
    )
    sign_in_browser(page, ka)
    page.set_viewport_size(PHONE)
    for url in ("/medewerker/vragen/", "/medewerker/vragen/cijfers/"):
        page.goto(url)
        axe_check(page)
        _past_op_het_scherm(page)
