"""The street-event form with JavaScript on a phone: lines added on the page, the running
total follows the typing (in an aria-live region), at most fifteen lines, and the result and
the send button together (issue 15, part 4); and without JavaScript the add button, and Enter
in a field, which sends the application rather than adding a line. The
server side in detail: tests/budgetten/test_kostenregels.py.
"""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils.timezone import localdate
from playwright.sync_api import expect

from budgetten.models import Aanvraag
from tests.budgetten.factories import seed_regelingen
from tests.factories import KernFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _regel(page, i: int, categorie: str, omschrijving: str, bedrag: str) -> None:
    page.locator(f"#id_kosten-{i}-categorie").select_option(categorie)
    page.locator(f"#id_kosten-{i}-omschrijving").fill(omschrijving)
    page.locator(f"#id_kosten-{i}-bedrag").fill(bedrag)


def test_resident_adds_cost_lines_and_sees_the_total_follow(phone_page, axe_check_streng):
    page = phone_page
    seed_regelingen(localdate().year, localdate().year + 1)
    KernFactory(naam="Ingen", slug="ingen")
    page.goto("/budgetten/aanvragen/straatbijeenkomst/")
    axe_check_streng(page)
    totaal_veld = page.locator("#id_kosten-TOTAL_FORMS")
    expect(totaal_veld).to_have_value("2")
    expect(page.locator("[data-kostenpost]")).to_have_count(2)
    regio = page.locator("[data-kostentotaal]")
    expect(regio).to_have_attribute("aria-live", "polite")
    expect(page.get_by_test_id("kosten-ruimte")).to_have_text(
        "Nog €\u00a0100,00 over tot het maximum van €\u00a0100,00."
    )
    # A marker on the page: adding a line must not reload it.
    page.evaluate("() => { window.zelfdePagina = true; }")

    _regel(page, 0, "spel", "Springkussen", "60,00")
    expect(page.get_by_test_id("kosten-totaal")).to_have_text("€\u00a060,00")
    expect(page.get_by_test_id("bijdrage")).to_have_text("€\u00a060,00")

    knop = page.get_by_role("button", name="Nog een kostenregel")
    knop.click()
    expect(page.locator("[data-kostenpost]")).to_have_count(3)
    expect(totaal_veld).to_have_value("3")
    expect(page.locator("#id_kosten-2-categorie")).to_be_focused()
    expect(page.locator("[data-kostenpost]").nth(2).locator("legend")).to_have_text("Kostenpost 3")
    expect(page.get_by_label("Soort kosten").nth(2)).to_have_attribute("name", "kosten-2-categorie")
    assert page.evaluate("() => window.zelfdePagina") is True

    _regel(page, 2, "eten", "Hapjes", "40")
    expect(page.get_by_test_id("kosten-totaal")).to_have_text("€\u00a0100,00")
    expect(page.get_by_test_id("kosten-telt-mee")).to_have_text("€\u00a060,00")
    expect(page.get_by_test_id("kosten-ruimte")).to_have_text(
        "Nog €\u00a040,00 over tot het maximum van €\u00a0100,00."
    )
    # Cents add up exactly; a refused amount is not counted; over the maximum it says so.
    _regel(page, 1, "versiering", "Slingers", "40,10")
    expect(page.get_by_test_id("kosten-telt-mee")).to_have_text("€\u00a0100,10")
    expect(page.get_by_test_id("kosten-ruimte")).to_have_text(
        "€\u00a00,10 boven het maximum van €\u00a0100,00: dat deel betaalt u zelf."
    )
    expect(page.get_by_test_id("bijdrage")).to_have_text(
        "€\u00a0100,00 (ten hoogste €\u00a0100,00)"
    )
    page.locator("#id_kosten-1-bedrag").fill("40,105")
    expect(page.get_by_test_id("kosten-telt-mee")).to_have_text("€\u00a060,00")
    page.locator("#id_kosten-1-bedrag").fill("25,20")
    expect(page.get_by_test_id("kosten-totaal")).to_have_text("€\u00a0125,20")
    expect(page.get_by_test_id("kosten-telt-mee")).to_have_text("€\u00a085,20")
    axe_check_streng(page)

    # Up to fifteen lines; then the button goes and a message says why.
    for _ in range(12):
        knop.click()
    expect(page.locator("[data-kostenpost]")).to_have_count(15)
    expect(totaal_veld).to_have_value("15")
    expect(knop).to_be_hidden()
    expect(page.locator("[data-kostenregels-vol]")).to_be_visible()
    expect(page.locator("[data-kostenregels-vol]")).to_contain_text("ten hoogste 15 kostenregels")
    axe_check_streng(page)

    page.get_by_label("Kern").select_option(label="Ingen")
    page.get_by_label("Naam van de activiteit").fill("Burendag Molenstraat")
    page.get_by_label("Wat gaat u doen en waarom?").fill("Spelletjes voor de straat")
    datum = (localdate() + datetime.timedelta(days=14)).isoformat()
    page.get_by_label("Datum van de activiteit").fill(datum)
    page.locator("#id_straat").fill("Molenstraat")
    page.get_by_label("Soort activiteit").select_option("burendag")
    for vraag in ("Alle bewoners", "gezelliger", "brengt buren"):
        page.get_by_label(re.compile(vraag)).check()
    page.get_by_label("Uw naam").fill("Anna de Boer")
    page.get_by_label("Uw e-mailadres").fill("anna@example.org")
    page.get_by_role("button", name="Controleer mijn aanvraag").click()
    # The check lands on the result, with the send button right under it.
    expect(page.locator("#resultaat")).to_be_focused()
    expect(page.locator("#resultaat")).to_contain_text("Alles is goed ingevuld.")
    expect(page.get_by_role("button", name="Verstuur aanvraag")).to_be_in_viewport()
    expect(page.locator("[data-kostenpost]")).to_have_count(15)  # kept, empty lines too
    expect(page.get_by_test_id("kosten-totaal")).to_have_text("€\u00a0125,20")
    axe_check_streng(page)
    page.get_by_role("button", name="Verstuur aanvraag").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("bevestig uw e-mailadres")
    aanvraag = Aanvraag.objects.get()
    assert [k.bedrag for k in aanvraag.kostenposten.all()] == [
        Decimal("60.00"),
        Decimal("25.20"),
        Decimal("40.00"),
    ]
    assert aanvraag.gevraagd_bedrag == Decimal("85.20")


