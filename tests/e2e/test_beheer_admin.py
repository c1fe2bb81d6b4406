"""Functioneel beheer in the Django admin (/beheer/), signed in through the portal with its
second factor: every kind of admin page passes axe-core with the best practices (the crawl's
rules, AXE_OPTIONS_STRENG) and the strict CSP blocks nothing on it - no inline style or script.
The walk runs at 1280 and at 320x640 CSS px (WCAG 1.4.10 reflow): at 320 px the page itself
never scrolls sideways; a wide table may scroll inside its own wrapper.

CSP violations are caught in the page itself (a `securitypolicyviolation` listener from an
init script) and from the console, both read before axe runs: axe-core's own injected script
adds a <style> that the CSP rightly blocks, which says nothing about the admin.
"""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from accounts.models import Rol, Team
from budgetten.models import Regeling
from kernen.models import Kern
from tests.factories import MedewerkerFactory

pytestmark = pytest.mark.django_db(transaction=True)

DESKTOP = {"width": 1280, "height": 900}
SMAL = {"width": 320, "height": 640}

CSP_LUISTERAAR = """
window.__cspOvertredingen = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspOvertredingen.push(`${e.violatedDirective} ${e.sourceFile}:${e.lineNumber}`);
});
"""


@pytest.fixture(params=[DESKTOP, SMAL], ids=["1280", "320"])
def beheer_pagina(request, page, sign_in_browser):
    page.set_viewport_size(request.param)
    call_command("seed")  # the functioneel-beheer group gets its admin permissions
    beheerder = MedewerkerFactory(rollen=[Rol.FUNCTIONEEL_BEHEER], is_staff=True)
    page.add_init_script(CSP_LUISTERAAR)
    console: list[str] = []
    page.on(
        "console",
        lambda m: console.append(m.text) if "Content Security Policy" in m.text else None,
    )
    sign_in_browser(page, beheerder)
    page.console_csp = console  # type: ignore[attr-defined]
    page.beheerder = beheerder  # type: ignore[attr-defined]
    return page


def _overflow(page) -> int:
    """How many px the page is wider than the viewport (a table's own scroll box not counted)."""
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def _controleer(page, axe_check_streng) -> None:
    page.wait_for_load_state("load")
    page.wait_for_timeout(200)  # console messages arrive after the load event
    in_pagina = page.evaluate("window.__cspOvertredingen")
    assert in_pagina == [], f"CSP blokkeert iets op {page.url}: {in_pagina}"
    assert page.console_csp == [], f"CSP-meldingen op {page.url}: {page.console_csp}"
    axe_check_streng(page)
    breder = _overflow(page)
    assert breder <= 0, f"{page.url} is {breder}px breder dan {page.viewport_size['width']} px"
    page.console_csp.clear()


def test_functioneel_beheer_uses_the_admin_without_axe_or_csp_findings(
    beheer_pagina, axe_check_streng
):
    page = beheer_pagina
    kern = Kern.objects.order_by("naam").first()
    regeling = Regeling.objects.order_by("pk").first()
    assert kern and regeling, "the seed makes kernen and regelingen"

    # The index: apps and models under Dutch names, the third-party ones too.
    page.goto("/beheer/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Websitebeheer")
    expect(page.get_by_role("link", name="Tweede factor: authenticator-apps")).to_be_visible()
    expect(page.get_by_role("link", name="Inlogbeveiliging", exact=True)).to_be_visible()
    expect(page.get_by_text("TOTP device")).to_have_count(0)
    _controleer(page, axe_check_streng)

    # Change lists with search, filters and actions; one read-only.
    page.goto("/beheer/accounts/medewerker/")
    expect(page.get_by_label("Zoeken")).to_be_visible()
    _controleer(page, axe_check_streng)
    page.goto("/beheer/core/mailbericht/")
    _controleer(page, axe_check_streng)
    page.goto("/beheer/otp_totp/totpdevice/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Selecteer authenticator-app om te wijzigen"
    )
    _controleer(page, axe_check_streng)

    # Change forms: date and time with a label each, the two-list picker, a tabular inline.
    page.goto(f"/beheer/accounts/medewerker/{page.beheerder.pk}/change/")
    expect(page.get_by_label("Datum:").first).to_be_visible()
    uitnodigen = page.get_by_role("button", name="Uitnodiging voor tweede factor versturen")
    expect(uitnodigen).to_be_visible()
    _controleer(page, axe_check_streng)
    # The invitation goes by mail; the admin only says where to (accounts.tweede_factor).
    uitnodigen.click()
    # Back on the medewerker's own page, not the list.
    expect(page).to_have_url(
        re.compile(rf"/beheer/accounts/medewerker/{page.beheerder.pk}/change/$")
    )
    expect(page.locator(".messagelist")).to_contain_text(
        f"Uitnodiging verstuurd naar {page.beheerder.email}"
    )
    _controleer(page, axe_check_streng)
    page.goto(f"/beheer/kernen/kern/{kern.pk}/change/")
    _controleer(page, axe_check_streng)
    page.goto(f"/beheer/budgetten/regeling/{regeling.pk}/change/")
    _controleer(page, axe_check_streng)
    page.goto(f"/beheer/kernen/kern/{kern.pk}/history/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Wijzigingsgeschiedenis")
    _controleer(page, axe_check_streng)

    # Adding a second factor: no key field (accounts.tweede_factor), the rest in Dutch.
    page.goto("/beheer/otp_totp/totpdevice/add/")
    expect(page.get_by_label("Tijdstap")).to_be_visible()
    expect(page.locator('[name="key"]')).to_have_count(0)
    _controleer(page, axe_check_streng)

    # A page with an error: a team without a name.
    page.goto("/beheer/accounts/team/add/")
    _controleer(page, axe_check_streng)
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.locator(".errornote")).to_be_visible()
    expect(page.locator(".errorlist").first).to_contain_text("Dit veld is vereist")
    _controleer(page, axe_check_streng)
    assert not Team.objects.filter(naam="").exists()
