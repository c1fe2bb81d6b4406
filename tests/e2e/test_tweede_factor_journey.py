"""A new medewerker sets up an authenticator app from the invitation mail, in the browser."""

import re
from base64 import b32decode

import pytest
from django.core import mail
from django_otp.oath import totp
from playwright.sync_api import expect

from accounts.services import tweede_factor_uitnodigen
from tests.factories import TEST_PASSWORD, MedewerkerFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _geen_zijwaartse_scroll(page) -> int:
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def test_medewerker_sets_up_the_app_from_the_invitation_and_is_signed_in(page, axe_check_streng):
    medewerker = MedewerkerFactory(rollen=["kernambtenaar"], email="nieuw@buren.example")
    tweede_factor_uitnodigen(medewerker=medewerker)  # commits: the mail goes out (eager)
    assert [m.to for m in mail.outbox] == [["nieuw@buren.example"]]
    pad = re.search(r"https?://\S+?(/medewerker/tweede-factor/\S+/)", mail.outbox[0].body)[1]

    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(pad)
    expect(page.get_by_role("heading", level=1)).to_have_text("Authenticator-app instellen")
    expect(
        page.get_by_role("img", name="QR-code om uw authenticator-app in te stellen")
    ).to_be_visible()
    axe_check_streng(page)

    page.set_viewport_size({"width": 320, "height": 640})
    assert _geen_zijwaartse_scroll(page) <= 0
    axe_check_streng(page)
    page.set_viewport_size({"width": 1280, "height": 800})

    # A typo in the password: the error summary gets the focus and the form stays.
    page.get_by_label("Uw wachtwoord").fill("verkeerd-wachtwoord")
    page.get_by_label("Code uit uw authenticator-app").fill("123456")
    page.get_by_role("button", name="App instellen en inloggen").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_contain_text("Het wachtwoord klopt niet")
    expect(summary).to_be_focused()
    axe_check_streng(page)

    # What the person would type into the app by hand, read from the page itself.
    sleutel = page.locator("#sleutel").inner_text().replace(" ", "")
    code = f"{totp(b32decode(sleutel)):06d}"
    page.get_by_label("Uw wachtwoord").fill(TEST_PASSWORD)
    page.get_by_label("Code uit uw authenticator-app").fill(code)
    page.get_by_role("button", name="App instellen en inloggen").click()

    expect(page).to_have_url(re.compile(r"/medewerker/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welkom")
    expect(page.get_by_text("Uw authenticator-app is ingesteld")).to_be_visible()
    axe_check_streng(page)
