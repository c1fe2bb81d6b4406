"""Browser journey: a resident votes on a phone and confirms by email; the kernambtenaar
closes the round, divides the money, and the public result shows the allocation."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core import mail
from django.utils.timezone import localdate
from playwright.sync_api import expect

from budgetten import services
from budgetten.constants import AanvraagStatus, RegelingCode, StemrondeFase
from budgetten.models import Aanvraag, Budgetpost, Stemronde
from budgetten.regels import CRITERIA
from tests.budgetten.factories import AanvraagFactory, StemrondeFactory, seed_regelingen
from tests.factories import KernFactory, MedewerkerFactory

pytestmark = pytest.mark.django_db(transaction=True)
ALLES_JA = dict.fromkeys(CRITERIA[RegelingCode.LEEFBAARHEID], True)


def _pad(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_resident_votes_on_phone_and_kernambtenaar_divides_the_budget(
    phone_page, page, axe_check, sign_in_browser
):
    seed_regelingen(localdate().year)
    kern = KernFactory(naam="Ingen", slug="ingen")
    ambtenaar = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
    ronde = StemrondeFactory(kern=kern, aangemaakt_door=ambtenaar)
    for titel, bedrag in (("Jeu-de-boulesbaan", "1500"), ("Bloembakken", "800")):
        a = AanvraagFactory(kern=kern, criteria=ALLES_JA, gevraagd_bedrag=Decimal(bedrag))
        services.kandidaat_beoordelen(
            stemronde_id=ronde.pk,
            aanvraag_id=a.pk,
            door=ambtenaar,
            toelaten=True,
            titel=titel,
            omschrijving=f"{titel} voor het hele dorp.",
        )
    services.stemronde_fase_wijzigen(stemronde_id=ronde.pk, naar=StemrondeFase.OPEN, door=ambtenaar)

    # The resident, on a phone.
    phone = phone_page
    phone.goto("/budgetten/")
    axe_check(phone)
    phone.get_by_role("link", name="Stem over het leefbaarheidsbudget van uw kern").click()
    axe_check(phone)
    phone.get_by_role("link", name=re.compile("Initiatieven in Ingen")).click()
    expect(phone.get_by_role("heading", level=1)).to_contain_text("Leefbaarheidsbudget Ingen")
    axe_check(phone)
    # Forgot to say they live in Ingen: the form explains.
    phone.get_by_label(re.compile("Jeu-de-boulesbaan")).check()
    phone.get_by_label("Uw e-mailadres").fill("Piet@Example.org")
    phone.get_by_role("button", name="Verstuur mijn stem").click()
    expect(phone.locator("[data-error-summary]")).to_be_focused()
    axe_check(phone)
    phone.get_by_label(re.compile("Jeu-de-boulesbaan")).check()
    phone.get_by_label("Ik woon in Ingen.").check()
    phone.get_by_role("button", name="Verstuur mijn stem").click()
    expect(phone.get_by_role("heading", level=1)).to_contain_text("bevestig uw stem")
    axe_check(phone)
    link = re.search(r"http://\S+/stemmen/bevestigen/\S+/", mail.outbox[-1].body)[0]
    phone.goto(_pad(link))
    axe_check(phone)
    phone.get_by_role("button", name="Ja, bevestig mijn stem").click()
    expect(phone.get_by_role("heading", level=1)).to_contain_text("uw stem telt")
    axe_check(phone)

    # The voting period is over.
    eind = localdate() - datetime.timedelta(days=1)
    Stemronde.objects.filter(pk=ronde.pk).update(
        stemmen_van=eind - datetime.timedelta(days=14), stemmen_tot=eind
    )

    sign_in_browser(page, ambtenaar)
    page.get_by_role("link", name="Stemrondes leefbaarheidsbudget").click()
    axe_check(page)
    page.get_by_role("link", name=f"Ingen {ronde.jaar}").click()
    expect(page.get_by_test_id("fase")).to_have_text("Stemmen is open")
    axe_check(page)
    page.get_by_role("button", name="Stemmen sluiten").click()
    expect(page.get_by_test_id("fase")).to_have_text("Stemmen is gesloten")
    axe_check(page)
    page.get_by_role("button", name="Geld verdelen").click()
    expect(page.get_by_test_id("fase")).to_have_text("Het geld is verdeeld")
    axe_check(page)
    page.get_by_role("link", name="Uitslag").click()
    axe_check(page)
    uitslag = page.get_by_test_id("uitslag")
    rij = uitslag.get_by_role("row", name=re.compile("Jeu-de-boulesbaan"))
    expect(rij).to_contain_text("€\u00a01.500,00")
    expect(rij).to_contain_text("Krijgt het gevraagde bedrag")
    expect(uitslag.get_by_role("row", name=re.compile("Bloembakken"))).to_contain_text(
        "Geen stemmen gekregen"
    )
    expect(page.get_by_test_id("totaal-toegekend")).to_have_text("€\u00a01.500,00")

    post = Budgetpost.objects.get(regeling__code=RegelingCode.LEEFBAARHEID, kern=kern)
    assert post.vastgelegd == Decimal("1500")
    assert Aanvraag.objects.filter(kern=kern, status=AanvraagStatus.TOEGEKEND).count() == 1
