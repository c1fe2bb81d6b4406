import re

import pytest
from playwright.sync_api import expect

from kernen.models import Kanaal
from participatie.models import Traject
from tests.factories import KernFactory, MedewerkerFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_beleidsmedewerker_creates_a_trajectory_through_its_steps(page, axe_check, sign_in_browser):
    lienden = KernFactory(naam="Lienden", slug="lienden")
    Kanaal.objects.create(kern=lienden, naam="Lichtkrant Lienden", soort="lichtkrant")
    user = MedewerkerFactory(rollen=["beleidsmedewerker"])
    sign_in_browser(page, user)

    page.get_by_role("link", name="Participatietrajecten").click()
    axe_check(page)
    page.get_by_role("link", name="Nieuw traject").click()
    axe_check(page)
    page.get_by_label("Titel").fill("Veilig naar school")
    page.get_by_label("Beleidsonderwerp").fill("Veiliger fietsroutes naar de basisscholen.")
    page.get_by_label(re.compile("Inwonersparticipatie")).check()
    page.get_by_label("Lienden").check()
    page.get_by_role("button", name="Traject aanmaken").click()

    # Step 1
    expect(page.get_by_role("heading", level=1)).to_contain_text("Stap 1")
    axe_check(page)
    page.get_by_label("Wat is geschikt voor participatie").fill("De routes en oversteekplekken.")
    page.get_by_role("button", name="Stap 1 opslaan").click()
    # Step 2: Factor C
    expect(page.get_by_role("heading", level=1)).to_contain_text("Stap 2")
    axe_check(page)
    page.locator("#id_betrokkenen-0-doelgroep").fill("Ouders")
    page.locator("#id_betrokkenen-0-belangen").fill("Veilige route")
    page.locator("#id_betrokkenen-0-informatiebehoefte").fill("Planning")
    page.get_by_role("button", name="Stap 2 opslaan").click()
    # Step 3: the ladder with its promises
    expect(page.get_by_role("heading", level=1)).to_contain_text("Stap 3")
    expect(page.get_by_text("U beslist zelf, binnen afgesproken grenzen").first).to_be_visible()
    axe_check(page)
    page.get_by_role("radio", name=re.compile("Adviseren:")).check()
    page.get_by_label("Waarom dit niveau").fill("Ouders kennen de routes het best.")
    page.get_by_role("button", name="Stap 3 opslaan").click()
    # Step 4: channels from the kern's toolbox
    expect(page.get_by_role("heading", level=1)).to_contain_text("Stap 4")
    axe_check(page)
    page.get_by_label(re.compile("Lichtkrant Lienden")).check()
    page.get_by_label("Communicatieplan").fill("Eerst de lichtkrant, dan een avond.")
    page.get_by_role("button", name="Stap 4 opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Stap 5")
    axe_check(page)

    traject = Traject.objects.get()
    page.goto(f"/medewerker/trajecten/{traject.pk}/")
    axe_check(page)
    page.get_by_role("button", name="Op de openbare pagina zetten").click()
    axe_check(page)
    page.get_by_role("link", name="Bekijk de openbare pagina").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Veilig naar school")
    expect(page.get_by_text("Wij volgen uw advies in principe")).to_be_visible()
    axe_check(page)
    assert traject.kanalen.get().naam == "Lichtkrant Lienden"


def test_step_out_of_order_explains_which_step_comes_first(page, axe_check, sign_in_browser):
    from tests.participatie.factories import TrajectFactory

    user = MedewerkerFactory(rollen=["beleidsmedewerker"])
    traject = TrajectFactory(eigenaar=user)
    sign_in_browser(page, user)
    page.goto(f"/medewerker/trajecten/{traject.pk}/stap/communicatieplan/")
    expect(page.get_by_role("alert")).to_contain_text("Rond eerst stap 1 af")
    axe_check(page)
    page.goto("/medewerker/trajecten/lessen/")
    axe_check(page)
