import re

import pytest
from playwright.sync_api import expect

from tests.factories import KernFactory, MedewerkerFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_kernambtenaar_signs_in_with_second_factor_and_sees_kern_dashboard(
    page, axe_check, sign_in_browser
):
    ingen = KernFactory(naam="Ingen", slug="ingen")
    user = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[ingen])

    page.goto("/")
    axe_check(page)
    page.get_by_role("link", name="Inloggen medewerkers").click()
    sign_in_browser(page, user)

    expect(page.get_by_role("heading", level=1)).to_contain_text("Welkom")
    axe_check(page)
    page.get_by_role("link", name="Dashboard Ingen").click()
    expect(page).to_have_url(re.compile(r"/medewerker/kernen/ingen/dashboard/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard Ingen")
    axe_check(page)


def test_wrong_code_shows_one_message_and_keeps_username(page, axe_check):
    user = MedewerkerFactory(rollen=["kernambtenaar"])
    page.goto("/medewerker/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill("wachtwoord-test-123")
    page.get_by_label("Code uit uw authenticator-app").fill("000000")
    page.get_by_role("button", name="Inloggen").click()

    summary = page.locator("[data-error-summary]")
    expect(summary).to_contain_text("klopt niet")
    expect(summary).to_be_focused()
    expect(page.get_by_label("Gebruikersnaam")).to_have_value(user.username)
    axe_check(page)


def test_skip_link_moves_focus_to_main_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Direct naar de inhoud")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main#inhoud")).to_be_focused()
