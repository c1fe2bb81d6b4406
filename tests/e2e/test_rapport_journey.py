from datetime import timedelta
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from budgetten.constants import AanvraagStatus, RegelingCode
from monitoring.rapport import laatste_volledige_halfjaar
from tests.budgetten.factories import AanvraagFactory, regeling
from tests.factories import KernFactory, MedewerkerFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_college_member_reads_the_half_yearly_report_and_downloads_it(
    page, axe_check, sign_in_browser
):
    vorige = laatste_volledige_halfjaar(timezone.localdate())
    asch = KernFactory(naam="Asch", slug="asch")
    KernFactory(naam="Zoelmond", slug="zoelmond")
    AanvraagFactory(
        kern=asch,
        regeling=regeling(RegelingCode.LEEFBAARHEID),
        status=AanvraagStatus.TOEGEKEND,
        toegekend_bedrag=Decimal("640.00"),
        besluit_op=vorige.begin + timedelta(days=20),
    )
    sign_in_browser(page, MedewerkerFactory(rollen=["college"]))

    page.get_by_role("link", name="Halfjaarrapport").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Halfjaarrapport kerngericht werken")
    expect(page.locator("#rapport-periode")).to_have_text(vorige.label)
    # the chart is an image with a name for screen readers; its figures are in a table
    expect(page.get_by_role("img", name="Toegekend geld per kern")).to_be_visible()
    expect(page.locator("#geld")).to_contain_text("€\u00a0640,00")
    axe_check(page)

    with page.expect_download() as info:
        page.get_by_role("link", name="Download het rapport als spreadsheet (XLSX)").click()
    blad = load_workbook(BytesIO(Path(info.value.path()).read_bytes()))["Geld per regeling"]
    assert "Asch" in [c.value for c in blad["A"]]

    # a year to come: a Dutch message at the field, the input kept
    volgend_jaar = str(timezone.localdate().year + 1)
    page.get_by_label("Jaar", exact=True).fill(volgend_jaar)
    page.get_by_role("button", name="Toon rapport").click()
    expect(page.get_by_role("alert").first).to_contain_text("Kies een jaar van 2019 tot en met")
    expect(page.get_by_label("Jaar", exact=True)).to_have_value(volgend_jaar)
    axe_check(page)

    page.get_by_label("Jaar", exact=True).fill(str(vorige.vorige().jaar))
    page.get_by_label(
        "Eerste helft (januari tot en met juni)"
        if vorige.vorige().helft == 1
        else "Tweede helft (juli tot en met december)"
    ).check()
    page.get_by_role("button", name="Toon rapport").click()
    expect(page.locator("#rapport-periode")).to_have_text(vorige.vorige().label)
    expect(page.locator("#geld")).not_to_contain_text("640,00")
    axe_check(page)
