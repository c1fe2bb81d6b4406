"""Browser journey: residents support a candidate of an open voting round and the count
appears on the public page and in the kernambtenaar's view; the kernambtenaar annuls a
disputed paper ballot through its confirm step. axe-core on every page."""

import re
from decimal import Decimal
from urllib.parse import urlparse

import pytest
from django.core import mail
from django.utils.timezone import localdate
from playwright.sync_api import expect

from budgetten import services
from budgetten.constants import RegelingCode, StemrondeFase
from budgetten.models import Stembiljet
from budgetten.regels import CRITERIA
from tests.budgetten.factories import AanvraagFactory, StemrondeFactory, seed_regelingen
from tests.factories import KernFactory, MedewerkerFactory

pytestmark = pytest.mark.django_db(transaction=True)
ALLES_JA = dict.fromkeys(CRITERIA[RegelingCode.LEEFBAARHEID], True)


def _pad(body: str, stuk: str) -> str:
    return urlparse(re.search(rf"https?://\S+{stuk}\S+", body).group(0)).path


def test_residents_support_a_candidate_and_the_count_appears(page, axe_check, sign_in_browser):
    seed_regelingen(localdate().year)
    kern = KernFactory(naam="Beusichem", slug="beusichem", postcodes=["4112"])
    ambtenaar = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
    ronde = StemrondeFactory(kern=kern, aangemaakt_door=ambtenaar)
    for titel in ("Pannaveldje", "Bankjes aan de dijk"):
        a = AanvraagFactory(kern=kern, criteria=ALLES_JA, gevraagd_bedrag=Decimal("400"))
        services.kandidaat_beoordelen(
            stemronde_id=ronde.pk,
            aanvraag_id=a.pk,
            door=ambtenaar,
            toelaten=True,
            titel=titel,
            omschrijving=f"{titel} voor het dorp.",
        )
    services.stemronde_fase_wijzigen(stemronde_id=ronde.pk, naar=StemrondeFase.OPEN, door=ambtenaar)
    veld = ronde.kandidaten.get(titel="Pannaveldje")
    kaart = page.get_by_test_id(f"kandidaat-{veld.pk}")

    page.goto(ronde.get_absolute_url())
    expect(kaart.get_by_test_id("kandidaat-steun-aantal")).to_have_text(
        "0 inwoners steunen dit initiatief"
    )
    axe_check(page)
    for n, email in enumerate(["ada@voorbeeld.nl", "bram@voorbeeld.nl"], 1):
        page.goto(ronde.get_absolute_url())
        kaart.get_by_role("link", name=re.compile("Steun Pannaveldje")).click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Steun Pannaveldje")
        axe_check(page)
        if n == 1:
            page.get_by_label("Uw e-mailadres").fill("geen-adres")
            page.get_by_role("button", name="Ik steun dit initiatief").click()
            expect(page.locator("[data-error-summary]")).to_be_focused()
            axe_check(page)
        page.get_by_label("Uw e-mailadres").fill(email)
        page.get_by_role("button", name="Ik steun dit initiatief").click()
        expect(page.get_by_role("status").first).to_contain_text("Wij hebben u een e-mail gestuurd")
        # Not confirmed yet: nothing counts.
        expect(kaart.get_by_test_id("kandidaat-steun-aantal")).to_contain_text(f"{n - 1} inwoner")
        axe_check(page)
        (bericht,) = [m for m in mail.outbox if m.to == [email]]
        page.goto(_pad(bericht.body, "/budgetten/stemmen/steun/bevestigen/"))
        expect(page.get_by_role("heading", level=1)).to_have_text("Bevestig uw steun")
        axe_check(page)
        page.get_by_role("button", name="Steun bevestigen").click()
        tekst = "1 inwoner steunt" if n == 1 else f"{n} inwoners steunen"
        expect(kaart.get_by_test_id("kandidaat-steun-aantal")).to_have_text(
            f"{tekst} dit initiatief"
        )
        axe_check(page)

    # The kernambtenaar sees the count, and annuls a disputed paper ballot.
    biljet = services.papieren_stem_invoeren(
        stemronde_id=ronde.pk,
        door=ambtenaar,
        kandidaat_ids=[veld.pk],
        postcode="4112AB",
        huisnummer=7,
    )
    sign_in_browser(page, ambtenaar)
    page.goto(f"/medewerker/budgetten/stemrondes/{ronde.pk}/")
    expect(page.get_by_test_id(f"beheer-steun-{veld.pk}")).to_have_text("2")
    axe_check(page)
    page.get_by_role("link", name="Papieren stem invoeren").click()
    axe_check(page)
    page.get_by_role("link", name=re.compile("Annuleren")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Papieren stem annuleren")
    axe_check(page)
    page.get_by_label("Ik weet dat dit niet ongedaan kan worden.").check()
    page.get_by_role("button", name="Papieren stem annuleren").click()
    expect(page.locator("[data-error-summary]")).to_be_focused()
    axe_check(page)
    biljet.refresh_from_db()
    assert biljet.geannuleerd_op is None
    page.get_by_label("Waarom annuleert u deze papieren stem?").fill(
        "De bewoner zegt niet op papier gestemd te hebben."
    )
    page.get_by_label("Ik weet dat dit niet ongedaan kan worden.").check()
    page.get_by_role("button", name="Papieren stem annuleren").click()
    expect(page.get_by_role("status").first).to_contain_text("telt niet meer mee")
    expect(page.get_by_test_id(f"papier-{biljet.pk}")).to_contain_text("geannuleerd op")
    expect(page.get_by_test_id("bevestigd")).to_have_text("0")
    axe_check(page)
    assert Stembiljet.objects.get(pk=biljet.pk).geannuleerd_door == ambtenaar
