import re
from datetime import date

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from monitoring.models import Actiepunt
from monitoring.periodes import Halfjaar
from tests.factories import KernFactory, MedewerkerFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_college_member_picks_the_previous_half_year_and_marks_an_action_point_gereed(
    page, axe_check, sign_in_browser
):
    KernFactory(naam="Zoelmond", slug="zoelmond")
    punt = Actiepunt.objects.create(
        sleutel="convenant-dorpsbelangen",
        onderdeel="samenleving",
        omschrijving="Afspraken vastleggen in een convenant met de dorpsbelangen.",
        planning="Q2 2021",
        uiterlijk_op=date(2021, 6, 30),
    )
    vorige = Halfjaar.van_datum(timezone.localdate()).vorige()
    sign_in_browser(page, MedewerkerFactory(rollen=["college"]))

    page.get_by_role("link", name="Monitoring per half jaar").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Monitoring kerngericht werken")
    axe_check(page)
    page.get_by_label("Half jaar", exact=True).select_option(vorige.code)
    page.get_by_role("button", name="Toon").click()
    expect(page.get_by_text(f"Cijfers per kern, {vorige.label.lower()}")).to_be_visible()
    expect(page.locator("#zonder-activiteit")).to_contain_text("Zoelmond")
    axe_check(page)

    page.get_by_role("link", name=re.compile(r"Status wijzigen\W*Afspraken")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Status actiepunt wijzigen")
    axe_check(page)
    page.get_by_label("Gereed").check()
    page.get_by_label("Korte notitie").fill("Convenant getekend.")
    page.get_by_role("button", name="Status opslaan").click()

    expect(page.get_by_text("De status van het actiepunt is opgeslagen.")).to_be_visible()
    expect(page.get_by_text(f"Cijfers per kern, {vorige.label.lower()}")).to_be_visible()
    expect(page.get_by_text("Er zijn geen actiepunten te laat.")).to_be_visible()
    axe_check(page)
    punt.refresh_from_db()
    assert punt.status == "gereed" and punt.notitie == "Convenant getekend."
