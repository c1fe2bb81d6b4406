"""The phone journey of the EUR 100 street-event form, measured (issue 15, part 4).

A resident on a 360 x 640 phone applies for a street event with three cost lines, checks the
application and sends it. The test counts what that costs them and prints the figures
(run with `-s`; docs/telefoonreizen.md has the figures before and after the change):

- velden: visible inputs, selects and textareas of the form when it opens;
- tikken: taps needed: one per text field or checkbox (focus), two per select (open the
  picker, choose), one per button;
- schermen: page height / viewport height, when the form opens and after the check;
- afstand_kosten_knop: from the last cost line to the send button, in CSS px;
- afstand_resultaat_knop: after the check, from the computed contribution to the send button;
- scrollen_naar_knop_na_controle: where the checked page lands, how far (CSS px) the resident
  still scrolls before the send button is in view (0: it is in view).

The journey adapts to the form: a cost line that is not on the page is added with the
"Nog een kostenregel" button (one more tap), so the same test measures the old form (five
fixed rows) and the new one. It asserts only that the journey ends on the confirmation page;
the new form's own promises are checked in test_kostenregels_journey.py.
"""

import datetime
import json

import pytest
from django.utils.timezone import localdate
from playwright.sync_api import expect

from tests.budgetten.factories import seed_regelingen
from tests.factories import KernFactory

pytestmark = pytest.mark.django_db(transaction=True)

TELEFOON = {"width": 360, "height": 640}
KOSTEN = [("spel", "Springkussen", "60,00"), ("versiering", "Slingers", "25,50"),
          ("eten", "Hapjes", "40,00")]  # fmt: skip

VELDEN_JS = """() => [...document.querySelectorAll(
  'main form input:not([type=hidden]), main form select, main form textarea')]
  .filter(e => e.offsetParent !== null && getComputedStyle(e).visibility !== 'hidden').length"""
SCHERMEN_JS = "() => document.documentElement.scrollHeight / window.innerHeight"
# Top of an element on the page (not in the viewport), in CSS px.
Y_JS = "e => { const r = e.getBoundingClientRect(); return [r.top + scrollY, r.bottom + scrollY]; }"


class Reis:
    def __init__(self, page):
        self.page = page
        self.tikken = 0

    def tekst(self, locator, waarde: str) -> None:
        locator.tap()
        self.tikken += 1
        locator.fill(waarde)

    def keuze(self, locator, waarde: str = "", *, label: str = "") -> None:
        locator.scroll_into_view_if_needed()
        self.tikken += 2
        if label:
            locator.select_option(label=label)
        else:
            locator.select_option(waarde)

    def vink(self, locator) -> None:
        locator.tap()
        self.tikken += 1

    def knop(self, locator) -> None:
        locator.tap()
        self.tikken += 1


def telefoonreis(page) -> dict:
    page.goto("/budgetten/aanvragen/straatbijeenkomst/")
    reis = Reis(page)
    velden = page.evaluate(VELDEN_JS)
    schermen_start = page.evaluate(SCHERMEN_JS)
    reis.keuze(page.get_by_label("Kern"), label="Ingen")
    reis.tekst(page.get_by_label("Naam van de activiteit"), "Burendag Molenstraat")
    reis.tekst(page.get_by_label("Wat gaat u doen en waarom?"), "Spelletjes voor de straat")
    datum = (localdate() + datetime.timedelta(days=14)).isoformat()
    reis.tekst(page.get_by_label("Datum van de activiteit"), datum)
    reis.tekst(page.locator("#id_straat"), "Molenstraat")
    reis.keuze(page.get_by_label("Soort activiteit"), "burendag")
    reis.keuze(page.get_by_label("Voor wie is de activiteit?"), "iedereen")
    for naam in ("open_voor_iedereen", "maakt_straat_beter", "contact_buren"):
        reis.vink(page.locator(f"#id_criterium_{naam}"))
    reis.tekst(page.get_by_label("Uw naam"), "Anna de Boer")
    reis.tekst(page.get_by_label("Uw e-mailadres"), "anna@example.org")
    for i, (categorie, omschrijving, bedrag) in enumerate(KOSTEN):
        if page.locator(f"#id_kosten-{i}-categorie").count() == 0:
            reis.knop(page.get_by_role("button", name="Nog een kostenregel"))
            page.wait_for_selector(f"#id_kosten-{i}-categorie")
        reis.keuze(page.locator(f"#id_kosten-{i}-categorie"), categorie)
        reis.tekst(page.locator(f"#id_kosten-{i}-omschrijving"), omschrijving)
        reis.tekst(page.locator(f"#id_kosten-{i}-bedrag"), bedrag)
    laatste = page.locator(f"#id_kosten-{len(KOSTEN) - 1}-bedrag").evaluate(Y_JS)
    knop = page.get_by_role("button", name="Verstuur aanvraag").evaluate(Y_JS)
    # Wait for the checked page itself: the live total may already show the same figure.
    with page.expect_navigation():
        reis.knop(page.get_by_role("button", name="Controleer mijn aanvraag"))
    page.wait_for_load_state("load")
    expect(page.get_by_test_id("bijdrage")).to_have_text("€\u00a085,50")
    schermen_na_controle = page.evaluate(SCHERMEN_JS)
    resultaat = page.get_by_test_id("bijdrage").evaluate(Y_JS)
    knop_na = page.get_by_role("button", name="Verstuur aanvraag").evaluate(Y_JS)
    # Where the checked page lands (top, or the focused result) and how far the send
    # button is from being fully in view there.
    boven, onder = page.evaluate("() => [scrollY, scrollY + innerHeight]")
    scrollen = max(0, knop_na[1] - onder, boven - knop_na[0])
    reis.knop(page.get_by_role("button", name="Verstuur aanvraag"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("bevestig uw e-mailadres")
    return {
        "velden": velden,
        "tikken": reis.tikken,
        "schermen_start": round(schermen_start, 1),
        "schermen_na_controle": round(schermen_na_controle, 1),
        "afstand_kosten_knop": round(knop[0] - laatste[1]),
        "afstand_resultaat_knop": round(abs(knop_na[0] - resultaat[1])),
        "scrollen_naar_knop_na_controle": round(scrollen),
    }


def test_telefoonreis_straatbijeenkomst_met_drie_kostenregels(browser, live_server):
    """The browser fixture: /usr/bin/chromium with the flags of conftest.py."""
    seed_regelingen(localdate().year, localdate().year + 1)
    KernFactory(naam="Ingen", slug="ingen")
    uitkomst = {}
    for js in (True, False):
        context = browser.new_context(
            base_url=live_server.url,
            locale="nl-NL",
            viewport=TELEFOON,
            is_mobile=True,
            has_touch=True,
            java_script_enabled=js,
        )
        page = context.new_page()
        page.set_default_timeout(15_000)
        try:
            uitkomst["met_js" if js else "zonder_js"] = telefoonreis(page)
        finally:
            context.close()
    print("\nTELEFOONREIS " + json.dumps(uitkomst, sort_keys=True))
