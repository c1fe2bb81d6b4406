"""Browser journeys for the budgetten: a resident applies, staff and the college decide."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core import mail
from django.utils.timezone import localdate
from playwright.sync_api import expect

from budgetten.constants import AanvraagStatus, DeclaratieStatus, RegelingCode
from budgetten.models import Aanvraag, Declaratie
from tests.budgetten.factories import (
    PDF,
    AanvraagFactory,
    SignaleringsgroepFactory,
    regeling,
    seed_regelingen,
)
from tests.factories import KernFactory, MedewerkerFactory, TeamFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _pad(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_resident_applies_for_street_event_and_kernambtenaar_grants(
    page, axe_check, sign_in_browser
):
    seed_regelingen(localdate().year, localdate().year + 1)
    kern = KernFactory(naam="Ingen", slug="ingen")
    ambtenaar = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])

    page.goto("/")
    page.get_by_role("link", name="Geld voor uw initiatief").click()
    axe_check(page)
    page.get_by_role("link", name=re.compile("Vraag aan: bijdrage straat")).click()
    axe_check(page)
    page.get_by_label("Kern").select_option(label="Ingen")
    page.get_by_label("Naam van de activiteit").fill("Burendag Molenstraat")
    page.get_by_label("Wat gaat u doen en waarom?").fill("Spelletjes en muziek voor de straat")
    datum = (localdate() + datetime.timedelta(days=14)).isoformat()
    page.get_by_label("Datum van de activiteit").fill(datum)
    page.locator("#id_straat").fill("Molenstraat")
    page.get_by_label("Soort activiteit").select_option("burendag")
    page.locator("#id_kosten-0-categorie").select_option("spel")
    page.locator("#id_kosten-0-omschrijving").fill("Springkussen")
    page.locator("#id_kosten-0-bedrag").fill("85,00")
    page.locator("#id_kosten-1-categorie").select_option("eten")
    page.locator("#id_kosten-1-omschrijving").fill("Hapjes")
    page.locator("#id_kosten-1-bedrag").fill("40")
    page.get_by_label("Uw naam").fill("Anna de Boer")
    page.get_by_label("Uw e-mailadres").fill("anna@example.org")
    # Forgot the conditions: the check explains per field what is missing.
    page.get_by_role("button", name="Controleer mijn aanvraag").click()
    expect(page.locator("[data-error-summary]")).to_be_focused()
    expect(page.locator("#id_criterium_open_voor_iedereen_error")).to_contain_text("voorwaarde")
    expect(page.get_by_test_id("bijdrage")).to_have_text("€\u00a085,00")
    axe_check(page)
    for vraag in ("Alle bewoners", "gezelliger", "brengt buren"):
        page.get_by_label(re.compile(vraag)).check()
    page.get_by_role("button", name="Verstuur aanvraag").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("bevestig uw e-mailadres")
    axe_check(page)

    link = re.search(r"http://\S+/bevestigen/\S+/", mail.outbox[-1].body)[0]
    page.goto(_pad(link))
    axe_check(page)
    page.get_by_role("button", name="Ja, bevestig mijn aanvraag").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Burendag Molenstraat")
    expect(page.locator("main")).to_contain_text("Ingediend")
    axe_check(page)

    sign_in_browser(page, ambtenaar)
    page.get_by_role("link", name="Aanvragen budgetten").click()
    axe_check(page)
    page.get_by_role("link", name="Burendag Molenstraat").click()
    axe_check(page)
    page.get_by_label("Toekennen (geheel of deels)").check()
    page.get_by_label("Toegekend bedrag in euro").fill("85,00")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.locator(".portal-messages")).to_contain_text("besluit is vastgelegd")
    axe_check(page)
    aanvraag = Aanvraag.objects.get()
    assert aanvraag.status == AanvraagStatus.TOEGEKEND
    assert aanvraag.toegekend_bedrag == Decimal("85.00")
    assert "€\u00a085,00" in mail.outbox[-1].body


def test_bijzonder_initiatief_through_advice_and_college_queue(page, axe_check, sign_in_browser):
    seed_regelingen(localdate().year)
    kern = KernFactory(naam="Maurik", slug="maurik")
    ambtenaar = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
    college = MedewerkerFactory(rollen=["college"])
    aanvraag = AanvraagFactory(
        kern=kern,
        regeling=regeling(RegelingCode.BIJZONDER),
        titel="Repair café",
        gevraagd_bedrag=Decimal("2500.00"),
    )
    # The queue shows the pot of the application's own year (in December: next year's).
    vrij_in_budgetjaar = page.get_by_test_id(f"college-vrij-{aanvraag.jaar}")

    sign_in_browser(page, ambtenaar)
    page.get_by_role("link", name="Aanvragen budgetten").click()
    page.get_by_role("link", name="Repair café").click()
    axe_check(page)
    page.get_by_role("textbox", name="Advies aan het college").fill(
        "Positief, bereikt alle kernen."
    )
    page.get_by_label("Geadviseerd bedrag in euro").fill("2000")
    page.get_by_role("button", name="Stuur naar het college").click()
    expect(page.locator(".portal-messages")).to_contain_text("naar het college")
    axe_check(page)
    page.get_by_role("button", name="Uitloggen").click()

    sign_in_browser(page, college)
    page.get_by_role("link", name="Bijzondere initiatieven voor het college").click()
    expect(vrij_in_budgetjaar).to_have_text("€\u00a05.000,00")
    axe_check(page)
    page.get_by_role("link", name="Repair café").click()
    expect(page.locator("main")).to_contain_text("Positief, bereikt alle kernen.")
    axe_check(page)
    page.get_by_label("Toekennen (geheel of deels)").check()
    page.get_by_label("Toegekend bedrag in euro").fill("2000,00")
    page.get_by_role("button", name="Besluit vastleggen").click()
    # No motivation: refused with a message next to the field.
    expect(page.locator("#id_motivering_error")).to_contain_text("motivering")
    axe_check(page)
    page.get_by_label("Toekennen (geheel of deels)").check()
    page.get_by_label("Toegekend bedrag in euro").fill("2000,00")
    page.get_by_label("Motivering").fill("Past bij kerngericht werken; deels, zonder inventaris.")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("college")
    expect(vrij_in_budgetjaar).to_have_text("€\u00a03.000,00")
    expect(page.locator("main")).to_contain_text("Er ligt niets bij het college.")
    axe_check(page)


def test_coordinator_declares_with_receipt_and_team_veiligheid_approves(
    page, axe_check, sign_in_browser, tmp_path
):
    seed_regelingen(localdate().year)
    kern = KernFactory(naam="Zoelen", slug="zoelen")
    SignaleringsgroepFactory(naam="Signaleringsgroep Zoelen", kernen=[kern])
    coordinator = MedewerkerFactory(rollen=["coordinator-signalering"])
    veiligheid = TeamFactory(naam="Veiligheid", slug="veiligheid")
    beoordelaar = MedewerkerFactory(rollen=["beleidsmedewerker"], team=veiligheid)
    bon = tmp_path / "bon.pdf"
    bon.write_bytes(PDF)

    sign_in_browser(page, coordinator)
    page.get_by_role("link", name="Declaraties signaleringsgroepen").click()
    axe_check(page)
    page.get_by_role("link", name="Nieuwe declaratie indienen").click()
    axe_check(page)
    page.get_by_label("Signaleringsgroep").select_option(label="Signaleringsgroep Zoelen")
    page.get_by_label("Datum van de uitgave").fill(localdate().isoformat())
    page.get_by_label("Waarvoor").fill("Hesjes")
    page.get_by_label("Bedrag in euro").fill("750,01")
    page.get_by_label("Bon of factuur").set_input_files(str(bon))
    page.get_by_role("button", name="Declaratie indienen").click()
    expect(page.locator("[data-error-summary]")).to_contain_text("€ 750,00")
    axe_check(page)
    page.get_by_label("Bedrag in euro").fill("120,00")
    page.get_by_label("Bon of factuur").set_input_files(str(bon))
    page.get_by_role("button", name="Declaratie indienen").click()
    expect(page.locator(".portal-messages")).to_contain_text("ingediend")
    axe_check(page)
    page.get_by_role("button", name="Uitloggen").click()

    sign_in_browser(page, beoordelaar)
    page.get_by_role("link", name="Declaraties signaleringsgroepen").click()
    page.get_by_role("link", name="Hesjes").click()
    axe_check(page)
    page.get_by_label("Goedkeuren").check()
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.locator("main")).to_contain_text("Goedgekeurd")
    axe_check(page)
    assert Declaratie.objects.get().status == DeclaratieStatus.GOEDGEKEURD


def test_resident_applies_for_leefbaarheid_and_sees_money_left(page, axe_check):
    seed_regelingen(localdate().year, localdate().year + 1)
    kern = KernFactory(naam="Ravenswaaij", slug="ravenswaaij")
    AanvraagFactory(
        kern=kern,
        status=AanvraagStatus.TOEGEKEND,
        toegekend_bedrag=Decimal("1500.00"),
        activiteit_datum=localdate() + datetime.timedelta(days=3),
    )
    from budgetten.models import Budgetpost

    Budgetpost.objects.create(
        regeling=regeling(RegelingCode.LEEFBAARHEID),
        jaar=(localdate() + datetime.timedelta(days=3)).year,
        scope_sleutel=f"kern-{kern.pk}",
        kern=kern,
        budget=Decimal("2000.00"),
        vastgelegd=Decimal("1500.00"),
    )
    page.goto("/budgetten/aanvragen/leefbaarheid/")
    axe_check(page)
    page.get_by_label("Kern", exact=True).select_option(label="Ravenswaaij")
    page.get_by_label("Naam van de activiteit").fill("Bankjes langs de dijk")
    page.get_by_label("Wat gaat u doen en waarom?").fill("Rustplekken voor wandelaars")
    page.get_by_label("Datum van de activiteit").fill(
        (localdate() + datetime.timedelta(days=3)).isoformat()
    )
    page.get_by_label("Gevraagd bedrag in euro").fill("600")
    page.get_by_label("Wie steunen uw initiatief?").fill("De dorpsraad")
    for vraag in ("leefomgeving", "samen", "meerdere", "Alle inwoners"):
        page.get_by_label(re.compile(vraag)).check()
    page.get_by_label("Uw naam").fill("Piet")
    page.get_by_label("Uw e-mailadres").fill("piet@example.org")
    page.get_by_role("button", name="Verstuur aanvraag").click()
    expect(page.get_by_test_id("vrij")).to_have_text("€\u00a0500,00")
    expect(page.locator("#id_gevraagd_bedrag_error")).to_contain_text("€ 500,00 vrij")
    axe_check(page)
    page.get_by_label("Gevraagd bedrag in euro").fill("500,00")
    page.get_by_role("button", name="Verstuur aanvraag").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("bevestig uw e-mailadres")
    assert Aanvraag.objects.filter(titel="Bankjes langs de dijk").exists()
