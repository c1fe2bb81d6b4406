"""The residents' voice: three residents support an initiative and the count appears; a
resident goes from idea to budget application on one page; a kernambtenaar keeps the
kernprofiel and it shows publicly. axe-core on every page."""

import datetime
import re
from decimal import Decimal
from urllib.parse import urlparse

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from budgetten.models import Aanvraag
from initiatieven.constants import InitiatiefStatus
from initiatieven.services import PERSOONLIJKE_LINK
from tests.budgetten.factories import seed_regelingen
from tests.factories import KernFactory, MedewerkerFactory
from tests.initiatieven.factories import InitiatiefFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _pad(body: str, stuk: str) -> str:
    return urlparse(re.search(rf"https?://\S+{stuk}\S+", body).group(0)).path


def test_three_residents_support_an_initiative_and_the_count_appears(page, axe_check):
    kern = KernFactory(naam="Zoelen", slug="zoelen")
    initiatief = InitiatiefFactory(
        kern=kern, titel="Speeltuin opknappen", status=InitiatiefStatus.TOEGEZEGD
    )
    page.goto(initiatief.get_absolute_url())
    expect(page.get_by_test_id("steun-aantal")).to_have_text("0 inwoners steunen dit initiatief")
    axe_check(page)
    for n, email in enumerate(["an@voorbeeld.nl", "bo@voorbeeld.nl", "cas@voorbeeld.nl"], 1):
        page.goto(initiatief.get_absolute_url())
        page.get_by_role("link", name="Steun dit initiatief").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Steun Speeltuin opknappen")
        axe_check(page)
        if n == 1:
            # A wrong address: the error summary, and nothing counted.
            page.get_by_label("Uw e-mailadres").fill("geen-adres")
            page.get_by_role("button", name="Ik steun dit initiatief").click()
            expect(page.locator("[data-error-summary]")).to_be_focused()
            axe_check(page)
        page.get_by_label("Uw e-mailadres").fill(email)
        page.get_by_role("button", name="Ik steun dit initiatief").click()
        expect(page.get_by_role("status").first).to_contain_text("Wij hebben u een e-mail gestuurd")
        axe_check(page)
        (bericht,) = [m for m in mail.outbox if m.to == [email]]
        page.goto(_pad(bericht.body, "/initiatieven/steun/bevestigen/"))
        expect(page.get_by_role("heading", level=1)).to_have_text("Bevestig uw steun")
        axe_check(page)
        page.get_by_role("button", name="Steun bevestigen").click()
        tekst = "1 inwoner steunt" if n == 1 else f"{n} inwoners steunen"
        expect(page.get_by_test_id("steun-aantal")).to_have_text(f"{tekst} dit initiatief")
        axe_check(page)


def test_a_resident_goes_from_idea_to_budget_application_on_one_page(page, axe_check):
    seed_regelingen(timezone.localdate().year)
    kern = KernFactory(naam="Ingen", slug="ingen")
    idee = InitiatiefFactory(
        kern=kern,
        titel="Jeu-de-boulesbaan",
        hulp_geld=True,
        geld_indicatie=Decimal("450.00"),
        naam="Truus de Vries",
        email="truus@voorbeeld.nl",
    )
    page.goto(PERSOONLIJKE_LINK.pad(idee))
    expect(page.get_by_role("heading", level=1)).to_have_text("Jeu-de-boulesbaan")
    axe_check(page)
    page.get_by_role("link", name="Geld aanvragen").click()
    expect(page.get_by_test_id("bij-initiatief")).to_contain_text("Jeu-de-boulesbaan")
    axe_check(page)
    page.locator("a[href*='/budgetten/aanvragen/leefbaarheid/']").click()
    expect(page.get_by_label("Uw e-mailadres")).to_have_value("truus@voorbeeld.nl")
    expect(page.get_by_label("Naam van de activiteit of het initiatief")).to_have_value(
        "Jeu-de-boulesbaan"
    )
    axe_check(page)
    datum = timezone.localdate() + datetime.timedelta(days=40)
    page.get_by_label("Datum van de activiteit").fill(datum.isoformat())
    page.get_by_label("Wie steunen uw initiatief?").fill("De buren en de biljartclub")
    for vraag in (
        "Het initiatief maakt de leefomgeving beter",
        "Het initiatief brengt inwoners samen.",
        "Het initiatief is voor meerdere inwoners bedoeld.",
        "Alle inwoners van de straat, buurt of kern kunnen meedoen.",
    ):
        page.get_by_label(vraag).check()
    page.get_by_role("button", name="Verstuur aanvraag").click()
    page.wait_for_load_state()
    axe_check(page)
    aanvraag = Aanvraag.objects.get()
    assert aanvraag.initiatief_id == idee.pk
    (bericht,) = [m for m in mail.outbox if "Bevestig uw aanvraag" in m.subject]
    page.goto(_pad(bericht.body, "/budgetten/aanvraag/bevestigen/"))
    axe_check(page)
    page.get_by_role("button", name="Ja, bevestig mijn aanvraag").click()
    page.wait_for_load_state()
    axe_check(page)
    # Back on the one page of the idea: the application and its status are there.
    page.goto(PERSOONLIJKE_LINK.pad(idee))
    expect(page.get_by_test_id("initiatief-aanvragen")).to_contain_text("Jeu-de-boulesbaan")
    expect(page.get_by_test_id("aanvraag-status")).to_have_text(
        aanvraag.__class__.objects.get().get_status_display()
    )
    axe_check(page)


def test_a_kernambtenaar_edits_the_kernprofiel_and_it_shows_publicly(
    page, axe_check, sign_in_browser
):
    kern = KernFactory(naam="Ravenswaaij", slug="ravenswaaij")
    ka = MedewerkerFactory(
        rollen=["kernambtenaar"], kernambtenaar_van=[kern], first_name="Karin", last_name="Bos"
    )
    sign_in_browser(page, ka)
    page.goto(f"/medewerker/kernen/{kern.slug}/dashboard/")
    axe_check(page)
    page.get_by_role("link", name="Kernprofiel en fase van Ravenswaaij wijzigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kernprofiel en fase van Ravenswaaij")
    axe_check(page)
    page.get_by_label("2. Starten").check()
    page.get_by_label("Datum startbijeenkomst").fill("2026-03-10")
    page.get_by_label("Wat speelt er").fill("Vrachtverkeer over de dijk.")
    page.get_by_label("Actieve groepen").fill("Stichting Dorpsraad Ravenswaaij.")
    page.get_by_label("Wensen van inwoners").fill("Een trapveldje.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text("is opgeslagen")
    expect(page.get_by_test_id("kernprofiel-geschiedenis")).to_contain_text("Karin Bos")
    axe_check(page)
    page.goto(kern.get_absolute_url())
    expect(page.get_by_test_id("fase")).to_have_text("2. Starten")
    profiel = page.get_by_test_id("kernprofiel")
    expect(profiel).to_contain_text("Vrachtverkeer over de dijk.")
    expect(profiel).to_contain_text("Een trapveldje.")
    expect(page.get_by_text("10 maart 2026")).to_be_visible()
    axe_check(page)
