"""A resident on a phone finds their kern's front door and proposes an idea for it."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from budgetten.constants import StemrondeFase
from initiatieven.constants import BijlageSoort, InitiatiefStatus, Thema
from initiatieven.models import Verhaal
from participatie.constants import Ladder, TrajectStatus
from tests.budgetten.factories import StemrondeFactory
from tests.factories import KernFactory
from tests.initiatieven.factories import BijlageFactory, InitiatiefFactory
from tests.participatie.factories import BijeenkomstFactory, TrajectFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_resident_goes_from_home_to_kern_page_and_proposes_an_idea(phone_page, axe_check):
    zoelen = KernFactory(naam="Zoelen", slug="zoelen")
    KernFactory(naam="Maurik", slug="maurik")
    BijeenkomstFactory(kern=zoelen, titel="Koffie met de kernwethouder", locatie="")
    TrajectFactory(
        kernen=[zoelen],
        titel="Nieuw dorpsplein",
        status=TrajectStatus.LOPEND,
        ladder=Ladder.ADVISEREN,
    )
    vandaag = timezone.localdate()
    StemrondeFactory(
        kern=zoelen,
        fase=StemrondeFase.OPEN,
        stemmen_van=vandaag,
        stemmen_tot=vandaag + datetime.timedelta(days=14),
    )
    initiatief = InitiatiefFactory(
        kern=zoelen, titel="Speelmiddag", status=InitiatiefStatus.AFGEROND, fotos_publiceren=True
    )
    verhaal = Verhaal.objects.create(
        initiatief=initiatief,
        titel="Een speelmiddag op het plein",
        thema=Thema.ONTMOETEN,
        samenvatting="Er kwamen veel kinderen.",
        wat_werkte="Het weer.",
        foto_beschrijving="Kinderen spelen op het dorpsplein",
        gepubliceerd_op=timezone.now(),
    )
    BijlageFactory(initiatief=initiatief, soort=BijlageSoort.VERSLAG)
    page = phone_page

    page.goto("/")
    axe_check(page)
    page.get_by_role("link", name="Zoelen", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Zoelen")
    expect(page.get_by_role("link", name="Koffie met de kernwethouder")).to_be_visible()
    expect(page.get_by_role("link", name="Nieuw dorpsplein")).to_be_visible()
    expect(page.get_by_role("link", name="Stem op initiatieven in Zoelen")).to_be_visible()
    inhoud = page.locator("#inhoud")
    expect(inhoud.get_by_role("link", name="Vraag stellen")).to_have_attribute(
        "href", "/vragen/stellen/?kern=zoelen"
    )
    expect(inhoud.get_by_role("link", name="Geld aanvragen")).to_be_visible()
    axe_check(page)

    page.get_by_role("link", name="Idee indienen voor Zoelen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw idee voor de kern")
    gekozen = page.get_by_label("In welke kern?").locator("option:checked")
    expect(gekozen).to_have_text("Zoelen")
    axe_check(page)

    # The story of a finished initiative shows its photo with a description.
    page.goto(verhaal.get_absolute_url())
    foto = page.get_by_role("img", name="Kinderen spelen op het dorpsplein")
    expect(foto).to_be_visible()
    assert foto.evaluate("img => img.complete && img.naturalWidth > 0")
    axe_check(page)
