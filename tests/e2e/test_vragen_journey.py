"""Journey: inwoner asks -> kernambtenaar routes -> beleidsmedewerker gives a process answer ->
inwoner sees it on their personal page and rates the help. axe on every page."""

import re
from datetime import date, timedelta

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.factories import KernFactory, MedewerkerFactory, TeamFactory
from vragen.constants import VraagStatus
from vragen.models import Vraag

pytestmark = pytest.mark.django_db(transaction=True)


def _staff_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def test_question_routed_process_answer_seen_and_rated(
    page, browser, live_server, axe_check, sign_in_browser
):
    ingen = KernFactory(naam="Ingen", slug="ingen")
    ka = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[ingen])
    team = TeamFactory(naam="Groen")
    bm = MedewerkerFactory(
        rollen=["beleidsmedewerker"], team=team, first_name="Bea", last_name="Groen"
    )

    # 1. the inwoner asks
    page.goto("/")
    axe_check(page)
    page.get_by_role("link", name="Vraag stellen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("vraag stellen")
    axe_check(page)
    page.get_by_role("button", name="Vraag versturen").click()  # empty: errors first
    expect(page.locator("[data-error-summary]")).to_be_focused()
    axe_check(page)
    page.get_by_label("Over welke kern gaat het?").select_option(label="Ingen")
    page.get_by_label("Onderwerp").fill("Overhangende takken")
    page.get_by_label("Uw vraag of melding").fill("Takken hangen over het fietspad.")
    page.get_by_label("Uw naam").fill("Jan de Vries")
    page.get_by_label("Uw e-mailadres").fill("jan@example.org")
    page.get_by_role("button", name="Vraag versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wij hebben uw vraag ontvangen")
    axe_check(page)
    bevestiging = next(m for m in mail.outbox if m.to == ["jan@example.org"])
    link = next(r for r in bevestiging.body.splitlines() if "/vragen/bevestigen/" in r).strip()
    bevestig_link = re.sub(r"^https?://[^/]+", "", link)
    vraag = Vraag.objects.get()

    # The link in the mail asks for one click (a GET confirms nothing), then shows the page.
    page.goto(bevestig_link)
    axe_check(page)
    vraag.refresh_from_db()
    assert vraag.email_bevestigd_op is None
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw vraag: Overhangende takken")
    axe_check(page)
    vraag.refresh_from_db()
    assert vraag.email_bevestigd_op is not None

    # 2. the kernambtenaar routes it
    context_ka, ka_page = _staff_page(browser, live_server)
    sign_in_browser(ka_page, ka)
    ka_page.goto("/medewerker/vragen/")
    axe_check(ka_page)
    ka_page.get_by_role("link", name=re.compile("Overhangende takken")).click()
    axe_check(ka_page)
    ka_page.get_by_label("Beleidsmedewerker (niet verplicht)", exact=True).select_option(
        label="Bea Groen (Groen)"
    )
    ka_page.get_by_label("Notitie voor de beleidsmedewerker").fill("Graag snel, druk fietspad.")
    ka_page.get_by_role("button", name="Doorsturen").click()
    expect(ka_page.get_by_test_id("status")).to_contain_text("Doorgestuurd")
    axe_check(ka_page)
    context_ka.close()

    # 3. the beleidsmedewerker gives a process answer with a promised date
    context_bm, bm_page = _staff_page(browser, live_server)
    sign_in_browser(bm_page, bm)
    bm_page.goto("/medewerker/vragen/")
    axe_check(bm_page)
    bm_page.get_by_role("link", name=re.compile("Overhangende takken")).click()
    expect(bm_page.get_by_text("Graag snel, druk fietspad.")).to_be_visible()
    axe_check(bm_page)
    belofte = date.today() + timedelta(days=14)  # noqa: DTZ011
    bm_page.get_by_role("radio", name=re.compile("Procesantwoord")).check()
    bm_page.get_by_label("Antwoord aan de inwoner").fill("De aannemer snoeit de takken.")
    bm_page.get_by_label("Inhoudelijk antwoord uiterlijk op").fill(belofte.isoformat())
    bm_page.get_by_role("button", name="Antwoord versturen").click()
    expect(bm_page.get_by_test_id("status")).to_contain_text("Procesantwoord")
    axe_check(bm_page)
    context_bm.close()
    vraag.refresh_from_db()
    assert vraag.status == VraagStatus.PROCESANTWOORD
    assert vraag.toegezegd_op == belofte

    # 4. the inwoner sees it and rates the help; the link from the first mail now leads
    # straight to the personal page
    page.goto(bevestig_link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw vraag: Overhangende takken")
    expect(page.get_by_text("De aannemer snoeit de takken.")).to_be_visible()
    expect(page.get_by_text("U krijgt het inhoudelijke antwoord uiterlijk op")).to_be_visible()
    axe_check(page)
    page.get_by_role("radio", name="8", exact=True).check()
    page.get_by_label("Toelichting").fill("Fijn dat ik snel iets hoorde.")
    page.get_by_role("button", name="Cijfer geven").click()
    expect(page.get_by_text("U gaf ons een 8")).to_be_visible()
    axe_check(page)
    vraag.refresh_from_db()
    assert vraag.waardering == 8
