"""Browser journey: a resident votes on a phone from an address in the kern and confirms by
email (an address outside the kern and a second ballot for the same address are refused); the
kernambtenaar enters a paper ballot; the round closes itself at the end date; the kernambtenaar
confirms and divides the money, and the public result shows the allocation."""

import datetime
import re
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.utils import timezone
from django.utils.timezone import localdate
from playwright.sync_api import expect

from budgetten import services
from budgetten.constants import AanvraagStatus, RegelingCode, StemrondeFase
from budgetten.models import Aanvraag, Budgetpost, Stembiljet
from budgetten.regels import CRITERIA
from budgetten.tasks import stemrondes_sluiten
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
    kern = KernFactory(naam="Ingen", slug="ingen", postcodes=["4031"])
    ambtenaar = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
    ronde = StemrondeFactory(kern=kern, aangemaakt_door=ambtenaar)
    for titel, bedrag in (("Jeu-de-boulesbaan", "1200"), ("Bloembakken", "800")):
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
    expect(phone.get_by_test_id("stand")).to_have_text("Stemmen is open")
    axe_check(phone)
    # An address outside Ingen's postcodes is refused; the form keeps what was typed.
    phone.get_by_label(re.compile("Jeu-de-boulesbaan")).check()
    phone.get_by_label("Uw e-mailadres").fill("Piet@Example.org")
    phone.get_by_label("Postcode").fill("4116 aa")
    phone.get_by_label("Huisnummer").fill("12")
    phone.get_by_role("button", name="Verstuur mijn stem").click()
    expect(phone.locator("[data-error-summary]")).to_be_focused()
    expect(phone.locator("[data-error-summary]")).to_contain_text("hoort niet bij Ingen")
    expect(phone.get_by_label("Uw e-mailadres")).to_have_value("Piet@Example.org")
    axe_check(phone)
    assert not Stembiljet.objects.exists()
    phone.get_by_label(re.compile("Jeu-de-boulesbaan")).check()
    phone.get_by_label("Postcode").fill("4031 ab")
    phone.get_by_role("button", name="Verstuur mijn stem").click()
    expect(phone.get_by_role("heading", level=1)).to_contain_text("bevestig uw stem")
    axe_check(phone)
    link = re.search(r"http://\S+/stemmen/bevestigen/\S+/", mail.outbox[-1].body)[0]
    phone.goto(_pad(link))
    axe_check(phone)
    phone.get_by_role("button", name="Ja, bevestig mijn stem").click()
    expect(phone.get_by_role("heading", level=1)).to_contain_text("uw stem telt")
    axe_check(phone)

    # A housemate tries a second ballot for the same address: refused, nothing replaced.
    phone.goto(ronde.get_absolute_url())
    phone.get_by_label(re.compile("Bloembakken")).check()
    phone.get_by_label("Uw e-mailadres").fill("huisgenoot@example.org")
    phone.get_by_label("Postcode").fill("4031AB")
    phone.get_by_label("Huisnummer").fill("12")
    phone.get_by_role("button", name="Verstuur mijn stem").click()
    expect(phone.locator("[data-error-summary]")).to_contain_text(
        "Voor dit adres is in deze stemronde al gestemd"
    )
    axe_check(phone)
    assert Stembiljet.objects.count() == 1

    # The kernambtenaar enters a paper ballot from a resident without email.
    sign_in_browser(page, ambtenaar)
    page.get_by_role("link", name="Stemrondes leefbaarheidsbudget").click()
    axe_check(page)
    page.get_by_role("link", name=f"Ingen {ronde.jaar}").click()
    expect(page.get_by_test_id("fase")).to_have_text("Stemmen is open")
    axe_check(page)
    page.get_by_role("link", name="Papieren stem invoeren").click()
    axe_check(page)
    page.get_by_label("Postcode").fill("4031 cd")
    page.get_by_label("Huisnummer").fill("5")
    page.get_by_label("Bloembakken").check()
    page.get_by_role("button", name="Stem invoeren").click()
    expect(page.get_by_test_id("papier")).to_have_text("1")
    axe_check(page)
    assert Stembiljet.objects.get(ingevoerd_door=ambtenaar).bevestigd_op is not None

    # The day after the last voting day the periodic task closes the round by itself.
    na_einde = datetime.datetime.combine(
        ronde.stemmen_tot + datetime.timedelta(days=1),
        datetime.time(1, 0),
        tzinfo=timezone.get_current_timezone(),
    )
    mail.outbox.clear()
    with time_machine.travel(na_einde, tick=False):
        assert stemrondes_sluiten() == 1
        assert stemrondes_sluiten() == 0
    assert [m.to for m in mail.outbox] == [[ambtenaar.email]]
    phone.goto(ronde.get_absolute_url())
    expect(phone.get_by_test_id("stand")).to_have_text("Stemmen is gesloten")
    expect(phone.get_by_text("Stemmen is open")).to_have_count(0)
    expect(phone.get_by_role("button", name="Verstuur mijn stem")).to_have_count(0)
    axe_check(phone)

    page.goto(f"/medewerker/budgetten/stemrondes/{ronde.pk}/")
    expect(page.get_by_test_id("fase")).to_have_text("Stemmen is gesloten")
    axe_check(page)
    # Dividing cannot be undone: without the confirmation box nothing happens.
    page.get_by_role("button", name="Geld verdelen").click()
    expect(page.locator("[data-error-summary]")).to_contain_text("niet ongedaan")
    expect(page.get_by_test_id("fase")).to_have_text("Stemmen is gesloten")
    axe_check(page)
    page.get_by_label("Ik weet dat dit niet ongedaan kan worden.").check()
    page.get_by_role("button", name="Geld verdelen").click()
    expect(page.get_by_test_id("fase")).to_have_text("Het geld is verdeeld")
    axe_check(page)
    page.get_by_role("link", name="Uitslag").click()
    axe_check(page)
    uitslag = page.get_by_test_id("uitslag")
    rij = uitslag.get_by_role("row", name=re.compile("Jeu-de-boulesbaan"))
    expect(rij).to_contain_text("€\u00a01.200,00")
    expect(rij).to_contain_text("Krijgt het gevraagde bedrag")
    # Bloembakken's only vote is the paper ballot: it counted.
    bloemen = uitslag.get_by_role("row", name=re.compile("Bloembakken"))
    expect(bloemen).to_contain_text("Krijgt het gevraagde bedrag")
    expect(page.get_by_test_id("totaal-toegekend")).to_have_text("€\u00a02.000,00")

    post = Budgetpost.objects.get(regeling__code=RegelingCode.LEEFBAARHEID, kern=kern)
    assert post.vastgelegd == Decimal("2000")
    assert Aanvraag.objects.filter(kern=kern, status=AanvraagStatus.TOEGEKEND).count() == 2