def test_without_javascript_the_button_posts_and_the_new_line_gets_the_focus(browser, live_server):
    # No axe here: axe-core runs in the page and waits on timers that never fire without
    # JavaScript; the same markup is checked by axe in the test above.
    seed_regelingen(localdate().year, localdate().year + 1)
    context = browser.new_context(
        base_url=live_server.url,
        locale="nl-NL",
        viewport={"width": 360, "height": 640},
        is_mobile=True,
        has_touch=True,
        java_script_enabled=False,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto("/budgetten/aanvragen/straatbijeenkomst/")
        page.get_by_label("Naam van de activiteit").fill("Burendag")
        _regel(page, 0, "geluid", "Geluid", "70")
        _regel(page, 1, "prijzen", "Prijzen", "40")
        page.get_by_role("button", name="Nog een kostenregel").click()
        page.wait_for_load_state()
        expect(page.locator("[data-kostenpost]")).to_have_count(3)
        expect(page.locator("#id_kosten-2-categorie")).to_be_focused()
        expect(page.get_by_label("Naam van de activiteit")).to_have_value("Burendag")
        expect(page.locator("#id_kosten-0-categorie")).to_have_value("geluid")
        expect(page.locator("#id_kosten-0-omschrijving")).to_have_value("Geluid")
        expect(page.locator("#id_kosten-1-bedrag")).to_have_value("40")
        expect(page.get_by_test_id("kosten-telt-mee")).to_have_text("€\u00a0110,00")
        expect(page.get_by_test_id("kosten-ruimte")).to_contain_text("€\u00a010,00 boven")
        expect(page.locator("[data-error-summary]")).to_have_count(0)
        assert Aanvraag.objects.count() == 0
    finally:
        context.close()


def _zonder_javascript(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url,
        locale="nl-NL",
        viewport={"width": 360, "height": 640},
        java_script_enabled=False,
    )
    context.set_default_timeout(15_000)
    return context


def test_without_javascript_enter_in_a_field_sends_the_application(browser, live_server):
    # Enter presses the form's first submit button; "Nog een kostenregel" comes before
    # "Verstuur aanvraag" in the page, so without the hidden default button at the top of the
    # form Enter would only add a line and show the form again.
    seed_regelingen(localdate().year, localdate().year + 1)
    KernFactory(naam="Ingen", slug="ingen")
    context = _zonder_javascript(browser, live_server)
    page = context.new_page()
    try:
        page.goto("/budgetten/aanvragen/straatbijeenkomst/")
        page.get_by_label("Kern").select_option(label="Ingen")
        page.get_by_label("Naam van de activiteit").fill("Burendag Molenstraat")
        page.get_by_label("Wat gaat u doen en waarom?").fill("Spelletjes voor de straat")
        datum = (localdate() + datetime.timedelta(days=14)).isoformat()
        page.get_by_label("Datum van de activiteit").fill(datum)
        page.locator("#id_straat").fill("Molenstraat")
        page.get_by_label("Soort activiteit").select_option("burendag")
        for vraag in ("Alle bewoners", "gezelliger", "brengt buren"):
            page.get_by_label(re.compile(vraag)).check()
        _regel(page, 0, "spel", "Springkussen", "60,00")
        page.get_by_label("Uw naam").fill("Anna de Boer")
        page.get_by_label("Uw e-mailadres").fill("anna@example.org")
        # The copy is hidden from assistive technology: one "Verstuur aanvraag" is announced.
        expect(page.get_by_role("button", name="Verstuur aanvraag")).to_have_count(1)

        page.get_by_label("Uw naam").press("Enter")
        page.wait_for_load_state()
        expect(page.get_by_role("heading", level=1)).to_contain_text("bevestig uw e-mailadres")
        aanvraag = Aanvraag.objects.get()
        assert aanvraag.titel == "Burendag Molenstraat"
        assert [k.bedrag for k in aanvraag.kostenposten.all()] == [Decimal("60.00")]
    finally:
        context.close()
